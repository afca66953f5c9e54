// Prometheus metrics of one agent, in its own registry (several agents in one process, as in
// tests and benchmarks, must not share counters).

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface AgentMetrics {
  readonly registry: Registry;
  readonly reconciles: Counter<'stack' | 'result'>;
  readonly reconcileSeconds: Histogram<'stack'>;
  readonly lastApplied: Gauge<'stack' | 'revision'>;
  readonly drift: Counter<'stack'>;
  /** objects found changed outside Ballast, by what came of it: reverted (put back) or alerted (reported only) */
  readonly driftObjects: Counter<'stack' | 'outcome'>;
  readonly errors: Counter<'stack' | 'phase'>;
  readonly lockWaits: Counter<'stack'>;
  readonly fetches: Counter<'source' | 'result'>;
  readonly suspended: Gauge<'stack'>;
  readonly pinned: Gauge<'stack'>;
  /** plans run (new revision, drift check or prune), so a commit's cost can be counted */
  readonly plans: Counter<'stack' | 'kind'>;
  readonly queued: Gauge;
}

export function createAgentMetrics(opts: { processMetrics?: boolean } = {}): AgentMetrics {
  const registry = new Registry();
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'ballast_agent_' });
  const registers = [registry];
  return {
    registry,
    reconciles: new Counter({ name: 'ballast_reconcile_total', help: 'Reconcile steps per stack, by result', labelNames: ['stack', 'result'], registers }),
    reconcileSeconds: new Histogram({
      name: 'ballast_reconcile_duration_seconds',
      help: 'Duration of reconcile steps that planned or applied',
      labelNames: ['stack'],
      registers,
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    }),
    lastApplied: new Gauge({ name: 'ballast_last_applied_revision_info', help: 'The source revision recorded in the current state version (value 1)', labelNames: ['stack', 'revision'], registers }),
    drift: new Counter({ name: 'ballast_drift_detected_total', help: 'Drift checks that found objects changed outside Ballast', labelNames: ['stack'], registers }),
    driftObjects: new Counter({
      name: 'ballast_drift_objects_total',
      help: 'Objects found changed outside Ballast, by outcome: reverted (put back by an apply) or alerted (reported only: drift policy alert, counted once per episode, or a plan-only stack)',
      labelNames: ['stack', 'outcome'],
      registers,
    }),
    errors: new Counter({ name: 'ballast_errors_total', help: 'Failed steps, by phase (fetch, synth, plan, apply)', labelNames: ['stack', 'phase'], registers }),
    lockWaits: new Counter({ name: 'ballast_lock_waits_total', help: 'Applies that had to wait for another holder of the state lock', labelNames: ['stack'], registers }),
    fetches: new Counter({ name: 'ballast_source_fetch_total', help: 'Source fetches, by result', labelNames: ['source', 'result'], registers }),
    suspended: new Gauge({ name: 'ballast_stack_suspended', help: '1 when the stack is suspended', labelNames: ['stack'], registers }),
    pinned: new Gauge({ name: 'ballast_stack_pinned', help: 'The state version a rolled-back stack is pinned to (0: not pinned)', labelNames: ['stack'], registers }),
    plans: new Counter({ name: 'ballast_plans_total', help: 'Plans run, by kind (revision, drift, prune)', labelNames: ['stack', 'kind'], registers }),
    queued: new Gauge({ name: 'ballast_stacks_queued', help: 'Stacks waiting for a slot (--stack-concurrency)', registers }),
  };
}
