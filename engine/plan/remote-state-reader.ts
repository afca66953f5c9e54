// How the planner reads other stacks' outputs without knowing where state is stored.

import type { ValueObject } from '../lang/value.ts';

/**
 * Reads another stack's recorded outputs for terraform_remote_state (cross-stack references).
 * Returns null when the other stack has no recorded state yet (its outputs are then unknown).
 */
export type RemoteStateReader = (dataSourceName: string, backend: string, config: ValueObject) => Promise<ValueObject | null>;
