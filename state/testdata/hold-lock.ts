// Test child: takes the store's lock, prints it, and holds it until stdin closes.
import { LocalDirStore } from '../local-dir-store.ts';

const store = new LocalDirStore(process.argv[2]);
const lock = await store.lock({ operation: 'apply' });
process.stdout.write(`locked ${JSON.stringify(lock.info)}\n`);
process.stdin.resume();
process.stdin.on('end', () => void lock.release().then(() => process.exit(0)));
