// User mistakes outside the configuration (a missing saved plan, an incomplete s3 backend block)
// print one clear error naming the problem and exit 1 — never "Internal error" with a stack
// trace — and change nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { withTempDir } from './helpers/temp-dir.ts';

const NO_TRACE = /Internal error|\n\s+at /;

test('apply of a saved plan that does not exist names the file, without a stack trace', () =>
  withTempDir(async (dir) => {
    await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ resource: { terraform_data: { a: { input: 'x' } } } }));
    const r = await runBallast(['apply', 'missing.plan'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^Error: cannot read saved plan missing\.plan: no such file$/m);
    assert.doesNotMatch(r.stderr, NO_TRACE);
    assert.deepEqual((await readdir(dir)).sort(), ['main.tf.json']);
  }));

test('an s3 backend without a bucket names the setting, without a stack trace', () =>
  withTempDir(async (dir) => {
    const config = { terraform: { backend: { s3: { key: 'app/terraform.tfstate', region: 'us-east-1' } } }, resource: { terraform_data: { a: { input: 'x' } } } };
    await writeFile(join(dir, 'main.tf.json'), JSON.stringify(config));
    const r = await runBallast(['plan'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^Error: s3 backend setting "bucket" is required$/m);
    assert.doesNotMatch(r.stderr, NO_TRACE);
    assert.deepEqual((await readdir(dir)).sort(), ['main.tf.json']);
  }));
