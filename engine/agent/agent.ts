// The GitOps agent. Sources that read the same repository and ref (or bucket and prefix) share
// one fetch loop (on an interval or when a webhook asks, with exponential backoff while the
// repository is unreachable). Each fetched revision is split into stack directories
// (stack-discovery.ts); a stack whose input digest (input-digest.ts) did not change keeps its
// last changed revision, so its step does nothing new: no synthesis, no plan. The steps of all
// stacks run through one fair queue of --stack-concurrency slots, dependencies first
// (dependsOn, and cross-stack references inside an app). Stacks fail independently.
//
// Stack identity: a lone *.tf.json is named after its directory (or the name set for it), two
// directories that would share a name are both refused naming both, a name recorded for
// another origin is refused, and the state of a stack that got its new name is carried over
// (stack-identity.ts). stop() is the SIGTERM path: no new work, fetch/synth/plan cancelled,
// applies allowed to finish until the shutdown deadline, then cancelled, locks released.

import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { StateStore } from '../../state/store.ts';
import { backendOfStack, type StackBackend } from '../../state/open-store.ts';
import { remoteStateReader } from '../operations/remote-state.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import { DiagnosticsError, formatDiagnostic } from '../diagnostics.ts';
import { selectStacks, synthesize, type SynthStack } from '../synth/synth.ts';
import type { Artifact, Source } from '../sources/source.ts';
import { GitSource, redactUrl } from '../sources/git-source.ts';
import { S3Source } from '../sources/s3-source.ts';
import type { StackInput } from '../operations/prepare-stack.ts';
import { claimStack, moveStackState, recordedOrigin } from '../operations/stack-identity.ts';
import type { AgentConfig, SourceConfig } from './agent-config.ts';
import { createAgentMetrics, type AgentMetrics } from './metrics.ts';
import { createLogger, type Logger } from './logger.ts';
import { reconcileStack, type ReconcileDeps } from './reconcile-stack.ts';
import { readControl } from './pins.ts';
import { pruneStack } from './prune-stack.ts';
import { discoverStackDirs, type StackDir } from './stack-discovery.ts';
import { inputDigest } from './input-digest.ts';
import { WorkQueue } from './work-queue.ts';
import type { StackSharding } from './sharding/stack-sharding.ts';
import { fencedStore } from './sharding/fenced-store.ts';
import { withHolders } from './sharding/status-holders.ts';
import { newStackRuntime, statusJson, type SourceRuntime, type StackResult, type StackRuntime, type StatusJson } from './stack-status.ts';
import type { StackDrift } from './drift-reads.ts';

export interface AgentDeps {
  readonly config: AgentConfig;
  readonly registry: ProviderRegistry;
  /** opens the state store of a stack (the CLI decides: --state-dir, S3 flags, the stack's backend) */
  readonly openStore: (stack: string, backend: StackBackend | undefined) => StateStore;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Logger;
  readonly metrics?: AgentMetrics;
  /** builds the fetcher of a repository; default GitSource / S3Source under workDir/repos/<key> (the spec's path is '') */
  readonly makeSource?: (s: SourceConfig, workDir: string) => Source;
  /** several replicas: only the stacks of the shards this one holds are reconciled, under its fence */
  readonly sharding?: StackSharding;
}

/** One fetch loop per repository and ref, shared by every source reading it. */
interface RepoLoop {
  readonly key: string;
  readonly source: Source;
  readonly sources: SourceConfig[];
  readonly intervalMs: number;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  rerun: boolean;
  cycles: number;
  consecutiveFailures: number;
  /** the fetched revision whose directories and digests are current */
  seen: string | null;
}

/** One stack directory of one source. */
interface Unit {
  readonly key: string;
  readonly cfg: SourceConfig;
  dir: StackDir;
  readonly origin: string;
  digest: string | null;
  synth: { digest: string; stacks: SynthStack[]; digests: Map<string, string> } | null;
  /** stack names, known from the path (lone *.tf.json) or the last synthesis (apps) */
  names: string[];
  /** the lone file's own name, under which its state lived before stacks were named after paths */
  legacyName: string | null;
  removedAt: string | null;
}

interface SeenInputs {
  readonly digest: string;
  readonly revision: string;
}

const INPUTS_DOC = 'agent-inputs';

/** Backoff while a source fails: from min(interval, 5s), doubling, capped at max(interval, 5m). */
export function backoffMs(intervalMs: number, failures: number): number {
  const base = Math.min(intervalMs, 5000);
  const cap = Math.max(intervalMs, 300_000);
  return Math.min(cap, base * 2 ** Math.min(30, Math.max(0, failures - 1)));
}

