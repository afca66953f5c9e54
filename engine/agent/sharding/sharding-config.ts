// The `sharding` section of the agent configuration and its flags:
//
//   sharding:
//     leases:
//       namespace: ballast-system   # required: where the Leases live (--shard-lease-namespace)
//       shards: 64                  # stacks map to this many shards (--shards)
//       leaseDuration: 15s          # whole seconds (--lease-duration)
//       renewInterval: 5s           # default leaseDuration / 3 (--lease-renew-interval)
//       fenceMargin: 3s             # stop trusting a Lease this long before it could expire; default leaseDuration / 5
//       group: ballast              # names and labels the Leases; agents of one group share the shards (--lease-group)
//       replicaName: web-0          # this agent's holderIdentity; default $POD_NAME or host-pid (--replica-name)
//
// Changing `shards` moves stacks between shards: do it with every replica stopped.

import { type Diagnostic, error } from '../../diagnostics.ts';
import { parseDuration } from '../duration.ts';

export interface ShardingConfig {
  readonly namespace: string;
  readonly shards: number;
  readonly leaseDurationMs: number;
  readonly renewIntervalMs: number;
  readonly fenceMarginMs: number;
  readonly group: string;
  readonly replicaName?: string;
}

export interface ShardingFileSettings {
  leases?: { namespace?: string; shards?: number; leaseDuration?: string; renewInterval?: string; fenceMargin?: string; group?: string; replicaName?: string };
}

export interface ShardingFlags {
  namespace?: string;
  shards?: number;
  leaseDuration?: string;
  renewInterval?: string;
  group?: string;
  replicaName?: string;
}

export const SHARDING_DEFAULTS = { shards: 64, leaseDuration: '15s', group: 'ballast' };

const dns1123 = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

export const SHARDING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    leases: {
      type: 'object',
      additionalProperties: false,
      properties: {
        namespace: { type: 'string', pattern: dns1123, maxLength: 63 },
        shards: { type: 'integer', minimum: 1, maximum: 4096 },
        leaseDuration: { type: 'string', format: 'duration' },
        renewInterval: { type: 'string', format: 'duration' },
        fenceMargin: { type: 'string', format: 'duration' },
        group: { type: 'string', pattern: dns1123, maxLength: 40 },
        replicaName: { type: 'string', minLength: 1, maxLength: 128 },
      },
    },
  },
} as const;

/** The effective sharding settings (flags over the file), or undefined when sharding is off. */
export function resolveSharding(file: ShardingFileSettings | undefined, flags: ShardingFlags, diags: Diagnostic[]): ShardingConfig | undefined {
  const f = file?.leases ?? {};
  const namespace = flags.namespace ?? f.namespace;
  const any = file?.leases !== undefined || Object.values(flags).some((v) => v !== undefined);
  if (!any) return undefined;
  const bad = (field: string, message: string, detail?: string) => diags.push(error(`Invalid agent configuration: ${field} ${message}`, detail, { attribute: field }));
  if (!namespace) {
    bad(
      flags.shards !== undefined || flags.leaseDuration !== undefined ? '--shard-lease-namespace' : 'sharding.leases.namespace',
      'is required to shard stacks across replicas',
      'Name the namespace whose Leases the replicas share, e.g. --shard-lease-namespace ballast-system.',
    );
    return undefined;
  }
  if (!new RegExp(dns1123).test(namespace)) bad('--shard-lease-namespace', 'must be a Kubernetes namespace name (lower-case letters, digits and "-")', `Got "${namespace}".`);
  const shards = flags.shards ?? f.shards ?? SHARDING_DEFAULTS.shards;
  if (!Number.isInteger(shards) || shards < 1 || shards > 4096) bad(flags.shards !== undefined ? '--shards' : 'sharding.leases.shards', 'must be a whole number from 1 to 4096', `Got ${shards}.`);
  const dur = (v: string | undefined, field: string): number | undefined => {
    if (v === undefined) return undefined;
    const ms = parseDuration(v);
    if (ms === null) bad(field, 'must be a duration such as 15s or 1m', `Got "${v}".`);
    return ms ?? undefined;
  };
  const durField = flags.leaseDuration !== undefined ? '--lease-duration' : 'sharding.leases.leaseDuration';
  const leaseDurationMs = dur(flags.leaseDuration ?? f.leaseDuration, durField) ?? parseDuration(SHARDING_DEFAULTS.leaseDuration)!;
  if (leaseDurationMs < 2000 || leaseDurationMs % 1000 !== 0) bad(durField, 'must be a whole number of seconds, at least 2s (a Lease counts whole seconds)', `Got ${leaseDurationMs} ms.`);
  const renewField = flags.renewInterval !== undefined ? '--lease-renew-interval' : 'sharding.leases.renewInterval';
  const renewIntervalMs = dur(flags.renewInterval ?? f.renewInterval, renewField) ?? Math.floor(leaseDurationMs / 3);
  const fenceMarginMs = dur(f.fenceMargin, 'sharding.leases.fenceMargin') ?? Math.floor(leaseDurationMs / 5);
  if (renewIntervalMs <= 0 || renewIntervalMs * 2 > leaseDurationMs)
    bad(renewField, 'must be more than 0s and at most half the lease duration, so a Lease gets at least two chances to be renewed', `Got ${renewIntervalMs} ms for a ${leaseDurationMs} ms Lease.`);
  if (fenceMarginMs <= 0 || fenceMarginMs + renewIntervalMs >= leaseDurationMs)
    bad('sharding.leases.fenceMargin', 'must be more than 0s and leave room for a renewal (fenceMargin + renewInterval < leaseDuration)', `Got ${fenceMarginMs} ms.`);
  const group = flags.group ?? f.group ?? SHARDING_DEFAULTS.group;
  if (!new RegExp(dns1123).test(group) || group.length > 40)
    bad(flags.group !== undefined ? '--lease-group' : 'sharding.leases.group', 'must be lower-case letters, digits and "-", at most 40 characters', `Got "${group}".`);
  return { namespace, shards, leaseDurationMs, renewIntervalMs, fenceMarginMs, group, replicaName: flags.replicaName ?? f.replicaName };
}
