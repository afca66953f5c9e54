// Provider configuration (the `provider "aws"` block plus AWS_* environment variables) ->
// the settings every SDK client is built from. Precedence follows the Terraform AWS
// provider: explicit arguments, then environment, then shared files / the SDK chain.

import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';
import { blockItems } from '../schema-plan.ts';

/** Services this provider talks to; also the keys accepted in `endpoints`. */
export const SERVICES = ['s3', 'dynamodb', 'sqs', 'sns', 'iam', 'ssm', 'sts'] as const;
export type AwsService = (typeof SERVICES)[number];

export interface AwsSettings {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** explicit endpoint per service (from `endpoints`, else AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL) */
  readonly endpoints: Partial<Record<AwsService, string>>;
  readonly s3UsePathStyle: boolean;
  readonly maxAttempts: number;
  readonly defaultTags: Record<string, string>;
  readonly skipCredentialsValidation: boolean;
  readonly skipRequestingAccountId: boolean;
  /** values that must never appear in a message (secret key, session token) */
  readonly secrets: string[];
}

const str = (v: Value | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const bool = (v: Value | undefined): boolean => v === true || v === 'true';
const firstBlock = (v: Value | undefined): ValueObject | undefined => blockItems(v ?? null).find(isObject);

export const DEFAULT_MAX_RETRIES = 9;

export function resolveAwsSettings(config: ValueObject, env: NodeJS.ProcessEnv): { settings?: AwsSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const region = str(config.region) ?? str(env.AWS_REGION) ?? str(env.AWS_DEFAULT_REGION);
  if (!region) {
    diagnostics.push(error('Missing AWS region', 'Set "region" in the aws provider configuration or the AWS_REGION environment variable.', { attribute: 'region' }));
  } else if (!bool(config.skip_region_validation) && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    diagnostics.push(error(`Invalid AWS region "${region}"`, 'Use a region name such as "us-east-1", or set skip_region_validation = true.', { attribute: 'region' }));
  }

  const endpoints: Partial<Record<AwsService, string>> = {};
  const endpointBlocks = blockItems(config.endpoints ?? null).filter(isObject);
  for (const service of SERVICES) {
    const explicit = endpointBlocks.map((b) => str(b[service])).find((x) => x !== undefined);
    const fromEnv = str(env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`]) ?? str(env.AWS_ENDPOINT_URL);
    const url = explicit ?? fromEnv;
    if (url) endpoints[service] = url;
  }

  const accessKey = str(config.access_key);
  const secretKey = str(config.secret_key);
  const token = str(config.token);
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    diagnostics.push(error('Incomplete AWS credentials', 'Set both "access_key" and "secret_key", or neither.', { attribute: accessKey ? 'secret_key' : 'access_key' }));
  }
  const secrets = [secretKey, token, str(env.AWS_SECRET_ACCESS_KEY), str(env.AWS_SESSION_TOKEN)].filter((s): s is string => s !== undefined && s.length >= 4);

  const profile = str(config.profile) ?? str(env.AWS_PROFILE);
  const credentialsFile =
    blockItems(config.shared_credentials_files ?? null)
      .map(str)
      .find(Boolean) ?? str(env.AWS_SHARED_CREDENTIALS_FILE);
  const configFile =
    blockItems(config.shared_config_files ?? null)
      .map(str)
      .find(Boolean) ?? str(env.AWS_CONFIG_FILE);

  let base: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  if (accessKey && secretKey) base = { accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token };
  else if (str(env.AWS_ACCESS_KEY_ID) && str(env.AWS_SECRET_ACCESS_KEY) && !str(config.profile)) {
    base = { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY!, sessionToken: str(env.AWS_SESSION_TOKEN) };
  } else if (profile || credentialsFile || configFile) base = fromIni({ profile, filepath: credentialsFile, configFilepath: configFile });
  else base = fromNodeProviderChain();

  const assume = firstBlock(config.assume_role);
  let credentials = base;
  if (assume && str(assume.role_arn)) {
    credentials = fromTemporaryCredentials({
      masterCredentials: base,
      params: {
        RoleArn: str(assume.role_arn)!,
        RoleSessionName: str(assume.session_name) ?? `ballast-${Date.now()}`,
        ExternalId: str(assume.external_id),
      },
      clientConfig: { region, ...(endpoints.sts ? { endpoint: endpoints.sts } : {}) },
    });
  }

  const defaultTags: Record<string, string> = {};
  for (const b of blockItems(config.default_tags ?? null).filter(isObject)) {
    if (isObject(b.tags)) for (const [k, v] of Object.entries(b.tags)) if (typeof v === 'string') defaultTags[k] = v;
  }

  const maxRetries = typeof config.max_retries === 'number' ? config.max_retries : DEFAULT_MAX_RETRIES;
  if (diagnostics.length > 0) return { diagnostics };
  return {
    diagnostics,
    settings: {
      region: region!,
      credentials,
      endpoints,
      s3UsePathStyle: bool(config.s3_use_path_style) || bool(env.AWS_S3_USE_PATH_STYLE),
      maxAttempts: Math.max(1, maxRetries + 1),
      defaultTags,
      skipCredentialsValidation: bool(config.skip_credentials_validation),
      skipRequestingAccountId: bool(config.skip_requesting_account_id),
      secrets,
    },
  };
}

/** The AWS partition of a region, for ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

export function dnsSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}
