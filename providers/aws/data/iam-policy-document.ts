// data "aws_iam_policy_document": renders statement blocks to the policy JSON exactly as the
// Terraform AWS provider does (field order, one-item lists as strings, reverse-sorted sets,
// empty fields omitted, two-space indentation). Pure: no AWS call.

import { isObject, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { blockItems } from '../../schema-plan.ts';
import { AwsUserError } from '../errors.ts';
import type { AwsDataSource } from '../resource-type.ts';
import { resourceSchema } from '../schema-overlay.ts';

type Json = string | Json[] | { [k: string]: Json };
type Statement = Record<string, Json>;

const items = (v: Value | undefined): ValueObject[] => blockItems(v ?? null).filter(isObject);
const strings = (v: Value | undefined): string[] => blockItems(v ?? null).filter((x): x is string => typeof x === 'string');

/** One item -> the string; several -> reverse-sorted list (the provider's set encoding). */
function stringOrList(xs: string[]): Json | undefined {
  if (xs.length === 0) return undefined;
  if (xs.length === 1) return xs[0];
  return [...xs].sort().reverse();
}

function principals(blocks: ValueObject[]): Json | undefined {
  if (blocks.length === 0) return undefined;
  const out: Record<string, Json> = {};
  for (const p of blocks) {
    const type = String(p.type);
    const ids = strings(p.identifiers);
    if (type === '*') return '*';
    const prev = out[type];
    const all = [...(prev === undefined ? [] : Array.isArray(prev) ? (prev as string[]) : [prev as string]), ...ids];
    out[type] = all.length === 1 ? all[0] : prev === undefined ? [...all].sort().reverse() : all;
  }
  return sortKeys(out);
}

function conditions(blocks: ValueObject[]): Json | undefined {
  if (blocks.length === 0) return undefined;
  const out: Record<string, Record<string, Json>> = {};
  for (const c of blocks) {
    const test = String(c.test);
    const variable = String(c.variable);
    const values = strings(c.values);
    const byVar = (out[test] ??= {});
    const prev = byVar[variable];
    const all = [...(prev === undefined ? [] : Array.isArray(prev) ? (prev as string[]) : [prev as string]), ...values];
    byVar[variable] = all.length === 1 ? all[0] : all;
  }
  const sorted: Record<string, Json> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = sortKeys(out[k]);
  return sorted;
}

function sortKeys(o: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

function statement(s: ValueObject): Statement {
  const out: Statement = {};
  const put = (k: string, v: Json | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  put('Sid', typeof s.sid === 'string' && s.sid !== '' ? s.sid : undefined);
  put('Effect', typeof s.effect === 'string' && s.effect !== '' ? s.effect : 'Allow');
  put('Action', stringOrList(strings(s.actions)));
  put('NotAction', stringOrList(strings(s.not_actions)));
  put('Resource', stringOrList(strings(s.resources)));
  put('NotResource', stringOrList(strings(s.not_resources)));
  put('Principal', principals(items(s.principals)));
  put('NotPrincipal', principals(items(s.not_principals)));
  put('Condition', conditions(items(s.condition)));
  return out;
}

function parseDoc(text: string, attribute: string): { Version?: string; Id?: string; Statement?: Statement[] } {
  try {
    const d = JSON.parse(text);
    if (d.Statement && !Array.isArray(d.Statement)) d.Statement = [d.Statement];
    return d;
  } catch (e) {
    throw new AwsUserError(`Invalid JSON policy document in "${attribute}"`, (e as Error).message, attribute);
  }
}

/** Merges statements by Sid: later ones with the same Sid replace earlier ones; those without Sid are appended. */
function mergeBySid(base: Statement[], more: Statement[]): Statement[] {
  const out = base.slice();
  for (const s of more) {
    const i = typeof s.Sid === 'string' && s.Sid !== '' ? out.findIndex((x) => x.Sid === s.Sid) : -1;
    if (i >= 0) out[i] = s;
    else out.push(s);
  }
  return out;
}

export function renderPolicyDocument(config: ValueObject): { json: string; minified: string } {
  let version: string | undefined;
  let id: string | undefined;
  let statements: Statement[] = [];
  for (const [i, src] of strings(config.source_policy_documents).entries()) {
    const d = parseDoc(src, `source_policy_documents[${i}]`);
    version ??= d.Version;
    id ??= d.Id;
    statements = i === 0 ? (d.Statement ?? []) : mergeBySid(statements, d.Statement ?? []);
  }
  statements = mergeBySid(statements, items(config.statement).map(statement));
  for (const [i, src] of strings(config.override_policy_documents).entries()) {
    const d = parseDoc(src, `override_policy_documents[${i}]`);
    statements = mergeBySid(statements, d.Statement ?? []);
  }
  const doc: Record<string, Json> = {};
  doc.Version = typeof config.version === 'string' && config.version !== '' ? config.version : (version ?? '2012-10-17');
  const pid = typeof config.policy_id === 'string' && config.policy_id !== '' ? config.policy_id : id;
  if (pid) doc.Id = pid;
  doc.Statement = statements;
  return { json: JSON.stringify(doc, null, 2), minified: JSON.stringify(doc) };
}

export const iamPolicyDocument: AwsDataSource = {
  typeName: 'aws_iam_policy_document',
  schema: resourceSchema('data:aws_iam_policy_document', { attributes: { version: { optional: true } } }),
  async read(_ctx, config) {
    const { json, minified } = renderPolicyDocument(config);
    return { ...config, id: String(hashCode(json)), json, minified_json: minified };
  },
};

/** The provider uses a string hash of the JSON as the id. */
function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}
