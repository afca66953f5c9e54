// Start-up cost: the compiled CLI loads only what a command uses. Traced with a loader hook
// (test/helpers/trace-loads.mjs) in the real `bin/ballast` process.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from './helpers/temp-dir.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { repoRoot } from './helpers/repo-root.ts';

const tracer = pathToFileURL(join(repoRoot, 'test', 'helpers', 'trace-loads.mjs')).href;

async function loadsOf(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; loaded: string[] }> {
  const file = join(await makeTempDir(), 'loads.txt');
  await writeFile(file, '');
  const run = await runBallast(args, { cwd, env: { NODE_OPTIONS: `--import ${tracer}`, BALLAST_TRACE_LOADS: file } });
  return { ...run, loaded: (await readFile(file, 'utf8')).split('\n').filter(Boolean) };
}

// a package from node_modules, or one pre-bundled into dist/vendor/<name>.js (scripts/build.mjs)
const packagesOf = (urls: string[]) =>
  new Set(urls.flatMap((u) => [...[...u.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1]!), ...[...u.matchAll(/\/dist\/vendor\/([^/]+)\.js$/g)].map((m) => m[1]!)]));

const HEAVY = ['@cdktf/hcl2json', '@aws-sdk/client-s3', '@aws-sdk/client-sts', '@aws-sdk/credential-providers', 'pino', 'prom-client', '@kubernetes/client-node', '@grpc/grpc-js', 'tsx'];

test('--version loads no command, not even yargs, and none of the engine libraries', async () => {
  const run = await loadsOf(['--version'], await makeTempDir());
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^ballast\/\d+\.\d+\.\d+/);
  assert.ok(
    run.loaded.some((u) => u.endsWith('/dist/ballast.js')),
    'the tracer saw the compiled entry',
  );
  const pkgs = packagesOf(run.loaded);
  for (const p of [...HEAVY, 'yargs', 're2js', 'diff', 'yaml', 'simple-git']) assert.ok(!pkgs.has(p), `--version loaded ${p}`);
});

test('plan of a stack without AWS loads neither the AWS SDK nor agent, kubernetes, plugin or rarely used libraries', async () => {
  const dir = await makeTempDir();
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { a: { input: 'x' } }, random_pet: { p: {} } }, output: { a: { value: '${terraform_data.a.output}' } } }));
  const run = await loadsOf(['plan', '--detailed-exitcode'], dir);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stdout, /terraform_data\.a will be created/);
  const pkgs = packagesOf(run.loaded);
  assert.ok(pkgs.has('yargs'), 'the tracer saw the engine load');
  for (const p of HEAVY) assert.ok(!pkgs.has(p), `plan loaded ${p}`);
  // used by a few functions, the multi-line diff, git previews, cluster apps and provider installs only
  for (const p of ['bcryptjs', 'iconv-lite', 'yaml', 'diff', 'simple-git', 'adm-zip', 're2js']) assert.ok(!pkgs.has(p), `plan loaded ${p}`);
  // Node's own modules for running apps and commands, compressing, and asking a question
  for (const b of ['node:child_process', 'node:zlib', 'node:readline']) assert.ok(!run.loaded.includes(b), `plan loaded ${b}`);
});

test('plan of a stack with an S3 backend loads the AWS SDK only for the store', async () => {
  const dir = await makeTempDir();
  await writeFile(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      terraform: { backend: { s3: { bucket: 'b', key: 'k', region: 'us-east-1', endpoint: 'http://127.0.0.1:9', access_key: 'a', secret_key: 's' } } },
      resource: { terraform_data: { a: { input: 'x' } } },
    }),
  );
  const run = await loadsOf(['plan'], dir);
  const pkgs = packagesOf(run.loaded);
  // the store is reached (and fails: nothing listens there), so its SDK was loaded on demand
  assert.notEqual(run.code, 0);
  assert.ok(pkgs.has('@aws-sdk/client-s3'), 'the S3 store loaded its SDK when used');
  assert.ok(!pkgs.has('@aws-sdk/client-sts'), 'no AWS provider was configured');
});

test('yargs is one pre-bundled file, and its messages stay English whatever the locale', async () => {
  const run = await loadsOf(['plan', '--nope'], await makeTempDir());
  assert.equal(run.code, 1);
  assert.ok(
    run.loaded.some((u) => u.endsWith('/dist/vendor/yargs.js')),
    'yargs came from dist/vendor',
  );
  assert.ok(!run.loaded.some((u) => u.includes('/node_modules/yargs/')), 'no file of node_modules/yargs was loaded');
  const german = await runBallast(['plan', '--nope'], { cwd: await makeTempDir(), env: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
  assert.equal(german.code, 1);
  assert.match(german.stderr, /Unknown flag --nope\./);
  assert.doesNotMatch(german.stderr, /Unbekannt/);
});

test('--help lays out the command table (string-width, loaded on first use) within the width', async () => {
  const run = await runBallast(['--help'], { cwd: await makeTempDir() });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^ {2}ballast plan +Show the changes apply would make/m);
  for (const line of run.stdout.split('\n')) assert.ok(line.length <= 100, `wider than 100 columns: ${line}`);
});

test('on Node 22.1+ compiled code is cached in the user cache folder (XDG_CACHE_HOME), not the shared temporary one', {
  skip: typeof (module as { enableCompileCache?: unknown }).enableCompileCache !== 'function' && 'this Node has no compile cache',
}, async () => {
  const cache = await makeTempDir();
  const run = await runBallast(['--version'], { cwd: await makeTempDir(), env: { XDG_CACHE_HOME: cache, NODE_COMPILE_CACHE: '' } });
  assert.equal(run.code, 0, run.stderr);
  const dir = join(cache, 'ballast', 'compile-cache');
  const versions = await readdir(dir);
  assert.ok(versions.length > 0, `nothing cached in ${dir}`);
  assert.ok((await readdir(join(dir, versions[0]!))).length > 0, 'the cache holds compiled modules');
});
