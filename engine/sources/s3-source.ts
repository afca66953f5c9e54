// Stacks from a prefix of an S3 bucket. A snapshot is the latest version of every key under the
// prefix (a key whose latest version is a delete marker is absent); the revision is a digest of
// the sorted (key, versionId) list, and exactly those versions are downloaded, so an object
// overwritten after listing cannot leak into the snapshot. Snapshots are written to a temp dir
// and renamed into `workDir/<hex>`, reused for the same revision, and the last few are kept.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { GetObjectCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { DiagnosticsError, error as diagnostic } from '../diagnostics.ts';
import { SourceUnreachableError } from '../errors.ts';
import type { Artifact, Source } from './source.ts';

export interface S3SourceOptions {
  bucket: string;
  /** key prefix of the stacks, e.g. `stacks/` (empty: the whole bucket) */
  prefix: string;
  /** where snapshots are kept */
  workDir: string;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  /** how many snapshot directories to keep (the current one included); default 3 */
  keep?: number;
}

export interface S3SnapshotEntry {
  readonly key: string;
  readonly versionId: string;
  /** path below the prefix, always relative and inside the snapshot */
  readonly path: string;
}

export interface S3Snapshot {
  readonly revision: string;
  readonly entries: readonly S3SnapshotEntry[];
}

const DOWNLOAD_CONCURRENCY = 8;

export class S3Source implements Source {
  readonly description: string;
  private readonly s3: S3Client;

  constructor(private readonly options: S3SourceOptions) {
    this.description = `s3://${options.bucket}/${options.prefix}`;
    const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
    this.s3 = new S3Client({
      region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      // S3-compatible endpoints (moto, MinIO) rarely resolve bucket subdomains
      forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
    });
  }

  async fetch(signal: AbortSignal): Promise<Artifact> {
    return this.download(await this.listSnapshot(signal), signal);
  }

  /** Phase one: which object versions make up the latest snapshot. */
  async listSnapshot(signal: AbortSignal): Promise<S3Snapshot> {
    const latest = new Map<string, string | null>(); // key -> versionId, or null for a delete marker
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await this.call(
        () =>
          this.s3.send(new ListObjectVersionsCommand({ Bucket: this.options.bucket, Prefix: this.options.prefix, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }), { abortSignal: signal }),
        signal,
      );
      for (const v of page.Versions ?? []) if (v.IsLatest && v.Key && v.VersionId) latest.set(v.Key, v.VersionId);
      for (const d of page.DeleteMarkers ?? []) if (d.IsLatest && d.Key) latest.set(d.Key, null);
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
    const entries: S3SnapshotEntry[] = [];
    for (const [key, versionId] of latest) {
      if (versionId === null || key.endsWith('/')) continue; // deleted, or a console "folder" marker
      entries.push({ key, versionId, path: this.relativePath(key) });
    }
    if (entries.length === 0) {
      throw new DiagnosticsError([diagnostic(`no objects found under ${this.description}`, 'Upload the stacks there, or fix the bucket/prefix of the source.')]);
    }
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const hash = createHash('sha256');
    for (const e of entries) hash.update(`${e.key}\0${e.versionId}\n`);
    return { revision: `sha256:${hash.digest('hex')}`, entries };
  }

  /** Phase two: downloads exactly the listed versions into `workDir/<hex>` (reused if present). */
  async download(snapshot: S3Snapshot, signal: AbortSignal): Promise<Artifact> {
    const hex = snapshot.revision.slice('sha256:'.length);
    const dir = join(this.options.workDir, hex);
    const artifact: Artifact = { revision: snapshot.revision, digest: snapshot.revision, dir };
    if (await exists(dir)) {
      await this.prune(dir);
      return artifact;
    }
    await mkdir(this.options.workDir, { recursive: true });
    const temp = join(this.options.workDir, `.tmp-${hex.slice(0, 16)}-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(temp);
      let next = 0;
      const worker = async () => {
        while (next < snapshot.entries.length) {
          const e = snapshot.entries[next++];
          const res = await this.call(() => this.s3.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: e.key, VersionId: e.versionId }), { abortSignal: signal }), signal);
          const bytes = await res.Body!.transformToByteArray();
          const file = join(temp, e.path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, bytes);
        }
      };
      await Promise.all(Array.from({ length: Math.min(DOWNLOAD_CONCURRENCY, snapshot.entries.length) }, worker));
      try {
        await rename(temp, dir);
      } catch (e) {
        // another fetch finished the same snapshot first: use theirs
        if (!(await exists(dir))) throw e;
      }
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    await this.prune(dir);
    return artifact;
  }

  /** Keeps the newest `keep` snapshot directories (always including `current`). */
  private async prune(current: string): Promise<void> {
    const keep = Math.max(1, this.options.keep ?? 3);
    const names = (await readdir(this.options.workDir)).filter((n) => /^[0-9a-f]{64}$/.test(n));
    const dated = await Promise.all(names.map(async (n) => ({ path: join(this.options.workDir, n), mtime: (await stat(join(this.options.workDir, n))).mtimeMs })));
    const others = dated.filter((d) => d.path !== current).sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(keep - 1)) await rm(old.path, { recursive: true, force: true });
  }

  private relativePath(key: string): string {
    const rest = key.slice(this.options.prefix.length).replace(/^\/+/, '');
    const normal = posix.normalize(rest);
    if (rest === '' || normal.startsWith('../') || normal === '..' || posix.isAbsolute(normal) || normal !== rest) {
      throw new DiagnosticsError([diagnostic(`object key "${key}" in ${this.description} is not a plain relative file path`, 'Keys may not contain "..", "." or empty path segments.')]);
    }
    return rest;
  }

  /** Runs one S3 call; network and permission failures become SourceUnreachableError. */
  private async call<T>(op: () => Promise<T>, signal: AbortSignal): Promise<T> {
    try {
      return await op();
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      const err = e as { name?: string; message?: string; code?: string };
      throw new SourceUnreachableError(`cannot read ${this.description}: ${err.name ?? err.code ?? 'Error'}: ${err.message ?? String(e)}`, { cause: e });
    }
  }

  async close(): Promise<void> {
    this.s3.destroy();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
