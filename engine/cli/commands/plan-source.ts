// `ballast plan --git URL --ref REF [--path P]`: the revision to preview, fetched into a
// temporary directory through the same GitSource the agent uses (credentials from
// BALLAST_GIT_TOKEN_FILE / BALLAST_GIT_SSH_KEY_FILE, never on the command line).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitSource } from '../../sources/git-source.ts';

export interface FetchedPreview {
  readonly dir: string;
  readonly revision: string;
  dispose(): Promise<void>;
}

export async function fetchGitPreview(url: string, ref: string, path: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<FetchedPreview> {
  const work = await mkdtemp(join(tmpdir(), 'ballast-plan-'));
  const tokenFile = env.BALLAST_GIT_TOKEN_FILE;
  const sshKeyFile = env.BALLAST_GIT_SSH_KEY_FILE;
  const source = new GitSource({ url, ref, path, workDir: work, auth: tokenFile || sshKeyFile ? { tokenFile, sshKeyFile } : undefined });
  try {
    const artifact = await source.fetch(new AbortController().signal);
    return { dir: artifact.dir, revision: artifact.revision, dispose: () => rm(work, { recursive: true, force: true }) };
  } catch (e) {
    await rm(work, { recursive: true, force: true });
    throw e;
  }
}
