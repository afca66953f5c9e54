// local_sensitive_file: like local_file, but the content is sensitive and the default
// permissions are 0700.

import type { ProviderContext } from '../provider.ts';
import type { ManagedResource } from '../schema-provider.ts';
import { fileResource, type LocalFileFlavor } from './file-resource.ts';

export const localSensitiveFileFlavor: LocalFileFlavor = {
  typeName: 'local_sensitive_file',
  contentArguments: ['content', 'content_base64', 'source'],
  sensitive: true,
  defaultPermission: '0700',
};

export const createLocalSensitiveFile = (ctx: ProviderContext): ManagedResource => fileResource(localSensitiveFileFlavor, ctx);
