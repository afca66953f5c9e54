import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { loadUnaryMethods } from './unary-rpc.ts';

const proto = (f: string) => join(dirname(fileURLToPath(import.meta.url)), 'proto', f);

test('each unary method of the provider service, under its gRPC path', () => {
  const v6 = loadUnaryMethods(proto('tfplugin6.proto'), 'tfplugin6.Provider');
  assert.equal(v6.get('PlanResourceChange')?.path, '/tfplugin6.Provider/PlanResourceChange');
  assert.equal(v6.get('StopProvider')?.path, '/tfplugin6.Provider/StopProvider');
  const v5 = loadUnaryMethods(proto('tfplugin5.proto'), 'tfplugin5.Provider');
  assert.equal(v5.get('PrepareProviderConfig')?.path, '/tfplugin5.Provider/PrepareProviderConfig');
  assert.equal(v5.has('ValidateProviderConfig'), false);
});

test('a request is encoded from a plain object with the protocol field names, as proto-loader encoded it', () => {
  const m = loadUnaryMethods(proto('tfplugin6.proto'), 'tfplugin6.Provider').get('UpgradeResourceState')!;
  const bytes = m.encode({ type_name: 'x_thing', version: 3, raw_state: { json: Buffer.from('{"a":1}') } });
  const root = new protobuf.Root().loadSync(proto('tfplugin6.proto'), { keepCase: true });
  const back = root.lookupType('tfplugin6.UpgradeResourceState.Request').toObject(root.lookupType('tfplugin6.UpgradeResourceState.Request').decode(bytes), { longs: Number });
  assert.equal(back.type_name, 'x_thing');
  assert.equal(back.version, 3, 'an int64 given as a number');
  assert.equal(Buffer.from(back.raw_state.json).toString(), '{"a":1}');
});

test('a response decodes with enum names, int64 as numbers, repeated fields as arrays and only the oneof member that is set', () => {
  const root = new protobuf.Root().loadSync(proto('tfplugin6.proto'), { keepCase: true });
  const plan = loadUnaryMethods(proto('tfplugin6.proto'), 'tfplugin6.Provider').get('PlanResourceChange')!;
  const respType = root.lookupType('tfplugin6.PlanResourceChange.Response');
  const wire = respType
    .encode(
      respType.fromObject({
        diagnostics: [{ severity: 2, summary: 'careful', attribute: { steps: [{ attribute_name: 'rule' }, { element_key_int: 0 }] } }],
        planned_state: { msgpack: Buffer.from([0xc0]) },
      }),
    )
    .finish();
  const resp = plan.decode(wire) as {
    diagnostics: { severity: string; summary: string; attribute: { steps: Record<string, unknown>[] } }[];
    requires_replace: unknown[];
    planned_state: { msgpack: Buffer };
  };
  assert.equal(resp.diagnostics[0].severity, 'WARNING');
  assert.deepEqual(resp.diagnostics[0].attribute.steps, [
    { attribute_name: 'rule', selector: 'attribute_name' },
    { element_key_int: 0, selector: 'element_key_int' },
  ]);
  assert.deepEqual(resp.requires_replace, [], 'an absent repeated field is an empty array');
  assert.deepEqual([...resp.planned_state.msgpack], [0xc0]);
  const fnResp = loadUnaryMethods(proto('tfplugin6.proto'), 'tfplugin6.Provider').get('CallFunction')!;
  const fnType = root.lookupType('tfplugin6.CallFunction.Response');
  const err = fnResp.decode(fnType.encode(fnType.fromObject({ error: { text: 'bad', function_argument: 1 } })).finish()) as { error: { text: string; function_argument: unknown } };
  assert.deepEqual(err.error, { text: 'bad', function_argument: 1 });
});
