// The webhook answers 413 as soon as a body is known to be over the limit, instead of reading
// the whole of it first (a 100 MB body used to be read to its end before the answer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { createAgentMetrics } from './metrics.ts';
import { createLogger } from './logger.ts';
import { startHttpServer, type AgentHttpServer } from './http-server.ts';

const HUGE = 100 * 1024 * 1024;

async function server(): Promise<AgentHttpServer> {
  return startHttpServer('127.0.0.1', 0, {
    ready: () => true,
    status: () => ({ stacks: {}, sources: {} }),
    metrics: createAgentMetrics({ processMetrics: false }).registry,
    trigger: () => {
      throw new Error('an oversized hook must not trigger anything');
    },
    webhookSecret: Buffer.from('s3cr3t'),
    log: createLogger({
      destination: new Writable({
        write(_c, _e, done) {
          done();
        },
      }),
      json: true,
    }),
  });
}

/** Sends `head`, then body chunks until the server answers; resolves with the answer and the bytes sent. */
function sendUntilAnswered(address: string, head: string, chunk: (data: Buffer) => Buffer, total: number): Promise<{ answer: string; sent: number }> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const sock: Socket = connect(port, host);
    let answer = '';
    let sent = 0;
    let answered = false;
    sock.on('data', (d) => {
      answer += d.toString('latin1');
      if (!answered && answer.includes('\r\n\r\n')) {
        answered = true;
        resolve({ answer, sent });
        sock.destroy();
      }
    });
    sock.on('error', (e) => {
      if (!answered) reject(e);
    });
    sock.on('close', () => {
      if (!answered) reject(new Error(`connection closed without an answer after ${sent} body bytes`));
    });
    const data = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && sent < total) {
        sent += data.length;
        if (!sock.write(chunk(data))) return void sock.once('drain', pump);
      }
    };
    sock.write(head, pump);
  });
}

test('a body announced as too large gets 413 before any of it is sent', { timeout: 60_000 }, async () => {
  const srv = await server();
  try {
    const head = `POST /hooks/git HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${HUGE}\r\n\r\n`;
    const { answer, sent } = await sendUntilAnswered(srv.address, head, (d) => d, 0);
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /connection: close/i);
    assert.equal(sent, 0);
  } finally {
    await srv.close();
  }
});

test('a chunked body is read only up to the limit, then answered 413', { timeout: 60_000 }, async () => {
  const srv = await server();
  try {
    const head = 'POST /hooks/git HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const framed = (d: Buffer) => Buffer.concat([Buffer.from(`${d.length.toString(16)}\r\n`), d, Buffer.from('\r\n')]);
    const { answer, sent } = await sendUntilAnswered(srv.address, head, framed, HUGE);
    assert.match(answer, /^HTTP\/1\.1 413 /);
    // the limit is 1 MiB; socket buffers on both sides may hold a few more, never the whole 100 MB
    assert.ok(sent < 32 * 1024 * 1024, `the answer came only after ${sent} bytes were sent`);
  } finally {
    await srv.close();
  }
});
