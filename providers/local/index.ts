// hashicorp/local: files on the machine that runs Ballast.

import type { ProviderContext, ProviderFactory } from '../provider.ts';
import { SchemaProvider } from '../schema-provider.ts';
import { createLocalFile } from './local-file.ts';
import { createLocalSensitiveFile } from './local-sensitive-file.ts';
import { createLocalFileData } from './data-local-file.ts';
import { createLocalCommandData } from './data-local-command.ts';

export class LocalProvider extends SchemaProvider {
  constructor(ctx: ProviderContext) {
    super({
      name: 'local',
      resources: { local_file: createLocalFile(ctx), local_sensitive_file: createLocalSensitiveFile(ctx) },
      dataSources: {
        local_file: createLocalFileData(ctx, false),
        local_sensitive_file: createLocalFileData(ctx, true),
        local_command: createLocalCommandData(ctx),
      },
    });
  }
}

export const createLocalProvider: ProviderFactory = (ctx) => new LocalProvider(ctx);
