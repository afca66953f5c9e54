// Small helpers shared by the S3 store's pieces: classifying S3 errors and reading bodies.

import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

interface S3ErrorShape {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

const status = (e: unknown): number | undefined => (e as S3ErrorShape)?.$metadata?.httpStatusCode;
const code = (e: unknown): string | undefined => (e as S3ErrorShape)?.Code ?? (e as S3ErrorShape)?.name;

/** A conditional write lost: If-Match/If-None-Match did not hold, or a concurrent conditional write won. */
export function isConditionFailed(e: unknown): boolean {
  return status(e) === 412 || status(e) === 409 || code(e) === 'PreconditionFailed' || code(e) === 'ConditionalRequestConflict';
}

export function isNotFound(e: unknown): boolean {
  return status(e) === 404 || code(e) === 'NoSuchKey' || code(e) === 'NotFound' || code(e) === 'NoSuchVersion';
}

export interface FetchedObject {
  readonly bytes: Buffer;
  readonly etag: string;
  readonly versionId?: string;
  readonly metadata: Record<string, string>;
}

/** GetObject (optionally one version); null when the object (or version) does not exist. */
export async function getObject(s3: S3Client, bucket: string, key: string, versionId?: string, signal?: AbortSignal): Promise<FetchedObject | null> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }), { abortSignal: signal });
    const bytes = Buffer.from(await res.Body!.transformToByteArray());
    return { bytes, etag: res.ETag ?? '', versionId: res.VersionId, metadata: res.Metadata ?? {} };
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
