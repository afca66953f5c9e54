import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createAgentMetrics } from './metrics.ts';
import { createLogger } from './logger.ts';
import { startHttpServer } from './http-server.ts';
import { signBody } from './webhook-signature.ts';
import type { StatusJson } from './stack-status.ts';

const secret = Buffer.from('s3cr3t-hook');

async function withServer(fn: (base: string, calls: string[], logs: () => string) => Promise<void>, opts: { secret?: Buffer; ready?: boolean } = {}) {
  let logText = '';
  const sink = new Writable({
    write(c, _e, done) {
      logText += c.toString();
      done();
    },
  });
  const metrics = createAgentMetrics({ processMetrics: false });
  metrics.reconciles.inc({ stack: 'app', result: 'applied' });
  const calls: string[] = [];
  const status: StatusJson = {
    stacks: {
      app: {
        source: 's',
        path: 'git x (main) stacks/app',
        phase: 'idle',
        lastConsideredRevision: 'main@sha1:abc',
        lastChangedRevision: 'main@sha1:abc',
        revision: 'main@sha1:abc',
        lastAppliedRevision: null,
        lastResult: null,
        stateVersion: null,
        nextRunAt: null,
        suspended: false,
        pinnedTo: null,
        drifted: [],
        health: [],
      },
    },
    sources: {},
  };
  const srv = await startHttpServer('127.0.0.1', 0, {
    ready: () => opts.ready ?? true,
    status: () => status,
    metrics: metrics.registry,
    trigger: (reason) => {
      calls.push(reason);
      return ['s'];
    },
    webhookSecret: 'secret' in opts ? opts.secret : secret,
    log: createLogger({ destination: sink, json: true }),
  });
  try {
    await fn(`http://${srv.address}`, calls, () => logText);
  } finally {
    await srv.close();
  }
}

test('health, readiness, status and metrics', async () => {
  await withServer(async (base) => {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    const status = (await (await fetch(`${base}/status`)).json()) as StatusJson;
    assert.equal(status.stacks.app.revision, 'main@sha1:abc');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /ballast_reconcile_total\{stack="app",result="applied"\} 1/);
    assert.equal((await fetch(`${base}/nope`)).status, 404);
    assert.equal((await fetch(`${base}/status`, { method: 'POST', body: 'x' })).status, 405);
  });
  await withServer(async (base) => assert.equal((await fetch(`${base}/readyz`)).status, 503), { ready: false });
});

test('the git hook triggers only with a valid signature and never logs the secret', async () => {
  await withServer(async (base, calls, logs) => {
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const bad = await fetch(`${base}/hooks/git`, { method: 'POST', body, headers: { 'x-hub-signature-256': signBody('wrong', body) } });
    assert.equal(bad.status, 401);
    const none = await fetch(`${base}/hooks/git`, { method: 'POST', body });
    assert.equal(none.status, 401);
    const tampered = await fetch(`${base}/hooks/git`, { method: 'POST', body: body + ' ', headers: { 'x-hub-signature-256': signBody(secret, body) } });
    assert.equal(tampered.status, 401);
    assert.deepEqual(calls, []);
    const ok = await fetch(`${base}/hooks/git`, { method: 'POST', body, headers: { 'x-hub-signature-256': signBody(secret, body), 'x-github-event': 'push' } });
    assert.equal(ok.status, 202);
    assert.deepEqual(await ok.json(), { triggered: ['s'] });
    assert.equal(calls.length, 1);
    const ping = await fetch(`${base}/hooks/git`, { method: 'POST', body, headers: { 'x-hub-signature-256': signBody(secret, body), 'x-github-event': 'ping' } });
    assert.equal(ping.status, 200);
    assert.equal(calls.length, 1, 'a ping triggers nothing');
    assert.equal((await fetch(`${base}/hooks/git`)).status, 405);
    assert.ok(logs().includes('rejected'));
    assert.ok(!logs().includes(secret.toString()));
  });
  await withServer(
    async (base, calls) => {
      const body = '{}';
      assert.equal((await fetch(`${base}/hooks/git`, { method: 'POST', body, headers: { 'x-hub-signature-256': signBody(secret, body) } })).status, 404);
      assert.deepEqual(calls, []);
    },
    { secret: undefined },
  );
});
