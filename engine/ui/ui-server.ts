// The web UI's routes, served by the agent's HTTP server (or `ballast ui`):
//
//   GET  /                             overview, grouped by environment (live: /ui/events)
//   GET  /environments                 the same app across environments, commits behind
//   GET  /audit                        who did what from the UI
//   GET  /stacks/NAME                  state, timeline, actions
//   GET  /stacks/NAME/versions/N       a recorded version (redacted)
//   GET  /stacks/NAME/diff?from&to     diff between two versions
//   GET  /stacks/NAME/resources/ADDR   a recorded object (?serial=N)
//   GET  /stacks/NAME/graph            resource dependency graph (?serial=N)
//   GET/POST /login, POST /logout
//   POST /stacks/NAME/{sync,suspend,resume,rollback,rollback/confirm,rollback/cancel}  operators, CSRF token
//
// Every page is built from redacted versions only; pages never carry inline script or style.

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StateVersion } from '../../state/model.ts';
import { redactedVersion } from '../operations/redacted-state.ts';
import { resumeStack, suspendStack } from '../agent/pins.ts';
import { appendAudit, readAudit, type AuditEntry } from './audit-log.ts';
import type { UiAuth, Principal } from './auth.ts';
import { shaOf, type Commit } from './commit-history.ts';
import { compareEnvironments } from './environments.ts';
import { html, type Html } from './html.ts';
import { LiveOverview } from './live-overview.ts';
import { RollbackError, RollbackPlans } from './rollback-action.ts';
import { forgetStack, summarizeStacks, type StackSummary } from './stack-summary.ts';
import type { UiBackend } from './ui-backend.ts';
import { diffVersions } from './version-diff.ts';
import { diffBody } from './views/diff.ts';
import { environmentsBody, type AppRow, type Gap } from './views/environments.ts';
import { graphBody } from './views/graph.ts';
import { historyBody } from './views/history.ts';
import { page, stackHref } from './views/layout.ts';
import { auditBody, loginBody, messageBody, rollbackPlanBody } from './views/misc.ts';
import { objectsBody, type LiveDrift } from './views/objects.ts';
import { overviewBody } from './views/overview.ts';
import { resourceBody, versionBody } from './views/version.ts';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const ASSETS: Record<string, { type: string; body: Buffer }> = Object.fromEntries(
  (
    [
      ['app.js', 'text/javascript; charset=utf-8'],
      ['ui.css', 'text/css; charset=utf-8'],
    ] as const
  ).map(([f, type]) => [f, { type, body: readFileSync(new URL(`./assets/${f}`, import.meta.url)) }]),
);

const MAX_FORM = 64 * 1024;
const HISTORY_PAGE = 100;

