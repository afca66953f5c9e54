// The unary gRPC client (providers/plugin/grpc-unary.ts) against the real protocol-6 test
// provider over AutoMTLS: many calls side by side on one connection, an error answered in the
// headers alone (trailers-only), a cancelled call, and calls to a provider that has gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrpcCallError, Status } from '../providers/plugin/grpc-unary.ts';
import { encodeValue, decodeValue } from '../providers/plugin/msgpack-value.ts';
import { PluginProcess } from '../providers/plugin/plugin-process.ts';
import { binaries, ensureTestProviders } from './helpers/test-providers.ts';

const skip = ensureTestProviders();

async function started(): Promise<PluginProcess> {
  const p = new PluginProcess({ name: 'test/ballasttest6', binary: binaries.ballasttest6, env: { ...process.env }, log: () => {} });
  await p.start();
  return p;
}

const joinUpper = (parts: string[], sep: string) => ({
  name: 'join_upper',
  arguments: [{ msgpack: encodeValue(parts, { list: 'string' }) }, { msgpack: encodeValue(sep, 'string') }],
});

test('many calls share one connection and each gets its own answer', { skip, timeout: 120_000 }, async () => {
  const p = await started();
  try {
    assert.ok(p.channel, 'the Provider service has its channel');
    const calls = Array.from({ length: 200 }, (_, i) => p.channel!.call<{ result?: { msgpack?: Buffer } }>(p.methods.CallFunction, joinUpper([`a${i}`, 'b'], '-')).response);
    const answers = await Promise.all(calls);
    answers.forEach((r, i) => assert.equal(decodeValue(r.result?.msgpack, 'string'), `A${i}-B`));
    // a large answer (the whole schema) in one piece
    const schema = await p.channel!.call<{ resource_schemas?: Record<string, unknown> }>(p.methods.GetProviderSchema, {}).response;
    assert.ok(schema.resource_schemas?.ballasttest6_thing, 'the schema names the resource type');
  } finally {
    await p.stop();
  }
});

test('a server error answered in the headers alone, and a cancelled call, reject with their status', { skip, timeout: 120_000 }, async () => {
  const p = await started();
  try {
    const missing = { ...p.methods.CallFunction, path: '/tfplugin6.Provider/NoSuchMethod' };
    await assert.rejects(p.channel!.call(missing, joinUpper(['a'], '-')).response, (e: unknown) => e instanceof GrpcCallError && e.code === 12 && /NoSuchMethod|unknown method/i.test(e.details));
    const slow = p.channel!.call(p.methods.CallFunction, joinUpper(['a'], '-'));
    slow.cancel();
    await assert.rejects(slow.response, (e: unknown) => e instanceof GrpcCallError && e.code === Status.CANCELLED);
    // the connection still serves calls afterwards
    const ok = await p.channel!.call<{ result?: { msgpack?: Buffer } }>(p.methods.CallFunction, joinUpper(['x', 'y'], '+')).response;
    assert.equal(decodeValue(ok.result?.msgpack, 'string'), 'X+Y');
  } finally {
    await p.stop();
  }
});

test('calls to a provider that has gone reject as unavailable instead of hanging', { skip, timeout: 120_000 }, async () => {
  const p = await started();
  const channel = p.channel!;
  const inFlight = Array.from({ length: 20 }, () =>
    channel.call(p.methods.CallFunction, joinUpper(['a'], '-')).response.then(
      () => 'answered',
      (e: unknown) => (e instanceof GrpcCallError ? e.code : 'other'),
    ),
  );
  await p.kill();
  const outcomes = await Promise.all(inFlight);
  for (const o of outcomes) assert.ok(o === 'answered' || o === Status.UNAVAILABLE, `answered or unavailable, got ${o}`);
  await assert.rejects(channel.call(p.methods.CallFunction, joinUpper(['a'], '-')).response, (e: unknown) => e instanceof GrpcCallError && e.code === Status.UNAVAILABLE);
});
