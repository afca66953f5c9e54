// Loaded with `node --import` in the child that runs a cdktf app. Registers a resolve hook so
// bare imports the stack directory cannot satisfy (cdktf, cdktn, constructs, @cdktf/provider-*)
// fall back to Ballast's own node_modules. ESM ignores NODE_PATH, hence the hook; CommonJS
// `require` is covered by NODE_PATH, which the parent sets.
import { register } from 'node:module';

// Resolving "as if imported from this file" walks up to Ballast's node_modules.
register('./module-fallback-hook.mjs', import.meta.url, { data: { fallbackParentURL: import.meta.url } });
