// The pull-request preview through the real CLI (`plan --git URL --ref REF --format markdown`,
// as examples/github-actions/plan-preview.yml runs it): a plan far bigger than GitHub's comment
// limit comes out as one comment of at most 65,536 characters that says it was cut, keeps the
// summary table whole, and never locks or writes state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeRepo } from './helpers/git-repo.ts';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';

const GITHUB_COMMENT_LIMIT = 65_536;
const COUNT = 600;

test('a markdown plan preview of a huge plan stays within 65,536 characters and says it was cut', async () => {
  const dir = await makeTempDir('ballast-cli-markdown-');
  const repo = makeRepo();
  try {
    repo.commit(
      {
        'infra/main.tf.json': JSON.stringify({
          resource: {
            local_file: {
              f: { count: COUNT, filename: `${join(dir, 'out')}/file-\${count.index}.txt`, content: 'a line long enough to make every planned file take some room ${count.index}' },
            },
          },
        }),
      },
      'many files',
    );
    const state = join(dir, 'state');
    // a lone *.tf.json under --path is named after that path, as the agent names it
    const r = await runBallast(['plan', '--git', repo.url, '--ref', 'main', '--path', 'infra', '--state-dir', state, '--format', 'markdown', '--detailed-exitcode'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    const md = r.stdout;
    assert.ok(md.length <= GITHUB_COMMENT_LIMIT, `the comment is ${md.length} characters`);
    assert.ok(md.startsWith('<!-- ballast-plan -->\n'), 'the marker the workflow finds its comment by');
    assert.match(md, /^\| infra \| 600 \| 0 \| 0 \| 0 \| changes \|$/m);
    assert.match(md, /^```diff\n/m);
    assert.match(md, /^ {2}# local_file\.f\[0\] will be created\n\+ {3}resource "local_file" "f" \{$/m, 'the plan body starts, markers in column one');
    const cut = /_… plan for stack "infra" truncated: ([\d,]+) more characters; run `ballast plan` locally for the full output\._/.exec(md);
    assert.ok(cut, 'the comment says it was cut');
    // the plan really was bigger than the limit: what was left out plus what is shown
    const omitted = Number(cut[1].replace(/,/g, ''));
    assert.ok(md.length + omitted > GITHUB_COMMENT_LIMIT, `omitted ${omitted}`);
    assert.ok(!md.includes(`# local_file.f[${COUNT - 1}] will be created`), 'the last resource is in the cut part');
    // fences and <details> still close after the cut
    assert.equal((md.match(/<details>/g) ?? []).length, (md.match(/<\/details>/g) ?? []).length);
    assert.equal((md.match(/^```/gm) ?? []).length % 2, 0);
    // a preview never writes state, never locks, never touches the real world
    assert.equal(existsSync(state), false, 'no state directory');
    assert.equal(existsSync(join(dir, 'out')), false);
  } finally {
    repo.dispose();
  }
});
