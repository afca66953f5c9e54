// data "local_file" and data "local_sensitive_file": read a file and report its content and hashes.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AttributeSchema, ProviderContext, ResourceSchema } from '../provider.ts';
import { fail, type DataSource } from '../schema-provider.ts';
import { DIGEST_ATTRIBUTES, fileDigests } from './file-digests.ts';

export function localFileDataSchema(sensitive: boolean): ResourceSchema {
  const attributes: Record<string, AttributeSchema> = {
    filename: { type: 'string', required: true, description: 'Path of the file; relative paths resolve against the stack directory.' },
    content: { type: 'string', computed: true, sensitive },
    content_base64: { type: 'string', computed: true, sensitive },
  };
  for (const name of DIGEST_ATTRIBUTES) attributes[name] = { type: 'string', computed: true };
  return { version: 0, block: { attributes } };
}

export function createLocalFileData(ctx: ProviderContext, sensitive: boolean): DataSource {
  const typeName = sensitive ? 'local_sensitive_file' : 'local_file';
  return {
    schema: localFileDataSchema(sensitive),
    async read(config) {
      const filename = config.filename as string;
      let bytes: Buffer;
      try {
        bytes = await readFile(resolve(ctx.workingDir, filename));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return fail(`Cannot read file "${filename}"`, `data "${typeName}" could not read the file${code ? ` (${code})` : ''}.`, 'filename');
      }
      return { filename, content: bytes.toString('utf8'), content_base64: bytes.toString('base64'), ...fileDigests(bytes) };
    },
  };
}
