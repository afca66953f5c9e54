// The serialized file form of a state version: deterministic JSON (object keys sorted
// recursively, 2-space indent, trailing newline), so the same version always has the same
// bytes and therefore the same digest. parseState checks the shape before anything trusts it.

import { createHash } from 'node:crypto';
import { CorruptStateError } from '../engine/errors.ts';
import { BigNum } from '../engine/lang/big-number.ts';
import { parseJson, stringifyJson } from '../engine/lang/json-numbers.ts';
import { DEPOSED_SUFFIX, STATE_FORMAT_VERSION } from './model.ts';
import type { StateReason, StateVersion, VersionInfo } from './model.ts';

const REASONS: readonly StateReason[] = ['apply', 'destroy', 'rollback', 'refresh', 'import', 'move', 'state-edit', 'state-push'];

export function serializeState(v: StateVersion): Buffer {
  return Buffer.from(stableJson(v) + '\n', 'utf8');
}

/** JSON with object keys sorted at every depth; undefined object members are dropped, as JSON.stringify does. */
export function stableJson(value: unknown, indent = 2): string {
  sawBigNum = false;
  const sorted = sortKeys(value, '$');
  return sawBigNum ? stringifyJson(sorted, indent) : JSON.stringify(sorted, null, indent);
}
/** set by sortKeys: whether the value holds a BigNum (JSON.stringify alone is faster without one) */
let sawBigNum = false;

function sortKeys(v: unknown, at: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    // JSON.stringify would quietly write null for these; a state file must not lose a value.
    if (!Number.isFinite(v)) throw new Error(`internal error: cannot serialize non-finite number at ${at}`);
    return v;
  }
  if (v instanceof BigNum) {
    sawBigNum = true; // written with every digit by stringifyJson
    return v;
  }
  if (Array.isArray(v)) return v.map((x, i) => (x === undefined ? null : sortKeys(x, `${at}[${i}]`)));
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    // Unknown and Sensitive wrappers (engine/lang/value.ts) must be resolved before state is written.
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`internal error: cannot serialize a ${proto?.constructor?.name ?? 'non-plain'} object at ${at} into state`);
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x, `${at}.${k}`);
    }
    return out;
  }
  throw new Error(`internal error: cannot serialize a ${typeof v} at ${at} into state`);
}

/**
 * Where JSON.parse failed, without its quote of the input: state holds secrets in clear and
 * V8's message may repeat part of the text.
 */
export function jsonErrorWhere(e: unknown): string {
  const m = /at position (\d+)/.exec((e as Error)?.message ?? '');
  return m ? ` (at byte offset ${m[1]})` : '';
}

export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** the digest of the bytes each parsed version was read from (versions are immutable) */
const readDigests = new WeakMap<StateVersion, string>();

/**
 * The digest of a version: of the bytes it was parsed from when it was read (parseState), else of
 * its serialized form. Serializing a large state again only to learn its digest costs more than
 * reading it did.
 */
export function versionDigest(v: StateVersion): string {
  return readDigests.get(v) ?? digestOf(serializeState(v));
}

export function versionInfo(v: StateVersion, digest: string): VersionInfo {
  return {
    serial: v.serial,
    time: v.time,
    reason: v.reason,
    sourceRevision: v.sourceRevision,
    changes: { add: v.changes.add, change: v.changes.change, destroy: v.changes.destroy },
    ...(v.rollbackOf !== undefined ? { rollbackOf: v.rollbackOf } : {}),
    digest,
  };
}

/**
 * Parses and validates a serialized state version. `origin` names the source in errors,
 * e.g. `state version file /x/versions/00000003.json`; `digest`, when the caller has hashed the
 * bytes already, saves hashing them again.
 */
