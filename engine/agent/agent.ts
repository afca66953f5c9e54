// The GitOps agent: one loop per source (fetch on an interval or when a webhook asks, with
// exponential backoff while the source is unreachable), and per fetched revision one reconcile
// step per stack (reconcile-stack.ts). Stacks fail independently. stop() is the SIGTERM path:
// no new work, fetch/synth/plan cancelled, applies allowed to finish until the shutdown
// deadline, then cancelled (what finished is recorded), locks released.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { StateStore } from '../../state/store.ts';
import type { StackBackend } from '../../state/open-store.ts';
import { remoteStateReader } from '../operations/remote-state.ts';
import type { ValueObject } from '../lang/value.ts';
import type { RemoteStateReader } from '../plan/planner.ts';
import { DiagnosticsError, formatDiagnostic } from '../diagnostics.ts';
import { selectStacks, synthesize, type SynthStack } from '../synth/synth.ts';
import type { Artifact, Source } from '../sources/source.ts';
import { GitSource } from '../sources/git-source.ts';
import { S3Source } from '../sources/s3-source.ts';
import type { StackInput } from '../operations/prepare-stack.ts';
import type { AgentConfig, SourceConfig } from './agent-config.ts';
import { createAgentMetrics, type AgentMetrics } from './metrics.ts';
import { createLogger, type Logger } from './logger.ts';
import { reconcileStack } from './reconcile-stack.ts';
import { newStackRuntime, statusJson, type SourceRuntime, type StackRuntime, type StatusJson } from './stack-status.ts';

export interface AgentDeps {
  readonly config: AgentConfig;
  readonly registry: ProviderRegistry;
  /** opens the state store of a stack (the CLI decides: --state-dir, S3 flags, the stack's backend) */
  readonly openStore: (stack: string, backend: StackBackend | undefined) => StateStore;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Logger;
  readonly metrics?: AgentMetrics;
  /** builds the source of a config entry; default GitSource / S3Source under workDir/sources/<name> */
  readonly makeSource?: (s: SourceConfig, workDir: string) => Source;
}

interface SourceLoop {
  readonly cfg: SourceConfig;
  readonly source: Source;
  readonly rt: SourceRuntime;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  rerun: boolean;
  cycles: number;
  synth: { revision: string; stacks: SynthStack[] } | null;
}

/** Backoff while a source fails: from min(interval, 5s), doubling, capped at max(interval, 5m). */
export function backoffMs(intervalMs: number, failures: number): number {
  const base = Math.min(intervalMs, 5000);
  const cap = Math.max(intervalMs, 300_000);
  return Math.min(cap, base * 2 ** Math.min(30, Math.max(0, failures - 1)));
}

export function defaultSource(s: SourceConfig, workDir: string): Source {
  const dir = join(workDir, 'sources', s.name);
  const spec = s.source;
  if (spec.kind === 'git') {
    return new GitSource({
      url: spec.url, ref: spec.ref, path: spec.path, workDir: dir, shallow: spec.shallow,
      auth: spec.tokenFile || spec.sshKeyFile ? { tokenFile: spec.tokenFile, sshKeyFile: spec.sshKeyFile } : undefined,
      verify: spec.verifyKeyringFile ? { keyringFile: spec.verifyKeyringFile } : undefined,
    });
  }
  return new S3Source({ bucket: spec.bucket, prefix: spec.prefix, workDir: dir, region: spec.region, endpoint: spec.endpoint });
}

export class Agent {
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  private readonly loops: SourceLoop[];
  private readonly stacks = new Map<string, StackRuntime>();
  private readonly stores = new Map<string, StateStore>();
  private readonly stopping = new AbortController();
  private readonly deadline = new AbortController();
  private readonly env: NodeJS.ProcessEnv;
  private started = false;
  private stopped: Promise<void> | null = null;

  constructor(private readonly deps: AgentDeps) {
    this.env = deps.env ?? process.env;
    this.log = deps.log ?? createLogger();
    this.metrics = deps.metrics ?? createAgentMetrics();
    const make = deps.makeSource ?? defaultSource;
    this.loops = deps.config.sources.map((cfg) => {
      const source = make(cfg, deps.config.workDir);
      return {
        cfg, source, timer: null, running: null, rerun: false, cycles: 0, synth: null,
        rt: { name: cfg.name, description: source.description, revision: null, lastFetchAt: null, lastError: null, consecutiveFailures: 0, nextRunAt: null },
      };
    });
  }

