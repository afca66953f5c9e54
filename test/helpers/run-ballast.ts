// Runs the real CLI (<repo>/bin/ballast) as a child process, the way a user or CI would.

import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root.ts';

export const ballastBin = join(repoRoot, 'bin', 'ballast');

export interface RunBallastOptions {
  cwd: string;
  /** added to (and overriding) the parent's environment */
  env?: Record<string, string>;
  /** written to stdin, which is then closed (stdin is closed immediately without it) */
  input?: string;
  /** kill the process (SIGKILL) after this long; default 300 s (a safety net for a loaded machine, not a time limit under test) */
  timeoutMs?: number;
}

export interface BallastRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBallast(args: string[], opts: RunBallastOptions): Promise<BallastRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(ballastBin, args, {
      cwd: opts.cwd,
      // NO_COLOR: stable, greppable output regardless of the test runner's terminal.
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 300_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${ballastBin}: ${e.message}`, { cause: e }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`ballast ${args.join(' ')} timed out after ${opts.timeoutMs ?? 300_000} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        return;
      }
      // Killed by a signal: report it the way a shell would (128 + signal number).
      resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), stdout, stderr });
    });
    // The child may exit without reading stdin; that is not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}
