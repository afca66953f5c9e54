// UpgradeResourceState before anything reads the prior state: an object recorded under an older
// schema version of its resource type (or holding attributes the current schema no longer has)
// is brought to the current schema by its provider, as Terraform does before refresh. Objects
// already in the current shape are left alone, so a plugin provider is not called for each.

import { type Diagnostic, locatedAt } from '../diagnostics.ts';
import type { ProviderSet } from '../eval/provider-set.ts';
import type { BlockSchema, ResourceSchema } from '../../providers/provider.ts';
import type { InstanceState } from '../../state/model.ts';
import { runBounded } from './run-bounded.ts';

export interface UpgradeResult {
  readonly instances: Map<string, InstanceState>;
  readonly diagnostics: Diagnostic[];
}

function needsUpgrade(inst: InstanceState, schema: ResourceSchema): boolean {
  return inst.schemaVersion !== schema.version || !fitsBlock(inst.attributes, schema.block);
}

function fitsBlock(attributes: object, block: BlockSchema): boolean {
  return Object.keys(attributes).every((k) => k in block.attributes || (block.blocks !== undefined && k in block.blocks));
}

export async function upgradeAll(stack: string, prior: ReadonlyMap<string, InstanceState>, providers: ProviderSet, parallelism: number): Promise<UpgradeResult> {
  const instances = new Map(prior);
  const diagnostics: Diagnostic[] = [];
  const due = [...prior.entries()].filter(([, inst]) => {
    if (inst.mode !== 'managed') return false;
    const schema = providers.resourceSchema(inst.provider, 'managed', inst.type);
    return schema !== undefined && needsUpgrade(inst, schema);
  });
  await runBounded(due, parallelism, async ([key, inst]) => {
    const p = providers.get(inst.provider)!;
    const schema = providers.resourceSchema(inst.provider, 'managed', inst.type)!;
    const resp = await p.provider.upgradeResourceState({ typeName: inst.type, version: inst.schemaVersion, rawState: inst.attributes });
    if (resp.diagnostics.length) diagnostics.push(...locatedAt({ stack, address: inst.address }, resp.diagnostics));
    if (resp.upgradedState && !resp.diagnostics.some((d) => d.severity === 'error')) {
      instances.set(key, { ...inst, attributes: resp.upgradedState, schemaVersion: schema.version });
    }
  });
  return { instances, diagnostics };
}