  /** Starts every source loop; the first fetch happens at once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.log.info({ event: 'start', sources: this.loops.map((l) => ({ name: l.cfg.name, source: l.source.description, policy: l.cfg.policy, interval: l.cfg.intervalMs })) }, 'agent started');
    for (const l of this.loops) this.schedule(l, 0);
  }

  /** Fetches now (webhook): the sources of `kind`, or all. Returns the names triggered. */
  trigger(kind: 'git' | 's3' | 'all', reason: string): string[] {
    if (this.stopping.signal.aborted) return [];
    const hit = this.loops.filter((l) => kind === 'all' || l.cfg.source.kind === kind);
    for (const l of hit) {
      this.log.info({ event: 'trigger', source: l.cfg.name, reason }, 'fetching now');
      if (l.running) l.rerun = true;
      else if (this.started) this.schedule(l, 0);
    }
    return hit.map((l) => l.cfg.name);
  }

  /** Ready once every source finished its first cycle, and until shutdown begins. */
  get ready(): boolean {
    return !this.stopping.signal.aborted && this.loops.every((l) => l.cycles > 0);
  }

  get stopRequested(): boolean {
    return this.stopping.signal.aborted;
  }

  status(): StatusJson {
    return statusJson(this.stacks.values(), this.loops.map((l) => l.rt));
  }

  /** One cycle of every source, in-process and unscheduled (tests, benchmarks). */
  async reconcileOnce(): Promise<void> {
    for (const l of this.loops) await this.cycle(l);
  }