/** What identifies a fetch: sources with the same key share one. */
export function repositoryKey(s: SourceConfig): string {
  const spec = s.source;
  if (spec.kind === 'git') return JSON.stringify(['git', spec.url, spec.ref, spec.tokenFile ?? '', spec.sshKeyFile ?? '', spec.verifyKeyringFile ?? '', spec.shallow ?? true]);
  return JSON.stringify(['s3', spec.bucket, spec.prefix, spec.region ?? '', spec.endpoint ?? '']);
}

export function defaultSource(s: SourceConfig, workDir: string): Source {
  const dir = join(workDir, 'repos', createHash('sha256').update(repositoryKey(s)).digest('hex').slice(0, 16));
  const spec = s.source;
  if (spec.kind === 'git') {
    return new GitSource({
      url: spec.url,
      ref: spec.ref,
      path: '',
      workDir: dir,
      shallow: spec.shallow,
      auth: spec.tokenFile || spec.sshKeyFile ? { tokenFile: spec.tokenFile, sshKeyFile: spec.sshKeyFile } : undefined,
      verify: spec.verifyKeyringFile ? { keyringFile: spec.verifyKeyringFile } : undefined,
    });
  }
  return new S3Source({ bucket: spec.bucket, prefix: spec.prefix, workDir: dir, region: spec.region, endpoint: spec.endpoint });
}

function describeOrigin(s: SourceConfig, relPath: string): string {
  const spec = s.source;
  const where = spec.kind === 'git' ? `git ${redactUrl(spec.url)} (${spec.ref})` : `s3://${spec.bucket}/${spec.prefix}`;
  return `${where} ${relPath === '' ? '(root)' : relPath}`;
}

export class Agent {
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  private readonly loops: RepoLoop[] = [];
  private readonly sourceRts = new Map<string, SourceRuntime>();
  private readonly units = new Map<string, Unit>();
  private readonly stacks = new Map<string, StackRuntime>();
  private readonly stores = new Map<string, StateStore>();
  /** stack name -> the origin it was checked against (identity claims happen once per process) */
  private readonly claimed = new Map<string, string>();
  /** each stack's suspend/pin switches as last seen by a full step */
  private readonly controls = new Map<string, string>();
  /** sources whose inventory was read */
  private readonly inventoried = new Set<string>();
  private readonly queue: WorkQueue;
  private readonly stopping = new AbortController();
  private readonly deadline = new AbortController();
  private readonly env: NodeJS.ProcessEnv;
  private started = false;
  private stopped: Promise<void> | null = null;

  constructor(private readonly deps: AgentDeps) {
    this.env = deps.env ?? process.env;
    this.log = deps.log ?? createLogger();
    this.metrics = deps.metrics ?? createAgentMetrics();
    this.queue = new WorkQueue(deps.config.stackConcurrency ?? 4);
    const make = deps.makeSource ?? defaultSource;
    for (const cfg of deps.config.sources) {
      const key = repositoryKey(cfg);
      let loop = this.loops.find((l) => l.key === key);
      if (!loop) {
        loop = { key, source: make(cfg, deps.config.workDir), sources: [], intervalMs: cfg.intervalMs, timer: null, running: null, rerun: false, cycles: 0, consecutiveFailures: 0, seen: null };
        this.loops.push(loop);
      }
      loop.sources.push(cfg);
      (loop as { intervalMs: number }).intervalMs = Math.min(loop.intervalMs, cfg.intervalMs);
      const spec = cfg.source;
      const path = spec.kind === 'git' && spec.path ? `, path ${spec.path}` : '';
      this.sourceRts.set(cfg.name, {
        name: cfg.name,
        description: `${loop.source.description.replace(/\)$/, '')}${path})`,
        revision: null,
        lastFetchAt: null,
        lastError: null,
        consecutiveFailures: 0,
        nextRunAt: null,
      });
    }
  }

  /** Starts every fetch loop; the first fetch happens at once. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.log.info(
      {
        event: 'start',
        stackConcurrency: this.queue.limit,
        sources: this.deps.config.sources.map((s) => ({ name: s.name, source: this.sourceRts.get(s.name)!.description, policy: s.policy, interval: s.intervalMs })),
        fetches: this.loops.length,
      },
      'agent started',
    );
    // shards taken over (a replica died or left) are reconciled now, not at the next interval
    this.deps.sharding?.onAcquired(() => this.trigger('all', 'shard Leases acquired'));
    for (const l of this.loops) this.schedule(l, 0);
  }

  /** Fetches now (webhook): the sources of `kind`, or all. Returns the names triggered. */
  trigger(kind: 'git' | 's3' | 'all', reason: string): string[] {
    if (this.stopping.signal.aborted) return [];
    const hit = this.loops.filter((l) => kind === 'all' || l.sources[0]!.source.kind === kind);
    for (const l of hit) {
      this.log.info({ event: 'trigger', sources: l.sources.map((s) => s.name), reason }, 'fetching now');
      if (l.running) l.rerun = true;
      else if (this.started) this.schedule(l, 0);
    }
    return hit.flatMap((l) => l.sources.map((s) => s.name));
  }

