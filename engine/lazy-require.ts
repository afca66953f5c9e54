// Libraries that only a few functions or renderers use load on first use, so a plan that never
// calls bcrypt() or shows a multi-line diff does not pay for them at start-up. Functions and
// renderers are synchronous, hence require (each of these packages has a CommonJS entry).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
