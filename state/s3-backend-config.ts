// Where an S3 state store lives and how to reach it: the settings of Terraform's `s3` backend
// (as cdktf's S3Backend synthesizes them). The client built from them is in s3-client.ts, so
// reading the settings does not load the AWS SDK.

import { UserInputError } from '../engine/errors.ts';

export interface S3BackendConfig {
  bucket: string;
  key: string;
  region?: string;
  endpoint?: string;
  usePathStyle?: boolean;
  useLockfile?: boolean;
  encrypt?: boolean;
  kmsKeyId?: string;
  profile?: string;
  accessKey?: string;
  secretKey?: string;
}

/**
 * Reads the `terraform.backend.s3` block of a synthesized stack. Unknown settings are ignored;
 * a missing or mistyped bucket/key throws naming the setting (the caller turns it into a diagnostic).
 */
export function s3BackendFromTerraform(backend: Record<string, unknown>): S3BackendConfig {
  const str = (name: string): string | undefined => {
    const v = backend[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new UserInputError(`s3 backend setting "${name}" must be a string`);
    return v;
  };
  const bool = (name: string): boolean | undefined => {
    const v = backend[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    throw new UserInputError(`s3 backend setting "${name}" must be a boolean`);
  };
  const bucket = str('bucket');
  const key = str('key');
  if (!bucket) throw new UserInputError('s3 backend setting "bucket" is required');
  if (!key) throw new UserInputError('s3 backend setting "key" is required');

  // Terraform >= 1.6 nests endpoints (`endpoints.s3`); the older flat `endpoint` still works.
  const endpoints = backend.endpoints;
  let endpoint = str('endpoint');
  if (endpoints !== undefined && endpoints !== null) {
    if (typeof endpoints !== 'object' || Array.isArray(endpoints)) throw new UserInputError('s3 backend setting "endpoints" must be an object');
    const s3 = (endpoints as Record<string, unknown>).s3;
    if (s3 !== undefined && typeof s3 !== 'string') throw new UserInputError('s3 backend setting "endpoints.s3" must be a string');
    endpoint = (s3 as string | undefined) ?? endpoint;
  }

  const config: S3BackendConfig = { bucket, key };
  const set = <K extends keyof S3BackendConfig>(k: K, v: S3BackendConfig[K] | undefined) => {
    if (v !== undefined) config[k] = v;
  };
  set('region', str('region'));
  set('endpoint', endpoint);
  set('usePathStyle', bool('use_path_style') ?? bool('force_path_style'));
  set('useLockfile', bool('use_lockfile'));
  set('encrypt', bool('encrypt'));
  set('kmsKeyId', str('kms_key_id'));
  set('profile', str('profile'));
  set('accessKey', str('access_key'));
  set('secretKey', str('secret_key'));
  return config;
}

/** True when an endpoint other than AWS's own is in use (explicitly or via AWS_ENDPOINT_URL[_S3]). */
export function customEndpoint(config: { endpoint?: string }): string | undefined {
  return config.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
}

/** Server-side encryption parameters for every PutObject of a store. */
export function sseParams(config: Pick<S3BackendConfig, 'encrypt' | 'kmsKeyId'>): {
  ServerSideEncryption?: 'AES256' | 'aws:kms';
  SSEKMSKeyId?: string;
} {
  if (config.kmsKeyId) return { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: config.kmsKeyId };
  if (config.encrypt) return { ServerSideEncryption: 'AES256' };
  return {};
}
