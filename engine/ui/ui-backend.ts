// What the web UI reads and does, independent of where it runs: inside the agent (live status,
// actions) or `ballast ui --state-dir` (recorded state only, read-only).

import type { StateStore } from '../../state/store.ts';
import type { StackDrift } from '../agent/drift-reads.ts';
import type { StatusJson } from '../agent/stack-status.ts';
import type { CommitHistory } from './commit-history.ts';
import type { RollbackContext } from './rollback-action.ts';

export interface UiBackend {
  /** shown in the page header */
  readonly title: string;
  /** the stacks there are (state directories, or the agent's stacks) */
  stacks(): Promise<string[]>;
  /** the store of a stack returned by stacks(); never called with other names */
  store(stack: string): StateStore;
  /** the agent's live view; absent for `ballast ui` */
  status?(): StatusJson;
  /** the last drift check of a stack: policies and redacted reads (agent only) */
  drift?(stack: string): StackDrift | undefined;
  /** environment labels per stack name (agent config `environments`) */
  readonly labels?: Readonly<Record<string, string>>;
  /** git history of the source, for commit subjects and "n commits behind" */
  readonly history?: CommitHistory;
  /** what operators may do; absent: nothing can be done from the UI */
  readonly actions?: UiActions;
}

export interface UiActions {
  /** fetches the source now; returns the sources triggered */
  sync(): string[];
  readonly rollback: RollbackContext;
}
