// count and for_each: turns a resource's meta-argument into its instance keys, with Terraform's
// rules (count a whole non-negative number; for_each a map or a set of strings; both known
// at plan time and not sensitive).

import { isBigNum, toDouble } from '../lang/big-number.ts';
import { ExpressionError } from '../lang/expression-error.ts';
import { evaluate } from '../lang/evaluate.ts';
import { containsUnknown, isObject, isSensitive, isSet, isUnknown, type Value } from '../lang/value.ts';
import type { ResourceConfig } from '../config/model.ts';
import type { Scope } from '../lang/scope.ts';
import type { Expansion } from './stack-scope.ts';

export interface ExpandedInstance {
  readonly key: string | number | undefined;
  readonly countIndex?: number;
  readonly eachKey?: string;
  readonly eachValue?: Value;
}

/**
 * Most instances one resource may have (count, or the keys of for_each). Past this a plan
 * would need gigabytes (10,000,000 instances ran a plan past 4 GB) and 2^32 fails outright;
 * split such a resource or raise the limit here. Documented in the README.
 */
export const MAX_INSTANCES = 10_000;

function tooMany(arg: 'count' | 'for_each', n: number, range: ResourceConfig['range'] | undefined): ExpressionError {
  return new ExpressionError(`Invalid ${arg} argument`, {
    detail: `The "${arg}" value gives ${n} instances; Ballast allows at most ${MAX_INSTANCES} instances of one resource. Split the resource into several, or use fewer instances.`,
    range,
  });
}

export function expandResource(rc: Pick<ResourceConfig, 'count' | 'forEach' | 'range' | 'argumentRanges'>, scope: Scope): { expansion: Expansion; instances: ExpandedInstance[] } {
  if (rc.count) {
    // the argument's own line, with the expression's columns
    const at = { ...rc.argumentRanges?.count, ...rc.count.range };
    const v = evaluate(rc.count, scope);
    if (isUnknown(v) || containsUnknown(v)) {
      throw new ExpressionError('Invalid count argument', {
        detail:
          'The "count" value depends on resource attributes that cannot be determined until apply, so Ballast cannot predict how many instances will be created. Use --target to first apply only the resources that count depends on.',
        range: at,
      });
    }
    if (isSensitive(v)) throw new ExpressionError('Invalid count argument', { detail: 'Sensitive values cannot be used as count.', range: at });
    // a BigNum count is past any limit (or not whole): as a double it fails the checks below
    const n = typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : isBigNum(v) ? toDouble(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new ExpressionError('Invalid count argument', { detail: `The "count" value must be a whole non-negative number, got ${JSON.stringify(v)}.`, range: at });
    }
    if (n > MAX_INSTANCES) throw tooMany('count', n, at);
    return { expansion: { kind: 'count', count: n }, instances: Array.from({ length: n }, (_, i) => ({ key: i, countIndex: i })) };
  }
  if (rc.forEach) {
    const at = { ...rc.argumentRanges?.for_each, ...rc.forEach.range };
    const v = evaluate(rc.forEach, scope);
    if (isSensitive(v)) throw new ExpressionError('Invalid for_each argument', { detail: 'Sensitive values cannot be used as for_each arguments: the keys would appear in the plan.', range: at });
    if (isUnknown(v)) {
      throw new ExpressionError('Invalid for_each argument', {
        detail: 'The "for_each" value depends on resource attributes that cannot be determined until apply, so Ballast cannot predict how many instances will be created.',
        range: at,
      });
    }
    if (v === null) throw new ExpressionError('Invalid for_each argument', { detail: 'The given "for_each" argument value is null. A map, or set of strings, is allowed.', range: at });
    if (isSet(v) && v.length > MAX_INSTANCES) throw tooMany('for_each', v.length, at);
    if (isSet(v)) {
      const keys: string[] = [];
      for (const x of v) {
        if (isUnknown(x))
          throw new ExpressionError('Invalid for_each argument', {
            detail: 'The "for_each" set includes values derived from resource attributes that cannot be determined until apply.',
            range: at,
          });
        if (typeof x !== 'string')
          throw new ExpressionError('Invalid for_each set argument', {
            detail: `The given "for_each" argument value is unsuitable: "for_each" supports sets of strings, but the set contains ${x === null ? 'null' : typeof x}.`,
            range: at,
          });
        keys.push(x);
      }
      return { expansion: { kind: 'for_each', keys }, instances: keys.map((k) => ({ key: k, eachKey: k, eachValue: k })) };
    }
    if (isObject(v)) {
      const keys = Object.keys(v);
      if (keys.length > MAX_INSTANCES) throw tooMany('for_each', keys.length, at);
      keys.sort();
      return { expansion: { kind: 'for_each', keys }, instances: keys.map((k) => ({ key: k, eachKey: k, eachValue: v[k] })) };
    }
    const kind = Array.isArray(v) ? 'tuple (a list)' : typeof v;
    throw new ExpressionError('Invalid for_each argument', {
      detail: `The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings, but you have provided a ${kind}. Convert a list with toset().`,
      range: at,
    });
  }
  return { expansion: { kind: 'single' }, instances: [{ key: undefined }] };
}
