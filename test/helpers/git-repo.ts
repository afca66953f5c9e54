// Real git repositories for tests: a bare repository (the "remote") and a working clone to
// commit into. Commits can be GPG-signed with a throwaway key (see makeGpgKey).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ballast Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Ballast Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface GpgKey {
  readonly home: string;
  readonly fingerprint: string;
  /** armored public key export, for GitSource's verify.keyringFile */
  readonly keyringFile: string;
  dispose(): void;
}

/** A passphrase-less ed25519 signing key in its own GNUPGHOME. */
export function makeGpgKey(name = 'Ballast Signer'): GpgKey {
  const home = mkdtempSync(join(tmpdir(), 'ballast-gpg-test-'));
  const env = { ...process.env, GNUPGHOME: home };
  execFileSync('gpg', ['--batch', '--quiet', '--passphrase', '', '--quick-gen-key', `${name} <signer@example.invalid>`, 'ed25519', 'sign', 'never'], { env, stdio: 'pipe' });
  const listing = execFileSync('gpg', ['--batch', '--with-colons', '--list-secret-keys'], { env, encoding: 'utf8', stdio: 'pipe' });
  const fingerprint = listing
    .split('\n')
    .find((l) => l.startsWith('fpr:'))!
    .split(':')[9];
  const keyringFile = join(home, 'public.asc');
  writeFileSync(keyringFile, execFileSync('gpg', ['--batch', '--armor', '--export', fingerprint], { env, stdio: 'pipe' }));
  return {
    home,
    fingerprint,
    keyringFile,
    dispose() {
      try {
        execFileSync('gpgconf', ['--kill', 'all'], { env, stdio: 'ignore' });
      } catch {
        // no agent was running
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface TestRepo {
  /** the bare repository (what sources fetch from) */
  readonly bare: string;
  /** file:// URL of the bare repository */
  readonly url: string;
  /** the working clone commits are made in */
  readonly work: string;
  /** writes (string) or deletes (null) files, commits them on the current branch and pushes; returns the sha */
  commit(files: Record<string, string | null>, message: string, opts?: { sign?: GpgKey }): string;
  tag(name: string, opts?: { annotated?: boolean }): void;
  branch(name: string): void;
  dispose(): void;
}

/** A bare repository `<root>/<name>.git` (root: a new temp dir unless given) with a clone on `main`. */
export function makeRepo(opts: { root?: string; name?: string } = {}): TestRepo {
  const ownRoot = opts.root === undefined;
  const root = opts.root ?? mkdtempSync(join(tmpdir(), 'ballast-repo-'));
  const bare = join(root, `${opts.name ?? 'stacks'}.git`);
  const work = mkdtempSync(join(tmpdir(), 'ballast-work-'));
  mkdirSync(bare, { recursive: true });
  git(bare, ['init', '--quiet', '--bare', '--initial-branch=main']);
  git(work, ['init', '--quiet', '--initial-branch=main']);
  git(work, ['remote', 'add', 'origin', bare]);
  let branch = 'main';
  return {
    bare,
    url: `file://${bare}`,
    work,
    commit(files, message, o = {}) {
      for (const [path, content] of Object.entries(files)) {
        const file = join(work, path);
        if (content === null) {
          rmSync(file, { force: true });
        } else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
      git(work, ['add', '--all']);
      const sign = o.sign ? ['-c', `user.signingkey=${o.sign.fingerprint}`, 'commit', '-S'] : ['commit'];
      git(work, [...sign, '--quiet', '--allow-empty', '-m', message], o.sign ? { GNUPGHOME: o.sign.home } : {});
      git(work, ['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
      return git(work, ['rev-parse', 'HEAD']);
    },
    tag(name, o = {}) {
      git(work, o.annotated ? ['tag', '-a', '-m', name, name] : ['tag', name]);
      git(work, ['push', '--quiet', 'origin', `refs/tags/${name}`]);
    },
    branch(name) {
      git(work, ['checkout', '--quiet', '-B', name]);
      branch = name;
    },
    dispose() {
      rmSync(work, { recursive: true, force: true });
      if (ownRoot) rmSync(root, { recursive: true, force: true });
      else rmSync(bare, { recursive: true, force: true });
    },
  };
}
