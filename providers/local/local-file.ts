// local_file: a file with its content in plain view (`sensitive_content` is the deprecated
// sensitive way; local_sensitive_file is the current one). Default permissions 0777.

import type { ProviderContext } from '../provider.ts';
import type { ManagedResource } from '../schema-provider.ts';
import { fileResource, type LocalFileFlavor } from './file-resource.ts';

export const localFileFlavor: LocalFileFlavor = {
  typeName: 'local_file',
  contentArguments: ['content', 'sensitive_content', 'content_base64', 'source'],
  sensitive: false,
  defaultPermission: '0777',
};

export const createLocalFile = (ctx: ProviderContext): ManagedResource => fileResource(localFileFlavor, ctx);
