// Test child: reads current, says "ready", and on "go" from stdin puts the next version.
// Prints "ok <serial>" or "conflict <message>".
import { StateConflictError } from '../../engine/errors.ts';
import { LocalDirStore } from '../local-dir-store.ts';
import { digestOf, serializeState } from '../serialize.ts';
import { sampleVersion } from './sample-version.ts';

const store = new LocalDirStore(process.argv[2]);
const tag = process.argv[3];
const cur = await store.current();
const next = sampleVersion((cur?.serial ?? 0) + 1, cur ? digestOf(serializeState(cur)) : null, { author: tag });
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  try {
    const info = await store.put(next, { expectedSerial: cur?.serial ?? null });
    process.stdout.write(`ok ${info.serial}\n`);
  } catch (e) {
    if (!(e instanceof StateConflictError)) throw e;
    process.stdout.write(`conflict ${e.message}\n`);
  }
  process.exit(0);
});
