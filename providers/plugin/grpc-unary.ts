// Unary gRPC calls over one HTTP/2 connection (node:http2), for the provider calls on the hot
// path. @grpc/grpc-js spends more CPU per call than the rest of the bridge together (its
// interceptor, resolving, retrying, load-balancing and channelz layers run for every call; the
// benchmark measured about half of Ballast's CPU per call there). A provider is one local
// process behind one socket, which needs none of that, so the wire format is spoken here:
// POST /package.Service/Method, each message as a 5-byte prefix (compressed flag, length) and
// its protobuf bytes, the outcome in grpc-status/grpc-message trailers (or in the headers of a
// trailers-only answer). Messages are encoded by the serializers @grpc/proto-loader builds
// from the .proto files. The streams (StreamStdio) and the controller stay on grpc-js.

import http2 from 'node:http2';
import type { Socket } from 'node:net';

/** What proto-loader's package definition holds for one method. */
export interface UnaryMethod {
  readonly path: string;
  readonly requestSerialize: (value: object) => Buffer;
  readonly responseDeserialize: (bytes: Buffer) => unknown;
}

/** gRPC status codes used here (the full table is in the gRPC spec). */
export const Status = { OK: 0, CANCELLED: 1, DEADLINE_EXCEEDED: 4, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14 } as const;

/** A call that ended without a response: its gRPC status code and the server's message. */
export class GrpcCallError extends Error {
  constructor(
    readonly code: number,
    readonly details: string,
  ) {
    super(`${code} ${details}`);
  }
}

export interface UnaryCall<T> {
  readonly response: Promise<T>;
  /** abandons the call (RST_STREAM CANCEL); the response rejects with CANCELLED */
  cancel(): void;
}

export interface UnaryChannelOptions {
  /** opens the transport: a TLS socket for AutoMTLS, a plain socket otherwise */
  readonly connect: () => Socket;
  readonly secure: boolean;
  readonly maxMessageBytes: number;
}

/** A large flow-control window: a big provider's schema arrives without a WINDOW_UPDATE per 64 KiB. */
const WINDOW_BYTES = 32 << 20;

let started = 0;
/** Unary calls this process has started (the benchmark divides CPU time by it). */
export function unaryCallCount(): number {
  return started;
}

export class UnaryChannel {
  private readonly session: http2.ClientHttp2Session;
  private failure?: Error;
  private readonly connected: Promise<void>;

  constructor(private readonly opts: UnaryChannelOptions) {
    this.session = http2.connect(opts.secure ? 'https://localhost' : 'http://localhost', {
      createConnection: () => opts.connect(),
      settings: { initialWindowSize: WINDOW_BYTES, enablePush: false },
    });
    this.connected = new Promise<void>((resolve, reject) => {
      this.session.once('connect', () => {
        this.session.setLocalWindowSize(WINDOW_BYTES);
        resolve();
      });
      this.session.once('close', () => reject(this.failure ?? new Error('the connection closed')));
    });
    // a lost connection shows on each open call; kept here to explain the next one
    this.session.on('error', (e: Error) => {
      this.failure = e;
    });
    this.connected.catch(() => {});
  }

  /** Resolves once the HTTP/2 connection is up (TLS handshake and settings included). */
  ready(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no connection within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    return Promise.race([this.connected, timeout]).finally(() => clearTimeout(timer));
  }

  call<T>(method: UnaryMethod, request: object, timeoutMs?: number): UnaryCall<T> {
    let stream: http2.ClientHttp2Stream | undefined;
    let cancelled = false;
    started++;
    const response = new Promise<T>((resolve, reject) => {
      if (this.session.closed || this.session.destroyed) {
        reject(new GrpcCallError(Status.UNAVAILABLE, this.failure?.message ?? 'the connection is closed'));
        return;
      }
      const body = method.requestSerialize(request);
      const frame = Buffer.allocUnsafe(5 + body.length);
      frame[0] = 0;
      frame.writeUInt32BE(body.length, 1);
      body.copy(frame, 5);
      let s: http2.ClientHttp2Stream;
      try {
        s = this.session.request({ ':method': 'POST', ':path': method.path, 'content-type': 'application/grpc', te: 'trailers' }, { endStream: false });
      } catch (e) {
        reject(new GrpcCallError(Status.UNAVAILABLE, (e as Error).message));
        return;
      }
      stream = s;
      if (timeoutMs) s.setTimeout(timeoutMs, () => s.close(http2.constants.NGHTTP2_CANCEL));
      const chunks: Buffer[] = [];
      let size = 0;
      let status: number | undefined;
      let message = '';
      const takeStatus = (h: http2.IncomingHttpHeaders) => {
        if (h['grpc-status'] === undefined) return;
        status = Number(h['grpc-status']);
        message = decodeMessage(String(h['grpc-message'] ?? ''));
      };
      s.on('response', (h) => {
        const httpStatus = Number(h[':status']);
        if (httpStatus !== 200 && h['grpc-status'] === undefined) {
          status = Status.INTERNAL;
          message = `the provider answered HTTP ${httpStatus} instead of a gRPC response`;
        } else takeStatus(h);
      });
      s.on('trailers', takeStatus);
      s.on('data', (d: Buffer) => {
        size += d.length;
        if (size > this.opts.maxMessageBytes + 5) {
          status = Status.RESOURCE_EXHAUSTED;
          message = `the response is larger than ${this.opts.maxMessageBytes} bytes`;
          s.close(http2.constants.NGHTTP2_CANCEL);
          return;
        }
        chunks.push(d);
      });
      // errors arrive again as 'close' without a status; the listener keeps them from being thrown
      s.on('error', (e: Error) => {
        if (status === undefined) message = e.message;
      });
      s.on('close', () => {
        if (cancelled) return reject(new GrpcCallError(Status.CANCELLED, 'the call was cancelled'));
        if (status === undefined) {
          const why = message || this.failure?.message || `the stream closed without a status (HTTP/2 code ${s.rstCode ?? 0})`;
          return reject(new GrpcCallError(Status.UNAVAILABLE, why));
        }
        if (status !== Status.OK) return reject(new GrpcCallError(status, message));
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        if (all.length < 5) return reject(new GrpcCallError(Status.INTERNAL, 'the provider sent no response message'));
        if (all[0] !== 0) return reject(new GrpcCallError(Status.INTERNAL, 'the provider sent a compressed message, which Ballast did not ask for'));
        const length = all.readUInt32BE(1);
        if (all.length < 5 + length) return reject(new GrpcCallError(Status.INTERNAL, 'the response message was cut short'));
        try {
          resolve(method.responseDeserialize(all.subarray(5, 5 + length)) as T);
        } catch (e) {
          reject(new GrpcCallError(Status.INTERNAL, `the response could not be decoded: ${(e as Error).message}`));
        }
      });
      s.end(frame);
    });
    return {
      response,
      cancel: () => {
        if (!stream || stream.closed) return;
        cancelled = true;
        stream.close(http2.constants.NGHTTP2_CANCEL);
      },
    };
  }

  close(): void {
    if (!this.session.destroyed) this.session.destroy();
  }
}

/** grpc-message is percent-encoded (gRPC over HTTP/2, "Responses"). */
function decodeMessage(m: string): string {
  try {
    return decodeURIComponent(m);
  } catch {
    return m;
  }
}
