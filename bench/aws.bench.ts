// AWS benchmark (issue 3): apply 500 aws_s3_object resources against a moto server with
// parallelism 1, 10 and 50, through the real CLI. Prints wall time of the whole command and
// the apply time Ballast reports; then destroys. Numbers only; nothing asserts on time.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMoto, motoAvailable } from '../test/helpers/moto.ts';

const OBJECTS = 500;
const BIN = join(import.meta.dirname, '..', 'bin', 'ballast');

/** A synthesized-form stack: one bucket and OBJECTS objects in it (count). */
function stackJson(bucket: string): unknown {
  return {
    terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '~> 6.0' } } },
    provider: { aws: [{ region: 'us-east-1' }] },
    resource: {
      aws_s3_bucket: { b: { bucket: bucket, force_destroy: true } },
      aws_s3_object: {
        o: { count: OBJECTS, bucket: '${aws_s3_bucket.b.id}', key: 'objects/${count.index}.txt', content: 'object ${count.index}', content_type: 'text/plain' },
      },
    },
  };
}

/** Async on purpose: a blocked event loop would stop draining moto's log pipe and stall moto. */
function ballast(args: string[], env: Record<string, string>): Promise<{ ms: number; stdout: string; code: number | null }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...env, NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) process.stdout.write(`  ballast ${args[0]} exited ${code}: ${stderr.slice(0, 2000)}\n`);
      resolve({ ms: performance.now() - t0, stdout, code });
    });
  });
}

export async function run(): Promise<void> {
  if (!motoAvailable()) {
    console.log('moto is not installed (scripts/setup-venv.sh); skipping the AWS benchmark');
    return;
  }
  const moto = await startMoto();
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-aws-'));
  try {
    console.log(`apply ${OBJECTS} aws_s3_object (+1 bucket) against moto, via the CLI`);
    console.log('parallelism  command wall  apply (reported)  destroy wall');
    for (const p of [1, 10, 50]) {
      const file = join(dir, `p${p}.tf.json`);
      writeFileSync(file, JSON.stringify(stackJson(`bench-objects-p${p}`)));
      const common = ['--chdir', file, '--state-dir', join(dir, `state-p${p}`), '--parallelism', String(p), '--auto-approve'];
      const apply = await ballast(['apply', ...common], moto.env);
      const reported = /Recorded state version \d+ of stack "[^"]+" \(([\d.]+)s\)/.exec(apply.stdout)?.[1];
      const destroy = await ballast(['destroy', ...common], moto.env);
      console.log(`${String(p).padStart(11)}  ${(apply.ms / 1000).toFixed(2).padStart(10)} s  ${(reported ?? '?').padStart(14)} s  ${(destroy.ms / 1000).toFixed(2).padStart(10)} s`);
    }
  } finally {
    await moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
