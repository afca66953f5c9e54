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
    child.on('close', (_code, signal) => { clearTimeout(guard); resolve({ signal, completed, stdout, pid: child.pid ?? 0 }); });
  });
}
