// Unary calls of the plugin protocol, made straight on the grpc-js channel with codecs that
// protobufjs generates from Ballast's .proto files. A provider call is on every resource
// instance's path, so it skips what grpc-js's generic client adds per call for features the
// bridge does not use (interceptors, an event emitter per call, a captured caller stack), and
// protobufjs's fromObject copy of each request: requests are built as plain objects with the
// protocol's field names, which protobufjs encodes as they are. Responses come back in the form
// @grpc/proto-loader gave them (enums as names, int64 as numbers, repeated fields as arrays).

import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';

/** One unary method: its HTTP/2 path and its message codecs. */
export interface UnaryMethod {
  readonly path: string;
  encode(req: object): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** How decoded messages look (shared with @grpc/proto-loader's options for go-plugin's services). */
export const MESSAGE_SHAPE = { longs: Number, enums: String, defaults: false, arrays: true, objects: true, oneofs: true } satisfies protobuf.IConversionOptions;

/** The unary methods of `service` (e.g. `tfplugin6.Provider`) in the .proto file at `file`, by name. */
export function loadUnaryMethods(file: string, service: string): ReadonlyMap<string, UnaryMethod> {
  const root = new protobuf.Root().loadSync(file, { keepCase: true });
  root.resolveAll();
  const svc = root.lookupService(service);
  const out = new Map<string, UnaryMethod>();
  for (const m of svc.methodsArray) {
    if (m.requestStream || m.responseStream || !m.resolvedRequestType || !m.resolvedResponseType) continue;
    const reqType = m.resolvedRequestType;
    const respType = m.resolvedResponseType;
    out.set(m.name, {
      path: `/${svc.fullName.slice(1)}/${m.name}`,
      encode: (req) => reqType.encode(req).finish(),
      decode: (bytes) => respType.toObject(respType.decode(bytes), MESSAGE_SHAPE),
    });
  }
  return out;
}

/** What a failed call reports: grpc-js's status (code and details). */
export type CallStatus = Pick<grpc.StatusObject, 'code' | 'details'>;

/** A started call; cancel() abandons it (its callback then gets a CANCELLED status). */
export interface PendingCall {
  cancel(): void;
}

const NO_DEADLINE = Number.POSITIVE_INFINITY;

/** One unary call: `done` gets the decoded response, or the status the call ended with. */
export function unaryCall(channel: grpc.ChannelInterface, method: UnaryMethod, req: object, done: (err: CallStatus | null, resp?: unknown) => void): PendingCall {
  // no deadline: a provider call may take as long as the resource needs (timeouts are the caller's)
  const call = channel.createCall(method.path, NO_DEADLINE, null, null, null);
  let response: Buffer | undefined;
  call.start(new grpc.Metadata(), {
    onReceiveMetadata: () => {},
    onReceiveMessage: (m: Buffer) => {
      response = m;
    },
    onReceiveStatus: (status) => {
      if (status.code !== grpc.status.OK) return done(status);
      if (response === undefined) return done({ code: grpc.status.UNIMPLEMENTED, details: 'No message received' });
      let decoded: unknown;
      try {
        decoded = method.decode(response);
      } catch (e) {
        return done({ code: grpc.status.INTERNAL, details: `Response message parsing error: ${(e as Error).message}` });
      }
      done(null, decoded);
    },
  });
  call.startRead();
  let bytes: Uint8Array;
  try {
    bytes = method.encode(req);
  } catch (e) {
    call.cancelWithStatus(grpc.status.INTERNAL, `Request message serialization failure: ${(e as Error).message}`);
    return { cancel: () => {} };
  }
  call.sendMessageWithContext({}, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  call.halfClose();
  return { cancel: () => call.cancelWithStatus(grpc.status.CANCELLED, 'Cancelled on client') };
}
