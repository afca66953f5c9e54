// One stack's step of the agent loop. Given the fetched revision and the synthesized stack, it
// decides what to do and does it:
//
//   suspended                                  -> nothing
//   pinned by a rollback, revision held        -> nothing (a drift check uses the pinned config)
//   pinned, revision new                       -> release the pin, then as below
//   revision not yet recorded (auto) /
//     not yet planned (plan-only)              -> plan, then apply under `auto`
//   drift check due                            -> plan against the real world; `auto` corrects
//                                                 drift with an apply, `plan-only` reports it
//   otherwise                                  -> nothing runs
//
// Two agents on one state store: the loser waits for the lock, finds its plan stale and the
// revision already recorded, and stops ("superseded") instead of applying it again.

import { DiagnosticsError, formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.ts';
import { StalePlanError } from '../errors.ts';
import { prepareStack, type StackInput } from '../operations/prepare-stack.ts';
import { readPrior } from '../operations/prior-state.ts';
import { planPreparedStack, type PlanSession } from '../operations/plan-stack.ts';
import { applySession } from '../operations/apply-stack.ts';
import { staleLockWarning } from '../operations/stale-lock-warning.ts';
import { needsNewVersion } from '../operations/needs-new-version.ts';
import { hasChanges, summarize } from '../plan/plan.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import type { VariableInputs } from '../config/variables.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { StateStore } from '../../state/store.ts';
import type { StateVersion } from '../../state/model.ts';
import type { Artifact } from '../sources/source.ts';
import type { Policy } from './agent-config.ts';
import type { DriftPolicyRule } from '../plan/drift-policy.ts';
import { recordDrift } from './drift-record.ts';
import type { AgentMetrics } from './metrics.ts';
import type { Logger } from './logger.ts';
import { readControl, recordSeenRevision, releasePin } from './pins.ts';
import type { ResultKind, StackResult, StackRuntime } from './stack-status.ts';

export interface ReconcileDeps {
  readonly registry: ProviderRegistry;
  readonly store: StateStore;
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  readonly metrics: AgentMetrics;
  readonly policy: Policy;
  readonly parallelism: number;
  readonly lockWaitMs: number;
  /** drift policy by address, from the agent configuration */
  readonly driftPolicies?: readonly DriftPolicyRule[];
  readonly driftIntervalMs: number;
  readonly vars: VariableInputs;
  readonly remoteState?: RemoteStateReader;
  /** aborted when the agent stops taking work: cancels fetch, synth, plan and lock waits */
  readonly stopping: AbortSignal;
  /** aborted at the shutdown deadline: an apply stops starting operations and records what finished */
  readonly deadline: AbortSignal;
  /** for tests and benchmarks */
  readonly now?: () => number;
}

export interface ReconcileInput {
  readonly artifact: Artifact;
  /** the synthesized stack; called only when a plan is needed (it may synthesize again) */
  readonly stack: () => Promise<StackInput>;
}

/** Runs one step for one stack and updates `rt`; never throws for a failing stack. */
export async function reconcileStack(deps: ReconcileDeps, rt: StackRuntime, input: ReconcileInput): Promise<StackResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const { artifact } = input;
  const revision = artifact.revision;
  const log = deps.log.child({ stack: rt.name, revision });
  rt.revision = revision;
  let phase = 'state';
  const finish = (kind: ResultKind, extra: Partial<StackResult> = {}): StackResult => {
    const result: StackResult = { kind, at: new Date(now()).toISOString(), revision, ...extra };
    // repeats of "nothing to do" keep the last real outcome visible
    const quiet = kind === 'up-to-date' || ((kind === 'pinned' || kind === 'suspended') && rt.lastResult?.kind === kind);
    if (!quiet || rt.lastResult === null) rt.lastResult = result;
    deps.metrics.reconciles.inc({ stack: rt.name, result: kind });
    return result;
  };

  try {
    const store = deps.store;
    const control = await readControl(store);
    rt.suspended = control.suspended !== undefined;
    rt.pinnedTo = control.pin?.serial ?? null;
    deps.metrics.suspended.set({ stack: rt.name }, rt.suspended ? 1 : 0);
    if (rt.seenRecorded !== revision) {
      await recordSeenRevision(store, revision);
      rt.seenRecorded = revision;
    }
    let current = await store.current();
    noteCurrent(deps, rt, current);
    if (rt.suspended) {
      deps.metrics.pinned.set({ stack: rt.name }, rt.pinnedTo ?? 0);
      log.debug({ event: 'skip', reason: 'suspended' }, 'stack is suspended');
      return finish('suspended');
    }

    let pinned = false;
    if (control.pin) {
      if (control.pin.heldRevisions.includes(revision)) {
        pinned = true;
      } else {
        await releasePin(store);
        log.info({ event: 'unpin', pinnedTo: control.pin.serial }, 'a new revision arrived: following the source again');
        rt.pinnedTo = null;
      }
    }
    deps.metrics.pinned.set({ stack: rt.name }, rt.pinnedTo ?? 0);

    const isNew = deps.policy === 'auto' ? rt.lastAppliedRevision !== revision : rt.lastPlannedRevision !== revision;
    // a failed or interrupted step is retried at every step until it succeeds
    const retry = (rt.lastResult?.kind === 'failed' || rt.lastResult?.kind === 'cancelled') && rt.lastResult.revision === revision;
    const driftDue = now() >= rt.nextDriftAt || retry;
    if (pinned && !driftDue) return finish('pinned');
    if (!pinned && !isNew && !driftDue) return finish('up-to-date');

    const drift = pinned || !isNew;
    phase = 'synth';
    const stackInput = pinned ? await pinnedInput(store, current, await input.stack()) : await input.stack();
    if (stackInput === null) {
      rt.nextDriftAt = now() + deps.driftIntervalMs;
      return finish('pinned', { message: 'the pinned version has no recorded configuration; drift is not checked' });
    }
    phase = 'plan';
    const planRevision = drift ? (current?.sourceRevision ?? revision) : revision;
    const mode = drift && deps.policy === 'plan-only' ? 'refresh-only' : 'normal';
    deps.metrics.plans.inc({ stack: rt.name, kind: drift ? 'drift' : 'revision' });
    const prepared = prepareStack(stackInput, deps.vars);
    if (hasErrors(prepared.diagnostics)) return failed(prepared.diagnostics);
    const prior = await readPrior(store);
    const planned = await planPreparedStack(
      prepared.stack!,
      prior,
      deps.registry,
      {
        mode,
        refresh: true,
        parallelism: deps.parallelism,
        sourceRevision: planRevision,
        remoteState: deps.remoteState,
        signal: deps.stopping,
        driftPolicies: deps.driftPolicies,
      },
      deps.env,
    );
    if (!planned.session) return failed(planned.diagnostics);
    const session = planned.session;
    try {
      const plan = session.plan;
      const { read: _reads, ...summary } = summarize(plan.changes);
      const drifted = plan.drift.length;
      const alerts = plan.driftAlerts ?? [];
      if (drift) {
        rt.nextDriftAt = now() + deps.driftIntervalMs;
        if (drifted > 0 || alerts.length > 0) {
          deps.metrics.drift.inc({ stack: rt.name });
          log.warn({ event: 'drift', drifted, alerted: alerts.length, addresses: [...plan.drift, ...alerts].map((c) => c.address).slice(0, 20) }, 'objects changed outside Ballast');
        }
      }
      // alert drift is reported once per episode; the rest waits for the apply's outcome
      const alreadyReported = new Set([...rt.drifted.values()].filter((d) => d.policy === 'revert').map((d) => d.address));
      const { newAlerts } = recordDrift(rt, plan, false, new Date(now()).toISOString());
      const alerted = newAlerts + (deps.policy === 'plan-only' ? plan.drift.filter((c) => !alreadyReported.has(c.address)).length : 0);
      if (alerted > 0) deps.metrics.driftObjects.inc({ stack: rt.name, outcome: 'alerted' }, alerted);
      if (deps.policy === 'plan-only') {
        if (!drift) rt.lastPlannedRevision = revision;
        log.info({ event: 'plan', ...summary, drifted, durationMs: now() - started }, drift ? 'drift check' : 'planned (policy plan-only: not applied)');
        observe();
        return finish(drift ? (drifted > 0 ? 'drift-detected' : 'no-drift') : 'planned', { changes: summary, drifted, durationMs: now() - started });
      }
      const needed = needsNewVersion(plan, prior);
      if (!needed) {
        log.debug({ event: 'plan', durationMs: now() - started }, 'no drift');
        observe();
        return finish('no-drift', { durationMs: now() - started, drifted: 0 });
      }
      phase = 'apply';
      const applied = await applyLocked(deps, rt, session, drift ? undefined : artifact.author);
      if (applied === 'superseded') {
        current = await store.current();
        noteCurrent(deps, rt, current);
        if (current?.sourceRevision === planRevision) {
          log.info({ event: 'skip', reason: 'superseded', stateVersion: current.serial }, 'another agent recorded this revision first');
          return finish('superseded', { durationMs: now() - started });
        }
        rt.nextDriftAt = 0; // plan again at the next step
        return finish('failed', { message: 'the state changed while planning; planning again at the next step', durationMs: now() - started });
      }
      const { version, diagnostics } = applied;
      for (const d of diagnostics) if (d.severity === 'warning') log.warn({ event: 'apply', warning: d.detail }, d.summary);
      if (version) noteCurrent(deps, rt, version);
      if (!hasErrors(diagnostics)) {
        recordDrift(rt, plan, true, new Date(now()).toISOString());
        if (drifted > 0) deps.metrics.driftObjects.inc({ stack: rt.name, outcome: 'reverted' }, drifted);
      }
      if (!drift || drifted > 0 || hasChanges(plan)) rt.nextDriftAt = now() + deps.driftIntervalMs;
      observe();
      if (hasErrors(diagnostics)) {
        deps.metrics.errors.inc({ stack: rt.name, phase });
        const message = summarizeErrors(diagnostics);
        log.error({ event: 'apply', stateVersion: version?.serial ?? null, durationMs: now() - started, error: message }, 'apply failed');
        return finish(deps.stopping.aborted ? 'cancelled' : 'failed', { message, changes: summary });
      }
      log.info(
        { event: 'apply', ...summary, drifted, stateVersion: version?.serial ?? null, author: drift ? undefined : artifact.author, durationMs: now() - started },
        drift ? 'drift corrected' : 'applied',
      );
      return finish('applied', { changes: summary, drifted, durationMs: now() - started });
    } finally {
      await session.close();
    }
  } catch (e) {
    if (deps.stopping.aborted && isAbort(e)) {
      log.info({ event: 'cancelled', phase }, 'stopped by shutdown');
      return finish('cancelled', { message: `stopped during ${phase} by shutdown` });
    }
    deps.metrics.errors.inc({ stack: rt.name, phase });
    const message = e instanceof DiagnosticsError ? summarizeErrors(e.diagnostics) : e instanceof Error ? e.message : String(e);
    log.error({ event: phase, error: message, durationMs: now() - started }, `${phase} failed`);
    return finish('failed', { message, durationMs: now() - started });
  }

  function observe() {
    deps.metrics.reconcileSeconds.observe({ stack: rt.name }, (now() - started) / 1000);
  }

  function failed(diags: Diagnostic[]): StackResult {
    deps.metrics.errors.inc({ stack: rt.name, phase });
    const message = summarizeErrors(diags);
    log.error({ event: phase, error: message, durationMs: now() - started }, `${phase} failed`);
    return finish('failed', { message, durationMs: now() - started });
  }
}

