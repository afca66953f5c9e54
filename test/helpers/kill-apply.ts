// A real `ballast apply` killed part-way: started as a child process and SIGKILLed once it
// reported `after` finished resources (an event, not a clock), so what it left behind (journal,
// lock, objects) is what a crash really leaves.

import { spawn } from 'node:child_process';
import { ballastBin } from './run-ballast.ts';

export interface KilledApply {
  /** SIGKILL when it was killed; null when it finished before the signal landed */
  signal: NodeJS.Signals | null;
  /** resources reported complete before the kill */
  completed: number;
  stdout: string;
  pid: number;
}

export function applyAndKill(cwd: string, after: number, args: string[] = ['apply', '--auto-approve', '--parallelism', '4'], env: Record<string, string> = {}): Promise<KilledApply> {
  return new Promise((resolve, reject) => {
    const child = spawn(ballastBin, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let completed = 0;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      completed = (stdout.match(/Creation complete/g) ?? []).length;
      if (completed >= after) child.kill('SIGKILL');
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ signal, completed, stdout, pid: child.pid ?? 0 });
    });
  });
}

export interface FrozenApply {
  readonly pid: number;
  /** stdout and stderr so far */
  output(): string;
  /** SIGCONT, then the exit code once it ends */
  resume(): Promise<number | null>;
  /** SIGKILL (works on a stopped process too), resolves once it is gone */
  kill(): Promise<void>;
}

/**
 * Starts `ballast apply` and freezes it (SIGSTOP) once it reported `after` finished resources:
 * it holds the state lock, it is alive, and it does nothing until resumed or killed.
 */
export function freezeApply(cwd: string, after: number, args: string[] = ['apply', '--auto-approve', '--parallelism', '1'], env: Record<string, string> = {}): Promise<FrozenApply> {
  return new Promise((resolve, reject) => {
    const child = spawn(ballastBin, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let frozen = false;
    const closed = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (frozen || (out.match(/Creation complete/g) ?? []).length < after) return;
      frozen = child.kill('SIGSTOP');
      resolve({
        pid: child.pid!,
        output: () => out,
        async resume() {
          child.kill('SIGCONT');
          return closed;
        },
        async kill() {
          child.kill('SIGKILL');
          await closed;
        },
      });
    });
    child.on('error', reject);
    void closed.then((code) => {
      if (!frozen) reject(new Error(`apply ended (exit ${code}) before ${after} resources completed:\n${out}`));
    });
  });
}
