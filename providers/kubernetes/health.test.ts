import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthOf } from './health.ts';

const deployment = (status: Record<string, unknown> | undefined, generation = 2) =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation }, spec: { replicas: 2 }, ...(status ? { status } : {}) }) as never;

test('a Deployment is current only when the latest generation is rolled out and available', () => {
  assert.equal(healthOf(deployment(undefined)).status, 'InProgress');
  assert.equal(healthOf(deployment({ observedGeneration: 1, updatedReplicas: 2, availableReplicas: 2, replicas: 2 })).status, 'InProgress');
  assert.match(healthOf(deployment({ observedGeneration: 2, updatedReplicas: 1, availableReplicas: 1, replicas: 2 })).message, /1 of 2 replicas updated/);
  assert.match(healthOf(deployment({ observedGeneration: 2, updatedReplicas: 2, availableReplicas: 2, replicas: 3 })).message, /old replicas/);
  assert.equal(healthOf(deployment({ observedGeneration: 2, updatedReplicas: 2, availableReplicas: 2, replicas: 2 })).status, 'Current');
  const stuck = healthOf(
    deployment({
      observedGeneration: 2,
      updatedReplicas: 1,
      replicas: 2,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }],
    }),
  );
  assert.deepEqual(stuck, { status: 'Failed', message: 'ProgressDeadlineExceeded: ReplicaSet "web-1" has timed out progressing.' });
});

test('Jobs, CRDs and objects with Ready conditions follow kstatus', () => {
  const job = (conditions: unknown[]) => ({ kind: 'Job', metadata: { generation: 1 }, status: { observedGeneration: 1, conditions } }) as never;
  assert.equal(healthOf({ kind: 'Job', metadata: { generation: 1 }, status: {} } as never).status, 'InProgress');
  assert.equal(healthOf(job([{ type: 'Complete', status: 'True' }])).status, 'Current');
  assert.deepEqual(healthOf(job([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }])), {
    status: 'Failed',
    message: 'BackoffLimitExceeded: Job has reached the specified backoff limit',
  });
  assert.equal(healthOf({ kind: 'CustomResourceDefinition', metadata: {}, status: { conditions: [{ type: 'Established', status: 'True' }] } } as never).status, 'Current');
  assert.equal(healthOf({ kind: 'CustomResourceDefinition', metadata: {} } as never).status, 'InProgress');
  assert.equal(
    healthOf({ kind: 'Widget', metadata: { generation: 1 }, status: { conditions: [{ type: 'Ready', status: 'False', reason: 'Pending', message: 'waiting for bucket' }] } } as never).message,
    'Pending: waiting for bucket',
  );
  assert.equal(healthOf({ kind: 'ConfigMap', metadata: {} } as never).status, 'Current');
  assert.equal(healthOf({ kind: 'ConfigMap', metadata: { deletionTimestamp: 'x' } } as never).status, 'InProgress');
});
