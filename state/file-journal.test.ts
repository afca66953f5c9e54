import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJournal, readJournalFile } from './file-journal.ts';
import { CorruptStateError } from '../engine/errors.ts';
import type { JournalEntry } from './journal.ts';

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-journal-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const entry = (worker: number, i: number): JournalEntry => ({
  kind: 'done',
  address: `null_resource.w${worker}[${i}]`,
  operation: 'create',
  state: null,
  time: `${worker}:${i}`,
});

test('group commit: 10,000 appends from 10 concurrent workers, all durable, far fewer syncs', { timeout: 120_000 }, () =>
  withDir(async (dir) => {
    const path = join(dir, 'apply.jsonl');
    const journal = await FileJournal.open(path);
    const workers = 10;
    const perWorker = 1000;
    const seenOnDisk: boolean[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        for (let i = 0; i < perWorker; i++) {
          await journal.append(entry(w, i));
          // once append resolved, the line must already be in the file
          if (i % 250 === 0) seenOnDisk.push((await readFile(path, 'utf8')).includes(`"time":"${w}:${i}"`));
        }
      }),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`# 10,000 journal appends from 10 workers: ${ms.toFixed(0)} ms, ${journal.syncCount} fdatasyncs`);
    assert.ok(seenOnDisk.every(Boolean));
    assert.ok(journal.syncCount < 10_000 / 5, `expected batching, got ${journal.syncCount} syncs`);
    await journal.close();
    const entries = await readJournalFile(path);
    assert.equal(entries.length, workers * perWorker);
    // every worker's entries are complete and in its own order
    for (let w = 0; w < workers; w++) {
      const mine = entries.filter((e) => e.address.startsWith(`null_resource.w${w}[`)).map((e) => e.time);
      assert.deepEqual(
        mine,
        Array.from({ length: perWorker }, (_, i) => `${w}:${i}`),
      );
    }
  }),
);

test('appends issued in the same tick share one sync', () =>
  withDir(async (dir) => {
    const journal = await FileJournal.open(join(dir, 'a.jsonl'));
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.append(entry(0, i))));
    assert.equal(journal.syncCount, 1);
    await journal.close();
  }));

test('entries appended without waiting are written, in order, no later than a later append resolves (what a state-only apply relies on)', () =>
  withDir(async (dir) => {
    const path = join(dir, 'a.jsonl');
    const journal = await FileJournal.open(path);
    const unawaited: Promise<void>[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 30; i++) unawaited.push(journal.append(entry(round, i)));
      // a real-world change waits for its own entry: by then every earlier entry is on disk
      await journal.append(entry(round, 99));
      const onDisk = (await readJournalFile(path)).map((e) => e.time);
      const expected = Array.from({ length: round + 1 }, (_, r) => [...Array.from({ length: 30 }, (_, i) => `${r}:${i}`), `${r}:99`]).flat();
      assert.deepEqual(onDisk.slice(0, expected.length), expected);
    }
    await journal.close();
    await Promise.all(unawaited);
  }));

test('append after close is refused', () =>
  withDir(async (dir) => {
    const journal = await FileJournal.open(join(dir, 'a.jsonl'));
    await journal.close();
    await assert.rejects(journal.append(entry(0, 0)), /is closed/);
  }));

test('close waits for appends in flight', () =>
  withDir(async (dir) => {
    const path = join(dir, 'a.jsonl');
    const journal = await FileJournal.open(path);
    const pending = Array.from({ length: 20 }, (_, i) => journal.append(entry(0, i)));
    await journal.close();
    await Promise.all(pending);
    assert.equal((await readJournalFile(path)).length, 20);
  }));

test('a torn final line is ignored; a bad line in the middle is corruption naming the file and line', () =>
  withDir(async (dir) => {
    const path = join(dir, 'j.jsonl');
    const good = JSON.stringify(entry(0, 0)) + '\n';
    await writeFile(path, good + good + '{"kind":"done","addre');
    assert.equal((await readJournalFile(path)).length, 2);
    await writeFile(path, good + '{"kind":"do\n' + good);
    await assert.rejects(readJournalFile(path), (e: Error) => e instanceof CorruptStateError && e.message.startsWith(`journal file ${path} is corrupt: line 2`));
    await writeFile(path, good + '{"kind":"other"}\n');
    await assert.rejects(readJournalFile(path), /line 2 is not a journal entry/);
  }));
