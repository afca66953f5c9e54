// Worker entry: Node 20 does not pass the test process's TypeScript loader to workers, so the
// worker registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./validate-fuzz-worker.ts');
