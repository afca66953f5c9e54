// Stack names become directory names, object keys, metric labels and `--stack` arguments, so
// they follow Terraform's identifier rules: a letter or underscore, then letters, digits,
// underscores and hyphens. Anything else (`x/../victim`, `../../escape`, a dot, a space) is
// refused before a state store is opened with it.

import { basename } from 'node:path';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_LENGTH = 128;

/** null when `name` is a valid stack name, else why not. */
export function stackNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  if (!IDENTIFIER.test(name)) return 'must start with a letter or underscore and contain only letters, digits, underscores and hyphens';
  return null;
}

/** A stack name derived from a directory path (`stacks/prod/net` relative to `stacks` -> `prod-net`), or null when none fits. */
export function nameFromPath(relPath: string): string | null {
  const raw = relPath
    .split('/')
    .filter((s) => s && s !== '.')
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, '-');
  const name = /^[0-9-]/.test(raw) ? `_${raw}` : raw;
  return stackNameProblem(name) === null ? name : null;
}

/** The name of a lone Terraform directory or *.tf.json stack: derived from its path. */
export function stackNameForPath(path: string): string {
  const base = basename(path).replace(/\.tf\.json$/, '');
  return nameFromPath(base) ?? 'default';
}