/**
 * Takes the state lock (waiting, cancellably by shutdown, while another process holds it; a
 * holder that died or whose lock expired is taken over by the store), then applies under it.
 */
async function applyLocked(
  deps: ReconcileDeps,
  rt: StackRuntime,
  session: PlanSession,
  author: string | undefined,
): Promise<{ version: StateVersion | null; diagnostics: Diagnostic[] } | 'superseded'> {
  const { store } = deps;
  const held = await store.currentLock();
  if (held) {
    deps.metrics.lockWaits.inc({ stack: rt.name });
    deps.log.info({ stack: rt.name, event: 'lock-wait', holder: `${held.who}@${held.host}`, pid: held.pid, operation: held.operation }, 'waiting for the state lock');
  }
  const lock = await store.lock({ operation: session.plan.mode === 'destroy' ? 'destroy' : 'apply', waitMs: deps.lockWaitMs, signal: deps.stopping });
  try {
    const outcome = await applySession(session, store, { parallelism: deps.parallelism, signal: deps.deadline, author, lock });
    const taken = lock.tookOver ? [staleLockWarning(lock.tookOver, session.plan.stack)] : [];
    return { version: outcome.version, diagnostics: [...taken, ...outcome.diagnostics] };
  } catch (e) {
    if (e instanceof StalePlanError) return 'superseded';
    throw e;
  } finally {
    await lock.release();
  }
}