export function parseState(bytes: Buffer | string, origin: string, digest?: string): StateVersion {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  let raw: unknown;
  try {
    raw = parseJson(text);
  } catch (e) {
    throw new CorruptStateError(origin, `not valid JSON${jsonErrorWhere(e)}`);
  }
  const fail = (problem: string): never => {
    throw new CorruptStateError(origin, problem);
  };
  if (!isPlainObject(raw)) return fail('expected a JSON object at the top level');
  const fv = raw.formatVersion;
  if (typeof fv !== 'number' || !Number.isInteger(fv)) return fail('formatVersion is missing or not an integer');
  if (fv > STATE_FORMAT_VERSION) {
    return fail(`formatVersion ${fv} was written by a newer ballast (this one reads up to ${STATE_FORMAT_VERSION})`);
  }
  if (fv !== STATE_FORMAT_VERSION) return fail(`unsupported formatVersion ${fv} (expected ${STATE_FORMAT_VERSION})`);

  const c = new Checker(fail);
  c.str(raw, 'lineage', '$');
  if (!(typeof raw.serial === 'number' && Number.isInteger(raw.serial) && raw.serial >= 1)) fail('serial must be a positive integer');
  c.strOrNull(raw, 'parentDigest', '$');
  if (raw.serial === 1 && raw.parentDigest !== null) fail('serial 1 must have parentDigest null');
  if ((raw.serial as number) > 1 && raw.parentDigest === null) fail(`serial ${raw.serial} has no parentDigest`);
  c.str(raw, 'stack', '$');
  c.strOrNull(raw, 'sourceRevision', '$');
  c.strOrNull(raw, 'configDigest', '$');
  if (!REASONS.includes(raw.reason as StateReason)) fail(`reason must be one of ${REASONS.join(', ')}`);
  if (raw.rollbackOf !== undefined && !(typeof raw.rollbackOf === 'number' && Number.isInteger(raw.rollbackOf))) {
    fail('rollbackOf must be an integer serial');
  }
  if (raw.author !== undefined) c.str(raw, 'author', '$');
  c.str(raw, 'time', '$');
  c.str(raw, 'engineVersion', '$');
  const changes = c.obj(raw, 'changes', '$');
  for (const k of ['add', 'change', 'destroy']) {
    if (typeof changes[k] !== 'number') fail(`changes.${k} must be a number`);
  }
  const resources = c.obj(raw, 'resources', '$');
  for (const [addr, r] of Object.entries(resources)) checkInstance(c, addr, r, fail);
  const outputs = c.obj(raw, 'outputs', '$');
  for (const [name, o] of Object.entries(outputs)) {
    if (!isPlainObject(o) || !('value' in o) || typeof o.sensitive !== 'boolean') {
      fail(`outputs.${name} must be an object with value and sensitive (boolean)`);
    }
  }
  readDigests.set(raw as unknown as StateVersion, digest ?? digestOf(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes));
  return raw as unknown as StateVersion;
}

function checkInstance(c: Checker, addr: string, r: unknown, fail: (p: string) => never): void {
  const at = `resources[${JSON.stringify(addr)}]`;
  if (!isPlainObject(r)) fail(`${at} must be an object`);
  const o = r as Record<string, unknown>;
  if (o.address !== addr && !(o.deposed === true && `${o.address}${DEPOSED_SUFFIX}` === addr)) fail(`${at}.address must equal its key`);
  if (o.mode !== 'managed' && o.mode !== 'data') fail(`${at}.mode must be "managed" or "data"`);
  c.str(o, 'type', at);
  c.str(o, 'name', at);
  if (o.key !== undefined && typeof o.key !== 'string' && typeof o.key !== 'number') fail(`${at}.key must be a string or number`);
  c.str(o, 'provider', at);
  c.obj(o, 'attributes', at);
  if (!Array.isArray(o.sensitivePaths) || !o.sensitivePaths.every((p) => Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number'))) {
    fail(`${at}.sensitivePaths must be a list of paths`);
  }
  if (!Array.isArray(o.dependencies) || !o.dependencies.every((d) => typeof d === 'string')) fail(`${at}.dependencies must be a list of strings`);
  if (typeof o.schemaVersion !== 'number') fail(`${at}.schemaVersion must be a number`);
  if (o.private !== undefined && !isPlainObject(o.private)) fail(`${at}.private must be an object`);
  for (const flag of ['createBeforeDestroy', 'tainted'] as const) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean') fail(`${at}.${flag} must be a boolean`);
  }
}

class Checker {
  constructor(private readonly fail: (p: string) => never) {}
  str(o: Record<string, unknown>, k: string, at: string): void {
    if (typeof o[k] !== 'string') this.fail(`${name(at, k)} must be a string`);
  }
  strOrNull(o: Record<string, unknown>, k: string, at: string): void {
    if (o[k] !== null && typeof o[k] !== 'string') this.fail(`${name(at, k)} must be a string or null`);
  }
  obj(o: Record<string, unknown>, k: string, at: string): Record<string, unknown> {
    const v = o[k];
    if (!isPlainObject(v)) this.fail(`${name(at, k)} must be an object`);
    return v as Record<string, unknown>;
  }
}

const name = (at: string, k: string) => (at === '$' ? k : `${at}.${k}`);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
