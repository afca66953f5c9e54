// The name of a stack that nothing else names (a lone Terraform directory or file): derived
// from its path, in this one place.

import { basename } from 'node:path';

export function stackNameForPath(path: string): string {
  const base = basename(path).replace(/\.tf\.json$/, '');
  return base || 'default';
}
