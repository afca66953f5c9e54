// The S3 store's apply journal: objects `<key>.journal/<applyId>/<seq>.json`, each holding the
// entries of one flush. Appends that arrive while a write is in flight are batched into the
// next object, so a parallel apply costs one PutObject per flush rather than per entry; every
// append still resolves only once the object holding it is stored.

import { parseJson, stringifyJson } from '../engine/lang/json-numbers.ts';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { JournalEntry } from './journal.ts';
import { getObject, mapLimit } from './s3-objects.ts';
import type { Journal } from './store.ts';

export interface S3JournalPlace {
  readonly s3: S3Client;
  readonly bucket: string;
  /** `<key>.journal/` */
  readonly prefix: string;
  readonly sse: Record<string, string>;
}

const APPLY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function checkApplyId(applyId: string): void {
  if (!APPLY_ID.test(applyId)) throw new Error(`invalid apply id "${applyId}" (letters, digits, '.', '_', '-' only)`);
}

interface Waiting {
  readonly entry: JournalEntry;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

export class S3Journal implements Journal {
  private seq = 0;
  private waiting: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly place: S3JournalPlace,
    private readonly applyId: string,
  ) {
    checkApplyId(applyId);
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`journal ${this.applyId} is closed`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.flushing ??= this.flushAll();
    });
  }

  private async flushAll(): Promise<void> {
    // Let appends issued in the same tick join the first object.
    await Promise.resolve();
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.write(batch.map((w) => w.entry));
        for (const w of batch) w.resolve();
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    this.flushing = null;
  }

  private async write(entries: JournalEntry[]): Promise<void> {
    this.seq += 1;
    const key = `${this.place.prefix}${this.applyId}/${String(this.seq).padStart(8, '0')}.json`;
    await this.place.s3.send(
      new PutObjectCommand({
        Bucket: this.place.bucket,
        Key: key,
        Body: stringifyJson({ entries }) + '\n',
        ContentType: 'application/json',
        // a journal object is written once; never replace one (e.g. a reused apply id)
        IfNoneMatch: '*',
        ...this.place.sse,
      }),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
  }
}

async function listKeys(place: S3JournalPlace, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await place.s3.send(new ListObjectsV2Command({ Bucket: place.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

export async function pendingJournals(place: S3JournalPlace): Promise<{ applyId: string; entries: JournalEntry[] }[]> {
  const byApply = new Map<string, string[]>();
  for (const key of await listKeys(place, place.prefix)) {
    const rest = key.slice(place.prefix.length);
    const slash = rest.indexOf('/');
    if (slash <= 0 || !rest.endsWith('.json')) continue;
    const applyId = rest.slice(0, slash);
    byApply.set(applyId, [...(byApply.get(applyId) ?? []), key]);
  }
  const result: { applyId: string; entries: JournalEntry[] }[] = [];
  for (const [applyId, keys] of [...byApply].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    keys.sort(); // zero-padded sequence numbers sort in write order
    const chunks = await mapLimit(keys, 8, async (key) => {
      const got = await getObject(place.s3, place.bucket, key);
      if (!got) return []; // discarded meanwhile
      try {
        const parsed = parseJson(got.bytes.toString('utf8')) as { entries?: unknown };
        if (!Array.isArray(parsed.entries)) throw new Error('no entries list');
        return parsed.entries as JournalEntry[];
      } catch (e) {
        throw new Error(`journal object s3://${place.bucket}/${key} is corrupt: ${(e as Error).message}`);
      }
    });
    result.push({ applyId, entries: chunks.flat() });
  }
  return result;
}

export async function discardJournal(place: S3JournalPlace, applyId: string): Promise<void> {
  checkApplyId(applyId);
  const keys = await listKeys(place, `${place.prefix}${applyId}/`);
  for (let i = 0; i < keys.length; i += 1000) {
    const res = await place.s3.send(
      new DeleteObjectsCommand({
        Bucket: place.bucket,
        Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
      }),
    );
    if (res.Errors?.length) {
      const first = res.Errors[0];
      throw new Error(`could not discard journal ${applyId}: ${first.Key}: ${first.Code} ${first.Message ?? ''}`.trim());
    }
  }
}
