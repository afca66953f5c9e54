import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS, commandToLoad, lazyCommands } from './lazy-commands.ts';

test('each lazy entry names and describes its command exactly as the module does', async () => {
  for (const c of COMMANDS) {
    const mod = await c.load();
    assert.equal(mod.command, c.command, c.name);
    assert.equal(mod.describe, c.describe, c.name);
    assert.equal(String(mod.command).split(' ')[0], c.name);
  }
});

test('every command named on the line is loaded, wherever it stands', () => {
  assert.deepEqual([...commandToLoad(['--version'])], []);
  assert.deepEqual([...commandToLoad(['plan', '--format', 'json'])], ['plan']);
  assert.deepEqual([...commandToLoad(['--stack', 'x', 'apply'])].sort(), ['apply']);
  assert.deepEqual([...commandToLoad(['--chdir', 'plan', 'apply'])].sort(), ['apply', 'plan']);
});

test('commands not named are listed without a handler; named ones are the real modules', async () => {
  const mods = await lazyCommands(new Set(['plan']));
  assert.equal(mods.length, COMMANDS.length);
  for (const [i, m] of mods.entries()) {
    const real = await COMMANDS[i]!.load();
    if (COMMANDS[i]!.name === 'plan') assert.equal(m, real);
    else {
      assert.notEqual(m, real);
      assert.equal(m.builder, undefined);
    }
  }
});
