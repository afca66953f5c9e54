// Test child for the SIGKILL test: puts versions, stores config snapshots and appends journal
// entries from several workers as fast as it can, printing each acknowledged write
// ("v <serial>", "j <seq>") synchronously, until it is killed.
import { writeSync } from 'node:fs';
import { LocalDirStore } from '../local-dir-store.ts';
import { digestOf, serializeState } from '../serialize.ts';
import { sampleVersion } from './sample-version.ts';

const [dir, applyId] = process.argv.slice(2);
const store = new LocalDirStore(dir);
const journal = await store.openJournal(applyId);
const say = (s: string) => writeSync(1, s + '\n');
say('start');

let seq = 0;
async function journalWorker() {
  for (;;) {
    const n = seq++;
    await journal.append({ kind: 'done', address: `null_resource.r[${n}]`, operation: 'create', state: null, time: String(n) });
    say(`j ${n}`);
  }
}
async function putLoop() {
  for (;;) {
    const cur = await store.current();
    const serial = (cur?.serial ?? 0) + 1;
    const digest = await store.putConfig(Buffer.from(`config ${serial % 3}`));
    // bigger bodies widen the window in which a kill lands mid-write
    const outputs = Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`o${k}`, { value: `${serial}-${k}`, sensitive: false }]));
    await store.put(sampleVersion(serial, cur ? digestOf(serializeState(cur)) : null, { configDigest: digest, outputs }), { expectedSerial: cur?.serial ?? null });
    say(`v ${serial}`);
  }
}
await Promise.all([putLoop(), ...Array.from({ length: 4 }, journalWorker)]);
