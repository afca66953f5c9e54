// Shared parts of the agent's end-to-end tests: the agent as a real process (bin/ballast agent)
// with its HTTP port on 127.0.0.1, polling of /status, and tf.json stacks of local_file
// resources whose files live outside the source checkout.

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ballastBin } from './helpers/run-ballast.ts';
import { freeLoopbackPort } from './helpers/git-daemon.ts';
import { LocalDirStore } from '../state/local-dir-store.ts';
import type { StateVersion, VersionInfo } from '../state/model.ts';
import type { StatusJson } from '../engine/agent/stack-status.ts';

export interface AgentProcess {
  readonly base: string;
  readonly child: ChildProcess;
  logs(): string;
  status(): Promise<StatusJson>;
  /** polls /status until `pred` holds; fails with the last status and the log tail */
  waitFor(what: string, pred: (s: StatusJson) => boolean, timeoutMs?: number): Promise<StatusJson>;
  /** a counter or gauge from /metrics, summed over the series whose labels include `labels` */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  /** completed reconcile steps of `stack` (every poll ends with one, whatever it decided) */
  steps(stack: string): Promise<number>;
  /**
   * Waits until `n` more reconcile steps of `stack` completed than when called: the positive
   * event a "nothing happened" check must wait for (a fixed sleep proves nothing under load).
   */
  waitForSteps(stack: string, n: number, timeoutMs?: number): Promise<void>;
  /** waits until the metric (as `metric` sums it) reaches `atLeast` */
  waitForMetric(name: string, labels: Record<string, string>, atLeast: number, timeoutMs?: number): Promise<number>;
  /** resolves with the exit code once the agent ended on its own (SIGKILL after `timeoutMs`: 137) */
  exited(timeoutMs?: number): Promise<number>;
  /** sends the signal and resolves with the exit code (128+n when killed by a signal) */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number>;
}

const running = new Set<AgentProcess>();

export async function startAgent(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<AgentProcess> {
  const port = await freeLoopbackPort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(ballastBin, ['agent', '--listen', `127.0.0.1:${port}`, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number>((resolve) => child.once('exit', (code, sig) => resolve(code ?? 128 + (sig === 'SIGKILL' ? 9 : sig === 'SIGTERM' ? 15 : 0))));
  const p: AgentProcess = {
    base,
    child,
    logs: () => out,
    async status() {
      const res = await fetch(`${base}/status`);
      return (await res.json()) as StatusJson;
    },
    async metric(name, labels = {}) {
      const text = await (await fetch(`${base}/metrics`)).text();
      return sumSeries(text, name, labels);
    },
    steps: (stack) => p.metric('ballast_reconcile_total', { stack }),
    async waitForSteps(stack, n, timeoutMs = 30_000) {
      await p.waitForMetric('ballast_reconcile_total', { stack }, (await p.steps(stack)) + n, timeoutMs);
    },
    async waitForMetric(name, labels, atLeast, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`agent exited (${child.exitCode}) while waiting for ${name} >= ${atLeast}\n${out.slice(-4000)}`);
        const now = await p.metric(name, labels);
        if (now >= atLeast) return now;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${name}${JSON.stringify(labels)} >= ${atLeast} (last ${now})\nlog tail:\n${out.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async waitFor(what, pred, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last: StatusJson | undefined;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`agent exited (${child.exitCode}) while waiting for ${what}\n${out.slice(-4000)}`);
        try {
          last = await p.status();
          if (pred(last)) return last;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nlast status: ${JSON.stringify(last, null, 1)}\nlog tail:\n${out.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async exited(timeoutMs = 60_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      running.delete(p);
      return code;
    },
    async stop(signal = 'SIGTERM', timeoutMs = 60_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      running.delete(p);
      return code;
    },
  };
  running.add(p);
  // startup (loading the CLI under tsx) is not part of what a test waits for: wait until the
  // agent serves /healthz, so the tests' deadlines cover only the behaviour they check
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`agent exited (${child.exitCode ?? child.signalCode}) on startup\n${out.slice(-4000)}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`agent did not serve /healthz within 90 s\n${out.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return p;
}

/** Sums the Prometheus text-format samples of `name` whose labels include every pair in `labels`. */
export function sumSeries(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = new Map([...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) sum += Number(m[3]);
  }
  return sum;
}

/** The JSON log lines of an agent (its stderr in JSON form), in the order written. */
export function logEvents(logs: string): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const line of logs.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      events.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line cut by the end of the buffer
    }
  }
  return events;
}

/** Kills every agent a test left running (call from `after`). */
export async function stopAllAgents(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop('SIGKILL', 5000)));
}

/** A tf.json stack of local_file resources: name -> content, files under `outDir`. */
export function fileStack(outDir: string, files: Record<string, string>, extra: Record<string, unknown> = {}): string {
  const resources: Record<string, unknown> = {};
  for (const [name, content] of Object.entries(files)) resources[name] = { filename: join(outDir, `${name}.txt`), content };
  return JSON.stringify({ resource: { local_file: resources }, ...extra }, null, 2) + '\n';
}

export function stateStore(stateDir: string, stack: string): LocalDirStore {
  return new LocalDirStore(join(stateDir, stack), { stack });
}

export async function currentState(stateDir: string, stack: string): Promise<StateVersion | null> {
  return stateStore(stateDir, stack).current();
}

export async function stateHistory(stateDir: string, stack: string): Promise<VersionInfo[]> {
  return stateStore(stateDir, stack).list();
}

export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
  } catch {
    return [];
  }
}

export const applied = (stack: string, revision: string) => (s: StatusJson) => s.stacks[stack]?.lastAppliedRevision === revision;
export const rev = (sha: string, ref = 'main') => `${ref}@sha1:${sha}`;
