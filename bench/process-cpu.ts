// CPU time (user + system, ms) of this process and, separately, of its child processes (the
// provider binaries a run starts): children that have exited and been reaped count through
// /proc/self/stat's cutime/cstime, children still running through their own /proc/PID/stat.
// Linux only; elsewhere the child figure is undefined and the benchmark says so.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The fields after the command name, which may itself hold spaces and parentheses. */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** This process's own CPU time (all its threads), ms. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU time of this process's children, ms: reaped ones and the ones still running. */
export function childrenCpuMs(): number | undefined {
  const self = statFields('self');
  if (!self) return undefined;
  const ms = (ticks: number) => (ticks * 1000) / clockTicks();
  // after the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
  let total = ms(Number(self[13]) + Number(self[14]));
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === process.pid) total += ms(Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
  }
  return total;
}

/** Both figures at one moment; `since` gives the difference to an earlier reading. */
export interface CpuReading {
  readonly self: number;
  readonly children: number | undefined;
}
export function readCpu(): CpuReading {
  return { self: selfCpuMs(), children: childrenCpuMs() };
}
export function since(start: CpuReading): CpuReading {
  const now = readCpu();
  return { self: now.self - start.self, children: now.children === undefined || start.children === undefined ? undefined : now.children - start.children };
}
