// Journal entries: written before each provider call ("intent") and after it ("done"), so a
// process killed mid-apply leaves a record of every object that may exist.

import type { ValueObject } from '../engine/lang/value.ts';
import type { InstanceState } from './model.ts';

export type JournalEntry =
  | {
      readonly kind: 'intent';
      readonly address: string;
      readonly operation: 'create' | 'update' | 'delete';
      /** the prior object (update/delete) so the next plan can refresh it by identity */
      readonly prior: InstanceState | null;
      /** planned attributes known before the call (may identify the object, e.g. a file name) */
      readonly planned: ValueObject | null;
      /** provider configuration and dependencies of the instance, to rebuild it if the call never reports back */
      readonly provider: string;
      readonly dependencies: string[];
      readonly schemaVersion: number;
      readonly time: string;
    }
  | {
      readonly kind: 'done';
      readonly address: string;
      readonly operation: 'create' | 'update' | 'delete';
      /** the object after the call; null after delete */
      readonly state: InstanceState | null;
      readonly time: string;
    }
  | {
      readonly kind: 'failed';
      readonly address: string;
      readonly operation: 'create' | 'update' | 'delete';
      /** a partial object the provider reported, if any */
      readonly state: InstanceState | null;
      readonly error: string;
      readonly time: string;
    };
