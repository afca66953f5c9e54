import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { functionContext } from '../function-context.ts';
import { Unknown, type Value } from '../value.ts';
import { FunctionArgumentError } from './function.ts';
import { callFunction } from './index.ts';
import { testContext } from './test-call.ts';

describe('filesystem functions', () => {
  let dir = '';
  const call = (name: string, ...args: Value[]) => callFunction(name, args, testContext(dir));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-fs-'));
    writeFileSync(join(dir, 'hello.txt'), 'hello');
    writeFileSync(join(dir, 'bin.dat'), Buffer.from([0xff, 0x00]));
    writeFileSync(join(dir, 'greet.tpl'), 'Hi ${name}!');
    mkdirSync(join(dir, 'sub'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('file reads UTF-8 relative to the base directory', () => {
    assert.equal(call('file', 'hello.txt'), 'hello');
    assert.equal(call('file', join(dir, 'hello.txt')), 'hello');
    assert.throws(
      () => call('file', 'missing.txt'),
      (e: unknown) => e instanceof FunctionArgumentError && /no file exists at "missing.txt"/.test(e.message),
    );
    assert.throws(
      () => call('file', 'bin.dat'),
      (e: unknown) => e instanceof FunctionArgumentError && /not valid UTF-8/.test(e.message),
    );
  });
  it('fileexists', () => {
    assert.equal(call('fileexists', 'hello.txt'), true);
    assert.equal(call('fileexists', 'nope.txt'), false);
    assert.throws(() => call('fileexists', 'sub'), /a directory/);
  });
  it('filebase64 and file hashes', () => {
    assert.equal(call('filebase64', 'bin.dat'), '/wA=');
    assert.equal(call('filemd5', 'hello.txt'), '5d41402abc4b2a76b9719d911017c592');
    assert.equal(call('filesha1', 'hello.txt'), 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    assert.equal(call('filesha256', 'hello.txt'), '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });
  it('templatefile hands the text and vars to the renderer', () => {
    assert.equal(call('templatefile', 'greet.tpl', { name: 'Ann' }), 'Hi Ann!');
    assert.throws(
      () => call('templatefile', 'greet.tpl', 'x'),
      (e: unknown) => e instanceof FunctionArgumentError && /must be a map or object/.test(e.message),
    );
    assert.throws(() => call('templatefile', 'nope.tpl', {}), /no file exists/);
  });
  it('templatefile with unknown variables: unknown only where the template uses them (terraform 1.11 plan)', () => {
    const real = (name: string, ...args: Value[]) => callFunction(name, args, functionContext(dir));
    // templatefile("greet.tpl", { name = "B", other = <unknown> }) => "Hi B!"
    assert.equal(real('templatefile', 'greet.tpl', { name: 'B', other: new Unknown() }), 'Hi B!');
    assert.ok(real('templatefile', 'greet.tpl', { name: new Unknown(), other: 'B' }) instanceof Unknown);
    assert.ok(real('templatefile', 'greet.tpl', new Unknown()) instanceof Unknown);
  });
  it('path functions', () => {
    assert.equal(call('abspath', 'sub'), join(dir, 'sub'));
    assert.equal(call('basename', 'a/b/'), 'b');
    assert.equal(call('basename', ''), '.');
    assert.equal(call('basename', '/'), '/');
    assert.equal(call('dirname', 'a/b/c'), 'a/b');
    assert.equal(call('dirname', '/a/b/'), '/a/b');
    assert.equal(call('dirname', 'a'), '.');
    assert.equal(call('dirname', './a/../b/c'), 'b');
    assert.equal(call('pathexpand', '~/x'), join(homedir(), 'x'));
    assert.equal(call('pathexpand', '/etc'), '/etc');
  });
});
