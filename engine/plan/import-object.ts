// Adopting an existing remote object, as `terraform import` and `import` blocks do: the
// provider turns the import id into an object (importResourceState), then reads it fresh
// (readResource), and the result becomes the instance's prior state.

import { formatInstance, formatResource, parseInstance, type InstanceAddr } from '../addrs.ts';
import { type Diagnostic, error, hasErrors, locatedAt } from '../diagnostics.ts';
import type { ImportConfig, StackConfig } from '../config/model.ts';
import type { ResourceSchema } from '../../providers/provider.ts';
import type { InstanceState } from '../../state/model.ts';
import type { ConfiguredProvider } from '../eval/provider-set.ts';
import { schemaSensitivePaths } from '../eval/schema-sensitive.ts';

export interface ImportRequest {
  readonly stack: string;
  readonly provider: ConfiguredProvider;
  readonly addr: InstanceAddr;
  readonly id: string;
  readonly schema: ResourceSchema;
  /** resource addresses the configuration makes this instance depend on */
  readonly dependencies: string[];
  readonly signal?: AbortSignal;
}

export async function importObject(req: ImportRequest): Promise<{ instance?: InstanceState; diagnostics: Diagnostic[] }> {
  const address = formatInstance(req.addr);
  const where = { stack: req.stack, address };
  const at = (ds: Diagnostic[]) => locatedAt(where, ds);
  const p = req.provider.provider;
  const imp = await p.importResourceState({ typeName: req.addr.type, id: req.id });
  if (hasErrors(imp.diagnostics)) return { diagnostics: at(imp.diagnostics) };
  const found = imp.imported.find((o) => o.typeName === req.addr.type);
  if (!found) {
    return {
      diagnostics: [
        ...at(imp.diagnostics),
        error('Cannot import non-existent remote object', `While attempting to import an existing object to "${address}", the provider found no ${req.addr.type} with id "${req.id}".`, where),
      ],
    };
  }
  const read = await p.readResource({ typeName: req.addr.type, currentState: found.state, private: found.private, signal: req.signal });
  const diagnostics = at([...imp.diagnostics, ...read.diagnostics]);
  if (hasErrors(read.diagnostics)) return { diagnostics };
  if (read.newState === null) {
    return {
      diagnostics: [
        ...diagnostics,
        error(
          'Cannot import non-existent remote object',
          `While attempting to import an existing object to "${address}", the provider detected that no object exists with the given id "${req.id}". Only pre-existing objects can be imported; check that the id is correct and that it is associated with the provider's configured region or endpoint.`,
          where,
        ),
      ],
    };
  }
  return {
    diagnostics,
    instance: {
      address,
      mode: 'managed',
      type: req.addr.type,
      name: req.addr.name,
      key: req.addr.key,
      provider: req.provider.ref,
      attributes: read.newState,
      sensitivePaths: schemaSensitivePaths(req.schema.block, read.newState),
      dependencies: req.dependencies,
      schemaVersion: req.schema.version,
      private: read.private ?? found.private,
    },
  };
}

/**
 * The import blocks of a configuration by target instance address. A target whose resource is
 * not declared is an error, as in Terraform ("Configuration for import target does not exist").
 */
export function importBlocksByAddress(config: StackConfig): { byAddress: Map<string, ImportConfig>; diagnostics: Diagnostic[] } {
  const byAddress = new Map<string, ImportConfig>();
  const diagnostics: Diagnostic[] = [];
  for (const imp of config.imports) {
    const where = { stack: config.name, address: imp.to, range: imp.range };
    let addr: InstanceAddr;
    try {
      addr = parseInstance(imp.to);
    } catch (e) {
      diagnostics.push(error('Invalid import address', `The "to" of an import block must be a resource instance address: ${(e as Error).message}`, where));
      continue;
    }
    const address = formatInstance(addr);
    if (addr.mode !== 'managed' || !config.resources.has(formatResource(addr))) {
      diagnostics.push(
        error(
          'Configuration for import target does not exist',
          `The configuration for the given import target ${address} does not exist. All import targets must exist within the configuration.`,
          where,
        ),
      );
      continue;
    }
    if (byAddress.has(address)) {
      diagnostics.push(error('Duplicate import configuration', `An import block for the resource ${address} was already declared.`, where));
      continue;
    }
    byAddress.set(address, imp);
  }
  return { byAddress, diagnostics };
}
