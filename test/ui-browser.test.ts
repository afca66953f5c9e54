// The web UI in a real browser (Debian's chromium, driven by playwright-core) against a real
// agent following a real git repository: a commit shows up on the overview without a reload;
// history and diffs open; environments side by side count the commits prod lacks; a viewer
// sees no action and is refused one; an operator logs in, sees the rollback plan, confirms it
// and the stack is pinned to the old version; a POST without the CSRF token is refused; and no
// secret value reaches any page or response. Screenshots go to BALLAST_UI_SCREENSHOT_DIR (the
// ones in docs/images/ come from here).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeRepo } from './helpers/git-repo.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { applied, currentState, rev, startAgent, stopAllAgents } from './agent-harness.ts';

const CHROMIUM = process.env.BALLAST_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `chromium is not installed at ${CHROMIUM} (run scripts/setup-chromium.sh, or set BALLAST_CHROMIUM)`;

const VIEWER = 'viewer-secret-token-0001';
const OPERATOR = 'operator-secret-token-0002';

let browser: Browser | undefined;
after(async () => {
  await browser?.close();
  await stopAllAgents();
});

/** staging: a generated password and a file holding it (both secret), and a plain file. */
function stagingStack(out: string, greeting: string): string {
  return JSON.stringify(
    {
      resource: {
        random_password: { db: { length: 24, special: false } },
        local_file: {
          greeting: { filename: join(out, 'staging-greeting.txt'), content: `${greeting}\nfrom staging\n` },
          dbpass: { filename: join(out, 'staging-db.txt'), content: '${random_password.db.result}', depends_on: ['random_password.db'] },
        },
      },
    },
    null,
    2,
  );
}

function prodStack(out: string, greeting: string): string {
  return JSON.stringify({ resource: { local_file: { greeting: { filename: join(out, 'prod-greeting.txt'), content: `${greeting}\nfrom prod\n` } } } }, null, 2);
}

const short = (sha: string) => sha.slice(0, 8);

