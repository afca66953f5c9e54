// Test support for the AWS provider tests: an AWS provider configured against a moto server,
// driven through the shared provider harness (providers/testdata/provider-harness.ts).

import assert from 'node:assert/strict';
import type { ValueObject } from '../../../engine/lang/value.ts';
import type { Provider } from '../../provider.ts';
import * as harness from '../../testdata/provider-harness.ts';
import type { MotoServer } from '../../../test/helpers/moto.ts';
import { createAwsProvider } from '../index.ts';

export { assertConforms, assertNoChanges, destroy, plan } from '../../testdata/provider-harness.ts';

export async function motoProvider(moto: MotoServer, extra: ValueObject = {}, workingDir = process.cwd()): Promise<Provider> {
  const p = createAwsProvider({ workingDir, env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  const ds = (
    await p.configure({
      config: {
        region: moto.region,
        access_key: moto.credentials.accessKeyId,
        secret_key: moto.credentials.secretAccessKey,
        endpoints: [Object.fromEntries(['s3', 'dynamodb', 'sqs', 'sns', 'iam', 'ssm', 'sts'].map((s) => [s, moto.endpoint]))],
        s3_use_path_style: true,
        ...extra,
      },
    })
  ).diagnostics;
  assert.deepEqual(ds, []);
  return p;
}

/** Plans and applies config over prior; returns the new state, which must exist. */
export async function apply(p: Provider, typeName: string, rawConfig: ValueObject, prior: ValueObject | null): Promise<ValueObject> {
  const state = await harness.apply(p, typeName, rawConfig, prior);
  assert.ok(state, `${typeName} was applied`);
  return state;
}
