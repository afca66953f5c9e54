// Chooses and opens the state store of one stack: --state-dir (local), S3 flags or environment,
// the stack's own `s3` backend, or the default local directory `.ballast/<stack>` next to the app.

import { join } from 'node:path';
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

/** The `terraform.backend` block of a synthesized stack, if it has one. */
export function backendOfStack(json: unknown): StackBackend | undefined {
  const backend = (json as { terraform?: { backend?: Record<string, Record<string, unknown>> } } | undefined)?.terraform?.backend;
  const type = backend && Object.keys(backend).find((k) => k !== '//');
  return type ? { type, config: backend![type] } : undefined;
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
  return new LocalDirStore(join(sel.appDir, '.ballast', stack), { stack });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
