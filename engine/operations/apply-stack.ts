// Applies a plan session and records the result: takes the state lock, checks the plan is
// still current, journals every provider operation, writes the config snapshot and the next
// immutable state version, then drops the journals it folded in.

import { ProviderFunctions, providersWithCalledFunctions } from '../eval/provider-functions.ts';
import type { ProviderSet } from '../eval/provider-set.ts';
import type { PreparedStack } from './prepare-stack.ts';
import { randomUUID } from 'node:crypto';
import { type Diagnostic, error, warning } from '../diagnostics.ts';
import { StalePlanError } from '../errors.ts';
import { applyPlan, type ApplyEvent, type ApplyResult } from '../apply/apply.ts';
import { StackScope } from '../eval/stack-scope.ts';
import type { StateReason, StateVersion } from '../../state/model.ts';
import type { Lock, StateStore } from '../../state/store.ts';
import type { PlanSession } from './plan-stack.ts';
import { needsNewVersion } from './needs-new-version.ts';
import { readPrior } from './prior-state.ts';
import { staleLockWarning } from './stale-lock-warning.ts';
import { nextStateVersion } from './state-version.ts';

export interface ApplyRequest {
  readonly parallelism?: number;
  readonly signal?: AbortSignal;
  readonly onEvent?: (e: ApplyEvent) => void;
  readonly reason?: StateReason;
  readonly author?: string;
  /** how long to wait for another holder's lock (ms) */
  readonly lockWaitMs?: number;
  /**
   * the state lock, when the caller took it before refreshing (as the CLI does, like
   * Terraform); it stays held on return and the caller releases it
   */
  readonly lock?: Lock;
}

export interface ApplyOutcome {
  /** the version written, or null when nothing needed recording */
  readonly version: StateVersion | null;
  readonly result: ApplyResult | null;
  readonly diagnostics: Diagnostic[];
}

export async function applySession(session: PlanSession, store: StateStore, req: ApplyRequest = {}): Promise<ApplyOutcome> {
  const { plan, stack } = session;
  const diags: Diagnostic[] = [];
  const ownLock = !req.lock;
  const lock = req.lock ?? (await store.lock({ operation: plan.mode === 'destroy' ? 'destroy' : 'apply', waitMs: req.lockWaitMs ?? 0, signal: req.signal }));
  if (ownLock && lock.tookOver) diags.push(staleLockWarning(lock.tookOver, plan.stack));
  // a lock lost while applying (another process took it over) stops the apply: no new
  // operations start, what finished is recorded, and the error says why
  const lockLost = new AbortController();
  const signal = req.signal ? AbortSignal.any([req.signal, lockLost.signal]) : lockLost.signal;
  const renew = setInterval(() => {
    lock.renew().catch((e: Error) => {
      diags.push(error('State lock lost during apply', `${e.message}. No new operations were started; everything that finished is recorded.`, { stack: plan.stack }));
      lockLost.abort(e);
    });
  }, 60_000);
  renew.unref();
  try {
    // the plan must still describe the state it will change
    const now = await readPrior(store);
    if ((now.version?.serial ?? null) !== plan.priorSerial || now.journals.join() !== (plan.priorJournals ?? session.prior.journals).join()) {
      throw new StalePlanError(
        `state of stack "${plan.stack}" changed since the plan was made (planned against serial ${plan.priorSerial ?? 'none'}, now ${now.version?.serial ?? 'none'}); run plan again`,
      );
    }
    const reason: StateReason = req.reason ?? (plan.mode === 'destroy' ? 'destroy' : plan.mode === 'refresh-only' ? 'refresh' : plan.rollbackOf !== undefined ? 'rollback' : 'apply');
    const prev = now.version;
    if (!needsNewVersion(plan, now)) return { version: null, result: null, diagnostics: diags };

    let result: ApplyResult | null = null;
    let instances = new Map(Object.entries(plan.prior));
    let outputs = prev?.outputs ?? {};
    let summary = { add: 0, change: 0, destroy: 0 };
    const applyId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    if (plan.mode !== 'refresh-only') {
      const journal = await store.openJournal(applyId);
      try {
        result = await applyPlan(plan, {
          config: stack.config,
          scope: applyScope(stack, session.providers, plan.timestamp),
          providers: session.providers,
          journal,
          parallelism: req.parallelism ?? 10,
          signal,
          onEvent: req.onEvent,
        });
      } finally {
        await journal.close();
      }
      diags.push(...result.diagnostics);
      instances = result.instances;
      // a fully destroyed stack keeps no data source results either, as in Terraform
      if (plan.mode === 'destroy' && ![...instances.values()].some((i) => i.mode === 'managed')) instances.clear();
      // outputs of a partial apply: keep what could be evaluated, the rest as before
      // and of a targeted one: what it planned, the rest as before
      outputs = result.complete && !plan.targeted ? result.outputs : { ...outputs, ...result.outputs };
      if (plan.targeted) outputs = Object.fromEntries(Object.entries(outputs).filter(([name]) => plan.outputs.find((o) => o.name === name)?.action !== 'delete'));
      summary = result.summary;
    }
    const configDigest = plan.mode === 'destroy' ? (prev?.configDigest ?? null) : await store.putConfig(stack.bytes);
    const next = nextStateVersion({
      stack: plan.stack,
      previous: prev,
      previousDigest: now.digest,
      instances,
      outputs,
      reason,
      changes: summary,
      sourceRevision: plan.sourceRevision,
      configDigest,
      rollbackOf: plan.rollbackOf,
      author: req.author,
    });
    await store.put(next, { expectedSerial: prev?.serial ?? null });
    for (const id of [...now.journals, ...(plan.mode !== 'refresh-only' ? [applyId] : [])]) await store.discardJournal(id);
    if (result && !result.complete && !diags.some((d) => d.severity === 'error'))
      diags.push(error('Apply incomplete', 'Some operations did not finish; what finished is recorded.', { stack: plan.stack }));
    if (plan.targeted && plan.mode !== 'refresh-only')
      diags.push(
        warning(
          'Applied changes may be incomplete',
          'The plan was limited with --target, so changes the configuration asks for elsewhere may not have been made and output values may be out of date. Run `ballast plan` to see whether other changes are pending.',
          { stack: plan.stack },
        ),
      );
    return { version: next, result, diagnostics: diags };
  } finally {
    clearInterval(renew);
    if (ownLock) await lock.release().catch(() => undefined);
  }
}

/** The scope an apply evaluates in; provider-defined functions run through the session's providers. */
function applyScope(stack: PreparedStack, providers: ProviderSet, planTimestamp: string | undefined): StackScope {
  const scope = new StackScope(stack.config, stack.variables, { applying: true, planTimestamp });
  if (providersWithCalledFunctions(stack.config).length) scope.useProviderFunctions(new ProviderFunctions((name) => providers.functionProvider(name)));
  return scope;
}
