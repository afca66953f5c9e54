// terraform_data: Terraform's built-in resource that stores a value and replaces itself when
// triggers_replace changes. `output` mirrors `input` and is unknown whenever input changes.

import { randomUUID } from 'node:crypto';
import type { ResourceSchema } from '../provider.ts';
import type { ManagedResource } from '../schema-provider.ts';
import { fail } from '../schema-provider.ts';
import { Unknown, type Value, type ValueObject } from '../../engine/lang/value.ts';
import { isNum } from '../../engine/lang/big-number.ts';
import { sameValue } from '../schema-plan.ts';

export const terraformDataSchema: ResourceSchema = {
  version: 0,
  block: {
    attributes: {
      input: { type: 'dynamic', optional: true, description: 'A value to store; `output` reflects it after apply.' },
      output: { type: 'dynamic', computed: true, description: 'The value of `input` after apply.' },
      triggers_replace: { type: 'dynamic', optional: true, description: 'A change of this value replaces the resource.' },
      id: { type: 'string', computed: true },
    },
  },
};

/** Unknown for a changed non-null input, null for null: output always has input's shape (and a primitive input's type). */
const pendingOutput = (input: Value): Value => (input === null ? null : new Unknown(typeof input === 'string' ? 'string' : typeof input === 'boolean' ? 'bool' : isNum(input) ? 'number' : undefined));

export const terraformData: ManagedResource = {
  schema: terraformDataSchema,

  plan(req) {
    const proposed = req.proposedNewState!;
    const prior = req.priorState;
    const input = proposed.input ?? null;
    const triggers = proposed.triggers_replace ?? null;
    if (prior === null) {
      return { plannedState: { input, output: pendingOutput(input), triggers_replace: triggers, id: new Unknown('string') }, requiresReplace: [] };
    }
    const planned: ValueObject = { input, output: prior.output ?? null, triggers_replace: triggers, id: prior.id ?? null };
    const requiresReplace = sameValue(prior.triggers_replace ?? null, triggers) ? [] : [['triggers_replace']];
    if (requiresReplace.length) planned.id = new Unknown('string');
    if (!sameValue(prior.input ?? null, input)) planned.output = pendingOutput(input);
    return { plannedState: planned, requiresReplace };
  },

  create(planned) {
    return { ...planned, output: planned.input ?? null, id: randomUUID() };
  },

  update(prior, planned) {
    return { ...planned, output: planned.input ?? null, id: prior.id ?? randomUUID() };
  },

  importState(id) {
    if (!id) fail('Invalid import id', 'terraform_data needs a non-empty id to import.');
    return { id, input: null, output: null, triggers_replace: null };
  },
};