  /** Ready once every source finished its first cycle, and until shutdown begins. */
  get ready(): boolean {
    return !this.stopping.signal.aborted && this.loops.every((l) => l.cycles > 0) && (this.deps.sharding?.ready ?? true);
  }

  get stopRequested(): boolean {
    return this.stopping.signal.aborted;
  }

  status(): StatusJson {
    const status = statusJson(this.stacks.values(), this.sourceRts.values());
    return this.deps.sharding ? withHolders(status, this.deps.sharding) : status;
  }

  /** The last drift check's policies and redacted reads of a stack (the web UI's object list). */
  driftDetail(stack: string): StackDrift | undefined {
    return this.stacks.get(stack)?.driftDetail;
  }

  /** Stacks with a step running now (a sharded replica hands back only the other shards at once). */
  runningStacks(): string[] {
    return [...this.stacks.values()].filter((rt) => rt.phase === 'running').map((rt) => rt.name);
  }

  /** One cycle of every repository, in-process and unscheduled (tests, benchmarks). */
  async reconcileOnce(): Promise<void> {
    await Promise.all(this.loops.map((l) => this.cycle(l)));
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

  private schedule(l: RepoLoop, delayMs: number): void {
    if (this.stopping.signal.aborted) return;
    if (l.timer) clearTimeout(l.timer);
    const at = Date.now() + delayMs;
    const names = new Set(l.sources.map((s) => s.name));
    for (const n of names) this.sourceRts.get(n)!.nextRunAt = at;
    for (const s of this.stacks.values()) if (names.has(s.source)) s.nextRunAt = at;
    l.timer = setTimeout(() => this.run(l), delayMs);
  }

  private run(l: RepoLoop): void {
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
        this.schedule(l, l.consecutiveFailures > 0 ? backoffMs(l.intervalMs, l.consecutiveFailures) : l.intervalMs);
      }
    });
  }

  private async cycle(l: RepoLoop): Promise<void> {
    const signal = this.stopping.signal;
    const started = Date.now();
    const rts = l.sources.map((s) => this.sourceRts.get(s.name)!);
    try {
      let artifact: Artifact;
      try {
        artifact = await l.source.fetch(signal);
      } catch (e) {
        if (signal.aborted) return;
        l.consecutiveFailures++;
        const message = errorText(e);
        for (const rt of rts) Object.assign(rt, { lastError: message, consecutiveFailures: l.consecutiveFailures });
        this.metrics.fetches.inc({ source: l.sources[0]!.name, result: 'error' });
        this.metrics.errors.inc({ stack: '', phase: 'fetch' });
        this.log.warn(
          { event: 'fetch', sources: l.sources.map((s) => s.name), error: message, failures: l.consecutiveFailures, retryInMs: backoffMs(l.intervalMs, l.consecutiveFailures) },
          'cannot fetch the source; keeping the last status',
        );
        return;
      }
      this.metrics.fetches.inc({ source: l.sources[0]!.name, result: 'ok' });
      l.consecutiveFailures = 0;
      const changed = l.seen !== artifact.revision;
      const now = new Date().toISOString();
      for (const rt of rts) Object.assign(rt, { revision: artifact.revision, lastFetchAt: now, consecutiveFailures: 0, lastError: null });
      this.log[changed ? 'info' : 'debug'](
        { event: 'fetch', sources: l.sources.map((s) => s.name), revision: artifact.revision, author: artifact.author, durationMs: Date.now() - started },
        changed ? 'fetched a new revision' : 'fetched',
      );
      if (changed) {
        this.discover(l, artifact);
        l.seen = artifact.revision;
      }
      if (signal.aborted) return;
      await this.reconcileUnits(l, artifact);
    } finally {
      l.cycles++;
    }
  }

  /** Finds the stack directories of every source of `l` at the fetched revision and their digests. */
  private discover(l: RepoLoop, artifact: Artifact): void {
    for (const cfg of l.sources) {
      const rt = this.sourceRts.get(cfg.name)!;
      this.loadInventory(cfg, artifact.dir);
      let dirs: StackDir[];
      try {
        dirs = discoverStackDirs(artifact.dir, cfg, artifact.revision);
      } catch (e) {
        rt.lastError = errorText(e);
        this.log.error({ event: 'discover', source: cfg.name, revision: artifact.revision, error: rt.lastError }, 'cannot find the stack directories');
        continue; // keep the stacks known so far; nothing is pruned on an error
      }
      const present = new Set<string>();
      for (const d of dirs) {
        const key = `${cfg.name}\0${d.relPath}`;
        present.add(key);
        let u = this.units.get(key);
        const legacyName = d.kind === 'file' ? loneFileName(d.dir) : null;
        if (!u) {
          u = { key, cfg, dir: d, origin: describeOrigin(cfg, d.relPath), digest: null, synth: null, names: [], legacyName, removedAt: null };
          this.units.set(key, u);
          if (this.started || l.cycles > 0) this.log.info({ event: 'discover', source: cfg.name, path: d.relPath, revision: artifact.revision }, 'a new stack directory');
        }
        u.dir = d;
        u.legacyName = legacyName;
        u.removedAt = null;
        u.digest = inputDigest(artifact.dir, d.relPath).digest;
        if (d.kind === 'file') {
          const name = d.pathName ?? legacyName;
          u.names = name ? [name] : [];
          if (!name) {
            rt.lastError = `${u.origin}: no stack name: the directory holds no single *.tf.json, and its path gives no valid name (set one: directories: {"${d.relPath}": {name: ...}})`;
            this.log.error({ event: 'discover', source: cfg.name, path: d.relPath, error: rt.lastError }, 'a stack directory without a name');
          }
        }
      }
      for (const u of this.units.values()) {
        if (u.cfg !== cfg || present.has(u.key) || u.removedAt) continue;
        u.removedAt = artifact.revision;
        this.log.warn(
          { event: 'removed', source: cfg.name, path: u.dir.relPath, stacks: u.names, revision: artifact.revision, prune: cfg.prune },
          cfg.prune ? 'a stack directory is gone: its stacks will be destroyed (prune)' : 'a stack directory is gone: its stacks are kept (set prune: true to destroy them)',
        );
      }
      this.saveInventory(cfg);
    }
  }

  /**
   * The stack directories a source had, kept in the work directory so a directory removed while
   * the agent was down is still noticed (and pruned). Lost with the work directory: then
   * nothing is pruned, the safe direction.
   */
  private inventoryFile(cfg: SourceConfig): string {
    return join(this.deps.config.workDir, 'inventory', `${cfg.name}.json`);
  }

  private loadInventory(cfg: SourceConfig, root: string): void {
    if (this.inventoried.has(cfg.name)) return;
    this.inventoried.add(cfg.name);
    let saved: Record<string, string[]>;
    try {
      saved = JSON.parse(readFileSync(this.inventoryFile(cfg), 'utf8')) as Record<string, string[]>;
    } catch {
      return;
    }
    for (const [relPath, names] of Object.entries(saved)) {
      const key = `${cfg.name}\0${relPath}`;
      if (this.units.has(key) || !Array.isArray(names)) continue;
      const dir: StackDir = { relPath, dir: join(root, relPath), kind: 'file', settings: undefined, pathName: null };
      this.units.set(key, { key, cfg, dir, origin: describeOrigin(cfg, relPath), digest: null, synth: null, names: names.filter((n) => typeof n === 'string'), legacyName: null, removedAt: null });
    }
  }

  private saveInventory(cfg: SourceConfig): void {
    const inv: Record<string, string[]> = {};
    for (const u of this.units.values()) if (u.cfg === cfg && u.names.length) inv[u.dir.relPath] = u.names;
    const file = this.inventoryFile(cfg);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(inv, null, 2) + '\n');
    renameSync(`${file}.tmp`, file);
  }

  /** Synthesizes apps whose inputs changed, refuses clashing names, then runs each stack's step through the queue. */
  private async reconcileUnits(l: RepoLoop, artifact: Artifact): Promise<void> {
    const mine = [...this.units.values()].filter((u) => l.sources.includes(u.cfg));
    for (const u of mine) {
      if (u.removedAt || u.dir.kind !== 'app' || u.synth?.digest === u.digest) continue;
      if (this.stopping.signal.aborted) return;
      await this.synthApp(u, artifact);
    }

    const clashes = this.clashes();
    const jobs = new Map<string, Promise<StackResult | null>>();
    const work: { name: string; unit: Unit; deps: string[]; synthStack?: SynthStack }[] = [];
    for (const u of mine) {
      if (u.removedAt) {
        for (const name of u.names) {
          const rt = this.runtime(name, u.cfg.name);
          if (this.deps.sharding && !this.deps.sharding.owns(name)) continue; // its holder prunes it
          if (!u.cfg.prune) {
            if (rt.lastResult?.kind !== 'removed')
              rt.lastResult = {
                kind: 'removed',
                at: new Date().toISOString(),
                revision: u.removedAt,
                message: `directory ${u.dir.relPath} is gone from the source since ${u.removedAt}; its resources are kept (set prune: true to destroy them)`,
              };
            continue;
          }
          jobs.set(
            name,
            this.queued(rt, async () => {
              const r = await pruneStack(this.reconcileDeps(u, name), rt, this.deps.config.workDir);
              if (r.kind === 'pruned') {
                u.names = u.names.filter((n) => n !== name);
                if (!u.names.length) this.units.delete(u.key);
                this.saveInventory(u.cfg);
              }
              return r;
            }),
          );
        }
        continue;
      }
      for (const name of u.names) {
        const clash = clashes.get(name);
        if (clash) {
          const rt = this.runtime(name, u.cfg.name);
          rt.lastResult = { kind: 'failed', at: new Date().toISOString(), revision: artifact.revision, message: clash };
          continue;
        }
        const synthStack = u.synth?.stacks.find((s) => s.name === name);
        work.push({ name, unit: u, deps: [...(u.dir.settings?.dependsOn ?? []), ...(synthStack?.dependencies ?? [])], synthStack });
      }
    }
    for (const [name, message] of clashes)
      if (mine.some((u) => u.names.includes(name))) this.log.error({ event: 'clash', stack: name, error: message }, 'two stack directories would share one state: both refused');

    const byName = new Map(work.map((w) => [w.name, w]));
    const start = (w: (typeof work)[number], path: string[]): Promise<StackResult | null> => {
      const existing = jobs.get(w.name);
      if (existing) return existing;
      const rt = this.runtime(w.name, w.unit.cfg.name);
      const job = (async (): Promise<StackResult | null> => {
        const waits: { dep: string; result: StackResult | null }[] = [];
        for (const dep of w.deps) {
          if (path.includes(dep)) return this.blocked(rt, artifact, `dependsOn forms a cycle: ${[...path, w.name, dep].join(' -> ')}`, 'failed');
          const d = byName.get(dep);
          if (d) waits.push({ dep, result: await start(d, [...path, w.name]) });
          else if (![...this.units.values()].some((x) => !x.removedAt && x.names.includes(dep))) return this.blocked(rt, artifact, `depends on stack "${dep}", which no source provides`, 'failed');
        }
        const bad =
          waits.find((x) => x.result && ['failed', 'cancelled', 'blocked'].includes(x.result.kind)) ??
          waits.find((x) => !x.result && ['failed', 'cancelled', 'blocked'].includes(this.stacks.get(x.dep)?.lastResult?.kind ?? ''));
        if (bad) return this.blocked(rt, artifact, `waits for stack "${bad.dep}", whose last step did not succeed`, 'blocked');
        if (this.deps.sharding && !this.deps.sharding.owns(w.name)) return this.observe(w.unit, w.name, rt, artifact);
        return this.queued(rt, () => this.step(w.unit, w.name, rt, artifact));
      })();
      jobs.set(w.name, job);
      return job;
    };
    // stacks with something to do (new inputs, a failure to retry, a drift check) run first and
    // alone; the quick visits of the others (their suspend/pin switches) follow, so a one-stack
    // commit is applied without waiting behind 199 visits
    const urgent = (w: (typeof work)[number]) => {
      const rt = this.stacks.get(w.name);
      return !rt || rt.inputDigest !== this.stackDigest(w.unit, w.name) || !this.quiet(rt, w.unit.dir.settings?.policy ?? w.unit.cfg.policy);
    };
    await Promise.all(work.filter(urgent).map((w) => start(w, [])));
    await Promise.all(work.map((w) => start(w, [])));
    await Promise.all(jobs.values());
  }

  /** A stack's step once it has a slot. */
  private async step(u: Unit, name: string, rt: StackRuntime, artifact: Artifact): Promise<StackResult | null> {
    if (this.stopping.signal.aborted) return null;
    // the shard may have moved to another replica while the step waited for a slot
    if (this.deps.sharding && !this.deps.sharding.owns(name)) return this.observe(u, name, rt, artifact);
    rt.path = u.origin;
    rt.lastConsideredRevision = artifact.revision;
    let store: StateStore;
    try {
      store = await this.storeFor(u, name);
      const refused = await this.claim(u, name, store);
      if (refused) return this.blocked(rt, artifact, refused, 'failed');
      await this.noteInputs(rt, store, this.stackDigest(u, name), artifact.revision);
    } catch (e) {
      this.metrics.errors.inc({ stack: name, phase: 'state' });
      return this.blocked(rt, artifact, errorText(e), 'failed');
    }
    const settings = u.dir.settings;
    // a stack with nothing to do costs one small read (its suspend/pin switches), not a state read:
    // a monorepo cycle visits every stack
    const policy = settings?.policy ?? u.cfg.policy;
    const control = JSON.stringify(await readControl(store));
    if (this.quiet(rt, policy) && this.controls.get(name) === control) {
      this.metrics.reconciles.inc({ stack: name, result: 'up-to-date' });
      return { kind: 'up-to-date', at: new Date().toISOString(), revision: rt.lastChangedRevision };
    }
    this.controls.set(name, control);
    const effective: Artifact = rt.lastChangedRevision === artifact.revision ? artifact : { ...artifact, revision: rt.lastChangedRevision!, author: undefined, message: undefined };
    return reconcileStack(this.reconcileDeps(u, name, store, settings), rt, {
      artifact: effective,
      stack: async (): Promise<StackInput> => {
        const s = await this.synthStack(u, name, artifact);
        return { name, file: s.file, dir: s.dir, json: s.json, bytes: s.bytes, varFiles: s.varFiles, locate: s.locate };
      },
    });
  }

  private reconcileDeps(u: Unit, name: string, store?: StateStore, settings = u.dir.settings): ReconcileDeps {
    const vars = { ...u.cfg.vars, ...settings?.vars };
    return {
      registry: this.deps.registry,
      store: store ?? this.stores.get(name) ?? this.deps.openStore(name, undefined),
      env: this.env,
      log: this.log,
      metrics: this.metrics,
      policy: settings?.policy ?? u.cfg.policy,
      parallelism: this.deps.config.parallelism,
      lockWaitMs: this.deps.config.lockWaitMs,
      driftPolicies: this.deps.config.driftPolicies,
      driftIntervalMs: settings?.driftIntervalMs ?? u.cfg.driftIntervalMs,
      vars: { flags: Object.entries(vars).map(([k, v]) => `${k}=${v}`), files: [...u.cfg.varFiles, ...(settings?.varFiles ?? [])], env: this.env },
      remoteState: this.remoteState(),
      stopping: this.stopping.signal,
      // a sharded replica stops starting operations the moment its hold of the shard ends
      deadline: this.deps.sharding ? AbortSignal.any([this.deadline.signal, this.deps.sharding.signal(name)]) : this.deadline.signal,
    };
  }

  /** Another replica holds the stack's shard: only its recorded state is read, for /status. */
  private async observe(u: Unit, name: string, rt: StackRuntime, artifact: Artifact): Promise<null> {
    rt.path = u.origin;
    rt.lastConsideredRevision = artifact.revision;
    rt.revision = artifact.revision;
    try {
      const current = await (await this.storeFor(u, name)).current();
      rt.stateVersion = current?.serial ?? null;
      rt.lastAppliedRevision = current?.sourceRevision ?? null;
    } catch (e) {
      this.log.debug({ event: 'observe', stack: name, error: errorText(e) }, 'cannot read the state of a stack another replica holds');
    }
    return null;
  }

  /**
   * A lone file's digest is its directory's; an app's stacks each have the digest of their own
   * synthesized configuration, so an app change that leaves a stack's config alone plans nothing there.
   */
  private stackDigest(u: Unit, name: string): string {
    return (u.dir.kind === 'app' ? u.synth?.digests.get(name) : undefined) ?? u.digest!;
  }

  /** Nothing can be due: the last step succeeded at the stack's current inputs and no drift check is due. */
  private quiet(rt: StackRuntime, policy: string): boolean {
    const kind = rt.lastResult?.kind;
    if (kind === undefined || !['up-to-date', 'applied', 'no-drift', 'planned', 'drift-detected', 'pinned', 'suspended'].includes(kind)) return false;
    if (Date.now() >= rt.nextDriftAt) return false;
    if (kind === 'pinned' || kind === 'suspended') return rt.revision === rt.lastChangedRevision;
    return (policy === 'auto' ? rt.lastAppliedRevision : rt.lastPlannedRevision) === rt.lastChangedRevision;
  }

  /** Runs `job` in a slot of the shared queue, showing the stack as queued, then running. */
  private async queued<T>(rt: StackRuntime, job: () => Promise<T>): Promise<T> {
    rt.phase = 'queued';
    this.metrics.queued.inc();
    let counted = true;
    try {
      return await this.queue.run(async () => {
        this.metrics.queued.dec();
        counted = false;
        rt.phase = 'running';
        return job();
      });
    } finally {
      if (counted) this.metrics.queued.dec();
      rt.phase = 'idle';
    }
  }

  private blocked(rt: StackRuntime, artifact: Artifact, message: string, kind: 'failed' | 'blocked'): StackResult {
    const result: StackResult = { kind, at: new Date().toISOString(), revision: artifact.revision, message };
    if (rt.lastResult?.message !== message)
      this.log[kind === 'failed' ? 'error' : 'warn']({ event: kind, stack: rt.name, error: message }, kind === 'failed' ? 'stack refused' : 'stack waits for a dependency');
    rt.lastResult = result;
    this.metrics.reconciles.inc({ stack: rt.name, result: kind });
    return result;
  }

  /**
   * The revision at which the stack's inputs last changed: kept in a control document next to
   * its state, so a restart does not plan every stack of a monorepo again.
   */
  private async noteInputs(rt: StackRuntime, store: StateStore, digest: string, revision: string): Promise<void> {
    if (rt.inputDigest === digest) return;
    if (rt.inputDigest === undefined) {
      const seen = await readSeenInputs(store);
      if (seen?.digest === digest) {
        rt.inputDigest = digest;
        rt.lastChangedRevision = seen.revision;
        return;
      }
    }
    await store.putControl?.(INPUTS_DOC, Buffer.from(JSON.stringify({ digest, revision } satisfies SeenInputs) + '\n'));
    rt.inputDigest = digest;
    rt.lastChangedRevision = revision;
  }

  /** Names claimed by more than one directory, with a message naming all of them. */
  private clashes(): Map<string, string> {
    const owners = new Map<string, Unit[]>();
    for (const u of this.units.values()) {
      if (u.removedAt) continue;
      for (const n of u.names) owners.set(n, [...(owners.get(n) ?? []), u]);
    }
    const out = new Map<string, string>();
    for (const [name, us] of owners) {
      if (us.length < 2) continue;
      out.set(
        name,
        `stack name "${name}" is claimed by ${us.map((u) => u.origin).join(' and by ')}; both are refused so they never share one state: set a distinct name for one of them (directories: {"${us[1]!.dir.relPath}": {name: ...}})`,
      );
    }
    return out;
  }

  /** Checks (once per process) that the state of `name` belongs to this directory; carries over the state of a renamed stack. */
  private async claim(u: Unit, name: string, store: StateStore): Promise<string | null> {
    if (this.claimed.get(name) === u.origin) return null;
    if (u.legacyName && u.legacyName !== name && !(await store.current())) await this.carryOver(u, name, store);
    const refused = await claimStack(store, name, 'agent', u.origin, true);
    if (!refused) this.claimed.set(name, u.origin);
    return refused;
  }

  /**
   * A lone *.tf.json used to be named after its file (`main`). When the stack's new name has no
   * state yet and the old name's state is provably this directory's (its recorded origin, or the
   * only directory that could have written it), it is moved over with a visible `move` version.
   */
  private async carryOver(u: Unit, name: string, store: StateStore): Promise<void> {
    const legacy = u.legacyName!;
    if ([...this.units.values()].some((x) => x.names.includes(legacy))) return;
    const old = this.stores.get(legacy) ?? this.deps.openStore(legacy, undefined);
    const current = await old.current();
    if (!current) return;
    const recorded = await recordedOrigin(old, 'agent');
    const sharers = [...this.units.values()].filter((x) => x.legacyName === legacy && !x.removedAt);
    if (recorded !== u.origin && !(recorded === undefined && sharers.length === 1)) {
      this.log.warn(
        { event: 'state-move', stack: name, from: legacy, sharers: sharers.map((x) => x.origin) },
        `the state of stack "${legacy}" may belong to this stack but cannot be attributed to one directory; not carried over`,
      );
      return;
    }
    const moved = await moveStackState(old, store, name, 'agent', u.origin);
    if (moved)
      this.log.warn(
        { event: 'state-move', stack: name, from: legacy, fromVersion: current.serial, stateVersion: moved.serial, resources: Object.keys(moved.resources).length },
        `carried the state of stack "${legacy}" over to "${name}" (the stack is now named after its directory)`,
      );
  }

  private async storeFor(u: Unit, name: string): Promise<StateStore> {
    let store = this.stores.get(name);
    if (!store) {
      const s = u.dir.kind === 'app' ? u.synth?.stacks.find((x) => x.name === name) : await this.synthStack(u, name, null);
      store = this.deps.openStore(name, backendOfStack(s?.json));
      const sharding = this.deps.sharding;
      if (sharding) store = fencedStore(store, () => sharding.fence(name));
      this.stores.set(name, store);
    }
    return store;
  }

  /** The synthesized stack `name` of unit `u`: a lone file is read (and renamed after its directory), an app's output reused. */
  private async synthStack(u: Unit, name: string, artifact: Artifact | null): Promise<SynthStack> {
    if (u.dir.kind === 'app') {
      let s = u.synth?.stacks.find((x) => x.name === name);
      if (!s && artifact) s = (await this.synthApp(u, artifact))?.find((x) => x.name === name);
      if (!s) throw new Error(`stack "${name}" is no longer produced by ${u.origin}`);
      return s;
    }
    const result = await synthesize(u.dir.dir, { signal: this.stopping.signal, env: this.env });
    const only = result.stacks[0]!;
    return { ...only, name };
  }

  private async synthApp(u: Unit, artifact: Artifact): Promise<SynthStack[] | null> {
    const started = Date.now();
    const outDir = join(this.deps.config.workDir, 'synth', u.cfg.name, u.dir.relPath === '' ? '_root' : u.dir.relPath);
    try {
      const result = await synthesize(u.dir.dir, { signal: this.stopping.signal, env: this.env, outDir });
      const stacks = selectStacks(result, u.cfg.stacks);
      const root = artifact.dir;
      const digests = new Map(
        stacks.map((st) => {
          // its config plus the files of its working directory (and what they point at): assets, file() targets
          const rel = relative(root, st.dir);
          const files = rel.startsWith('..') || isAbsolute(rel) ? inputDigest(st.dir, '') : inputDigest(root, rel.split(sep).join('/'));
          return [st.name, `synth:${createHash('sha256').update(st.bytes).update(files.digest).digest('hex')}`];
        }),
      );
      u.synth = { digest: u.digest!, stacks, digests };
      u.names = stacks.map((s) => s.name);
      this.log.info({ event: 'synth', source: u.cfg.name, path: u.dir.relPath, revision: artifact.revision, stacks: u.names, durationMs: Date.now() - started }, 'synthesized');
      return stacks;
    } catch (e) {
      if (this.stopping.signal.aborted) return null;
      const message = errorText(e);
      this.metrics.errors.inc({ stack: '', phase: 'synth' });
      this.log.error({ event: 'synth', source: u.cfg.name, path: u.dir.relPath, revision: artifact.revision, error: message }, 'synthesis failed');
      for (const n of u.names) {
        const rt = this.runtime(n, u.cfg.name);
        rt.revision = artifact.revision;
        rt.lastResult = { kind: 'failed', at: new Date().toISOString(), revision: artifact.revision, message: `synthesis failed: ${message}` };
      }
      if (!u.names.length) this.sourceRts.get(u.cfg.name)!.lastError = `synthesis of ${u.dir.relPath || '(root)'} failed: ${message}`;
      u.synth = null;
      return null;
    }
  }

  private runtime(stack: string, source: string): StackRuntime {
    let rt = this.stacks.get(stack);
    if (!rt) {
      rt = newStackRuntime(stack, source);
      rt.nextRunAt = this.sourceRts.get(source)?.nextRunAt ?? null;
      this.stacks.set(stack, rt);
    }
    return rt;
  }

  /** terraform_remote_state between stacks reads the other stack's recorded outputs. */
  private remoteState(): RemoteStateReader {
    return remoteStateReader((stack) => this.stores.get(stack) ?? this.deps.openStore(stack, undefined));
  }
}

async function readSeenInputs(store: StateStore): Promise<SeenInputs | null> {
  const bytes = await store.getControl?.(INPUTS_DOC);
  if (!bytes) return null;
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<SeenInputs>;
    return typeof v.digest === 'string' && typeof v.revision === 'string' ? { digest: v.digest, revision: v.revision } : null;
  } catch {
    return null; // torn or hand-edited: plan again
  }
}

/** The name a lone *.tf.json had before stacks were named after their directory. */
function loneFileName(dir: string): string | null {
  try {
    const files = readdirSync(dir).filter((n) => n.endsWith('.tf.json'));
    return files.length === 1 ? files[0]!.replace(/\.tf\.json$/, '') : null;
  } catch {
    return null;
  }
}

function errorText(e: unknown): string {
  if (e instanceof DiagnosticsError)
    return e.diagnostics
      .filter((d) => d.severity === 'error')
      .map(formatDiagnostic)
      .join('\n');
  return e instanceof Error ? e.message : String(e);
}
