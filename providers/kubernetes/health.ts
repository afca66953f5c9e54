// Object health after the kstatus rules Flux and Argo CD users know: a workload is Current
// when its controller has seen the latest spec and every replica is updated and available, a
// Job when it completed, anything with conditions when Ready/Available are true.

import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';

export type HealthStatus = 'Current' | 'InProgress' | 'Failed';

export interface Health {
  readonly status: HealthStatus;
  /** the object's own words: a condition message, or what is still missing */
  readonly message: string;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export function conditionsOf(obj: ValueObject): Condition[] {
  const status = obj.status;
  if (!isObject(status) || !Array.isArray(status.conditions)) return [];
  return status.conditions.filter(isObject).map((c) => ({
    type: String(c.type ?? ''),
    status: String(c.status ?? ''),
    reason: typeof c.reason === 'string' ? c.reason : undefined,
    message: typeof c.message === 'string' ? c.message : undefined,
  }));
}

const num = (v: Value | undefined, dflt = 0): number => (typeof v === 'number' ? v : dflt);
const explain = (c: Condition | undefined) => (c ? [c.reason, c.message].filter(Boolean).join(': ') : '');

export function healthOf(obj: ValueObject): Health {
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  if (meta.deletionTimestamp) return { status: 'InProgress', message: 'being deleted' };
  const status = isObject(obj.status) ? obj.status : undefined;
  const generation = num(meta.generation, 0);
  const conds = conditionsOf(obj);
  const cond = (t: string) => conds.find((c) => c.type === t);
  const kind = String(obj.kind ?? '');
  const spec = isObject(obj.spec) ? obj.spec : {};

  const workload = kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'ReplicaSet';
  if (workload || kind === 'Job') {
    if (!status || status.observedGeneration === undefined) return { status: 'InProgress', message: 'the controller has not observed the object yet' };
    if (num(status.observedGeneration) < generation) return { status: 'InProgress', message: `the controller has observed generation ${num(status.observedGeneration)}, not ${generation} yet` };
  }
  switch (kind) {
    case 'Deployment': {
      const progressing = cond('Progressing');
      if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') return { status: 'Failed', message: explain(progressing) };
      const want = num(spec.replicas, 1);
      const updated = num(status!.updatedReplicas);
      const available = num(status!.availableReplicas);
      const total = num(status!.replicas);
      if (updated < want) return { status: 'InProgress', message: `${updated} of ${want} replicas updated${progressing?.message ? ` (${progressing.message})` : ''}` };
      if (total > updated) return { status: 'InProgress', message: `${total - updated} old replicas are pending termination` };
      if (available < want) {
        const avail = cond('Available');
        return { status: 'InProgress', message: `${available} of ${want} replicas available${avail?.status === 'False' ? ` (${explain(avail)})` : ''}` };
      }
      return { status: 'Current', message: `${want} replicas available` };
    }
    case 'StatefulSet': {
      const want = num(spec.replicas, 1);
      const ready = num(status!.readyReplicas);
      const updated = num(status!.updatedReplicas);
      if (updated < want) return { status: 'InProgress', message: `${updated} of ${want} replicas updated` };
      if (ready < want) return { status: 'InProgress', message: `${ready} of ${want} replicas ready` };
      if (status!.updateRevision && status!.currentRevision !== status!.updateRevision) return { status: 'InProgress', message: `waiting for revision ${String(status!.updateRevision)}` };
      return { status: 'Current', message: `${want} replicas ready` };
    }
    case 'DaemonSet': {
      const want = num(status!.desiredNumberScheduled);
      const updated = num(status!.updatedNumberScheduled);
      const available = num(status!.numberAvailable);
      if (updated < want) return { status: 'InProgress', message: `${updated} of ${want} pods updated` };
      if (available < want) return { status: 'InProgress', message: `${available} of ${want} pods available` };
      return { status: 'Current', message: `${want} pods available` };
    }
    case 'Job': {
      const failed = cond('Failed');
      if (failed?.status === 'True') return { status: 'Failed', message: explain(failed) || 'the job failed' };
      if (cond('Complete')?.status === 'True') return { status: 'Current', message: 'complete' };
      if (spec.suspend === true) return { status: 'Current', message: 'suspended' };
      return { status: 'InProgress', message: `${num(status!.succeeded)} succeeded, ${num(status!.active)} active` };
    }
    case 'CustomResourceDefinition': {
      const names = cond('NamesAccepted');
      if (names?.status === 'False') return { status: 'Failed', message: explain(names) };
      return cond('Established')?.status === 'True' ? { status: 'Current', message: 'established' } : { status: 'InProgress', message: 'not established yet' };
    }
    case 'PersistentVolumeClaim':
      return status?.phase === 'Bound' ? { status: 'Current', message: 'bound' } : { status: 'InProgress', message: `phase ${String(status?.phase ?? 'Pending')}` };
    case 'Namespace':
      return status?.phase === 'Terminating' ? { status: 'InProgress', message: 'terminating' } : { status: 'Current', message: 'active' };
    case 'Pod': {
      if (status?.phase === 'Failed') return { status: 'Failed', message: String(status.message ?? status.reason ?? 'the pod failed') };
      if (status?.phase === 'Succeeded' || cond('Ready')?.status === 'True') return { status: 'Current', message: String(status?.phase ?? 'Ready') };
      return { status: 'InProgress', message: `phase ${String(status?.phase ?? 'Pending')}` };
    }
  }
  // Generic rules for everything else, custom resources included.
  if (status && status.observedGeneration !== undefined && num(status.observedGeneration) < generation) {
    return { status: 'InProgress', message: `observed generation ${num(status.observedGeneration)} of ${generation}` };
  }
  const stalled = cond('Stalled');
  if (stalled?.status === 'True') return { status: 'Failed', message: explain(stalled) };
  const reconciling = cond('Reconciling');
  if (reconciling?.status === 'True') return { status: 'InProgress', message: explain(reconciling) || 'reconciling' };
  for (const t of ['Ready', 'Available']) {
    const c = cond(t);
    if (c?.status === 'False') return { status: 'InProgress', message: explain(c) || `${t} is False` };
    if (c?.status === 'True') return { status: 'Current', message: t };
  }
  return { status: 'Current', message: 'exists' };
}
