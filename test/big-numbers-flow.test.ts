// Numbers no double holds, through the real CLI: random_integer with int64 bounds beyond 2^53
// keeps every digit from config to provider to state to output, a float64 function result
// (pow) works as a count, and an int64 attribute given a fraction or a number beyond int64 is a
// diagnostic naming the attribute, with nothing recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBallast, type BallastRun } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

async function ok(args: string[], cwd: string): Promise<BallastRun> {
  const r = await runBallast(args, { cwd });
  assert.equal(r.code, 0, `ballast ${args.join(' ')} exited ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  return r;
}

const MIN = '1234567890123456789'; // a snowflake-sized id: 19 digits, below 2^63

test('random_integer with bounds beyond 2^53 keeps every digit, and plans no change afterwards', async () => {
  const dir = await makeTempDir('ballast-bignum-');
  const config = {
    resource: {
      random_integer: { id: { min: `\${${MIN}}`, max: `\${${MIN} + 9}`, seed: 'fixed' } },
      terraform_data: { copies: { count: '${pow(2, 1)}', input: '${random_integer.id.result}' } },
    },
    output: {
      id: { value: '${random_integer.id.result}' },
      id_text: { value: '${tostring(random_integer.id.result)}' },
      next: { value: '${random_integer.id.result + 1}' },
      third: { value: '${1/3}' },
    },
  };
  await writeFile(join(dir, 'main.tf.json'), JSON.stringify(config));
  await ok(['apply', '--auto-approve'], dir);
  const out = JSON.parse((await ok(['output', '--json'], dir)).stdout) as Record<string, { value: unknown }>;
  const text = (await ok(['output', '--json'], dir)).stdout;
  const id = /"id":\s*\{[^}]*"value":\s*(\d+)/.exec(text.replace(/\n/g, ''))?.[1];
  assert.ok(id, text);
  assert.equal(id.length, 19);
  assert.ok(BigInt(id) >= BigInt(MIN) && BigInt(id) <= BigInt(MIN) + 9n, `${id} lies in [min, max]`);
  assert.equal(out.id_text.value, id, 'tostring keeps every digit');
  assert.ok(text.replace(/\s/g, '').includes(`"value":${BigInt(id) + 1n}`), 'arithmetic on the result keeps every digit');
  assert.ok(text.includes('0.33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333335'));
  const replan = await ok(['plan', '--detailed-exitcode'], dir);
  assert.match(replan.stdout, /No changes/);
});

test('an int64 attribute given a fraction or a number beyond int64 is refused, naming the attribute', async () => {
  for (const [min, max] of [
    ['1.5', '10'],
    ['1', '${pow(2, 63)}'],
    ['-99999999999999999999', '0'],
  ]) {
    const dir = await makeTempDir('ballast-bignum-bad-');
    await writeFile(join(dir, 'main.tf.json'), JSON.stringify({ resource: { random_integer: { r: { min, max } } } }));
    const r = await runBallast(['apply', '--auto-approve'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /Inappropriate value for attribute "(min|max)": a whole number between -9223372036854775808 and 9223372036854775807 is required/);
    assert.match(r.stderr, /random_integer\.r/);
    assert.doesNotMatch(r.stdout + r.stderr, /NaN|Internal error|\[object Object\]| {4}at /);
    assert.ok(!existsSync(join(dir, '.ballast/main/versions')) || readdirSync(join(dir, '.ballast/main/versions')).length === 0, 'nothing recorded');
  }
});
