// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) in turn.
// Benchmarks print numbers; nothing here asserts on time.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)));
for (const f of files) {
  const mod = (await import(pathToFileURL(join(import.meta.dirname, f)).href)) as { run(): Promise<void> };
  console.log(`\n## ${f}`);
  await mod.run();
}
