// The stack of a directory that disappeared from its source, with `prune: true`: destroy what
// its state holds, planned from the configuration recorded with the current state version
// (the directory itself is gone), and record the empty version. Without prune the agent only
// reports the stack as removed.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrors, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { prepareStack } from '../operations/prepare-stack.ts';
import { readPrior } from '../operations/prior-state.ts';
import { planPreparedStack } from '../operations/plan-stack.ts';
import { applySession } from '../operations/apply-stack.ts';
import type { ReconcileDeps } from './reconcile-stack.ts';
import type { StackResult, StackRuntime } from './stack-status.ts';

export async function pruneStack(deps: ReconcileDeps, rt: StackRuntime, workDir: string): Promise<StackResult> {
  const log = deps.log.child({ stack: rt.name });
  const at = () => new Date().toISOString();
  const done = (r: StackResult) => {
    rt.lastResult = r;
    deps.metrics.reconciles.inc({ stack: rt.name, result: r.kind });
    return r;
  };
  try {
    const current = await deps.store.current();
    if (!current || (Object.keys(current.resources).length === 0 && current.reason === 'destroy')) {
      return done({ kind: 'pruned', at: at(), revision: current?.sourceRevision ?? null, message: 'nothing left to destroy' });
    }
    const bytes = current.configDigest ? await deps.store.getConfig(current.configDigest) : null;
    if (!bytes) return done({ kind: 'failed', at: at(), revision: current.sourceRevision, message: `cannot prune: state version ${current.serial} has no recorded configuration` });
    const dir = join(workDir, 'pruned', rt.name);
    await mkdir(dir, { recursive: true });
    const prepared = prepareStack({ name: rt.name, file: `state version ${current.serial} configuration (${current.configDigest})`, dir, json: JSON.parse(bytes.toString('utf8')), bytes }, deps.vars);
    if (hasErrors(prepared.diagnostics)) return failed(prepared.diagnostics);
    deps.metrics.plans.inc({ stack: rt.name, kind: 'prune' });
    const planned = await planPreparedStack(
      prepared.stack!,
      await readPrior(deps.store),
      deps.registry,
      {
        mode: 'destroy',
        refresh: true,
        parallelism: deps.parallelism,
        sourceRevision: current.sourceRevision ?? 'pruned',
        remoteState: deps.remoteState,
        signal: deps.stopping,
      },
      deps.env,
    );
    if (!planned.session) return failed(planned.diagnostics);
    try {
      const outcome = await applySession(planned.session, deps.store, { parallelism: deps.parallelism, signal: deps.deadline, lockWaitMs: deps.lockWaitMs });
      if (hasErrors(outcome.diagnostics)) return failed(outcome.diagnostics);
      log.warn({ event: 'prune', stateVersion: outcome.version?.serial ?? null, destroyed: outcome.result?.summary.destroy ?? 0 }, 'the stack directory is gone: destroyed its resources (prune)');
      return done({ kind: 'pruned', at: at(), revision: current.sourceRevision, changes: outcome.result?.summary });
    } finally {
      await planned.session.close();
    }
  } catch (e) {
    return done({ kind: 'failed', at: at(), revision: null, message: `prune failed: ${e instanceof Error ? e.message : String(e)}` });
  }

  function failed(diags: Diagnostic[]): StackResult {
    deps.metrics.errors.inc({ stack: rt.name, phase: 'prune' });
    const message = diags
      .filter((d) => d.severity === 'error')
      .slice(0, 3)
      .map(formatDiagnostic)
      .join('\n');
    log.error({ event: 'prune', error: message }, 'prune failed');
    return done({ kind: 'failed', at: at(), revision: null, message });
  }
}
