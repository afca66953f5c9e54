// terraform_remote_state between the stacks of one app (cdktf's cross-stack references): the
// other stack's outputs as recorded in its current state version, with outputs whose values
// are secrets still marked so they stay hidden in this stack's plans and state.

import { jsonToValue } from '../lang/json-value.ts';
import { Sensitive, type ValueObject } from '../lang/value.ts';
import type { RemoteStateReader } from '../plan/remote-state-reader.ts';
import type { StateStore } from '../../state/store.ts';

export function remoteStateReader(storeOf: (stack: string) => StateStore): RemoteStateReader {
  return async (name, backend, config) => {
    const m = /^cross-stack-reference-input-(.+)$/.exec(name);
    let stack = m?.[1];
    if (!stack && backend === 'local' && typeof config.path === 'string') stack = /terraform\.(.+)\.tfstate$/.exec(config.path)?.[1];
    if (!stack) throw new Error(`data.terraform_remote_state.${name}: Ballast resolves remote state only between stacks of the same app (cross-stack references)`);
    const version = await storeOf(stack).current();
    if (!version) return null;
    const outputs: ValueObject = {};
    for (const [k, o] of Object.entries(version.outputs)) {
      const v = jsonToValue(o.value);
      // cdktf declares every cross-stack output sensitive; what counts is whether the value is
      // (older versions without the flag: trust the declaration except on cdktf's plumbing)
      const secret = o.valueSensitive ?? (o.sensitive && !k.startsWith('cross-stack-output-'));
      outputs[k] = secret ? new Sensitive(v) : v;
    }
    return outputs;
  };
}
