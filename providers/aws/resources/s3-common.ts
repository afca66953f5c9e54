// Shared S3 helpers: bucket existence, emptying a bucket, region/zone facts.

import { DeleteObjectsCommand, GetBucketLocationCommand, HeadBucketCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { httpStatus, isAwsError } from '../errors.ts';

export const isNoSuchBucket = (e: unknown): boolean => isAwsError(e, 'NoSuchBucket', 'NotFound') || (httpStatus(e) === 404 && !isAwsError(e, 'NoSuchKey'));

export async function bucketExists(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (e) {
    if (isNoSuchBucket(e)) return false;
    throw e;
  }
}

export async function bucketRegion(s3: S3Client, bucket: string, fallback: string): Promise<string> {
  const r = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
  const c = r.LocationConstraint as string | undefined;
  if (!c) return 'us-east-1';
  if (c === 'EU') return 'eu-west-1';
  return c || fallback;
}

/** Deletes every object version and delete marker (optionally only of one key). */
export async function deleteAllVersions(s3: S3Client, bucket: string, onlyKey?: string): Promise<void> {
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionMarker, Prefix: onlyKey }));
    const all = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .filter((v) => v.Key !== undefined && (onlyKey === undefined || v.Key === onlyKey))
      .map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    for (let i = 0; i < all.length; i += 1000) {
      const r = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: all.slice(i, i + 1000), Quiet: true }, BypassGovernanceRetention: true }));
      const failed = r.Errors ?? [];
      if (failed.length > 0)
        throw Object.assign(new Error(`could not delete ${failed.length} object version(s), e.g. ${failed[0].Key}: ${failed[0].Code} ${failed[0].Message}`), {
          name: failed[0].Code ?? 'DeleteObjectsFailed',
        });
    }
    if (!page.IsTruncated) return;
    keyMarker = page.NextKeyMarker;
    versionMarker = page.NextVersionIdMarker;
  }
}

/** Route 53 hosted zone ids of the S3 website endpoints, per region. */
const HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z3AQBSTGFYJSTF',
  'us-east-2': 'Z2O1EMRO9K5GLX',
  'us-west-1': 'Z2F56UZL2M1ACD',
  'us-west-2': 'Z3BJ6K6RIION7M',
  'ca-central-1': 'Z1QDHH18159H29',
  'eu-west-1': 'Z1BKCTXD74EZPE',
  'eu-west-2': 'Z3GKZC51ZF0DB4',
  'eu-west-3': 'Z3R1K369G5AVDG',
  'eu-central-1': 'Z21DNDUVLTQW6Q',
  'eu-north-1': 'Z3BAZG2TWCNX0D',
  'eu-south-1': 'Z30OZKI7KPW7MI',
  'ap-south-1': 'Z11RGJOFQNVJUP',
  'ap-northeast-1': 'Z2M4EHUR26P7ZW',
  'ap-northeast-2': 'Z3W03O7B5YMIYP',
  'ap-northeast-3': 'Z2YQB5RD63NC85',
  'ap-southeast-1': 'Z3O0J2DXBE1FTB',
  'ap-southeast-2': 'Z1WCIGYICN2BYD',
  'sa-east-1': 'Z7KQH4QJS55SO',
  'af-south-1': 'Z83WF9RJE8B12',
  'me-south-1': 'Z1MPMWCPA7YB62',
};
export const hostedZoneId = (region: string): string | null => HOSTED_ZONES[region] ?? null;

/** Import ids of bucket sub-resources: "bucket" or "bucket,expected_bucket_owner". */
export function bucketAndOwner(id: string): { bucket: string; expected_bucket_owner: string | null } {
  const [bucket, owner] = id.split(',');
  return { bucket, expected_bucket_owner: owner || null };
}
export const bucketOwnerId = (bucket: string, owner: unknown): string => (typeof owner === 'string' && owner ? `${bucket},${owner}` : bucket);
export const ownerOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