  /** Graceful stop; resolves once in-flight work ended and everything is closed. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.log.info({ event: 'stop', deadlineMs: this.deps.config.shutdownTimeoutMs }, 'stopping: no new work, waiting for in-flight steps');
      for (const l of this.loops) if (l.timer) clearTimeout(l.timer);
      this.stopping.abort(new DOMException('the agent is stopping', 'AbortError'));
      const timer = setTimeout(() => {
        this.log.warn({ event: 'deadline' }, 'shutdown deadline reached: cancelling in-flight applies');
        this.deadline.abort(new DOMException('shutdown deadline', 'AbortError'));
      }, this.deps.config.shutdownTimeoutMs);
      await Promise.allSettled(this.loops.map((l) => l.running));
      clearTimeout(timer);
      await Promise.allSettled(this.loops.map((l) => l.source.close?.()));
      await Promise.allSettled([...this.stores.values()].map((s) => s.close?.()));
      this.log.info({ event: 'stopped' }, 'agent stopped');
    })();
    return this.stopped;
  }

  private schedule(l: SourceLoop, delayMs: number): void {
    if (this.stopping.signal.aborted) return;
    if (l.timer) clearTimeout(l.timer);
    const at = Date.now() + delayMs;
    l.rt.nextRunAt = at;
    for (const s of this.stacks.values()) if (s.source === l.cfg.name) s.nextRunAt = at;
    l.timer = setTimeout(() => this.run(l), delayMs);
  }

  private run(l: SourceLoop): void {
    l.timer = null;
    if (this.stopping.signal.aborted) return;
    if (l.running) {
      l.rerun = true;
      return;
    }
    l.running = this.cycle(l).finally(() => {
      l.running = null;
      if (l.rerun) {
        l.rerun = false;
        this.schedule(l, 0);
      } else {
        this.schedule(l, l.rt.consecutiveFailures > 0 ? backoffMs(l.cfg.intervalMs, l.rt.consecutiveFailures) : l.cfg.intervalMs);
      }
    });
  }

  private async cycle(l: SourceLoop): Promise<void> {
    const signal = this.stopping.signal;
    const started = Date.now();
    try {
      let artifact: Artifact;
      try {
        artifact = await l.source.fetch(signal);
      } catch (e) {
        if (signal.aborted) return;
        l.rt.consecutiveFailures++;
        l.rt.lastError = errorText(e);
        this.metrics.fetches.inc({ source: l.cfg.name, result: 'error' });
        this.metrics.errors.inc({ stack: '', phase: 'fetch' });
        this.log.warn({ event: 'fetch', source: l.cfg.name, error: l.rt.lastError, failures: l.rt.consecutiveFailures, retryInMs: backoffMs(l.cfg.intervalMs, l.rt.consecutiveFailures) }, 'cannot fetch the source; keeping the last status');
        return;
      }
      this.metrics.fetches.inc({ source: l.cfg.name, result: 'ok' });
      const changed = l.rt.revision !== artifact.revision;
      l.rt.revision = artifact.revision;
      l.rt.lastFetchAt = new Date().toISOString();
      l.rt.consecutiveFailures = 0;
      l.rt.lastError = null;
      this.log[changed ? 'info' : 'debug']({ event: 'fetch', source: l.cfg.name, revision: artifact.revision, author: artifact.author, durationMs: Date.now() - started }, changed ? 'fetched a new revision' : 'fetched');

      let stacks: SynthStack[];
      try {
        stacks = await this.synthesized(l, artifact, false);
      } catch (e) {
        if (signal.aborted) return;
        const message = errorText(e);
        l.rt.lastError = message;
        this.metrics.errors.inc({ stack: '', phase: 'synth' });
        this.log.error({ event: 'synth', source: l.cfg.name, revision: artifact.revision, error: message }, 'synthesis failed');
        for (const s of this.stacks.values()) {
          if (s.source !== l.cfg.name) continue;
          s.revision = artifact.revision;
          s.lastResult = { kind: 'failed', at: new Date().toISOString(), revision: artifact.revision, message: `synthesis failed: ${message}` };
        }
        return;
      }

      for (const synthStack of stacks) {
        if (signal.aborted) return;
        const rt = this.runtime(synthStack.name, l.cfg.name);
        const store = this.store(synthStack);
        const input = {
          artifact,
          stack: async (): Promise<StackInput> => {
            let s = synthStack;
            if (!existsSync(s.dir) || !existsSync(s.file)) s = (await this.synthesized(l, artifact, true)).find((x) => x.name === synthStack.name) ?? s;
            return { name: s.name, file: s.file, dir: s.dir, json: s.json, bytes: s.bytes, varFiles: s.varFiles, locate: s.locate };
          },
        };
        await reconcileStack({
          registry: this.deps.registry, store, env: this.env, log: this.log, metrics: this.metrics,
          policy: l.cfg.policy, parallelism: this.deps.config.parallelism, lockWaitMs: this.deps.config.lockWaitMs,
          driftIntervalMs: l.cfg.driftIntervalMs,
          vars: { flags: Object.entries(l.cfg.vars).map(([k, v]) => `${k}=${v}`), files: l.cfg.varFiles, env: this.env },
          remoteState: this.remoteState(),
          stopping: this.stopping.signal, deadline: this.deadline.signal,
        }, rt, input);
      }
    } finally {
      l.cycles++;
    }
  }

  /** Synthesizes once per revision; again when the output was removed. */
  private async synthesized(l: SourceLoop, artifact: Artifact, force: boolean): Promise<SynthStack[]> {
    if (!force && l.synth?.revision === artifact.revision) return l.synth.stacks;
    const started = Date.now();
    // cdktf apps synthesize outside the checkout, so their output (and files the stack writes
    // relative to path.module) survive the next fetch
    const outDir = join(this.deps.config.workDir, 'synth', l.cfg.name);
    const result = await synthesize(artifact.dir, { signal: this.stopping.signal, env: this.env, outDir });
    const stacks = selectStacks(result, l.cfg.stacks);
    l.synth = { revision: artifact.revision, stacks };
    this.log.info({ event: 'synth', source: l.cfg.name, revision: artifact.revision, stacks: stacks.map((s) => s.name), durationMs: Date.now() - started }, 'synthesized');
    return stacks;
  }

  private runtime(stack: string, source: string): StackRuntime {
    let rt = this.stacks.get(stack);
    if (!rt) {
      rt = newStackRuntime(stack, source);
      const loop = this.loops.find((l) => l.cfg.name === source);
      rt.nextRunAt = loop?.rt.nextRunAt ?? null;
      this.stacks.set(stack, rt);
    }
    return rt;
  }

  private store(s: SynthStack): StateStore {
    let store = this.stores.get(s.name);
    if (!store) {
      store = this.deps.openStore(s.name, backendOf(s.json));
      this.stores.set(s.name, store);
    }
    return store;
  }

  /** terraform_remote_state between stacks of one app reads the other stack's recorded outputs. */
  private remoteState(): RemoteStateReader {
    return remoteStateReader((stack) => this.stores.get(stack) ?? this.deps.openStore(stack, undefined));
  }
}

function backendOf(json: unknown): StackBackend | undefined {
  const backend = (json as { terraform?: { backend?: Record<string, Record<string, unknown>> } } | undefined)?.terraform?.backend;
  const type = backend && Object.keys(backend).find((k) => k !== '//');
  return type ? { type, config: backend![type] } : undefined;
}

function errorText(e: unknown): string {
  if (e instanceof DiagnosticsError) return e.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n');
  return e instanceof Error ? e.message : String(e);
}
