import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNKNOWN } from '../../lang/value.ts';
import type { Plan, ResourceChange } from '../plan.ts';
import { PLAN_COMMENT_MARKER, renderPlansMarkdown, shareBudget, toGitHubDiff } from './markdown.ts';
import { change, plan as planOf } from './testdata/plan-fixtures.ts';

const plan = (stack: string, changes: ResourceChange[], more: Partial<Plan> = {}): Plan => planOf(changes, { stack, priorSerial: 1, sourceRevision: null, ...more });

function bigPlan(stack: string, n: number): Plan {
  return plan(
    stack,
    Array.from({ length: n }, (_, i) => change(`aws_s3_bucket.b${i}`, 'create', null, { bucket: `bucket-${i}`, arn: UNKNOWN })),
  );
}

test('marker, title, source revision, summary table and a details block per stack', () => {
  const md = renderPlansMarkdown(
    [
      {
        stack: 'web',
        plan: plan('web', [change('aws_x.a', 'create', null, { id: UNKNOWN }), change('aws_x.b', 'update', { id: 'b', v: 1 }, { id: 'b', v: 2 })], {
          drift: [change('aws_x.b', 'update', { id: 'b', v: 0 }, { id: 'b', v: 1 })],
        }),
      },
      { stack: 'db', plan: plan('db', []) },
      { stack: 'broken|stack', plan: null, error: 'synth failed: <boom>' },
    ],
    { title: 'Plan for PR #12', sourceRevision: 'main@sha1:abc123' },
  );
  assert.ok(md.startsWith(`${PLAN_COMMENT_MARKER}\n## Plan for PR #12\n`));
  assert.match(md, /Source revision: `main@sha1:abc123`/);
  assert.match(md, /^\| Stack \| Add \| Change \| Destroy \| Drift \| Status \|$/m);
  assert.match(md, /^\| web \| 1 \| 1 \| 0 \| 1 \| changes \|$/m);
  assert.match(md, /^\| db \| 0 \| 0 \| 0 \| 0 \| no changes \|$/m);
  assert.match(md, /^\| broken\\\|stack \| \| \| \| \| error \|$/m);
  assert.match(md, /<details><summary><b>web<\/b>: Plan: 1 to add, 1 to change, 0 to destroy\.<\/summary>\n\n```diff\n/);
  assert.match(md, /<summary><b>broken\|stack<\/b>: error<\/summary>\n\n```text\nsynth failed: <boom>\n```/);
  assert.match(md, /^\+ {3}resource "aws_x" "a" \{$/m);
  assert.match(md, /^! {3}resource "aws_x" "b" \{$/m);
  assert.match(md, /^! {7}v {2}= 1 -> 2$/m);
  assert.equal(md.split('<details>').length - 1, 3);
  assert.equal(md.split('</details>').length - 1, 3);
});

test('diff markers move to the first column and keep the line width', () => {
  const src = ['  + resource "a" "b" {', '      - x = 1 -> null', '-/+ resource "c" "d" {', '      ~ y = 1 -> 2', '        z = 3', ' <= data "e" "f" {', 'Plan: 1 to add'];
  const out = toGitHubDiff(src.join('\n')).split('\n');
  assert.deepEqual(out, ['+   resource "a" "b" {', '-       x = 1 -> null', '!   resource "c" "d" {', '!       y = 1 -> 2', '        z = 3', ' <= data "e" "f" {', 'Plan: 1 to add']);
  out.forEach((l, i) => assert.equal(l.length, src[i].length));
});

test('a long plan is truncated with a note and the comment stays under maxChars', () => {
  const maxChars = 6000;
  const md = renderPlansMarkdown([{ stack: 'big', plan: bigPlan('big', 500) }], { maxChars });
  assert.ok(md.length <= maxChars, `length ${md.length}`);
  assert.match(md, /… plan for stack "big" truncated: [\d,]+ more characters; run `ballast plan` locally for the full output/);
  // the cut is at a line boundary inside a closed fence and the details block is closed
  assert.match(md, /\n```\n\n_… plan for stack "big" truncated/);
  assert.ok(md.trimEnd().endsWith('</details>'));
  const omitted = Number(/truncated: ([\d,]+) more/.exec(md)![1].replace(/,/g, ''));
  assert.ok(omitted > 10_000);
});

test("the default limit is GitHub's 65536 characters", () => {
  const md = renderPlansMarkdown([{ stack: 'huge', plan: bigPlan('huge', 3000) }], {});
  assert.ok(md.length <= 65536);
  assert.ok(md.length > 60000, 'the budget is used, not wasted');
  assert.match(md, /truncated/);
});

test('small stacks stay whole while big ones share the rest of the budget', () => {
  const md = renderPlansMarkdown(
    [
      { stack: 'big1', plan: bigPlan('big1', 400) },
      { stack: 'small', plan: bigPlan('small', 2) },
      { stack: 'big2', plan: bigPlan('big2', 400) },
    ],
    { maxChars: 12000 },
  );
  assert.ok(md.length <= 12000, `length ${md.length}`);
  assert.match(md, /plan for stack "big1" truncated/);
  assert.match(md, /plan for stack "big2" truncated/);
  assert.doesNotMatch(md, /plan for stack "small" truncated/);
  assert.match(md, /aws_s3_bucket\.b1 will be created/);
  assert.deepEqual(shareBudget([10, 100, 1000], 300), [10, 100, 190]);
  assert.deepEqual(shareBudget([500, 500], 300), [150, 150]);
});

test('nothing is truncated when everything fits', () => {
  const md = renderPlansMarkdown([{ stack: 'a', plan: bigPlan('a', 3) }], { maxChars: 65536 });
  assert.doesNotMatch(md, /truncated/);
  assert.match(md, /Plan: 3 to add, 0 to change, 0 to destroy\./);
});

test('a value holding backticks cannot close the fence early', () => {
  const md = renderPlansMarkdown([{ stack: 'a', plan: plan('a', [change('local_file.f', 'create', null, { content: 'see ```\ncode\n```\n' })]) }], {});
  assert.match(md, /````diff\n[\s\S]*\n````\n/);
});
