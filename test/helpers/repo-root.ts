// Absolute path of the Ballast repository, for tests that need bin/, stacks/ or node_modules.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
