// The settings of one kubernetes_manifest instance read from its (known) configuration:
// field manager, wait rules, timeouts, and paths left to the server.

import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';
import type { WaitSpec } from './object-client.ts';

export const DEFAULT_FIELD_MANAGER = 'ballast';
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export interface ManifestOptions {
  readonly fieldManager: string;
  readonly force: boolean;
  readonly wait: WaitSpec | undefined;
  readonly computedFields: string[];
  readonly timeouts: { create: number; update: number; delete: number };
}

const first = (v: Value | undefined): ValueObject | undefined => (Array.isArray(v) ? v.find(isObject) : isObject(v) ? v : undefined);

export function manifestOptions(state: ValueObject): ManifestOptions {
  const fm = first(state.field_manager);
  const w = first(state.wait);
  const legacy = isObject(state.wait_for) && isObject(state.wait_for.fields) ? state.wait_for.fields : undefined;
  const fields: Record<string, string> = {};
  for (const src of [legacy, w && isObject(w.fields) ? w.fields : undefined]) {
    for (const [k, v] of Object.entries(src ?? {})) if (typeof v === 'string') fields[k] = v;
  }
  const conditions = (Array.isArray(w?.condition) ? w!.condition : w && isObject(w.condition) ? [w.condition] : [])
    .filter(isObject)
    .map((c) => ({ type: String(c.type ?? ''), status: String(c.status ?? 'True') }));
  const wait: WaitSpec | undefined = w?.rollout === true || Object.keys(fields).length || conditions.length ? { rollout: w?.rollout === true, fields, conditions } : undefined;
  const t = isObject(state.timeouts) ? state.timeouts : {};
  return {
    fieldManager: typeof fm?.name === 'string' && fm.name !== '' ? fm.name : DEFAULT_FIELD_MANAGER,
    force: fm?.force_conflicts === true,
    wait,
    computedFields: Array.isArray(state.computed_fields) ? state.computed_fields.filter((x): x is string => typeof x === 'string') : [],
    timeouts: { create: duration(t.create), update: duration(t.update), delete: duration(t.delete) },
  };
}

/** "30s", "5m", "1h30m" → milliseconds; unset or unreadable → the 10 minute default. */
export function duration(v: Value | undefined): number {
  if (typeof v !== 'string' || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(v)) return DEFAULT_TIMEOUT_MS;
  let ms = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return ms;
}

export function isValidDuration(v: string): boolean {
  return /^(\d+(\.\d+)?(ms|s|m|h))+$/.test(v);
}