export interface UiServerOptions {
  readonly backend: UiBackend;
  readonly auth: UiAuth;
  /** where errors of the UI itself go (never shown in full to the browser) */
  readonly onError?: (e: Error, path: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class UiServer {
  private readonly live: LiveOverview;
  private readonly rollbacks: RollbackPlans | null;

  constructor(private readonly o: UiServerOptions) {
    this.live = new LiveOverview(
      async () => overviewBody(await summarizeStacks(o.backend, (e) => o.onError?.(e, '/ui/events')), o.backend.status?.().sharding).text,
      (e) => o.onError?.(e, '/ui/events'),
    );
    this.rollbacks = o.backend.actions ? new RollbackPlans(o.backend.actions.rollback) : null;
  }

  /** Handles the request if it is the UI's; false for paths the UI does not serve. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://ui');
    const path = url.pathname;
    if (!isUiPath(path)) return false;
    const method = req.method ?? 'GET';
    const p = this.o.auth.principal(req);
    try {
      if (path.startsWith('/ui/assets/')) {
        const a = ASSETS[path.slice('/ui/assets/'.length)];
        if (!a) throw new HttpError(404, 'not found');
        res.writeHead(200, { ...securityHeaders(), 'content-type': a.type, 'content-length': a.body.length, 'cache-control': 'no-cache' });
        res.end(a.body);
        return true;
      }
      if (path === '/login') return await this.login(req, res, url, method);
      if (path === '/logout') {
        if (method !== 'POST') throw new HttpError(405, 'use POST');
        const form = await readForm(req);
        if (!this.o.auth.csrfValid(p, form.get('_csrf') ?? undefined)) throw new HttpError(403, 'missing or invalid CSRF token');
        res.writeHead(303, { ...securityHeaders(), location: '/', 'set-cookie': this.o.auth.logout(req) });
        res.end();
        return true;
      }
      if (!p.role) {
        // no valid token, and viewers need one: a browser is sent to the login form
        if (method === 'GET' && (req.headers.accept ?? '').includes('text/html')) {
          res.writeHead(303, { ...securityHeaders(), location: `/login?next=${encodeURIComponent(path + url.search)}` });
          res.end();
          return true;
        }
        throw new HttpError(401, 'a viewer or operator token is required (Authorization: Bearer, or log in)');
      }
      if (method === 'POST') return await this.action(req, res, path, p);
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method not allowed');
      return await this.view(res, url, p);
    } catch (e) {
      if (!(e instanceof HttpError)) this.o.onError?.(e as Error, path);
      const code = e instanceof HttpError ? e.code : 500;
      const text = e instanceof HttpError ? e.message : 'internal error (see the agent log)';
      this.send(res, code, p, code === 404 ? 'Not found' : code === 403 ? 'Forbidden' : 'Error', messageBody(code === 404 ? 'Not found' : code === 403 ? 'Forbidden' : 'Error', text, '/', 'error'));
      return true;
    }
  }

  close(): Promise<void> {
    this.live.close();
    return this.rollbacks?.close() ?? Promise.resolve();
  }

  private send(res: ServerResponse, code: number, p: Principal, title: string, body: Html, opts: { live?: boolean; headers?: Record<string, string> } = {}): void {
    if (res.headersSent) return void res.end();
    const text = page({ title: this.o.backend.title, principal: p, loginPossible: this.o.auth.loginPossible }, title, body, opts).text;
    res.writeHead(code, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text), ...opts.headers });
    res.end(text);
  }

  private async login(req: IncomingMessage, res: ServerResponse, url: URL, method: string): Promise<boolean> {
    const anon: Principal = { role: null, who: 'anonymous', csrf: null, session: false };
    const nextOf = (v: string | null) => (v && /^\/(?!\/)/.test(v) ? v : '/');
    if (method === 'GET') {
      this.send(res, 200, anon, 'Log in', loginBody(false, nextOf(url.searchParams.get('next'))));
      return true;
    }
    if (method !== 'POST') throw new HttpError(405, 'use GET or POST');
    const form = await readForm(req);
    const session = this.o.auth.login(form.get('token') ?? '', req);
    if (!session) {
      this.send(res, 401, anon, 'Log in', loginBody(true, nextOf(form.get('next'))));
      return true;
    }
    res.writeHead(303, { ...securityHeaders(), location: nextOf(form.get('next')), 'set-cookie': session.cookie });
    res.end();
    return true;
  }

  private async stackName(raw: string): Promise<string> {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'the stack name in the address is not valid');
    }
    if (!(await this.o.backend.stacks()).includes(name)) throw new HttpError(404, `there is no stack "${name}"`);
    return name;
  }

  private async version(stack: string, serial: number): Promise<StateVersion> {
    const v = await this.o.backend.store(stack).get(serial);
    if (!v) throw new HttpError(404, `stack "${stack}" has no version ${serial}`);
    return redactedVersion(v);
  }

  private async view(res: ServerResponse, url: URL, p: Principal): Promise<boolean> {
    const path = url.pathname;
    const b = this.o.backend;
    if (path === '/') {
      this.send(res, 200, p, 'Overview', html`<h1>What runs where</h1><div id="overview">${overviewBody(await summarizeStacks(b, (e) => this.o.onError?.(e, '/')), b.status?.().sharding)}</div>`, {
        live: true,
      });
      return true;
    }
    if (path === '/ui/events') {
      this.live.subscribe(res);
      return true;
    }
    if (path === '/environments') {
      this.send(res, 200, p, 'Environments', await this.environments());
      return true;
    }
    if (path === '/audit') {
      const all: AuditEntry[] = [];
      for (const s of await b.stacks()) all.push(...(await readAudit(b.store(s))));
      all.sort((x, y) => y.time.localeCompare(x.time));
      this.send(res, 200, p, 'Audit log', auditBody(all.slice(0, 500)));
      return true;
    }
    const m = /^\/stacks\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) throw new HttpError(404, 'not found');
    const stack = await this.stackName(m[1]!);
    const rest = m[2] ?? '';
    const store = b.store(stack);
    const serialParam = (name: string): number | null => {
      const v = url.searchParams.get(name);
      if (v === null || v === '') return null;
      if (!/^\d{1,9}$/.test(v)) throw new HttpError(400, `${name} must be a version number`);
      return Number(v);
    };
    if (rest === '' || rest === '/') {
      // a stack's own page always reads it afresh
      forgetStack(store);
      const summary = (await summarizeStacks({ ...b, stacks: async () => [stack] }))[0]!;
      const list = await store.list();
      const before = serialParam('before');
      const shown = list.filter((v) => before === null || v.serial < before).slice(-HISTORY_PAGE);
      const authors = new Map<number, string>();
      const commits = new Map<string, Commit>();
      await b.history?.refresh();
      for (const v of shown) {
        const full = await store.get(v.serial);
        if (full?.author) authors.set(v.serial, full.author);
        const sha = shaOf(v.sourceRevision);
        if (sha && b.history && !commits.has(sha)) {
          const c = await b.history.commit(sha);
          if (c) commits.set(sha, c);
        }
      }
      const canAct = p.role === 'operator' && this.o.auth.actionsPossible && b.actions !== undefined ? p.csrf : null;
      const older = shown.length && shown[0]!.serial > (list[0]?.serial ?? 0) ? html`<p><a href="${stackHref(stack, `?before=${shown[0]!.serial}`)}">older versions</a></p>` : '';
      const current = summary.current ? await this.version(stack, summary.current.serial) : null;
      this.send(res, 200, p, `Stack ${stack}`, html`${historyBody({ summary, versions: shown, authors, commits, csrf: canAct })}${objectsBody(stack, current, this.liveDrift(stack))}${older}`);
      return true;
    }
    const vm = /^\/versions\/(\d{1,9})$/.exec(rest);
    if (vm) {
      this.send(res, 200, p, `${stack} v${vm[1]}`, versionBody(await this.version(stack, Number(vm[1]))));
      return true;
    }
    if (rest === '/diff') {
      const to = serialParam('to') ?? (await store.list()).at(-1)?.serial;
      if (to === undefined) throw new HttpError(404, `stack "${stack}" has no versions`);
      const from = serialParam('from');
      const d = diffVersions(from === null ? null : await this.version(stack, from), await this.version(stack, to));
      this.send(res, 200, p, `${stack} diff`, diffBody(stack, from, to, d, url.searchParams.get('all') === '1'));
      return true;
    }
    if (rest === '/graph') {
      const serial = serialParam('serial') ?? (await store.list()).at(-1)?.serial;
      if (serial === undefined) throw new HttpError(404, `stack "${stack}" has no versions`);
      this.send(res, 200, p, `${stack} graph`, graphBody(await this.version(stack, serial)));
      return true;
    }
    const rm = /^\/resources\/(.+)$/.exec(rest);
    if (rm) {
      const key = decodeURIComponent(rm[1]!);
      const serial = serialParam('serial') ?? (await store.list()).at(-1)?.serial;
      if (serial === undefined) throw new HttpError(404, `stack "${stack}" has no versions`);
      const v = await this.version(stack, serial);
      if (!v.resources[key]) throw new HttpError(404, `version ${serial} of stack "${stack}" has no resource ${key}`);
      this.send(res, 200, p, key, resourceBody(v, key, this.liveDrift(stack)));
      return true;
    }
    throw new HttpError(404, 'not found');
  }

  /** What the agent last saw of the stack's objects; null for `ballast ui` (no agent). */
  private liveDrift(stack: string): LiveDrift | null {
    const b = this.o.backend;
    if (!b.status) return null;
    return { status: b.status().stacks[stack], drift: b.drift?.(stack) };
  }

  private async environments(): Promise<Html> {
    const b = this.o.backend;
    await b.history?.refresh();
    const rows = await summarizeStacks(b);
    const byApp = new Map<string, StackSummary[]>();
    for (const r of rows) if (r.environment) byApp.set(r.app, [...(byApp.get(r.app) ?? []), r]);
    const apps: AppRow[] = [];
    const envs = new Set<string>();
    for (const [app, stacks] of [...byApp].sort(([a], [c]) => a.localeCompare(c))) {
      if (stacks.length < 2) continue;
      const sorted = [...stacks].sort((x, y) => compareEnvironments(x.environment, y.environment));
      const gaps: Gap[] = [];
      for (let i = 1; i < sorted.length; i++) {
        const ahead = sorted[i - 1]!;
        const behind = sorted[i]!;
        const a = shaOf(ahead.current?.revision);
        const c = shaOf(behind.current?.revision);
        let commits: Commit[] | null = null;
        if (a && c && b.history && (await b.history.commit(a)) && (await b.history.commit(c))) commits = await b.history.between(c, a);
        gaps.push({ app, ahead, behind, commits });
      }
      for (const s of sorted) envs.add(s.environment);
      apps.push({ app, byEnv: new Map(sorted.map((s) => [s.environment, s])), gaps });
    }
    const note = !b.history ? 'Commit lists need the git history of the source: the agent reads it from its git source; `ballast ui` from --git.' : b.history.lastError;
    return environmentsBody([...envs].sort(compareEnvironments), apps, note);
  }

  private async action(req: IncomingMessage, res: ServerResponse, path: string, p: Principal): Promise<boolean> {
    const m = /^\/stacks\/([^/]+)\/(sync|suspend|resume|rollback|rollback\/confirm|rollback\/cancel)$/.exec(path);
    if (!m) throw new HttpError(404, 'not found');
    const stack = await this.stackName(m[1]!);
    const what = m[2]!;
    const form = await readForm(req);
    const store = this.o.backend.store(stack);
    const audit = (result: AuditEntry['result'], detail?: string) =>
      appendAudit(store, { time: new Date().toISOString(), who: p.who, role: p.role ?? 'viewer', action: what, stack, ...(detail ? { detail } : {}), result });
    const actions = this.o.backend.actions;
    if (p.role !== 'operator' || !this.o.auth.actionsPossible || !actions || !this.rollbacks) {
      // `ballast ui` is read-only: it writes nothing, not even a refusal
      if (actions) await audit('refused', 'not an operator');
      throw new HttpError(403, !actions || !this.o.auth.actionsPossible ? 'actions are not enabled here (start the agent with --ui-operator-token-file)' : 'only operators can do this');
    }
    if (!this.o.auth.csrfValid(p, form.get('_csrf') ?? undefined)) {
      await audit('refused', 'missing or invalid CSRF token');
      throw new HttpError(403, 'missing or invalid CSRF token');
    }
    forgetStack(store);
    try {
      return await this.act(res, what, stack, form, p, audit);
    } finally {
      // the overview shows what the action did at its next render
      forgetStack(store);
    }
  }

  private async act(res: ServerResponse, what: string, stack: string, form: URLSearchParams, p: Principal, audit: (result: AuditEntry['result'], detail?: string) => Promise<void>): Promise<boolean> {
    const actions = this.o.backend.actions!;
    const rollbacks = this.rollbacks!;
    const store = this.o.backend.store(stack);
    const back = stackHref(stack);
    switch (what) {
      case 'sync': {
        const triggered = actions.sync();
        await audit('ok', `fetching ${triggered.join(', ') || 'nothing'}`);
        this.send(res, 202, p, 'Sync', messageBody('Sync started', `Fetching the source now (${triggered.join(', ') || 'no source'}); the overview updates when the step ends.`, back));
        return true;
      }
      case 'suspend':
      case 'resume': {
        if (what === 'suspend') await suspendStack(store, p.who);
        else await resumeStack(store);
        await audit('ok');
        res.writeHead(303, { ...securityHeaders(), location: back });
        res.end();
        return true;
      }
      case 'rollback': {
        const serial = form.get('serial') ?? '';
        if (!/^\d{1,9}$/.test(serial)) throw new HttpError(400, 'serial must be a version number');
        try {
          const plan = await rollbacks.plan(stack, store, Number(serial));
          await audit('ok', `planned rollback to v${serial} (+${plan.summary.add} ~${plan.summary.change} -${plan.summary.destroy})`);
          this.send(res, 200, p, 'Roll back', rollbackPlanBody(plan, p.csrf!));
        } catch (e) {
          if (!(e instanceof RollbackError)) throw e;
          await audit('failed', `plan rollback to v${serial}: ${e.message}`);
          this.send(res, 422, p, 'Roll back', messageBody('Cannot roll back', e.message, back, 'error'));
        }
        return true;
      }
      case 'rollback/cancel': {
        await rollbacks.discard(form.get('plan') ?? '');
        await audit('ok', 'rollback plan discarded');
        res.writeHead(303, { ...securityHeaders(), location: back });
        res.end();
        return true;
      }
      default: {
        const id = form.get('plan') ?? '';
        const planned = rollbacks.get(id);
        if (planned && planned.stack !== stack) throw new HttpError(400, 'that plan is for another stack');
        try {
          const r = await rollbacks.confirm(id);
          await audit('ok', `rolled back to v${r.plan.serial}${r.serial !== null ? `, recorded v${r.serial}` : ''}; pinned`);
          this.send(
            res,
            200,
            p,
            'Rolled back',
            messageBody(
              'Rolled back',
              `Stack ${stack} runs the configuration of version ${r.plan.serial} again${r.serial !== null ? ` (recorded as version ${r.serial})` : ''} and is pinned to it until a new commit arrives.`,
              back,
            ),
          );
        } catch (e) {
          if (!(e instanceof RollbackError)) throw e;
          await audit('failed', e.message);
          this.send(res, 409, p, 'Roll back', messageBody('Rollback failed', e.message, back, 'error'));
        }
        return true;
      }
    }
  }
}

function isUiPath(path: string): boolean {
  return path === '/' || path === '/login' || path === '/logout' || path === '/environments' || path === '/audit' || path.startsWith('/stacks/') || path.startsWith('/ui/');
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_FORM) throw new HttpError(413, 'form too large');
    chunks.push(c);
  }
  if (size && !type.startsWith('application/x-www-form-urlencoded')) throw new HttpError(415, 'send the form as application/x-www-form-urlencoded');
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
