// The state model: one immutable version per apply/destroy/rollback/refresh.
// Versions are write-once; the serialized file form is this object as JSON.

import type { InstanceKey, ResourceMode } from '../engine/addrs.ts';
import type { Path, ValueObject } from '../engine/lang/value.ts';

export const STATE_FORMAT_VERSION = 1;

export type StateReason = 'apply' | 'destroy' | 'rollback' | 'refresh' | 'import' | 'move' | 'state-edit' | 'state-push';

export interface InstanceState {
  /** formatted instance address, also the key in `resources` */
  readonly address: string;
  readonly mode: ResourceMode;
  readonly type: string;
  readonly name: string;
  readonly key?: InstanceKey;
  /** provider configuration address, e.g. `provider["registry.terraform.io/hashicorp/random"]` or `random.alias` */
  readonly provider: string;
  /** fully known attributes; sensitive ones are stored in clear (state is a secret store, as in Terraform) */
  readonly attributes: ValueObject;
  readonly sensitivePaths: Path[];
  /** formatted resource addresses (without key) this instance depended on when it was applied */
  readonly dependencies: string[];
  readonly schemaVersion: number;
  /** the provider's private data (providers/provider.ts `PrivateData`), opaque to state */
  readonly private?: ValueObject;
  readonly createBeforeDestroy?: boolean;
  /** an object whose create failed half way: replaced on the next apply */
  readonly tainted?: boolean;
  /**
   * an older object of this address, kept while it still has to be destroyed (a
   * create-before-destroy replacement whose delete failed or was interrupted, a rollback that
   * restored an earlier object); stored under `stateKey()`, next to the current object
   */
  readonly deposed?: boolean;
}

/** Suffix of the `resources` key of a deposed object. */
export const DEPOSED_SUFFIX = ' (deposed)';

/** The key of an instance in `StateVersion.resources`. */
export const stateKey = (i: Pick<InstanceState, 'address' | 'deposed'>): string => (i.deposed ? `${i.address}${DEPOSED_SUFFIX}` : i.address);

/** An object's `id` when it is a string and not sensitive: what progress lines and UIs may show. */
export function plainId(attributes: ValueObject, sensitivePaths: readonly Path[]): string | undefined {
  const id = attributes.id;
  return typeof id === 'string' && !sensitivePaths.some((p) => p.length === 0 || (p.length === 1 && p[0] === 'id')) ? id : undefined;
}

export interface OutputState {
  readonly value: unknown;
  /** declared sensitive (shown as "(sensitive value)") */
  readonly sensitive: boolean;
  /**
   * the value itself derives from a sensitive value. Separate from `sensitive` because cdktf
   * declares every cross-stack output sensitive; stacks reading this output mark it by this flag.
   */
  readonly valueSensitive?: boolean;
}

export interface ChangeSummary {
  add: number;
  change: number;
  destroy: number;
}

export interface StateVersion {
  readonly formatVersion: number;
  /** unique id of this stack's history; never changes once created */
  readonly lineage: string;
  /** 1, 2, 3, ... strictly increasing */
  readonly serial: number;
  /** sha256 digest of the parent version's serialized form (null for serial 1) */
  readonly parentDigest: string | null;
  readonly stack: string;
  /** where the config came from: `main@sha1:<sha>`, `sha256:<digest>`, or `local:<dir>` */
  readonly sourceRevision: string | null;
  /** content digest of the synthesized config snapshot (see ConfigSnapshotStore) */
  readonly configDigest: string | null;
  readonly reason: StateReason;
  /** for reason `rollback`: the serial whose config was re-applied */
  readonly rollbackOf?: number;
  readonly author?: string;
  readonly time: string;
  readonly engineVersion: string;
  readonly changes: ChangeSummary;
  readonly resources: { readonly [address: string]: InstanceState };
  readonly outputs: { readonly [name: string]: OutputState };
}

/** Summary of one version for `history` listings, cheap to produce. */
export interface VersionInfo {
  readonly serial: number;
  readonly time: string;
  readonly reason: StateReason;
  readonly sourceRevision: string | null;
  readonly changes: ChangeSummary;
  readonly rollbackOf?: number;
  readonly digest: string;
}
