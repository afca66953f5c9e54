// An example cdktf app (stacks/aws-*) copied into a temp dir, whose cdktf.json context a test
// edits between runs, and the real CLI run against a moto server.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { copyStack } from './copy-stack.ts';
import type { MotoServer } from './moto.ts';
import { runBallast, type BallastRun } from './run-ballast.ts';

export interface AwsApp {
  readonly dir: string;
  /** merges into the cdktf.json context (the app reads its settings from there) */
  setContext(patch: Record<string, unknown>): Promise<void>;
  /** runs `ballast ARGS` in the app directory against moto */
  run(args: string[], env?: Record<string, string>): Promise<BallastRun>;
}

const made = new Set<string>();

/** Removes every app copy made so far; call it from the test file's top-level `after`. */
export async function removeAwsApps(): Promise<void> {
  await Promise.all([...made].map((d) => rm(d, { recursive: true, force: true })));
  made.clear();
}

export async function awsApp(stack: string, moto: MotoServer, context: Record<string, unknown> = {}): Promise<AwsApp> {
  // not makeTempDir: its cleanup hook would belong to whichever (concurrent) test called it first
  const dir = await mkdtemp(join(tmpdir(), `ballast-${stack}-`));
  made.add(dir);
  await copyStack(stack, dir);
  const app: AwsApp = {
    dir,
    async setContext(patch) {
      const file = join(dir, 'cdktf.json');
      const json = JSON.parse(await readFile(file, 'utf8'));
      json.context = { ...json.context, ...patch };
      await writeFile(file, JSON.stringify(json, null, 2));
    },
    run: (args, env = {}) => runBallast(args, { cwd: dir, env: { ...motoEnv(moto), ...env } }),
  };
  await app.setContext(context);
  return app;
}

export function motoEnv(moto: MotoServer): Record<string, string> {
  return { ...moto.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
}

export function s3Admin(moto: MotoServer): S3Client {
  return new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
}

/** Fails with the run's output when the exit code is not the expected one. */
export function expectExit(r: BallastRun, code: number, what: string): void {
  if (r.code !== code) throw new Error(`${what}: expected exit ${code}, got ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
}
