// Stacks from a git repository, through simple-git over the real git binary. One working copy
// under `workDir` is reused between polls: each fetch asks the remote for just the ref (depth 1
// by default) by URL, so the URL (and any credential) is never stored in .git/config, then checks
// the commit out clean. Credentials travel only in the child's environment:
//   token  -> http.extraHeader via GIT_CONFIG_COUNT/KEY/VALUE (not on the command line, not in ps)
//   ssh    -> GIT_SSH_COMMAND with -i <file> -o IdentitiesOnly=yes
// and are scrubbed from every error message.

import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join, posix } from 'node:path';
import { tmpdir } from 'node:os';
import { simpleGit, type SimpleGit } from 'simple-git';
import { DiagnosticsError, error as diagnostic } from '../diagnostics.ts';
import { SourceUnreachableError, UserInputError } from '../errors.ts';
import type { Artifact, Source } from './source.ts';

export interface GitSourceOptions {
  /** local path, file://, git://, https:// or ssh:// (or scp-like user@host:path) */
  url: string;
  /** branch, tag or exact 40-hex commit sha */
  ref: string;
  /** sub-path of the stacks inside the repository; '' or '.' for the root */
  path?: string;
  /** cache directory; the working copy lives in `<workDir>/checkout` and is reused between fetches */
  workDir: string;
  auth?: { tokenFile?: string; sshKeyFile?: string };
  /** fetch only the tip (--depth 1); default true */
  shallow?: boolean;
  /** require the fetched commit to carry a good signature from a key in this keyring (armored or binary export) */
  verify?: { keyringFile: string };
  /** a fetch (and signature check) that takes longer fails as unreachable; default 5 minutes */
  timeoutMs?: number;
}

/** The transports git may use, for the fetch and anything it follows (submodules, redirects). */
export const ALLOWED_PROTOCOLS = ['file', 'git', 'http', 'https', 'ssh'] as const;
export const DEFAULT_FETCH_TIMEOUT_MS = 5 * 60_000;

/**
 * null when `url` is a local path, file://, git://, http(s)://, ssh:// or scp-like user@host:path;
 * else why not. Remote-helper syntax (`fd::17`, `ext::sh -c ...`) runs arbitrary transports.
 */
export function gitUrlProblem(url: string): string | null {
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(url)) return `uses the "${url.split('::')[0]}::" transport; only ${ALLOWED_PROTOCOLS.join(', ')} are allowed`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && !(ALLOWED_PROTOCOLS as readonly string[]).includes(scheme)) return `uses the "${scheme}" protocol; only ${ALLOWED_PROTOCOLS.join(', ')} are allowed`;
  if (url.startsWith('-')) return 'must not start with "-"';
  return null;
}

/** The fetched head is unsigned or its signature does not verify; the caller keeps the last good revision. */
export class SignatureError extends Error {
  constructor(
    readonly revision: string,
    readonly status: string,
  ) {
    super(`commit ${revision} failed signature verification: ${status}`);
    this.name = 'SignatureError';
  }
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

export class GitSource implements Source {
  readonly description: string;
  private readonly checkout: string;
  /** the commit whose symlinks were last checked */
  private checkedSymlinks: string | null = null;

  constructor(private readonly options: GitSourceOptions) {
    this.description = `git ${redactUrl(options.url)} (${options.ref}${options.path ? `, path ${options.path}` : ''})`;
    this.checkout = join(options.workDir, 'checkout');
  }

  async fetch(outer: AbortSignal): Promise<Artifact> {
    outer.throwIfAborted();
    const problem = gitUrlProblem(this.options.url);
    if (problem) throw new DiagnosticsError([diagnostic(`git source ${redactUrl(this.options.url)} ${problem}`, 'Use a local path or a file://, git://, http(s):// or ssh:// URL.')]);
    // every step of a fetch is bounded: a server that never answers must not stall the agent
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
    const timer = new AbortController();
    const t = setTimeout(
      () => timer.abort(new SourceUnreachableError(`fetching ${this.options.ref} from git repository ${redactUrl(this.options.url)} took longer than ${timeoutMs / 1000}s`)),
      timeoutMs,
    );
    try {
      return await this.fetchWithin(AbortSignal.any([outer, timer.signal]));
    } catch (e) {
      if (timer.signal.aborted && !outer.aborted) throw timer.signal.reason;
      throw e;
    } finally {
      clearTimeout(t);
    }
  }