test('the web UI in a real browser: live overview, history, diff, environments, roles, rollback, CSRF, no secrets', { skip, timeout: 600_000 }, async () => {
  const dir = await makeTempDir('ballast-ui-browser-');
  const repo = makeRepo({ name: 'ui' });
  after(() => repo.dispose());
  const out = join(dir, 'out');
  const state = join(dir, 'state');
  const shots = process.env.BALLAST_UI_SCREENSHOT_DIR ?? join(dir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(dir, 'viewers'), `# read-only\n${VIEWER}\n`);
  writeFileSync(join(dir, 'operators'), `${OPERATOR}\n`);

  const c1 = repo.commit({ 'stacks/web-staging/main.tf.json': stagingStack(out, 'hello'), 'stacks/web-prod/main.tf.json': prodStack(out, 'hello') }, 'Launch the web app');
  const agent = await startAgent(
    [
      '--git',
      repo.url,
      '--ref',
      'main',
      '--path',
      'stacks/*',
      '--interval',
      '1s',
      '--state-dir',
      state,
      '--work-dir',
      join(dir, 'work'),
      '--ui-viewer-token-file',
      join(dir, 'viewers'),
      '--ui-operator-token-file',
      join(dir, 'operators'),
    ],
    { cwd: dir },
  );
  await agent.waitFor('both stacks applied at c1', (s) => applied('web-staging', rev(c1))(s) && applied('web-prod', rev(c1))(s), 60_000);
  const secret = (await currentState(state, 'web-staging'))!.resources['random_password.db']!.attributes.result as string;
  assert.equal(typeof secret, 'string');
  assert.equal(readFileSync(join(out, 'staging-db.txt'), 'utf8'), secret);

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  // every response body the browser receives is scanned for the secret (the event stream is
  // scanned below, from the page it updates)
  const bodies: { url: string; text: string }[] = [];
  const watch = (page: Page) =>
    page.on('response', async (r) => {
      if ((r.headers()['content-type'] ?? '').includes('event-stream')) return;
      try {
        bodies.push({ url: r.url(), text: await r.text() });
      } catch {
        // a redirect has no body
      }
    });
  const login = async (page: Page, token: string) => {
    await page.goto(`${agent.base}/`);
    // a viewer token is required: the browser lands on the login form
    assert.match(page.url(), /\/login\?next=/);
    await page.fill('input[name=token]', token);
    await Promise.all([page.waitForURL(`${agent.base}/`), page.click('button[type=submit]')]);
  };

  // ---- a viewer: live overview
  const viewerCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await viewerCtx.newPage();
  watch(viewer);
  await login(viewer, VIEWER);
  const stagingRow = viewer.locator('tr[data-stack="web-staging"]');
  await stagingRow.locator('.rev', { hasText: short(c1) }).waitFor({ timeout: 30_000 });
  assert.equal(await viewer.locator('section.env[data-env="staging"] tr[data-stack="web-staging"]').count(), 1);
  assert.equal(await viewer.locator('section.env[data-env="prod"] tr[data-stack="web-prod"]').count(), 1);
  assert.equal(await stagingRow.locator('td', { hasText: 'Launch the web app' }).count(), 1);
  await viewer.waitForSelector('body[data-live-state="connected"]', { timeout: 30_000 });
  // a marker that a reload or navigation would wipe
  await viewer.evaluate(() => document.body.setAttribute('data-marker', 'no-reload'));

  const c2 = repo.commit({ 'stacks/web-staging/main.tf.json': stagingStack(out, 'hello again') }, 'Friendlier greeting');
  repo.tag('v1.1');
  await stagingRow.locator('.rev', { hasText: short(c2) }).waitFor({ timeout: 60_000 });
  const c3 = repo.commit({ 'stacks/web-staging/main.tf.json': stagingStack(out, 'hello, world') }, 'Greet the world');
  await stagingRow.locator('.rev', { hasText: short(c3) }).waitFor({ timeout: 60_000 });
  assert.equal(await viewer.getAttribute('body', 'data-marker'), 'no-reload', 'the overview was updated in place, without a reload');
  assert.equal(await stagingRow.locator('.state').textContent(), 'in sync');
  // prod's inputs did not change: it still runs c1
  assert.equal(await viewer.locator('tr[data-stack="web-prod"] .rev', { hasText: short(c1) }).count(), 1);
  assert.ok(!(await viewer.content()).includes(secret));
  await viewer.screenshot({ path: join(shots, 'overview.png'), fullPage: true });

  // ---- history and a diff
  await viewer.click('tr[data-stack="web-staging"] a[href="/stacks/web-staging"]');
  await viewer.waitForURL(/\/stacks\/web-staging$/);
  assert.deepEqual(await viewer.locator('ol.timeline > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-serial'))), ['3', '2', '1']);
  assert.equal(await viewer.locator('li[data-serial="2"] .tag', { hasText: 'v1.1' }).count(), 1);
  assert.equal(await viewer.locator('li[data-serial="3"] .subject', { hasText: 'Greet the world' }).count(), 1);
  // a viewer sees no action at all
  assert.equal(await viewer.locator('[data-action]').count(), 0);
  await viewer.screenshot({ path: join(shots, 'history.png'), fullPage: true });
  await viewer.click('li[data-serial="3"] a:has-text("diff with v2")');
  await viewer.waitForURL(/\/diff\?from=2&to=3/);
  const changed = viewer.locator('section.resource-diff[data-address="local_file.greeting"]');
  assert.equal(await changed.getAttribute('data-kind'), 'changed');
  assert.equal(await changed.locator('.line[data-kind="-"]', { hasText: 'hello again' }).count(), 1);
  assert.equal(await changed.locator('.line[data-kind="+"]', { hasText: 'hello, world' }).count(), 1);
  // the password did not change between v2 and v3, so it is not listed; a diff from nothing shows it redacted
  await viewer.goto(`${agent.base}/stacks/web-staging/diff?from=&to=3`);
  const pw = viewer.locator('section.resource-diff[data-address="random_password.db"]');
  assert.equal(await pw.getAttribute('data-kind'), 'added');
  assert.match((await pw.locator('tr', { hasText: 'result' }).textContent()) ?? '', /\(sensitive value\)/);
  await viewer.goto(`${agent.base}/stacks/web-staging/diff?from=2&to=3`);
  await viewer.screenshot({ path: join(shots, 'diff.png'), fullPage: true });
  await viewer.goto(`${agent.base}/stacks/web-staging/graph`);
  assert.ok((await viewer.locator('ul.deps li', { hasText: 'local_file.dbpass' }).textContent())?.includes('random_password.db'));
  await viewer.goto(`${agent.base}/stacks/web-staging/resources/${encodeURIComponent('local_file.dbpass')}`);
  assert.match(
    (await viewer
      .locator('tr', { hasText: /^content/ })
      .first()
      .textContent()) ?? '',
    /\(sensitive value\)/,
  );

  // ---- environments side by side: prod lacks the two staging commits
  await viewer.goto(`${agent.base}/environments`);
  const gap = viewer.locator('section.gap[data-app="web"][data-behind="prod"][data-ahead="staging"]');
  await gap.waitFor({ timeout: 30_000 });
  assert.equal(await gap.locator('.behind').textContent(), 'prod is 2 commits behind staging');
  const listed = await gap.locator('ul.commits li').evaluateAll((els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
  assert.equal(listed.length, 2, listed.join('\n'));
  assert.match(listed[0]!, new RegExp(`^${short(c3)} Greet the world Ballast Test`));
  assert.match(listed[1]!, new RegExp(`^${short(c2)} Friendlier greeting v1.1 Ballast Test`));
  await viewer.screenshot({ path: join(shots, 'environments.png'), fullPage: true });

  // ---- a viewer's action is refused (403) even with the page's CSRF field filled in
  const refused = await viewer.request.post(`${agent.base}/stacks/web-staging/rollback`, { form: { _csrf: 'anything', serial: '1' }, maxRedirects: 0 });
  assert.equal(refused.status(), 403);
  const bearerViewer = await fetch(`${agent.base}/stacks/web-staging/sync`, { method: 'POST', headers: { authorization: `Bearer ${VIEWER}` } });
  assert.equal(bearerViewer.status, 403);
  const nobody = await fetch(`${agent.base}/stacks/web-staging`, { headers: { accept: 'application/json' } });
  assert.equal(nobody.status, 401);

  // ---- an operator: CSRF-less POSTs are refused, then a rollback with its plan first
  const opCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const op = await opCtx.newPage();
  watch(op);
  await login(op, OPERATOR);
  const noCsrf = await op.request.post(`${agent.base}/stacks/web-staging/suspend`, { form: { serial: '1' }, maxRedirects: 0 });
  assert.equal(noCsrf.status(), 403);
  const bearerNoCsrf = await fetch(`${agent.base}/stacks/web-staging/suspend`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'x=1',
  });
  assert.equal(bearerNoCsrf.status, 403);
  assert.equal((await agent.status()).stacks['web-staging']!.suspended, false, 'the refused suspend changed nothing');

  await op.goto(`${agent.base}/stacks/web-staging`);
  assert.equal(await op.locator('[data-action="sync"]').count(), 1);
  await Promise.all([op.waitForURL(/\/rollback$/), op.click('button[data-action="rollback"][data-serial="1"]')]);
  const plan = (await op.locator('pre.plan').textContent()) ?? '';
  assert.match(plan, /local_file\.greeting/);
  assert.match(plan, /rolls the stack back to the configuration recorded in state version 1/);
  // nothing changed yet: the plan is only shown
  assert.equal(readFileSync(join(out, 'staging-greeting.txt'), 'utf8'), 'hello, world\nfrom staging\n');
  await op.screenshot({ path: join(shots, 'rollback-plan.png'), fullPage: true });
  await Promise.all([op.waitForURL(/\/rollback\/confirm$/), op.click('button[data-action="confirm-rollback"]')]);
  assert.match((await op.locator('main').textContent()) ?? '', /pinned to it until a new commit arrives/);
  assert.equal(readFileSync(join(out, 'staging-greeting.txt'), 'utf8'), 'hello\nfrom staging\n');
  assert.equal(readFileSync(join(out, 'staging-db.txt'), 'utf8'), secret, 'the same password came back');
  const rolled = await currentState(state, 'web-staging');
  assert.equal(rolled!.reason, 'rollback');
  assert.equal(rolled!.rollbackOf, 1);
  await agent.waitFor('the agent sees the pin', (s) => s.stacks['web-staging']?.pinnedTo === 1, 60_000);
  // the viewer's overview shows the pin, live
  await viewer.goto(`${agent.base}/`);
  await viewer.locator('tr[data-stack="web-staging"] .state', { hasText: 'pinned' }).waitFor({ timeout: 30_000 });
  // and the revision of the version rolled back to runs again
  await viewer.locator('tr[data-stack="web-staging"] .rev', { hasText: short(c1) }).waitFor({ timeout: 30_000 });

  // ---- the audit log names who did what
  await op.goto(`${agent.base}/audit`);
  const rows = await op.locator('table.audit tbody tr').evaluateAll((els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ') ?? ''));
  assert.ok(
    rows.some((r) => /operator login [0-9a-f]{12}.*rollback\/confirm.*rolled back to v1.*ok/.test(r)),
    rows.join('\n'),
  );
  assert.ok(
    rows.some((r) => /suspend.*missing or invalid CSRF token.*refused/.test(r)),
    rows.join('\n'),
  );
  assert.ok(
    rows.some((r) => /viewer login.*rollback.*not an operator.*refused/.test(r)),
    rows.join('\n'),
  );
  await op.screenshot({ path: join(shots, 'audit.png'), fullPage: true });

  // ---- headers: strict CSP, no inline script anywhere
  const home = await fetch(`${agent.base}/`, { headers: { authorization: `Bearer ${VIEWER}` } });
  assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self';/);
  assert.doesNotMatch(home.headers.get('content-security-policy') ?? '', /unsafe-inline/);
  const homeText = await home.text();
  assert.doesNotMatch(homeText, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(homeText, /\sstyle=|\son[a-z]+=/, 'no inline style or handler');
  // the live stream carries no secret either
  const stream = await fetch(`${agent.base}/ui/events`, { headers: { authorization: `Bearer ${VIEWER}` } });
  const reader = stream.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  await reader.cancel();
  bodies.push({ url: '/ui/events', text: first });

  // ---- no secret value in any page or response
  assert.ok(bodies.length > 10, `responses scanned: ${bodies.length}`);
  for (const b of bodies) {
    assert.ok(!b.text.includes(secret), `the secret reached the browser in ${b.url}`);
    assert.ok(!b.text.includes(OPERATOR) && !b.text.includes(VIEWER), `a token reached the browser in ${b.url}`);
  }
  await viewerCtx.close();
  await opCtx.close();
});
