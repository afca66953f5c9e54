import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_FILE_FORMAT, readPlanFile, writePlanFile, type SavedPlan } from './plan-file.ts';
import { change, plan } from './render/testdata/plan-fixtures.ts';
import { BigNum, numberFromText } from '../lang/big-number.ts';
import { isSet, markSet, Sensitive, Unknown } from '../lang/value.ts';
import { withTempDir } from '../../test/helpers/temp-dir.ts';

const big = numberFromText('123456789012345678901234567890');

function saved(): SavedPlan {
  const c = change('terraform_data.a', 'create', null, { id: new Unknown('string'), n: big, tags: markSet(['a']), pw: new Sensitive('x') });
  return {
    format: PLAN_FILE_FORMAT,
    engineVersion: 'ballast/test',
    created: '2026-01-01T00:00:00Z',
    stacks: [{ plan: plan([c]), variables: { n: big } }],
    rendered: { json: '{"format_version": "1.2"}', human: 'Plan: 1 to add', humanColor: '\u001b[1mPlan\u001b[0m: 1 to add' },
  };
}

test('a saved plan reads back with its marks, sets and exact big numbers', () =>
  withTempDir((dir) => {
    const file = join(dir, 'p.plan');
    writePlanFile(file, saved());
    const back = readPlanFile(file);
    const after = back.stacks[0]!.plan.changes[0]!.after as Record<string, unknown>;
    assert.ok(after.id instanceof Unknown);
    assert.ok(after.pw instanceof Sensitive);
    assert.ok(isSet(after.tags));
    assert.ok(after.n instanceof BigNum, 'a number no double holds stays a number');
    assert.equal(String(after.n), '123456789012345678901234567890');
    assert.equal(String(back.stacks[0]!.variables.n), '123456789012345678901234567890');
    assert.deepEqual(back.rendered, saved().rendered);
  }));

test('a saved plan changed after it was written, of another format, or without plans is refused', () =>
  withTempDir((dir) => {
    const file = join(dir, 'p.plan');
    writePlanFile(file, saved());
    const text = readFileSync(file, 'utf8');
    const refuse = (content: string, message: RegExp) => {
      writeFileSync(file, content);
      assert.throws(() => readPlanFile(file), message);
    };
    refuse(text.replace('Plan: 1 to add', 'Plan: 0 to add'), /p\.plan was changed after Ballast wrote it \(its checksum does not match\)/);
    refuse(text.replace('"create"', '"delete"'), /checksum does not match/);
    const json = JSON.parse(text);
    refuse(JSON.stringify({ ...json, checksum: undefined }), /checksum does not match/);
    refuse(JSON.stringify({ ...json, format: 'ballast-plan/1' }), /format ballast-plan\/1, written by another Ballast version; this one reads ballast-plan\/2: run plan again/);
    refuse('{"format_version": "1.2"}', /is not a Ballast plan file/);
    refuse('[1]', /is not a Ballast plan file/);
    refuse('{', /cannot read saved plan .*: not a Ballast plan file/);
    // a consistent checksum over something that is not a plan
    const stacks = [{ plan: { stack: 1 } }];
    const checksum = `sha256:${createHash('sha256')
      .update(JSON.stringify([stacks, null]))
      .digest('hex')}`;
    refuse(JSON.stringify({ format: PLAN_FILE_FORMAT, engineVersion: 'x', stacks, checksum }), /is malformed \(no stacks with plans\)/);
    // the header fields are checked on their own: an edited engine version still reads (apply refuses it by version)
    writeFileSync(file, JSON.stringify({ ...json, engineVersion: 'ballast/0.0.1' }));
    assert.equal(readPlanFile(file).engineVersion, 'ballast/0.0.1');
  }));
