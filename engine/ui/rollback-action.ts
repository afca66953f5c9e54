// Rollback from the web UI, in two steps like `ballast rollback`: plan version N's recorded
// configuration against the real world and show that plan (redacted by the human renderer);
// only a confirmation applies that very plan (refused as stale if the state moved meanwhile),
// pins the stack so the agent does not re-apply the revision it rolled back from, and records
// a `rollback` version. Unconfirmed plans expire.

import { randomBytes } from 'node:crypto';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { VariableInputs } from '../config/variables.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import { renderPlan } from '../plan/render/human.ts';
import { summarize } from '../plan/plan.ts';
import { prepareStack } from '../operations/prepare-stack.ts';
import { readPrior } from '../operations/prior-state.ts';
import { planPreparedStack, type PlanSession } from '../operations/plan-stack.ts';
import { applySession } from '../operations/apply-stack.ts';
import { canHoldControls, pinStack, readControl, writeControl } from '../agent/pins.ts';
import type { ProviderRegistry } from '../../providers/registry.ts';
import type { StateStore } from '../../state/store.ts';

export interface RollbackContext {
  readonly registry: ProviderRegistry;
  readonly env: NodeJS.ProcessEnv;
  /** the variables the stack is applied with (its source's vars) */
  readonly vars: (stack: string) => VariableInputs;
  readonly parallelism: number;
  /** where relative paths of a recorded configuration resolve */
  readonly dir: string;
  readonly remoteState?: RemoteStateReader;
}

export interface PlannedRollback {
  readonly id: string;
  readonly stack: string;
  readonly serial: number;
  /** the plan as `ballast plan` prints it: secrets are already "(sensitive value)" */
  readonly text: string;
  readonly summary: { add: number; change: number; destroy: number };
}

export class RollbackError extends Error {}

const EXPIRE_MS = 10 * 60_000;

interface Pending {
  readonly plan: PlannedRollback;
  readonly session: PlanSession;
  readonly store: StateStore;
  readonly sourceRevision: string | null;
  readonly timer: NodeJS.Timeout;
}

const errorsOf = (d: readonly Diagnostic[]) =>
  d
    .filter((x) => x.severity === 'error')
    .map(formatDiagnostic)
    .join('\n');

export class RollbackPlans {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly ctx: RollbackContext) {}

  async plan(stack: string, store: StateStore, serial: number): Promise<PlannedRollback> {
    const target = await store.get(serial);
    if (!target) throw new RollbackError(`stack "${stack}" has no state version ${serial}`);
    if (target.reason === 'destroy') throw new RollbackError(`state version ${serial} was recorded by destroy and holds no objects; roll back to a version made by apply`);
    const bytes = target.configDigest ? await store.getConfig(target.configDigest) : null;
    if (!bytes) throw new RollbackError(`state version ${serial} has no recorded configuration (it was a ${target.reason}); choose a version made by apply`);
    const input = { name: stack, file: `state version ${serial} configuration (${target.configDigest})`, dir: this.ctx.dir, json: JSON.parse(bytes.toString('utf8')) as unknown, bytes };
    const prepared = prepareStack(input, this.ctx.vars(stack));
    if (hasErrors(prepared.diagnostics)) throw new RollbackError(errorsOf(prepared.diagnostics));
    const prior = await readPrior(store);
    const planned = await planPreparedStack(
      prepared.stack!,
      { ...prior, restore: new Map(Object.entries(target.resources)) },
      this.ctx.registry,
      {
        mode: 'normal',
        refresh: true,
        parallelism: this.ctx.parallelism,
        sourceRevision: target.sourceRevision,
        rollbackOf: serial,
        remoteState: this.ctx.remoteState,
      },
      this.ctx.env,
    );
    if (!planned.session) throw new RollbackError(errorsOf(planned.diagnostics));
    const session = planned.session;
    const { read: _read, ...summary } = summarize(session.plan.changes);
    const id = randomBytes(16).toString('base64url');
    const plan: PlannedRollback = { id, stack, serial, text: renderPlan(session.plan, { color: false }), summary };
    const timer = setTimeout(() => void this.discard(id), EXPIRE_MS);
    timer.unref();
    this.pending.set(id, { plan, session, store, sourceRevision: prior.version?.sourceRevision ?? null, timer });
    return plan;
  }

  get(id: string): PlannedRollback | null {
    return this.pending.get(id)?.plan ?? null;
  }

  /** Applies a plan shown before; returns the serial of the version recorded. */
  async confirm(id: string): Promise<{ serial: number | null; plan: PlannedRollback }> {
    const p = this.pending.get(id);
    if (!p) throw new RollbackError('this rollback plan expired or was already used; plan it again');
    this.pending.delete(id);
    clearTimeout(p.timer);
    const { store } = p;
    try {
      // pin first, so the agent cannot re-apply the revision being rolled back from in between
      const control = canHoldControls(store) ? await readControl(store) : null;
      if (control) await pinStack(store, p.plan.serial, p.sourceRevision);
      let outcome: Awaited<ReturnType<typeof applySession>>;
      try {
        outcome = await applySession(p.session, store, { parallelism: this.ctx.parallelism, reason: 'rollback', author: 'web UI' });
      } catch (e) {
        if (control) await writeControl(store, control);
        throw new RollbackError((e as Error).message);
      }
      if (hasErrors(outcome.diagnostics)) throw new RollbackError(errorsOf(outcome.diagnostics));
      return { serial: outcome.version?.serial ?? null, plan: p.plan };
    } finally {
      await p.session.close();
    }
  }

  async discard(id: string): Promise<void> {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    await p.session.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.discard(id)));
  }
}
