// Saved plans (`plan --out FILE`, `apply FILE`). A saved plan is bound to the state it was made
// against, the synthesized config, and the engine version: apply refuses it when any changed.
// Like Terraform's plan files it may hold sensitive values: treat it as a secret. It also holds
// the plan as `plan --json` and the human plan printed it (rendered with the configuration and
// provider schemas of the run that made it), so `show PLANFILE` needs neither. A checksum over
// the plans and renderings finds a file changed after it was written (an integrity check
// against edits and corruption, not a signature).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { BigNum, numberFromText } from '../lang/big-number.ts';
import { isObject, markSet, isSet, Sensitive, Unknown, type Value } from '../lang/value.ts';
import { UserInputError } from '../errors.ts';
import type { Plan } from './plan.ts';

export const PLAN_FILE_FORMAT = 'ballast-plan/2';

/** The plan as the run that made it printed it. */
export interface RenderedPlan {
  /** the document of `plan --json` (one stack's, or `{stacks: {...}}`), as printed */
  readonly json: string;
  /** the human plan, without and with color */
  readonly human: string;
  readonly humanColor: string;
}

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
  readonly rendered?: RenderedPlan;
}

const TAG = '$ballast';

function encode(v: unknown): unknown {
  if (v instanceof Unknown) return { [TAG]: 'unknown', type: v.type ?? null };
  if (v instanceof Sensitive) return { [TAG]: 'sensitive', value: encode(v.value) };
  // a number no double holds exactly keeps its digits
  if (v instanceof BigNum) return { [TAG]: 'number', text: v.toString() };
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
      case 'number':
        return numberFromText(String(o.text));
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decode(x);
    return out;
  }
  return v;
}

/** What the checksum covers: everything but the header fields, which are checked on their own. */
function checksum(body: { stacks?: unknown; rendered?: unknown }): string {
  return `sha256:${createHash('sha256')
    .update(JSON.stringify([body.stacks ?? null, body.rendered ?? null]))
    .digest('hex')}`;
}

export function writePlanFile(file: string, saved: SavedPlan): void {
  const body = encode(saved) as { stacks: unknown; rendered?: unknown };
  writeFileSync(file, JSON.stringify({ ...body, checksum: checksum(body) }), { mode: 0o600 });
}

export function readPlanFile(file: string): SavedPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserInputError(
      `cannot read saved plan ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : 'not a Ballast plan file'}`,
    );
  }
  const o = raw as { format?: unknown; checksum?: unknown; stacks?: unknown; engineVersion?: unknown; rendered?: unknown };
  if (!isObject(raw as Value)) throw new UserInputError(`${file} is not a Ballast plan file (expected format ${PLAN_FILE_FORMAT})`);
  if (o.format !== PLAN_FILE_FORMAT) {
    const older = typeof o.format === 'string' && o.format.startsWith('ballast-plan/');
    throw new UserInputError(
      older
        ? `${file} is a plan file of format ${o.format}, written by another Ballast version; this one reads ${PLAN_FILE_FORMAT}: run plan again`
        : `${file} is not a Ballast plan file (expected format ${PLAN_FILE_FORMAT})`,
    );
  }
  if (o.checksum !== checksum(o)) throw new UserInputError(`saved plan ${file} was changed after Ballast wrote it (its checksum does not match): run plan again`);
  if (typeof o.engineVersion !== 'string' || !Array.isArray(o.stacks) || !o.stacks.every(isSavedStack)) {
    throw new UserInputError(`saved plan ${file} is malformed (no stacks with plans): run plan again`);
  }
  return decode(raw) as SavedPlan;
}

function isSavedStack(s: unknown): boolean {
  const plan = isObject(s as Value) ? (s as { plan?: unknown }).plan : undefined;
  return isObject(plan as Value) && typeof (plan as { stack?: unknown }).stack === 'string' && Array.isArray((plan as { changes?: unknown }).changes);
}