  private async fetchWithin(signal: AbortSignal): Promise<Artifact> {
    const secrets = await this.secrets();
    const env = await this.environment(secrets.token);
    await this.ensureRepository(signal, env);
    const git = this.git(signal, env);

    const sha = await this.fetchRef(git, signal, secrets.scrub);
    const revision = `${this.options.ref}@sha1:${sha}`;
    if (this.options.verify) await this.verifySignature(env, sha, revision, signal, secrets.scrub);

    // the working copy is reused: only a new revision is checked out (and left exactly as committed)
    const head = (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim();
    if (head !== sha) {
      await this.run(() => git.raw(['checkout', '--quiet', '--force', '--detach', sha]), signal, secrets.scrub, 'check out');
      await this.run(() => git.raw(['clean', '-ffdxq']), signal, secrets.scrub, 'clean');
    }

    const sub = normalizeSubPath(this.options.path);
    const tree = await this.subTree(git, sha, sub, revision);
    await this.refuseOutwardSymlinks(git, sha, sub, revision);
    const [author, message] = (await git.raw(['log', '-1', '--format=%an <%ae>%x00%B', sha])).split('\0');
    return {
      revision,
      digest: `git-tree:${tree}`,
      dir: sub ? join(this.checkout, sub) : this.checkout,
      author: author.trim(),
      message: message.trim(),
    };
  }

  private git(signal: AbortSignal, env: NodeJS.ProcessEnv): SimpleGit {
    return simpleGit({
      baseDir: this.checkout,
      abort: signal,
      // our own credentials travel this way; nothing from the outside environment does (see environment())
      unsafe: { allowUnsafeSshCommand: true, allowUnsafeConfigEnvCount: true },
      allowEnvironment: Object.keys(env).filter((k) => /^GIT_|^GNUPGHOME$/.test(k)),
    }).env(env);
  }

  /** A working copy that exists already is reused; a missing or broken one is made afresh. */
  private async ensureRepository(signal: AbortSignal, env: NodeJS.ProcessEnv): Promise<void> {
    if (await isDirectory(join(this.checkout, '.git'))) return;
    await rm(this.checkout, { recursive: true, force: true });
    await mkdir(this.checkout, { recursive: true });
    const git = this.git(signal, env);
    await git.init();
    // keep a shallow cache small and quiet
    await git.addConfig('gc.auto', '0');
    await git.addConfig('advice.detachedHead', 'false');
  }

  /** Fetches the ref by URL and returns the commit sha it names. */
  private async fetchRef(git: SimpleGit, signal: AbortSignal, scrub: (s: string) => string): Promise<string> {
    const { ref, url } = this.options;
    const shallow = this.options.shallow ?? true;
    const depth = shallow ? ['--depth', '1'] : [];
    const target = 'refs/ballast/source';
    if (FULL_SHA.test(ref)) {
      const sha = ref.toLowerCase();
      // protocol v2 servers hand out any reachable commit; older ones only advertised tips
      try {
        await this.run(() => git.raw(['fetch', '--quiet', '--no-tags', ...depth, '--', url, `+${sha}:${target}`]), signal, scrub, 'fetch');
      } catch (e) {
        if (e instanceof SourceUnreachableError && /not our ref|unadvertised object|couldn't find remote ref/i.test(e.message)) {
          await this.run(() => git.raw(['fetch', '--quiet', '--no-tags', '--', url, '+refs/heads/*:refs/ballast/heads/*', '+refs/tags/*:refs/ballast/tags/*']), signal, scrub, 'fetch');
        } else {
          throw e;
        }
      }
      const type = await git.raw(['cat-file', '-t', sha]).catch(() => '');
      if (type.trim() !== 'commit') throw this.refMissing(`commit ${sha} is not in the repository`);
      return sha;
    }
    try {
      await this.run(() => git.raw(['fetch', '--quiet', '--no-tags', ...depth, '--', url, `+${ref}:${target}`]), signal, scrub, 'fetch');
    } catch (e) {
      if (e instanceof SourceUnreachableError && /couldn't find remote ref|invalid refspec|not a valid ref/i.test(e.message)) {
        throw this.refMissing(`no branch or tag named "${ref}"`);
      }
      throw e;
    }
    return (await git.raw(['rev-parse', '--verify', '--quiet', `${target}^{commit}`])).trim();
  }

  private refMissing(what: string): DiagnosticsError {
    return new DiagnosticsError([diagnostic(`git source ${redactUrl(this.options.url)}: ${what}`, `Check the ref "${this.options.ref}" of the source.`)]);
  }

  /** The tree of the sub-path at the commit; a missing sub-path is a user mistake naming both. */
  private async subTree(git: SimpleGit, sha: string, sub: string, revision: string): Promise<string> {
    const spec = sub ? `${sha}:${sub}` : `${sha}^{tree}`;
    const tree = (await git.raw(['rev-parse', '--verify', '--quiet', spec]).catch(() => '')).trim();
    const type = tree ? (await git.raw(['cat-file', '-t', tree]).catch(() => '')).trim() : '';
    if (type !== 'tree') {
      throw new DiagnosticsError([
        diagnostic(`path "${sub}" ${tree ? 'is not a directory' : 'does not exist'} in ${redactUrl(this.options.url)} at ${revision}`, 'Fix the path of the git source, or add the stacks there.'),
      ]);
    }
    return tree;
  }

  /** A committed symlink whose target leaves the checkout (absolute, or `../` past the root) is refused before anything reads it. */
  private async refuseOutwardSymlinks(git: SimpleGit, sha: string, sub: string, revision: string): Promise<void> {
    if (this.checkedSymlinks === sha) return;
    const listing = await git.raw(['ls-tree', '-r', '-z', '--full-tree', sha, ...(sub ? ['--', sub] : [])]);
    const bad: string[] = [];
    for (const entry of listing.split('\0')) {
      const m = /^120000 blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (!m) continue;
      const target = await git.raw(['cat-file', 'blob', m[1]!]);
      const resolved = posix.normalize(posix.join(posix.dirname(m[2]!), target));
      if (posix.isAbsolute(target) || resolved === '..' || resolved.startsWith('../')) bad.push(`${m[2]} -> ${target}`);
    }
    if (bad.length) {
      throw new DiagnosticsError([
        diagnostic(
          `git source ${redactUrl(this.options.url)} at ${revision} has symlinks pointing outside the checkout: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` (and ${bad.length - 5} more)` : ''}`,
          'Ballast does not follow them; commit the files themselves, or links that stay inside the repository.',
        ),
      ]);
    }
    this.checkedSymlinks = sha;
  }

  /** Imports the keyring into a throwaway GNUPGHOME and asks git to verify the commit. */
  private async verifySignature(env: NodeJS.ProcessEnv, sha: string, revision: string, signal: AbortSignal, scrub: (s: string) => string): Promise<void> {
    const home = await mkdtemp(join(tmpdir(), 'ballast-gpg-'));
    try {
      await execFileText('gpg', ['--batch', '--quiet', '--homedir', home, '--import', this.options.verify!.keyringFile], {}, signal).catch((e: Error) => {
        throw new SignatureError(revision, `cannot import keyring ${this.options.verify!.keyringFile}: ${firstLines(e.message)}`);
      });
      // run directly: an unsigned commit fails with exit 1 and no output, which simple-git treats as success
      const result = await execFileResult('git', ['verify-commit', '--raw', sha], { cwd: this.checkout, env: { ...env, GNUPGHOME: home }, signal });
      if (signal.aborted) throw signal.reason;
      if (result.code !== 0) throw new SignatureError(revision, signatureStatus(scrub(result.stderr)));
    } finally {
      await execFileText('gpgconf', ['--homedir', home, '--kill', 'all'], {}).catch(() => undefined);
      await rm(home, { recursive: true, force: true });
    }
  }

  /** Runs a git step; failures of network steps become SourceUnreachableError with credentials removed. */
  private async run<T>(op: () => Promise<T>, signal: AbortSignal, scrub: (s: string) => string, what: string): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      const detail = scrub(firstLines((e as Error).message));
      if (what === 'fetch') {
        throw new SourceUnreachableError(`cannot fetch ${this.options.ref} from git repository ${redactUrl(this.options.url)}: ${detail}`);
      }
      throw new Error(`git ${what} failed in ${this.checkout}: ${detail}`);
    }
  }

