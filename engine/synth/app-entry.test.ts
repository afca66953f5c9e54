import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { entryFromAppCommand, resolveAppEntry } from './app-entry.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';

test('entry file from the common app command spellings', () => {
  const cases: [string, string | undefined][] = [
    ['npx ts-node main.ts', 'main.ts'],
    ['npx tsx main.ts', 'main.ts'],
    ['ts-node main.ts', 'main.ts'],
    ['npx ts-node --prefer-ts-exts src/main.ts', 'src/main.ts'],
    ['node main.js', 'main.js'],
    ['npm run --silent compile && node main.js', 'main.js'],
    ['node --import tsx ./app.mts', './app.mts'],
    ['yarn ts-node "my app.ts"', 'my app.ts'],
    ['pipenv run python main.py', undefined],
  ];
  for (const [cmd, want] of cases) assert.equal(entryFromAppCommand(cmd), want, cmd);
});

test('resolveAppEntry prefers the TypeScript source of a compiled entry and checks existence', async () => {
  const dir = await makeTempDir();
  const cfg = join(dir, 'cdktf.json');
  await writeFile(join(dir, 'main.ts'), '');
  assert.equal(resolveAppEntry(dir, 'npm run build && node main.js', cfg), join(dir, 'main.ts'));
  assert.equal(resolveAppEntry(dir, 'npx ts-node main.ts', cfg), join(dir, 'main.ts'));
  assert.equal(resolveAppEntry(dir, undefined, cfg), join(dir, 'main.ts'));
  assert.throws(() => resolveAppEntry(dir, 'npx tsx other.ts', cfg), /app entry .*other\.ts \(from "app": "npx tsx other\.ts" in .*cdktf\.json\) does not exist/);
  assert.throws(() => resolveAppEntry(dir, 'python main.py', cfg), /found no script file/);
  assert.throws(() => resolveAppEntry(dir, 42, cfg), /"app" must be a command string/);
});
