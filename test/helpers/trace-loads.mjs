// `node --import ./trace-loads.mjs`: appends every module URL the process loads (ESM and CommonJS
// through the ESM loader) to the file named by BALLAST_TRACE_LOADS, one per line. Used to check
// that a command loads only what it uses.
import { register } from 'node:module';

if (process.env.BALLAST_TRACE_LOADS) {
  register(new URL('./trace-loads-hook.mjs', import.meta.url), { data: { file: process.env.BALLAST_TRACE_LOADS } });
}