  private async secrets(): Promise<{ token?: string; scrub: (s: string) => string }> {
    let token: string | undefined;
    if (this.options.auth?.tokenFile) {
      token = (await readFile(this.options.auth.tokenFile, 'utf8')).trim();
      if (!token) throw new UserInputError(`token file ${this.options.auth.tokenFile} is empty`);
    }
    const hidden = token ? [token, basicAuth(token)] : [];
    const scrub = (s: string) => {
      let out = s;
      for (const h of hidden) out = out.split(h).join('***');
      return redactUrlsIn(out);
    };
    return { token, scrub };
  }

  /**
   * The child's environment: the parent's minus anything git would read as configuration or
   * a program to run (GIT_*, editors, pagers), plus ours. No prompts: a poller cannot answer.
   */
  private async environment(token: string | undefined): Promise<NodeJS.ProcessEnv> {
    const env: NodeJS.ProcessEnv = {};
    const drop = /^(GIT_|EDITOR$|VISUAL$|PAGER$|PREFIX$|SSH_ASKPASS$)/i;
    for (const [k, v] of Object.entries(process.env)) if (!drop.test(k) && v !== undefined) env[k] = v;
    env.GIT_TERMINAL_PROMPT = '0';
    // what git may speak, also for anything a fetch follows (submodules, redirects, helpers)
    env.GIT_ALLOW_PROTOCOL = ALLOWED_PROTOCOLS.join(':');
    if (token) {
      env.GIT_CONFIG_COUNT = '1';
      env.GIT_CONFIG_KEY_0 = 'http.extraHeader';
      env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${basicAuth(token)}`;
    }
    const key = this.options.auth?.sshKeyFile;
    if (key) env.GIT_SSH_COMMAND = `ssh -i ${shellQuote(key)} -o IdentitiesOnly=yes -o BatchMode=yes`;
    return env;
  }
}

/** `x-access-token:<token>` as HTTP basic credentials: accepted by GitHub, GitLab and Gitea. */
const basicAuth = (token: string) => Buffer.from(`x-access-token:${token}`).toString('base64');

function normalizeSubPath(path: string | undefined): string {
  const p = (path ?? '').replace(/^\.\/?/, '').replace(/\/+$/, '');
  if (p.split('/').some((seg) => seg === '..')) throw new DiagnosticsError([diagnostic(`git source path "${path}" must stay inside the repository`)]);
  return p;
}

/** Removes user info (user:password@) from a URL for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

function redactUrlsIn(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}

function firstLines(text: string, n = 4): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, n)
    .join('; ');
}

/** The gpg status of a failed verify-commit, in words. */
function signatureStatus(stderr: string): string {
  if (/\[GNUPG:\] BADSIG/.test(stderr)) return 'BAD signature (the commit was changed after signing)';
  if (/\[GNUPG:\] (NO_PUBKEY|ERRSIG)/.test(stderr)) return 'signed by a key that is not in the keyring';
  if (/\[GNUPG:\] (EXPKEYSIG|REVKEYSIG)/.test(stderr)) return 'signed by an expired or revoked key';
  if (!/\[GNUPG:\]/.test(stderr)) return 'the commit is not signed';
  return firstLines(stderr.replace(/\[GNUPG:\][^\n]*\n?/g, '')) || 'signature not accepted';
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function execFileResult(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; signal: AbortSignal }): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, opts, (err, _stdout, stderr) => {
      if (err && typeof (err as { code?: unknown }).code !== 'number') reject(err);
      else resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr: String(stderr) });
    });
  });
}

function execFileText(cmd: string, args: string[], env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, signal }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
}
