import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { DiagnosticsError } from '../diagnostics.ts';
import { SourceUnreachableError } from '../errors.ts';
import { GitSource, SignatureError, type GitSourceOptions } from './git-source.ts';
import { freeLoopbackPort, startGitDaemon, type GitDaemon } from '../../test/helpers/git-daemon.ts';
import { makeGpgKey, makeRepo, type GpgKey, type TestRepo } from '../../test/helpers/git-repo.ts';

const signal = () => new AbortController().signal;
const cleanup: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

function workDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ballast-gitsrc-'));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

function repo(opts?: Parameters<typeof makeRepo>[0]): TestRepo {
  const r = makeRepo(opts);
  cleanup.push(() => r.dispose());
  return r;
}

const source = (o: Partial<GitSourceOptions> & Pick<GitSourceOptions, 'url'>) => new GitSource({ ref: 'main', workDir: workDir(), ...o });

describe('GitSource over file://', () => {
  test('branch: revision, files, author and message; a new commit gives a new revision', async () => {
    const r = repo();
    const sha1 = r.commit({ 'stacks/app/main.ts': 'one', 'README.md': 'hi' }, 'first commit');
    const src = source({ url: r.url, path: 'stacks' });
    const a1 = await src.fetch(signal());
    assert.equal(a1.revision, `main@sha1:${sha1}`);
    assert.equal(readFileSync(join(a1.dir, 'app/main.ts'), 'utf8'), 'one');
    assert.equal(a1.author, 'Ballast Test <test@example.invalid>');
    assert.equal(a1.message, 'first commit');
    assert.match(a1.digest, /^git-tree:[0-9a-f]{40}$/);

    const sha2 = r.commit({ 'stacks/app/main.ts': 'two' }, 'second');
    const a2 = await src.fetch(signal());
    assert.equal(a2.revision, `main@sha1:${sha2}`);
    assert.notEqual(a2.digest, a1.digest);
    assert.equal(readFileSync(join(a2.dir, 'app/main.ts'), 'utf8'), 'two');
  });

  test('a commit outside the sub-path changes the revision but not the digest', async () => {
    const r = repo();
    r.commit({ 'stacks/app/main.ts': 'one' }, 'first');
    const src = source({ url: r.url, path: 'stacks' });
    const a1 = await src.fetch(signal());
    r.commit({ 'docs/notes.md': 'unrelated' }, 'docs only');
    const a2 = await src.fetch(signal());
    assert.notEqual(a2.revision, a1.revision);
    assert.equal(a2.digest, a1.digest);
  });

  test('tag and exact sha', async () => {
    const r = repo();
    const old = r.commit({ 'stacks/a.txt': 'v1' }, 'v1');
    r.tag('v1.0', { annotated: true });
    r.commit({ 'stacks/a.txt': 'v2' }, 'v2');

    const byTag = await source({ url: r.url, ref: 'v1.0', path: 'stacks' }).fetch(signal());
    assert.equal(byTag.revision, `v1.0@sha1:${old}`);
    assert.equal(readFileSync(join(byTag.dir, 'a.txt'), 'utf8'), 'v1');

    const bySha = await source({ url: r.url, ref: old, path: 'stacks' }).fetch(signal());
    assert.equal(bySha.revision, `${old}@sha1:${old}`);
    assert.equal(readFileSync(join(bySha.dir, 'a.txt'), 'utf8'), 'v1');
    assert.equal(bySha.digest, byTag.digest);
  });

  test('the working copy is reused between fetches and local edits are wiped', async () => {
    const r = repo();
    r.commit({ 'stacks/a.txt': 'v1' }, 'v1');
    const dir = workDir();
    const src = new GitSource({ url: r.url, ref: 'main', path: 'stacks', workDir: dir });
    const a1 = await src.fetch(signal());
    const inode = statSync(join(dir, 'checkout', '.git')).ino;
    writeFileSync(join(a1.dir, 'a.txt'), 'tampered');
    writeFileSync(join(a1.dir, 'stray.txt'), 'left over');
    r.commit({ 'stacks/b.txt': 'b' }, 'add b');
    const a2 = await new GitSource({ url: r.url, ref: 'main', path: 'stacks', workDir: dir }).fetch(signal());
    assert.equal(statSync(join(dir, 'checkout', '.git')).ino, inode);
    assert.equal(readFileSync(join(a2.dir, 'a.txt'), 'utf8'), 'v1');
    assert.equal(existsSync(join(a2.dir, 'stray.txt')), false);
    assert.equal(readFileSync(join(a2.dir, 'b.txt'), 'utf8'), 'b');
  });

  test('a missing sub-path or ref is a diagnostic naming it', async () => {
    const r = repo();
    const sha = r.commit({ 'stacks/a.txt': 'v1' }, 'v1');
    await assert.rejects(source({ url: r.url, path: 'nope/here' }).fetch(signal()), (e: unknown) => {
      assert.ok(e instanceof DiagnosticsError);
      assert.ok(e.message.includes(`path "nope/here" does not exist`) && e.message.includes(`main@sha1:${sha}`), e.message);
      return true;
    });
    await assert.rejects(source({ url: r.url, ref: 'no-such-branch' }).fetch(signal()), /no branch or tag named "no-such-branch"/);
  });
});

