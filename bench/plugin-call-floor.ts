// What one provider call costs Ballast with nothing of its own in it: `GetFunctions` (an empty
// request, a small answer, no values to convert) through the same unary path the bridge uses,
// at parallelism 10, in a fresh process. The first batch pays the JIT warm-up of the gRPC and
// HTTP/2 code, the later ones run warm. Prints one JSON line of CPU µs per call per batch.

import { loadavg } from 'node:os';
import { fileDigest } from '../providers/plugin/install/package-hash.ts';
import { PluginProvider } from '../providers/plugin/plugin-provider.ts';
import { createSchemaCache } from '../providers/plugin/schema-cache.ts';
import { unaryCall } from '../providers/plugin/unary-rpc.ts';
import { selfCpuMs } from './process-cpu.ts';

const [binary, count] = process.argv.slice(2);
const n = Number(count ?? 2000);
const p = new PluginProvider({ name: 'floor', binary, digest: fileDigest(binary), env: { ...process.env }, log: () => {}, schemaCache: createSchemaCache(undefined) });
const started = await p.start();
if (started.length) throw new Error(started.map((d) => d.summary).join('; '));
try {
  const proc = p.process;
  const channel = proc.client!.getChannel();
  const method = proc.methods.get('GetFunctions')!;
  const one = () => new Promise<void>((resolve, reject) => unaryCall(channel, method, {}, (e) => (e ? reject(new Error(e.details)) : resolve())));
  const batches: number[] = [];
  for (let b = 0; b < 3; b++) {
    const c = selfCpuMs();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next++ < n) await one();
      }),
    );
    batches.push(((selfCpuMs() - c) / n) * 1000);
  }
  process.stdout.write(`${JSON.stringify({ usPerCall: batches, load: loadavg()[0] })}\n`);
} finally {
  await p.close();
}
