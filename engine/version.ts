// The engine version recorded in every state version and bound into saved plans.

import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const ENGINE_VERSION: string = `ballast/${pkg.version}`;
