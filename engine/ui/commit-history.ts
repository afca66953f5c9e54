// The git history behind recorded source revisions (`main@sha1:<sha>`): commit subjects,
// authors and tags, and which commits one environment has that another has not yet. Kept in a
// bare, blob-less mirror of the source repository (the agent's own checkout is shallow), fetched
// at most every few seconds when a page asks.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { simpleGit } from 'simple-git';

export interface Commit {
  readonly sha: string;
  readonly subject: string;
  readonly author: string;
  readonly date: string;
  readonly tags: string[];
}

export const shaOf = (revision: string | null | undefined): string | null => /@sha1:([0-9a-f]{40})$/.exec(revision ?? '')?.[1] ?? null;

const FIELD = '\x1f';
const RECORD = '\x1e';
const REFRESH_MS = 5000;

export class CommitHistory {
  private fetched = 0;
  private fetching: Promise<void> | null = null;
  private readonly commits = new Map<string, Commit>();
  /** the last error of fetching the mirror, shown instead of commit lists */
  lastError: string | null = null;

  /** `url` is the source repository (never shown: it may carry credentials), `dir` the mirror's place */
  constructor(
    private readonly url: string,
    private readonly dir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  private git() {
    // as the git source does: nothing from the outside environment that git reads as
    // configuration or a program to run, no prompts, only the usual protocols
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(this.env)) if (!/^(GIT_|EDITOR$|VISUAL$|PAGER$|PREFIX$|SSH_ASKPASS$)/i.test(k) && v !== undefined) env[k] = v;
    env.GIT_TERMINAL_PROMPT = '0';
    env.GIT_ALLOW_PROTOCOL = 'file:git:http:https:ssh';
    return simpleGit({ baseDir: existsSync(this.dir) ? this.dir : dirname(this.dir), allowEnvironment: ['GIT_TERMINAL_PROMPT', 'GIT_ALLOW_PROTOCOL'] }).env(env);
  }

  /** Brings the mirror up to date (at most every few seconds); errors are kept in lastError. */
  refresh(): Promise<void> {
    if (Date.now() - this.fetched < REFRESH_MS) return Promise.resolve();
    this.fetching ??= (async () => {
      try {
        if (!existsSync(this.dir)) {
          mkdirSync(dirname(this.dir), { recursive: true });
          await this.git().raw(['clone', '--quiet', '--bare', '--filter=blob:none', '--', this.url, this.dir]);
        } else {
          await this.git().raw(['fetch', '--quiet', '--prune', '--tags', '--', this.url, '+refs/heads/*:refs/heads/*']);
        }
        this.lastError = null;
        // tags may have moved onto known commits
        this.commits.clear();
      } catch {
        // a message from git can name the URL with its credentials: say only that it failed
        this.lastError = 'cannot read the source repository history';
      } finally {
        this.fetched = Date.now();
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  private async log(args: string[]): Promise<Commit[]> {
    if (!existsSync(this.dir)) return [];
    let out: string;
    try {
      out = await this.git().raw(['log', `--format=%H${FIELD}%s${FIELD}%an${FIELD}%aI${FIELD}%D${RECORD}`, ...args, '--']);
    } catch {
      return [];
    }
    return out
      .split(RECORD)
      .map((r) => r.trim())
      .filter(Boolean)
      .map((r) => {
        const [sha, subject, author, date, refs] = r.split(FIELD);
        const tags = (refs ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x.startsWith('tag: '))
          .map((x) => x.slice(5));
        const c: Commit = { sha: sha!, subject: subject ?? '', author: author ?? '', date: date ?? '', tags };
        this.commits.set(c.sha, c);
        return c;
      });
  }

  /** One commit, or null when the mirror does not have it. */
  async commit(sha: string): Promise<Commit | null> {
    const known = this.commits.get(sha);
    if (known) return known;
    return (await this.log(['-1', sha]))[0] ?? null;
  }

  /** Commits reachable from `head` but not from `base`, newest first (capped). */
  async between(base: string, head: string, max = 200): Promise<Commit[]> {
    return this.log([`--max-count=${max}`, `${base}..${head}`]);
  }
}
