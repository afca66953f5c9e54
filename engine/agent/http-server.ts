// The agent's HTTP face (node:http): /healthz, /readyz, /metrics (Prometheus), /status (JSON),
// and POST /hooks/git, which triggers an immediate fetch only for a request signed with the
// shared secret (GitHub's X-Hub-Signature-256). Everything else is 404 (or 405 for a wrong
// method); a hook without a valid signature is 401 and changes nothing. The web UI, when
// wired in, answers the paths it serves (/, /stacks/…, /ui/…).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from './logger.ts';
import type { StatusJson } from './stack-status.ts';
import { SIGNATURE_HEADER, verifySignature } from './webhook-signature.ts';

export interface AgentEndpoints {
  readonly ready: () => boolean;
  readonly status: () => StatusJson;
  readonly metrics: Registry;
  /** triggers the git sources; returns the names triggered */
  readonly trigger: (reason: string) => string[];
  /** the webhook secret; without one the hook is disabled (404) */
  readonly webhookSecret?: Buffer;
  readonly log: Logger;
  /** the web UI (engine/ui), wired by the CLI: handles its own paths, false for others */
  readonly ui?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

export interface AgentHttpServer {
  readonly server: Server;
  /** host:port actually bound (port 0 resolved) */
  readonly address: string;
  close(): Promise<void>;
}

/** GitHub's payload limit is 25 MB; a push notification is small, and nothing here reads it. */
const MAX_BODY = 1024 * 1024;

export async function startHttpServer(host: string, port: number, e: AgentEndpoints): Promise<AgentHttpServer> {
  const server = createServer((req, res) => {
    handle(req, res, e).catch((err) => {
      e.log.error({ event: 'http', path: req.url, error: (err as Error).message }, 'request failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const a = server.address() as AddressInfo;
  const address = `${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  return {
    server,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, e: AgentEndpoints): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://agent').pathname;
  const method = req.method ?? 'GET';
  const get = method === 'GET' || method === 'HEAD';
  switch (path) {
    case '/healthz':
      if (!get) return methodNotAllowed(res, 'GET');
      return send(res, 200, { status: 'ok' });
    case '/readyz':
      if (!get) return methodNotAllowed(res, 'GET');
      return e.ready() ? send(res, 200, { status: 'ready' }) : send(res, 503, { status: 'not ready' });
    case '/metrics': {
      if (!get) return methodNotAllowed(res, 'GET');
      const body = await e.metrics.metrics();
      res.writeHead(200, { 'content-type': e.metrics.contentType });
      res.end(body);
      return;
    }
    case '/status':
      if (!get) return methodNotAllowed(res, 'GET');
      return send(res, 200, e.status());
    case '/hooks/git':
      return hook(req, res, e);
    default:
      if (e.ui && (await e.ui(req, res))) return;
      req.resume();
      return send(res, 404, { error: 'not found' });
  }
}

async function hook(req: IncomingMessage, res: ServerResponse, e: AgentEndpoints): Promise<void> {
  if (!e.webhookSecret) {
    req.resume();
    return send(res, 404, { error: 'the webhook is not enabled (start the agent with --webhook-secret-file)' });
  }
  if (req.method !== 'POST') {
    req.resume();
    return methodNotAllowed(res, 'POST');
  }
  // a body announced or found to be over the limit is answered at once and never read to its end
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY) return tooLarge(req, res);
  const body = await readBody(req, MAX_BODY);
  if (body === null) return tooLarge(req, res);
  const signature = req.headers[SIGNATURE_HEADER];
  if (!verifySignature(e.webhookSecret, body, Array.isArray(signature) ? signature[0] : signature)) {
    e.log.warn({ event: 'webhook', result: 'rejected', remote: req.socket.remoteAddress }, 'webhook with a missing or invalid signature rejected');
    return send(res, 401, { error: 'invalid signature' });
  }
  const event = String(req.headers['x-github-event'] ?? 'push');
  if (event === 'ping') return send(res, 200, { status: 'pong' });
  const delivery = String(req.headers['x-github-delivery'] ?? '');
  const triggered = e.trigger(`webhook ${event}${delivery ? ` ${delivery}` : ''}`);
  return send(res, 202, { triggered });
}

/** The body, or null as soon as it grows past `limit` (reading stops there). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      req.off('data', onData);
      req.off('end', onEnd);
      req.pause();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** Time a client gets to read a 413 before the connection it keeps sending on is dropped. */
const DROP_AFTER_MS = 1000;

/**
 * 413 now, then close the connection instead of draining the rest of the body (node would
 * otherwise read it all to reuse the connection): the sender gets the answer and a FIN, and
 * the socket is destroyed shortly after if it keeps sending.
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  req.pause();
  res.shouldKeepAlive = false;
  res.setHeader('connection', 'close');
  res.on('finish', () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), DROP_AFTER_MS).unref();
  });
  send(res, 413, { error: `payload too large (the limit is ${MAX_BODY} bytes)` });
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2) + '\n';
  res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  send(res, 405, { error: `method not allowed; use ${allow}` });
}
