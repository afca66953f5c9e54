// What local_file and local_sensitive_file share: a file on the machine running Ballast,
// written from content, base64 content or a source file. Every argument forces replacement
// (hashicorp/local 2.x); the two differ only in sensitivity and default permissions.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AttributeSchema, ProviderContext, ResourceSchema } from '../provider.ts';
import { fail, type ManagedResource } from '../schema-provider.ts';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import type { ValueObject } from '../../engine/lang/value.ts';
import { DIGEST_ATTRIBUTES, fileDigests } from './file-digests.ts';

type ContentArgument = 'content' | 'sensitive_content' | 'content_base64' | 'source';

export interface LocalFileFlavor {
  readonly typeName: 'local_file' | 'local_sensitive_file';
  /** the arguments that can supply the content; exactly one must be set */
  readonly contentArguments: readonly ContentArgument[];
  /** every content argument is sensitive in local_sensitive_file */
  readonly sensitive: boolean;
  readonly defaultPermission: string;
}

export function localFileSchema(flavor: LocalFileFlavor): ResourceSchema {
  const contentAttr = (name: ContentArgument): AttributeSchema => ({
    type: 'string',
    optional: true,
    forceNew: true,
    sensitive: name === 'sensitive_content' || (flavor.sensitive && name !== 'source'),
  });
  const attributes: Record<string, AttributeSchema> = {
    filename: { type: 'string', required: true, forceNew: true, description: 'Path of the file; relative paths resolve against the stack directory.' },
  };
  for (const name of flavor.contentArguments) attributes[name] = contentAttr(name);
  attributes.file_permission = { type: 'string', optional: true, computed: true, forceNew: true, default: flavor.defaultPermission };
  attributes.directory_permission = { type: 'string', optional: true, computed: true, forceNew: true, default: flavor.defaultPermission };
  for (const name of DIGEST_ATTRIBUTES) attributes[name] = { type: 'string', computed: true };
  return { version: 0, block: { attributes } };
}

const permissionPattern = /^0?[0-7]{3}$/;

export function validateLocalFile(flavor: LocalFileFlavor, config: ValueObject): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const set = flavor.contentArguments.filter((n) => config[n] !== null && config[n] !== undefined);
  if (set.length !== 1) {
    const names = flavor.contentArguments.map((n) => `"${n}"`).join(', ');
    ds.push(
      error(
        set.length === 0 ? 'Missing file content' : 'Conflicting file content',
        `${flavor.typeName} needs exactly one of ${names}${set.length ? `, but sets ${set.map((n) => `"${n}"`).join(' and ')}` : ''}.`,
        { attribute: set[1] ?? flavor.contentArguments[0] },
      ),
    );
  }
  const b64 = config.content_base64;
  if (typeof b64 === 'string' && !/^[A-Za-z0-9+/]*={0,2}$/.test(b64.replace(/\s/g, ''))) {
    ds.push(error('Invalid content_base64', 'content_base64 must be standard base64 text.', { attribute: 'content_base64' }));
  }
  for (const name of ['file_permission', 'directory_permission']) {
    const v = config[name];
    if (typeof v === 'string' && !permissionPattern.test(v)) {
      ds.push(error(`Invalid ${name}`, `${name} must be an octal mode such as "0644" (3 or 4 digits, at most 0777).`, { attribute: name }));
    }
  }
  return ds;
}

export function fileResource(flavor: LocalFileFlavor, ctx: ProviderContext): ManagedResource {
  const schema = localFileSchema(flavor);
  const pathOf = (state: ValueObject) => resolve(ctx.workingDir, state.filename as string);

  async function contentBytes(planned: ValueObject): Promise<Buffer> {
    if (typeof planned.content === 'string') return Buffer.from(planned.content, 'utf8');
    if (typeof planned.sensitive_content === 'string') return Buffer.from(planned.sensitive_content, 'utf8');
    if (typeof planned.content_base64 === 'string') return Buffer.from(planned.content_base64, 'base64');
    if (typeof planned.source === 'string') return readFile(resolve(ctx.workingDir, planned.source));
    return fail('Missing file content', `${flavor.typeName} needs one of ${flavor.contentArguments.join(', ')}.`);
  }

  return {
    schema,
    validate: (config) => validateLocalFile(flavor, config),

    async create(planned) {
      const bytes = await contentBytes(planned);
      const path = pathOf(planned);
      await mkdir(dirname(path), { recursive: true, mode: parseInt(planned.directory_permission as string, 8) });
      await writeFile(path, bytes, { mode: parseInt(planned.file_permission as string, 8) });
      return { ...planned, ...fileDigests(bytes) };
    },

    async read(state) {
      let bytes: Buffer;
      try {
        bytes = await readFile(pathOf(state));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      const digests = fileDigests(bytes);
      if (digests.id === state.id) return state;
      // Changed out of band: report what is there now, so the plan shows the content
      // differing from config and replaces the file. A copied source cannot show that, so
      // the file then counts as gone and is created again.
      for (const name of ['content', 'sensitive_content'] as const) {
        if (typeof state[name] === 'string') return { ...state, [name]: bytes.toString('utf8'), ...digests };
      }
      if (typeof state.content_base64 === 'string') return { ...state, content_base64: bytes.toString('base64'), ...digests };
      return null;
    },

    async delete(state) {
      await rm(pathOf(state), { force: true });
    },
  };
}
