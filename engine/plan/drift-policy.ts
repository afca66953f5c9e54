// Drift policy by address: which objects changed outside Ballast are put back (revert, the
// default), only reported (alert) or not compared (ignore). Rules come from the agent
// configuration or `plan --drift-policy`; an object's own policy (a Kubernetes label or
// annotation, reported by its provider) wins over them.

import type { DriftPolicy } from '../../providers/provider.ts';

export type { DriftPolicy };

export interface DriftPolicyRule {
  /** glob over instance addresses: `*` any run of characters, `?` one character */
  readonly address: string;
  readonly policy: DriftPolicy;
  /** glob over stack names (default: every stack) */
  readonly stack?: string;
}

export const DRIFT_POLICIES: readonly DriftPolicy[] = ['revert', 'alert', 'ignore'];

const compiled = new Map<string, RegExp>();

/** A whole-string matcher for an address glob; everything but `*` and `?` is literal. */
export function addressGlob(glob: string): RegExp {
  let re = compiled.get(glob);
  if (!re) {
    const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, 's');
    compiled.set(glob, re);
  }
  return re;
}

/** The first rule that names this stack's instance, as `{policy, rule}`; undefined: none does. */
export function policyFor(rules: readonly DriftPolicyRule[], stack: string, address: string): { policy: DriftPolicy; rule: DriftPolicyRule } | undefined {
  for (const rule of rules) {
    if (rule.stack !== undefined && !addressGlob(rule.stack).test(stack)) continue;
    if (addressGlob(rule.address).test(address)) return { policy: rule.policy, rule };
  }
  return undefined;
}

/** `ADDRESS=POLICY` as given to `plan --drift-policy`; null when it is not of that form. */
export function parseDriftPolicyFlag(text: string): DriftPolicyRule | null {
  const i = text.lastIndexOf('=');
  if (i <= 0) return null;
  const policy = text.slice(i + 1) as DriftPolicy;
  if (!DRIFT_POLICIES.includes(policy)) return null;
  return { address: text.slice(0, i), policy };
}
