// Serves repositories over git:// from a temporary base path with a real `git daemon`
// listening on 127.0.0.1 only. stop() ends the daemon and removes the base path.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitDaemon {
  /** directory whose bare repositories are served; put `<name>.git` here */
  readonly basePath: string;
  readonly port: number;
  /** git://127.0.0.1:<port>/<name> */
  url(name: string): string;
  stop(): Promise<void>;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port }, () => {
      sock.destroy();
      resolve(true);
    });
    sock.on('error', () => resolve(false));
  });
}

export async function startGitDaemon(basePath?: string): Promise<GitDaemon> {
  const base = basePath ?? (await mkdtemp(join(tmpdir(), 'ballast-git-daemon-')));
  const port = await freeLoopbackPort();
  const child = spawn('git', ['daemon', '--reuseaddr', '--export-all', '--informative-errors', `--base-path=${base}`, '--listen=127.0.0.1', `--port=${port}`, base], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(base, { recursive: true, force: true });
      throw new Error(`git daemon did not start on 127.0.0.1:${port}: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    basePath: base,
    port,
    url: (name) => `git://127.0.0.1:${port}/${name}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(base, { recursive: true, force: true });
    },
  };
}
