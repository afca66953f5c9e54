import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider } from './index.ts';
import type { Provider } from '../provider.ts';

let dir: string;
let p: Provider;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ballast-cmd-'));
  p = createLocalProvider({ workingDir: dir, env: process.env });
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});
const T = 'local_command';

test('runs the program in the stack dir with arguments and stdin', async () => {
  const node = process.execPath;
  const script = 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{console.log(process.cwd()+"|"+process.argv[1]+"|"+s);console.error("warn")})';
  const r = await p.readDataSource({ typeName: T, config: { command: node, arguments: ['-e', script, 'arg1'], stdin: 'in' } });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.state!.stdout, `${dir}|arg1|in\n`);
  assert.equal(r.state!.stderr, 'warn\n');
  assert.equal(r.state!.exit_code, 0);
});

test('a failing command is a diagnostic unless allowed; a missing one too', async () => {
  const args = ['-e', 'process.exit(3)'];
  const bad = await p.readDataSource({ typeName: T, config: { command: process.execPath, arguments: args } });
  assert.match(bad.diagnostics[0].summary, /exited with code 3/);
  const ok = await p.readDataSource({ typeName: T, config: { command: process.execPath, arguments: args, allow_non_zero_exit_code: true } });
  assert.equal(ok.state!.exit_code, 3);
  const missing = await p.readDataSource({ typeName: T, config: { command: 'ballast-no-such-program' } });
  assert.match(missing.diagnostics[0].summary, /could not be run/);
});
