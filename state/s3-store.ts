// State in a versioned S3 bucket, the layout of Terraform's s3 backend plus history:
//   <key>                         one object; every state version is one S3 object version of it
//   <key>.lock                    the lock (s3-lock.ts)
//   <key>.configs/<hex>.json      content-addressed config snapshots
//   <key>.journal/<applyId>/...   apply journals (s3-journal.ts)
// A new version is written with a conditional PutObject (If-Match on the ETag of the version
// that was read, or If-None-Match: * for the first one), so of two racing writers exactly one
// wins and the other gets StateConflictError; nothing is ever overwritten or deleted.

import { DeleteObjectCommand, GetBucketVersioningCommand, HeadObjectCommand, ListObjectVersionsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { error as diagnostic, DiagnosticsError } from '../engine/diagnostics.ts';
import { StateConflictError } from '../engine/errors.ts';
import { configDigest, digestHex } from './config-digest.ts';
import type { JournalEntry } from './journal.ts';
import type { StateVersion, VersionInfo } from './model.ts';
import { sseParams, type S3BackendConfig } from './s3-backend-config.ts';
import { s3ClientFor } from './s3-client.ts';
import { discardJournal, pendingJournals, S3Journal, type S3JournalPlace } from './s3-journal.ts';
import { acquireLock, currentLock, forceUnlock, type S3LockPlace } from './s3-lock.ts';
import { getObject, isConditionFailed, isNotFound, mapLimit, type FetchedObject } from './s3-objects.ts';
import { CorruptStateError, UserInputError } from '../engine/errors.ts';
import { digestOf, parseState, serializeState, versionInfo } from './serialize.ts';
import { BrokenChainError, chainEntry, checkChain, type ChainEntry } from './chain.ts';
import { checkControlName, type Journal, type Lock, type LockInfo, type LockOptions, type PutOptions, type StateStore } from './store.ts';

export { s3BackendFromTerraform, type S3BackendConfig } from './s3-backend-config.ts';

/** Object metadata names (x-amz-meta-*): enough to list history without reading bodies. */
const META_SERIAL = 'ballast-serial';
const META_DIGEST = 'ballast-digest';
const META_INFO = 'ballast-info';
const META_LINEAGE = 'ballast-lineage';

/** How many version reads the chain check keeps in flight. */
const READ_CONCURRENCY = 32;

/** One S3 object version of the state key. */
interface ObjectVersionRef {
  readonly versionId: string;
  readonly etag: string;
}

interface VersionedEntry extends ChainEntry {
  readonly versionId: string;
}

export class S3Store implements StateStore {
  readonly description: string;
  private readonly s3: S3Client;
  private readonly sse: Record<string, string>;
  private opened: Promise<void> | null = null;
  /** chain facts per object version id: object versions are immutable, so entries never go stale */
  private readonly chainCache = new Map<string, VersionedEntry>();

  constructor(readonly config: S3BackendConfig) {
    this.description = `s3://${config.bucket}/${config.key}`;
    this.s3 = s3ClientFor(config);
    this.sse = sseParams(config) as Record<string, string>;
  }

  private get bucket(): string {
    return this.config.bucket;
  }

  private get key(): string {
    return this.config.key;
  }

  /** Checks once that the bucket keeps object versions; without them history would be lost. */
  private open(): Promise<void> {
    this.opened ??= this.checkVersioning().catch((e) => {
      this.opened = null;
      throw e;
    });
    return this.opened;
  }

  private async checkVersioning(): Promise<void> {
    const res = await this.s3.send(new GetBucketVersioningCommand({ Bucket: this.bucket }));
    if (res.Status !== 'Enabled') {
      const b = this.bucket;
      throw new DiagnosticsError([
        diagnostic(
          `state bucket "${b}" does not have versioning enabled; Ballast keeps every state version as an S3 object version. ` +
            `Enable it with: aws s3api put-bucket-versioning --bucket ${b} --versioning-configuration Status=Enabled`,
          `Versioning status of "${b}" is ${res.Status ?? 'never enabled'} (state ${this.description}).`,
        ),
      ]);
    }
  }

  /**
   * Object versions of the state key, newest first, skipping delete markers (a delete marker
   * hides nothing from Ballast: history is the versions). `latestIsDeleteMarker` reports one.
   */
  private async listObjectVersions(): Promise<{ versions: ObjectVersionRef[]; latestIsDeleteMarker: boolean }> {
    const versions: ObjectVersionRef[] = [];
    let latestIsDeleteMarker = false;
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (;;) {
      const page = await this.s3.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: this.key, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
      // The prefix also matches `<key>.lock`, `<key>.configs/...`; the exact key sorts first.
      let pastOurKey = false;
      for (const v of page.Versions ?? []) {
        if (v.Key !== this.key) pastOurKey = true;
        else if (v.VersionId && v.VersionId !== 'null') versions.push({ versionId: v.VersionId, etag: v.ETag ?? '' });
      }
      for (const d of page.DeleteMarkers ?? []) {
        if (d.Key !== this.key) pastOurKey = true;
        else if (d.IsLatest) latestIsDeleteMarker = true;
      }
      if (pastOurKey || !page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
    return { versions, latestIsDeleteMarker };
  }

  private async readVersion(versionId: string): Promise<{ state: StateVersion; digest: string }> {
    const got = await getObject(this.s3, this.bucket, this.key, versionId);
    if (!got) {
      throw new CorruptStateError(this.origin(versionId), 'the object version disappeared while reading (was it deleted outside Ballast?)');
    }
    return this.decode(got, versionId);
  }

  private origin(versionId: string | undefined): string {
    return `state version ${this.description} (S3 version ${versionId ?? 'latest'})`;
  }

  /** Parses a fetched state object, checking it against the digest recorded when it was written. */
  private decode(got: FetchedObject, versionId: string | undefined): { state: StateVersion; digest: string } {
    const origin = this.origin(versionId);
    const digest = digestOf(got.bytes);
    const recorded = got.metadata[META_DIGEST];
    if (recorded !== undefined && recorded !== digest) {
      throw new CorruptStateError(origin, `content digest ${digest} does not match the recorded ${recorded}`);
    }
    return { state: parseState(got.bytes, origin, digest), digest };
  }

  /** Every object version read and the digest chain checked; entries carry their S3 version id. */
  private async verifiedChain(): Promise<VersionedEntry[]> {
    const { versions } = await this.listObjectVersions();
    const entries = await mapLimit(versions, READ_CONCURRENCY, async (ref) => {
      const cached = this.chainCache.get(ref.versionId);
      if (cached) return cached;
      const read = await this.readVersion(ref.versionId);
      // an object version's bytes never change, so its chain facts are kept for the process
      const entry = { ...chainEntry(read.state, read.digest, `S3 version ${ref.versionId}`), versionId: ref.versionId };
      this.chainCache.set(ref.versionId, entry);
      return entry;
    });
    return checkChain(entries, this.description) as VersionedEntry[];
  }

  async verify(): Promise<ChainEntry[]> {
    await this.open();
    return this.verifiedChain();
  }

  async list(): Promise<VersionInfo[]> {
    await this.open();
    return (await this.verifiedChain()).map((e) => e.info);
  }

  async current(): Promise<StateVersion | null> {
    await this.open();
    const latest = await getObject(this.s3, this.bucket, this.key);
    // absent, or hidden by a delete marker: the newest real version is still the current one
    const chain = await this.verifiedChain();
    if (chain.length === 0) return null;
    if (latest) {
      const read = this.decode(latest, latest.versionId);
      this.vouchedFor(chain, read.state.serial, read.digest);
      return read.state;
    }
    const newest = chain[chain.length - 1];
    return this.readVouched(newest);
  }

  async get(serial: number): Promise<StateVersion | null> {
    await this.open();
    if (!Number.isInteger(serial) || serial < 1) return null;
    const chain = await this.verifiedChain();
    const entry = chain[serial - 1];
    return entry ? this.readVouched(entry) : null;
  }

  private async readVouched(entry: VersionedEntry): Promise<StateVersion> {
    const read = await this.readVersion(entry.versionId);
    this.vouchedFor([entry], read.state.serial, read.digest, 0);
    return read.state;
  }

  /** The version read is the one the chain check saw. */
  private vouchedFor(chain: readonly ChainEntry[], serial: number, digest: string, at = serial - 1): void {
    const entry = chain[at];
    if (!entry || entry.serial !== serial || entry.digest !== digest) {
      throw new BrokenChainError(this.description, serial, `the version read (digest ${digest}) is not the version ${serial} of the checked history (${entry ? entry.digest : 'none'})`);
    }
  }

  async put(next: StateVersion, opts: PutOptions): Promise<VersionInfo> {
    await this.open();
    const want = (opts.expectedSerial ?? 0) + 1;
    if (next.serial !== want) {
      throw new Error(`internal error: version to write has serial ${next.serial} but expected serial ${opts.expectedSerial} makes it ${want}`);
    }
    const head = await this.headVersion();
    const currentSerial = head?.serial ?? null;
    if (currentSerial !== opts.expectedSerial) {
      throw new StateConflictError(
        `state ${this.description} changed since it was read: expected serial ${opts.expectedSerial ?? 'none (empty state)'}, ` +
          `but the current serial is ${currentSerial ?? 'none (empty state)'}. Nothing was written; plan again against the current state.`,
      );
    }
    if (head && next.parentDigest !== head.digest) {
      throw new Error(`internal error: version ${next.serial} names parent ${next.parentDigest} but the current version ${head.serial} is ${head.digest}`);
    }
    if (head?.lineage !== undefined && head.lineage !== next.lineage) {
      throw new Error(`internal error: new state version has lineage ${next.lineage}, but ${this.description} holds lineage ${head.lineage}`);
    }

    const bytes = serializeState(next);
    const digest = digestOf(bytes);
    const info = versionInfo(next, digest);
    try {
      const res = await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key,
          Body: bytes,
          ContentType: 'application/json',
          Metadata: {
            [META_SERIAL]: String(next.serial),
            [META_DIGEST]: digest,
            [META_INFO]: encodeURIComponent(JSON.stringify(info)),
            [META_LINEAGE]: encodeURIComponent(next.lineage),
          },
          ...this.sse,
          ...(head ? { IfMatch: head.etag } : { IfNoneMatch: '*' }),
        }),
      );
      if (res.VersionId) {
        await this.confirmSuccessor(res.VersionId, head === null ? null : head.versionId, opts.expectedSerial);
        this.chainCache.set(res.VersionId, { ...chainEntry(next, digest, `S3 version ${res.VersionId}`), versionId: res.VersionId });
      }
    } catch (e) {
      if (e instanceof StateConflictError) throw e;
      // If-Match on an object deleted meanwhile answers 404 rather than 412.
      if (!isConditionFailed(e) && !(head && isNotFound(e))) throw e;
      // An SDK retry of a write that had in fact landed also fails its condition: that is ours.
      const now = await this.headVersion().catch(() => null);
      if (now?.digest === digest) return info;
      throw new StateConflictError(
        `another writer stored a new version of state ${this.description} at the same time (both expected serial ` +
          `${opts.expectedSerial ?? 'none'}); this one was not written. Plan again against the current state.`,
      );
    }
    return info;
  }

  /** The latest object version's serial, digest and ETag, from metadata (one HeadObject). */
  /**
   * The conditional write must have put our version directly after the head it was conditioned
   * on. S3 guarantees that; a store that does not enforce If-Match/If-None-Match atomically (some
   * S3-compatible servers, moto under concurrent requests) can let two racing writers both
   * succeed. The one whose version does not follow the expected head takes its version back, so
   * history keeps one version per serial and the loser plans again.
   */
  private async confirmSuccessor(mine: string, expectedPredecessor: string | null | undefined, expectedSerial: number | null): Promise<void> {
    // a head without a version id (or written before versioning was enabled) gives nothing to judge by
    if (expectedPredecessor === undefined || expectedPredecessor === 'null') return;
    const { versions } = await this.listObjectVersions();
    const at = versions.findIndex((v) => v.versionId === mine);
    if (at < 0) return; // not listed yet: nothing to judge by
    const predecessor = versions[at + 1]?.versionId ?? null;
    if (predecessor === expectedPredecessor) return;
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key, VersionId: mine }));
    throw new StateConflictError(
      `another writer stored a new version of state ${this.description} at the same time (both expected serial ` +
        `${expectedSerial ?? 'none'}); this one was taken back. Plan again against the current state.`,
    );
  }

  private async headVersion(): Promise<{ serial: number; digest: string; etag: string; versionId?: string; lineage?: string } | null> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key }));
      const etag = head.ETag ?? '';
      const versionId = head.VersionId;
      const meta = head.Metadata ?? {};
      const serial = Number(meta[META_SERIAL]);
      if (Number.isInteger(serial) && serial > 0 && meta[META_DIGEST]) {
        const lineage = meta[META_LINEAGE] !== undefined ? decodeURIComponent(meta[META_LINEAGE]) : undefined;
        return { serial, digest: meta[META_DIGEST], etag, versionId, lineage };
      }
      if (!head.VersionId) throw new UserInputError(`state object ${this.description} has no version id; is versioning enabled?`);
      const read = await this.readVersion(head.VersionId);
      return { serial: read.state.serial, digest: read.digest, etag, versionId, lineage: read.state.lineage };
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    const { versions, latestIsDeleteMarker } = await this.listObjectVersions();
    if (versions.length > 0 && latestIsDeleteMarker) {
      throw new StateConflictError(
        `the state object ${this.description} was deleted (its latest S3 version is a delete marker) but ${versions.length} ` +
          `earlier version(s) exist. Ballast never deletes state; restore it by deleting the delete marker ` +
          `(aws s3api delete-object --bucket ${this.bucket} --key ${this.key} --version-id <marker id>).`,
      );
    }
    return null;
  }

  lock(opts: LockOptions): Promise<Lock> {
    return this.open().then(() => acquireLock(this.lockPlace(), opts));
  }

  async currentLock(): Promise<LockInfo | null> {
    await this.open();
    return currentLock(this.lockPlace());
  }

  async forceUnlock(id: string): Promise<void> {
    await this.open();
    await forceUnlock(this.lockPlace(), id);
  }

  private lockPlace(): S3LockPlace {
    return { s3: this.s3, bucket: this.bucket, key: `${this.key}.lock`, where: this.description, sse: this.sse };
  }

  async putConfig(bytes: Buffer): Promise<string> {
    await this.open();
    const digest = configDigest(bytes);
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.configKey(digest),
          Body: bytes,
          ContentType: 'application/json',
          IfNoneMatch: '*',
          ...this.sse,
        }),
      );
    } catch (e) {
      // the same content is already stored under its digest
      if (!isConditionFailed(e)) throw e;
    }
    return digest;
  }

  async getConfig(digest: string): Promise<Buffer | null> {
    await this.open();
    const key = this.configKey(digest);
    const got = await getObject(this.s3, this.bucket, key);
    if (!got) return null;
    const actual = configDigest(got.bytes);
    if (actual !== digest) throw new CorruptStateError(`config snapshot s3://${this.bucket}/${key}`, `its content digest is ${actual}`);
    return got.bytes;
  }

  async getControl(name: string): Promise<Buffer | null> {
    await this.open();
    return (await getObject(this.s3, this.bucket, this.controlKey(name)))?.bytes ?? null;
  }

  async putControl(name: string, bytes: Buffer | null): Promise<void> {
    await this.open();
    const Key = this.controlKey(name);
    if (bytes === null) await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    else await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: bytes, ContentType: 'application/json', ...this.sse }));
  }

  private controlKey(name: string): string {
    return `${this.key}.control/${checkControlName(name)}.json`;
  }

  private configKey(digest: string): string {
    return `${this.key}.configs/${digestHex(digest)}.json`;
  }

  private journalPlace(): S3JournalPlace {
    return { s3: this.s3, bucket: this.bucket, prefix: `${this.key}.journal/`, sse: this.sse };
  }

  async openJournal(applyId: string): Promise<Journal> {
    await this.open();
    return new S3Journal(this.journalPlace(), applyId);
  }

  async pendingJournals(): Promise<{ applyId: string; entries: JournalEntry[] }[]> {
    await this.open();
    return pendingJournals(this.journalPlace());
  }

  async discardJournal(applyId: string): Promise<void> {
    await this.open();
    await discardJournal(this.journalPlace(), applyId);
  }

  async close(): Promise<void> {
    this.s3.destroy();
  }
}
