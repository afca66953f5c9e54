// What a plan is made against: the current state version and the instances it records,
// plus those recovered from an interrupted apply's journal.

import type { InstanceState, StateVersion } from '../../state/model.ts';

export interface PriorState {
  readonly version: StateVersion | null;
  readonly digest: string | null;
  /** instances by address, including those recovered from an interrupted apply's journal */
  readonly instances: ReadonlyMap<string, InstanceState>;
  /**
   * Rollback: the instances of the version rolled back to. Where such an object still exists
   * in the real world and differs from the current one, it becomes the prior object again and
   * the current one is destroyed ("deposed"), so e.g. earlier random values come back.
   */
  readonly restore?: ReadonlyMap<string, InstanceState>;
}
