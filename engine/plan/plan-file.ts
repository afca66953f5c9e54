// Saved plans (`plan --out FILE`, `apply FILE`). A saved plan is bound to the state it was made
// against, the synthesized config, and the engine version: apply refuses it when any changed.
// Like Terraform's plan files it may hold sensitive values: treat it as a secret.

import { readFileSync, writeFileSync } from 'node:fs';
import { isObject, markSet, isSet, Sensitive, Unknown, type Value } from '../lang/value.ts';
import { UserInputError } from '../errors.ts';
import type { Plan } from './plan.ts';

export const PLAN_FILE_FORMAT = 'ballast-plan/1';

export interface SavedStackPlan {
  readonly plan: Plan;
  /** variable values the plan was evaluated with (apply re-evaluates unknowns with the same values) */
  readonly variables: Record<string, Value>;
}

export interface SavedPlan {
  readonly format: string;
  readonly engineVersion: string;
  readonly created: string;
  readonly stacks: SavedStackPlan[];
}

const TAG = '$ballast';

function encode(v: unknown): unknown {
  if (v instanceof Unknown) return { [TAG]: 'unknown', type: v.type ?? null };
  if (v instanceof Sensitive) return { [TAG]: 'sensitive', value: encode(v.value) };
  if (v instanceof Map) return { [TAG]: 'map', entries: [...v].map(([k, x]) => [k, encode(x)]) };
  if (Array.isArray(v)) {
    const items = v.map(encode);
    return isSet(v as Value[]) ? { [TAG]: 'set', items } : items;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encode(x);
    return out;
  }
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    switch (o[TAG]) {
      case 'unknown':
        return new Unknown((o.type as string | null) ?? undefined);
      case 'sensitive':
        return new Sensitive(decode(o.value) as Value);
      case 'set':
        return markSet((o.items as unknown[]).map(decode) as Value[]);
      case 'map':
        return new Map((o.entries as [string, unknown][]).map(([k, x]) => [k, decode(x)]));
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decode(x);
    return out;
  }
  return v;
}

export function writePlanFile(file: string, saved: SavedPlan): void {
  writeFileSync(file, JSON.stringify(encode(saved)), { mode: 0o600 });
}

export function readPlanFile(file: string): SavedPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserInputError(`cannot read saved plan ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a Ballast plan file'}`);
  }
  if (!isObject(raw as Value) || (raw as { format?: unknown }).format !== PLAN_FILE_FORMAT) {
    throw new UserInputError(`${file} is not a Ballast plan file (expected format ${PLAN_FILE_FORMAT})`);
  }
  return decode(raw) as SavedPlan;
}