describe('GitSource over git:// (git daemon on 127.0.0.1)', () => {
  let daemon: GitDaemon;
  before(async () => {
    daemon = await startGitDaemon();
  });
  after(async () => {
    await daemon?.stop();
  });

  test('branch, exact sha and a new commit', async () => {
    const r = repo({ root: daemon.basePath, name: 'infra' });
    const first = r.commit({ 'stacks/a.txt': 'v1' }, 'v1');
    const src = source({ url: daemon.url('infra.git'), path: 'stacks' });
    assert.equal((await src.fetch(signal())).revision, `main@sha1:${first}`);
    const second = r.commit({ 'stacks/a.txt': 'v2' }, 'v2');
    const a2 = await src.fetch(signal());
    assert.equal(a2.revision, `main@sha1:${second}`);
    assert.equal(readFileSync(join(a2.dir, 'a.txt'), 'utf8'), 'v2');
    const pinned = await source({ url: daemon.url('infra.git'), ref: first, path: 'stacks' }).fetch(signal());
    assert.equal(readFileSync(join(pinned.dir, 'a.txt'), 'utf8'), 'v1');
  });
});

describe('GitSource failures', () => {
  test('an unreachable repository is a SourceUnreachableError naming the URL', async () => {
    const port = await freeLoopbackPort();
    const url = `git://127.0.0.1:${port}/nothing.git`;
    await assert.rejects(source({ url }).fetch(signal()), (e: unknown) => {
      assert.ok(e instanceof SourceUnreachableError);
      assert.ok(e.message.includes(url), e.message);
      return true;
    });
  });

  test('credentials never appear in errors: token file and URL user info', async () => {
    const port = await freeLoopbackPort();
    const dir = workDir();
    const token = 'ghp_SuperSecretToken1234567890';
    writeFileSync(join(dir, 'token'), token + '\n');
    const url = `https://deploy:hunter2pass@127.0.0.1:${port}/org/stacks.git`;
    const src = new GitSource({ url, ref: 'main', workDir: join(dir, 'w'), auth: { tokenFile: join(dir, 'token') } });
    assert.ok(!src.description.includes('hunter2pass'));
    await assert.rejects(src.fetch(signal()), (e: unknown) => {
      assert.ok(e instanceof SourceUnreachableError);
      const text = `${e.message}\n${e.stack ?? ''}`;
      assert.ok(!text.includes(token), text);
      assert.ok(!text.includes(Buffer.from(`x-access-token:${token}`).toString('base64')), text);
      assert.ok(!text.includes('hunter2pass'), text);
      assert.ok(text.includes(`127.0.0.1:${port}/org/stacks.git`), text);
      return true;
    });
    // and nothing was written into the repository's config
    const config = readFileSync(join(dir, 'w', 'checkout', '.git', 'config'), 'utf8');
    assert.ok(!config.includes(token) && !config.includes('hunter2pass') && !config.includes('extraHeader'), config);
  });

  test('an abort kills the git child and rejects', async () => {
    // a server that accepts connections and never answers: git would wait forever
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const ctl = new AbortController();
      const fetching = source({ url: `git://127.0.0.1:${port}/hang.git` }).fetch(ctl.signal);
      setTimeout(() => ctl.abort(new Error('stopped by test')), 300);
      await assert.rejects(fetching, /stopped by test|abort/i);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });
});

