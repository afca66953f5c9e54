// Who holds a lock: this process's identity, and whether a recorded holder is provably gone.
// "Provably gone" is deliberately narrow: only a holder on this host, in this pid namespace,
// whose pid no longer exists (or now belongs to a process that started later, i.e. the pid
// was reused). Anything we cannot check (another host, another container) counts as alive.

import { readFileSync, readlinkSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';

export interface HolderIdentity {
  readonly who: string;
  readonly host: string;
  readonly pid: number;
  /** kernel boot + pid namespace on Linux: pids are only comparable inside one scope */
  readonly scope?: string;
  /** the process start time in clock ticks since boot (Linux), to detect pid reuse */
  readonly started?: string;
}

let cached: HolderIdentity | undefined;

export function currentHolder(): HolderIdentity {
  if (cached) return cached;
  const scope = processScope();
  const started = processStartTicks(process.pid);
  cached = {
    who: userName(),
    host: hostname(),
    pid: process.pid,
    ...(scope ? { scope } : {}),
    ...(started ? { started } : {}),
  };
  return cached;
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    // containers often run as a uid with no passwd entry
    return process.env.USER ?? process.env.LOGNAME ?? `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}

function processScope(): string | undefined {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const pidns = readlinkSync('/proc/self/ns/pid');
    return `${boot}/${pidns}`;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (start time); undefined when not on Linux or the pid is gone. */
export function processStartTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: split after the last ')'
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[22 - 3];
  } catch {
    return undefined;
  }
}

/** True when a process with this pid exists (EPERM means it exists but belongs to someone else). */
export function pidIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** True only when the holder certainly no longer runs (see the note at the top). */
export function holderIsGone(holder: { host: string; pid: number; scope?: unknown; started?: unknown }): boolean {
  const me = currentHolder();
  if (holder.host !== me.host) return false;
  // Same host name but a different kernel or pid namespace (e.g. another container): can't tell.
  if (typeof holder.scope === 'string' && me.scope !== undefined && holder.scope !== me.scope) return false;
  // A holder recorded without a scope (not Linux) is judged by host name alone.
  if (!pidIsAlive(holder.pid)) return true;
  if (typeof holder.started === 'string' && typeof holder.scope === 'string') {
    const now = processStartTicks(holder.pid);
    if (now !== undefined && now !== holder.started) return true;
  }
  return false;
}
