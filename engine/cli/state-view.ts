// Renders recorded state for people and scripts, with every sensitive value redacted
// (the redaction itself is shared with the web UI: engine/operations/redacted-state.ts).

export { REDACTED, redactedVersion, redactPaths } from '../operations/redacted-state.ts';

export function describeChanges(c: { add: number; change: number; destroy: number }): string {
  return `+${c.add} ~${c.change} -${c.destroy}`;
}