const gpgAvailable = (() => {
  try {
    execFileSync('gpg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('GitSource signature verification', { skip: !gpgAvailable && 'gpg is not installed' }, () => {
  let trusted: GpgKey;
  let stranger: GpgKey;
  before(() => {
    trusted = makeGpgKey('Trusted Signer');
    stranger = makeGpgKey('Stranger');
  });
  after(() => {
    trusted?.dispose();
    stranger?.dispose();
  });

  test('a signed head is accepted; unsigned or foreign-signed heads are refused', async () => {
    const r = repo();
    const signed = r.commit({ 'stacks/a.txt': 'v1' }, 'signed', { sign: trusted });
    const src = source({ url: r.url, path: 'stacks', verify: { keyringFile: trusted.keyringFile } });
    assert.equal((await src.fetch(signal())).revision, `main@sha1:${signed}`);

    const unsigned = r.commit({ 'stacks/a.txt': 'v2' }, 'unsigned');
    await assert.rejects(src.fetch(signal()), (e: unknown) => {
      assert.ok(e instanceof SignatureError, String(e));
      assert.equal(e.revision, `main@sha1:${unsigned}`);
      assert.match(e.status, /not signed/);
      return true;
    });

    const foreign = r.commit({ 'stacks/a.txt': 'v3' }, 'foreign', { sign: stranger });
    await assert.rejects(src.fetch(signal()), (e: unknown) => {
      assert.ok(e instanceof SignatureError, String(e));
      assert.equal(e.revision, `main@sha1:${foreign}`);
      assert.match(e.status, /not in the keyring/);
      return true;
    });
  });
});

describe('GitSource hardening (issue 7 item 12)', () => {
  test('remote-helper transports and unknown protocols are refused before git runs', async () => {
    for (const url of ['fd::17', 'ext::sh -c touch% /tmp/pwned', 'ftp://127.0.0.1/x.git', 'FILE::/tmp/x']) {
      const dir = workDir();
      await assert.rejects(new GitSource({ url, ref: 'main', workDir: dir }).fetch(signal()), (e: unknown) => {
        assert.ok(e instanceof DiagnosticsError, String(e));
        assert.match(e.diagnostics[0]!.summary, /transport|protocol/);
        assert.match(e.diagnostics[0]!.summary, /only file, git, http, https, ssh are allowed/);
        return true;
      });
      assert.equal(existsSync(join(dir, 'checkout')), false, 'no git command ran');
    }
  });

  test('a fetch from a server that never answers times out as unreachable', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      await assert.rejects(source({ url: `git://127.0.0.1:${port}/hang.git`, timeoutMs: 400 }).fetch(signal()), (e: unknown) => {
        assert.ok(e instanceof SourceUnreachableError, String(e));
        assert.match(e.message, /took longer than 0\.4s/);
        return true;
      });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
  });

  test('committed symlinks pointing outside the checkout are refused; links inside are fine', async () => {
    const r = repo();
    r.commit({ 'stacks/app/real.txt': 'x' }, 'first');
    execFileSync('ln', ['-s', 'real.txt', join(r.work, 'stacks/app/inside.txt')]);
    execFileSync('ln', ['-s', '../app/real.txt', join(r.work, 'stacks/app/sibling.txt')]);
    r.commit({}, 'inside links');
    const src = source({ url: r.url, path: 'stacks' });
    const ok = await src.fetch(signal());
    assert.equal(readFileSync(join(ok.dir, 'app/sibling.txt'), 'utf8'), 'x');

    execFileSync('ln', ['-s', '/etc/passwd', join(r.work, 'stacks/app/abs.txt')]);
    execFileSync('ln', ['-s', '../../../outside', join(r.work, 'stacks/app/up.txt')]);
    r.commit({}, 'outward links');
    await assert.rejects(src.fetch(signal()), (e: unknown) => {
      assert.ok(e instanceof DiagnosticsError, String(e));
      const text = e.diagnostics[0]!.summary;
      assert.match(text, /symlinks pointing outside the checkout/);
      assert.match(text, /stacks\/app\/abs\.txt -> \/etc\/passwd/);
      assert.match(text, /stacks\/app\/up\.txt -> \.\.\/\.\.\/\.\.\/outside/);
      return true;
    });
  });
});
