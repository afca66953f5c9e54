// The S3 client of a state store, built from its backend settings (loads the AWS SDK).

import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import { customEndpoint, type S3BackendConfig } from './s3-backend-config.ts';

/**
 * The S3 client for a backend. The SDK itself honours AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3
 * when no endpoint is configured. Path-style addressing defaults to on for custom endpoints,
 * because S3-compatible servers (moto, MinIO) rarely resolve bucket subdomains.
 */
export function s3ClientFor(config: Pick<S3BackendConfig, 'region' | 'endpoint' | 'usePathStyle' | 'profile' | 'accessKey' | 'secretKey'>): S3Client {
  const options: S3ClientConfig = {
    region: config.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    forcePathStyle: config.usePathStyle ?? customEndpoint(config) !== undefined,
  };
  if (config.endpoint) options.endpoint = config.endpoint;
  if (config.accessKey && config.secretKey) {
    options.credentials = { accessKeyId: config.accessKey, secretAccessKey: config.secretKey };
  } else if (config.profile) {
    options.credentials = fromIni({ profile: config.profile });
  }
  return new S3Client(options);
}
