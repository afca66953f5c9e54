// Issue 7 item 1: a stack reading another stack's sensitive output (cdktf's cross-stack
// reference becomes data.terraform_remote_state) crashed at the end of its apply, after it had
// changed things, with "cannot serialize a Sensitive object ... into state" and no version.
// The marks must reach state as sensitive paths, and the version must be recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hasErrors } from '../diagnostics.ts';
import { prepareStack } from './prepare-stack.ts';
import { readPrior } from './prior-state.ts';
import { planPreparedStack } from './plan-stack.ts';
import { applySession } from './apply-stack.ts';
import { remoteStateReader } from './remote-state.ts';
import { LocalDirStore } from '../../state/local-dir-store.ts';
import { defaultRegistry } from '../../providers/shipped/default-registry.ts';
import { makeTempDir } from '../../test/helpers/temp-dir.ts';
import { digestOf, serializeState } from '../../state/serialize.ts';
import { sampleVersion } from '../../state/testdata/sample-version.ts';

test('a sensitive cross-stack output survives into state as a sensitive path; the version is recorded', async () => {
  const dir = await makeTempDir('ballast-remote-sensitive-');
  const base = new LocalDirStore(join(dir, 'base'), { stack: 'base' });
  const app = new LocalDirStore(join(dir, 'app'), { stack: 'app' });
  // base's recorded outputs: one plain, one whose value is a secret (random_password's length)
  await base.put(
    sampleVersion(1, null, {
      stack: 'base',
      resources: {},
      outputs: {
        pet: { value: 'fido', sensitive: false },
        secret_len: { value: 24, sensitive: true, valueSensitive: true },
        'cross-stack-output-x': { value: 'fido', sensitive: true, valueSensitive: false },
      },
    }),
    { expectedSerial: null },
  );

  const json = {
    data: { terraform_remote_state: { 'cross-stack-reference-input-base': { backend: 'local', config: { path: '/x/terraform.base.tfstate' } } } },
    resource: { terraform_data: { t: { input: '${data.terraform_remote_state.cross-stack-reference-input-base.outputs.cross-stack-output-x}' } } },
  };
  const bytes = Buffer.from(JSON.stringify(json));
  const prepared = prepareStack({ name: 'app', file: join(dir, 'main.tf.json'), dir, json, bytes }, { env: {} });
  assert.ok(prepared.stack, prepared.diagnostics.map((d) => d.summary).join('\n'));
  const planned = await planPreparedStack(prepared.stack, await readPrior(app), defaultRegistry(), { mode: 'normal', remoteState: remoteStateReader((s) => (s === 'base' ? base : app)) }, {});
  assert.ok(planned.session, planned.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join('\n'));
  try {
    const out = await applySession(planned.session, app);
    assert.equal(hasErrors(out.diagnostics), false, out.diagnostics.map((d) => `${d.summary}: ${d.detail}`).join('\n'));
    assert.equal(out.version?.serial, 1);
  } finally {
    await planned.session.close();
  }
  const v = (await app.current())!;
  const remote = v.resources['data.terraform_remote_state.cross-stack-reference-input-base'];
  assert.deepEqual(remote.attributes.outputs, { pet: 'fido', secret_len: 24, 'cross-stack-output-x': 'fido' });
  assert.deepEqual(remote.sensitivePaths, [['outputs', 'secret_len']]);
  assert.equal(v.resources['terraform_data.t'].attributes.output, 'fido');
  assert.equal(v.parentDigest, null);
  assert.equal((await app.list())[0].digest, digestOf(serializeState(v)));
});
