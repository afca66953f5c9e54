// Chooses and opens the state store of one stack: --state-dir (local), S3 flags or environment,
// the stack's own `s3` backend, or the default local directory `.ballast/<stack>` next to the app.
// A stack whose backend is of another kind is refused rather than given an empty local store.

import { join } from 'node:path';
import { UserInputError } from '../engine/errors.ts';
import { LocalDirStore } from './local-dir-store.ts';
import { LazyStore } from './lazy-store.ts';
import { s3BackendFromTerraform, type S3BackendConfig } from './s3-backend-config.ts';
import type { StateStore } from './store.ts';

/** An S3 store; the AWS SDK is imported when the store is first used. */
function s3Store(config: S3BackendConfig): StateStore {
  return new LazyStore(`s3://${config.bucket}/${config.key}`, async () => new (await import('./s3-store.ts')).S3Store(config));
}

export interface StoreSelection {
  /** directory holding one sub-directory per stack */
  readonly stateDir?: string;
  /** overrides for an S3 store (flags or BALLAST_STATE_S3_* environment) */
  readonly s3?: Partial<S3BackendConfig> & { bucket?: string };
  /** the app directory (default local store: <appDir>/.ballast) */
  readonly appDir: string;
}

export interface StackBackend {
  readonly type: string;
  readonly config: Record<string, unknown>;
}

/** The `terraform.backend` block of a synthesized stack (or its `cloud` block, type "cloud"), if it has one. */
export function backendOfStack(json: unknown): StackBackend | undefined {
  const tf = (json as { terraform?: { backend?: Record<string, Record<string, unknown>>; cloud?: unknown } } | undefined)?.terraform;
  const backend = tf?.backend;
  const type = backend && Object.keys(backend).find((k) => k !== '//');
  if (type) return { type, config: backend![type] ?? {} };
  // HCP Terraform's `cloud` block says where the state is, as a backend does
  if (typeof tf?.cloud === 'object' && tf.cloud !== null) return { type: 'cloud', config: tf.cloud as Record<string, unknown> };
  return undefined;
}

export function s3OverridesFromEnv(env: NodeJS.ProcessEnv): StoreSelection['s3'] {
  if (!env.BALLAST_STATE_S3_BUCKET) return undefined;
  return {
    bucket: env.BALLAST_STATE_S3_BUCKET,
    key: env.BALLAST_STATE_S3_KEY,
    region: env.BALLAST_STATE_S3_REGION,
    endpoint: env.BALLAST_STATE_S3_ENDPOINT,
    usePathStyle: env.BALLAST_STATE_S3_PATH_STYLE === 'true' || undefined,
  };
}

export function openStateStore(stack: string, backend: StackBackend | undefined, sel: StoreSelection): StateStore {
  if (sel.stateDir) return new LocalDirStore(join(sel.stateDir, stack), { stack });
  if (sel.s3?.bucket) {
    const base = backend?.type === 's3' ? s3BackendFromTerraform(backend.config) : undefined;
    const key = sel.s3.key ? sel.s3.key.replace('{stack}', stack) : (base?.key ?? `${stack}/ballast.tfstate`);
    return s3Store({ ...base, ...definedOnly(sel.s3), bucket: sel.s3.bucket, key });
  }
  if (backend?.type === 's3') return s3Store(s3BackendFromTerraform(backend.config));
  // Any other backend holds the stack's state somewhere Ballast cannot reach: a local store in its
  // place would start empty and plan to create every object again
  if (backend && backend.type !== 'local') {
    const where = backend.type === 'cloud' ? 'HCP Terraform (a "cloud" block)' : `a "${backend.type}" backend`;
    throw new UserInputError(
      `stack "${stack}" keeps its state in ${where}, which Ballast cannot read or write. Ballast keeps state in a versioned S3 bucket (backend "s3", or --state-s3-bucket) or in a local directory (backend "local", the default, or --state-dir): change the backend, or choose a store with one of those flags.`,
    );
  }
  return new LocalDirStore(join(sel.appDir, '.ballast', stack), { stack });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