/** The rolled-back version's recorded config, resolved where the synthesized stack lives. */
async function pinnedInput(store: StateStore, current: StateVersion | null, synthesized: StackInput): Promise<StackInput | null> {
  if (!current?.configDigest) return null;
  const bytes = await store.getConfig(current.configDigest);
  if (!bytes) return null;
  return { name: synthesized.name, file: `state version ${current.serial} configuration (${current.configDigest})`, dir: synthesized.dir, json: JSON.parse(bytes.toString('utf8')), bytes };
}

function noteCurrent(deps: ReconcileDeps, rt: StackRuntime, v: StateVersion | null): void {
  rt.stateVersion = v?.serial ?? null;
  rt.lastAppliedRevision = v?.sourceRevision ?? null;
  const label = rt.lastAppliedRevision ?? '';
  if (rt.metricRevision !== label) {
    if (rt.metricRevision !== undefined) deps.metrics.lastApplied.remove({ stack: rt.name, revision: rt.metricRevision });
    if (v) deps.metrics.lastApplied.set({ stack: rt.name, revision: label }, 1);
    rt.metricRevision = v ? label : undefined;
  }
}

function summarizeErrors(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error');
  const text = errors.slice(0, 3).map(formatDiagnostic).join('\n');
  return errors.length > 3 ? `${text}\n(and ${errors.length - 3} more errors)` : text;
}

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError' || (e as { code?: string })?.code === 'ABORT_ERR' || e instanceof DOMException;
