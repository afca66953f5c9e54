// The agent with a versioned S3 bucket as its source (moto): objects added, changed and deleted
// under the prefix are applied just like git commits.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startMoto, type MotoServer } from './helpers/moto.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { currentState, filesIn, startAgent, stateHistory, stopAllAgents } from './agent-harness.ts';
import type { StatusJson } from '../engine/agent/stack-status.ts';

let moto: MotoServer;
let s3: S3Client;
const bucket = 'agent-stacks';

before(async () => {
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.endpoint, region: moto.region, credentials: moto.credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
});
after(async () => {
  await stopAllAgents();
  s3?.destroy();
  await moto?.stop();
});

const put = (key: string, body: string) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
const del = (key: string) => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));

/** main.txt from greeting.txt; extra.txt exists only while the extra.txt object does */
function stack(out: string): string {
  const extra = '${path.module}/extra.txt';
  return JSON.stringify(
    {
      resource: {
        local_file: {
          main: { filename: join(out, 'main.txt'), content: '${file("${path.module}/greeting.txt")}' },
          extra: { count: `\${fileexists("${extra}") ? 1 : 0}`, filename: join(out, 'extra.txt'), content: `\${fileexists("${extra}") ? file("${extra}") : ""}` },
        },
      },
    },
    null,
    2,
  );
}

test('objects added, changed and deleted under the prefix are applied', async () => {
  const dir = await makeTempDir('ballast-agent-s3-');
  const out = join(dir, 'out');
  const state = join(dir, 'state');
  await put('app/main.tf.json', stack(out));
  await put('app/greeting.txt', 'hello');
  await put('other/ignored.txt', 'outside the prefix');
  const agent = await startAgent(['--s3-bucket', bucket, '--s3-prefix', 'app/', '--interval', '1s', '--state-dir', state, '--work-dir', join(dir, 'work')], { cwd: dir, env: moto.env });
  const revisionApplied = async (what: string, prev: string | null): Promise<StatusJson> =>
    agent.waitFor(what, (s) => !!s.stacks.main?.lastAppliedRevision && s.stacks.main.lastAppliedRevision !== prev && s.stacks.main.lastAppliedRevision === s.stacks.main.revision, 20_000);

  let s = await revisionApplied('first snapshot applied', null);
  assert.match(s.stacks.main.lastAppliedRevision!, /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(filesIn(out), ['main.txt']);
  assert.equal(readFileSync(join(out, 'main.txt'), 'utf8'), 'hello');

  await put('app/extra.txt', 'more');
  s = await revisionApplied('added object applied', s.stacks.main.lastAppliedRevision);
  assert.deepEqual(filesIn(out), ['extra.txt', 'main.txt']);
  assert.equal(readFileSync(join(out, 'extra.txt'), 'utf8'), 'more');

  await put('app/greeting.txt', 'bye');
  s = await revisionApplied('changed object applied', s.stacks.main.lastAppliedRevision);
  assert.equal(readFileSync(join(out, 'main.txt'), 'utf8'), 'bye');

  await del('app/extra.txt');
  s = await revisionApplied('deleted object applied', s.stacks.main.lastAppliedRevision);
  assert.deepEqual(filesIn(out), ['main.txt']);
  const v = await currentState(state, 'main');
  assert.deepEqual(Object.keys(v!.resources).sort(), ['local_file.main']);

  // a change outside the prefix is not a new revision
  const fetched = await agent.metric('ballast_source_fetch_total', { result: 'ok' });
  await put('other/ignored.txt', 'changed');
  // two polls that finished after the change (a fetch and its step) before checking nothing changed
  await agent.waitForSteps('main', 2);
  assert.ok((await agent.metric('ballast_source_fetch_total', { result: 'ok' })) >= fetched + 1, 'the source was fetched again');
  const after = await agent.status();
  assert.equal(after.stacks.main.lastAppliedRevision, s.stacks.main.lastAppliedRevision);
  assert.equal(after.stacks.main.revision, s.stacks.main.lastAppliedRevision, 'the fetched revision did not change');
  assert.equal((await stateHistory(state, 'main')).length, 4);
  assert.equal(await agent.stop(), 0);
});
