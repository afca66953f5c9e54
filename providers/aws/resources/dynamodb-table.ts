// aws_dynamodb_table: table, keys, capacity, GSIs, TTL, point-in-time recovery, streams and
// tags. Creation and index changes wait for the table to be ACTIVE again.

import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { error } from '../../../engine/diagnostics.ts';
import { Unknown, isObject, markSet, type Value, type ValueObject } from '../../../engine/lang/value.ts';
import { blockItems, sameValue } from '../../schema-plan.ts';
import { isAwsError } from '../errors.ts';
import { creationTagList, tagAttributes, updateTags } from '../resource-tags.ts';
import { waitFor } from '../retry.ts';
import type { AwsContext, AwsResource } from '../resource-type.ts';
import { REGION, TAGS, resourceSchema } from '../schema-overlay.ts';
import { fromTagList, toTagList } from '../tags.ts';

const schema = resourceSchema('aws_dynamodb_table', {
  attributes: {
    name: { required: true, forceNew: true },
    billing_mode: { optional: true, default: 'PROVISIONED' },
    hash_key: { optional: true, computed: true, forceNew: true },
    range_key: { optional: true, forceNew: true },
    read_capacity: { optional: true, computed: true },
    write_capacity: { optional: true, computed: true },
    stream_enabled: { optional: true },
    stream_view_type: { optional: true, computed: true },
    table_class: { optional: true, default: 'STANDARD' },
    deletion_protection_enabled: { optional: true, computed: true },
    ...REGION,
    ...TAGS,
  },
  blocks: {
    local_secondary_index: { forceNew: true },
    ttl: { nesting: 'list', maxItems: 1, block: { attributes: { attribute_name: { optional: true }, enabled: { optional: true, default: false } } } },
    point_in_time_recovery: { nesting: 'list', maxItems: 1, block: { attributes: { enabled: { required: true }, recovery_period_in_days: { optional: true, computed: true } } } },
  },
});

const items = (v: Value | undefined): ValueObject[] => blockItems(v ?? null).filter(isObject);
const num = (v: Value | undefined) => (typeof v === 'number' ? v : undefined);
const str = (v: Value | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);
const isGone = (e: unknown) => isAwsError(e, 'ResourceNotFoundException');

function keySchema(hash: Value | undefined, range: Value | undefined) {
  return [{ AttributeName: String(hash), KeyType: 'HASH' as const }, ...(str(range) ? [{ AttributeName: String(range), KeyType: 'RANGE' as const }] : [])];
}
function throughput(s: ValueObject, billing: Value | undefined) {
  return billing === 'PAY_PER_REQUEST' ? undefined : { ReadCapacityUnits: num(s.read_capacity) ?? 1, WriteCapacityUnits: num(s.write_capacity) ?? 1 };
}
function gsiInput(g: ValueObject, billing: Value | undefined): GlobalSecondaryIndex {
  const nonKey = blockItems(g.non_key_attributes ?? null).map(String);
  return {
    IndexName: String(g.name),
    KeySchema: keySchema(g.hash_key, g.range_key),
    Projection: { ProjectionType: String(g.projection_type) as never, NonKeyAttributes: nonKey.length ? nonKey : undefined },
    ProvisionedThroughput: throughput(g, billing),
  };
}

async function describe(ctx: AwsContext, name: string): Promise<TableDescription | undefined> {
  try {
    return (await ctx.clients.dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (e) {
    if (isGone(e)) return undefined;
    throw e;
  }
}

async function waitActive(ctx: AwsContext, name: string): Promise<void> {
  await waitFor(
    `table ${name} to become ACTIVE`,
    async () => {
      const t = await describe(ctx, name);
      const busy = t?.TableStatus !== 'ACTIVE' || (t.GlobalSecondaryIndexes ?? []).some((g) => g.IndexStatus && g.IndexStatus !== 'ACTIVE');
      return busy ? undefined : true;
    },
    { timeoutMs: 600_000, signal: ctx.signal },
  );
}

async function read(ctx: AwsContext, state: ValueObject): Promise<ValueObject | null> {
  const name = String(state.id ?? state.name);
  const t = await describe(ctx, name);
  if (!t || t.TableStatus === 'DELETING') return null;
  const db = ctx.clients.dynamodb;
  const key = (ks: typeof t.KeySchema, type: string) => ks?.find((k) => k.KeyType === type)?.AttributeName ?? null;
  const billing = t.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const ttl = (await db.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription;
  const ttlEnabled = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
  const pitr = (await db.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  const pitrEnabled = pitr?.PointInTimeRecoveryStatus === 'ENABLED';
  const remoteTags = fromTagList((await db.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn }))).Tags);
  const hadTtl = items(state.ttl).length > 0;
  const hadPitr = items(state.point_in_time_recovery).length > 0;
  return {
    ...state,
    id: name,
    name,
    arn: t.TableArn ?? null,
    billing_mode: billing,
    hash_key: key(t.KeySchema, 'HASH'),
    range_key: key(t.KeySchema, 'RANGE'),
    read_capacity: t.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
    write_capacity: t.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
    stream_enabled: t.StreamSpecification?.StreamEnabled ?? false,
    stream_view_type: t.StreamSpecification?.StreamEnabled ? (t.StreamSpecification.StreamViewType ?? null) : '',
    stream_arn: t.LatestStreamArn ?? '',
    stream_label: t.LatestStreamLabel ?? '',
    table_class: t.TableClassSummary?.TableClass ?? 'STANDARD',
    deletion_protection_enabled: t.DeletionProtectionEnabled ?? false,
    region: ctx.region,
    attribute: markSet((t.AttributeDefinitions ?? []).map((a) => ({ name: a.AttributeName ?? '', type: a.AttributeType ?? '' }))),
    global_secondary_index: markSet(
      (t.GlobalSecondaryIndexes ?? [])
        .sort((a, b) => String(a.IndexName).localeCompare(String(b.IndexName)))
        .map((g) => ({
          name: g.IndexName ?? '',
          hash_key: key(g.KeySchema, 'HASH'),
          range_key: key(g.KeySchema, 'RANGE'),
          projection_type: g.Projection?.ProjectionType ?? null,
          non_key_attributes: g.Projection?.NonKeyAttributes?.length ? markSet(g.Projection.NonKeyAttributes.slice()) : null,
          read_capacity: g.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
          write_capacity: g.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
          on_demand_throughput: [],
          warm_throughput: [],
        })),
    ),
    local_secondary_index: markSet(
      (t.LocalSecondaryIndexes ?? []).map((l) => ({
        name: l.IndexName ?? '',
        range_key: key(l.KeySchema, 'RANGE'),
        projection_type: l.Projection?.ProjectionType ?? null,
        non_key_attributes: l.Projection?.NonKeyAttributes?.length ? l.Projection.NonKeyAttributes.slice() : null,
      })),
    ),
    ttl: ttlEnabled || hadTtl ? [{ attribute_name: ttlEnabled ? (ttl?.AttributeName ?? '') : (items(state.ttl)[0]?.attribute_name ?? null), enabled: ttlEnabled }] : [],
    point_in_time_recovery: pitrEnabled || hadPitr ? [{ enabled: pitrEnabled, recovery_period_in_days: pitr?.RecoveryPeriodInDays ?? (pitrEnabled ? 35 : null) }] : [],
    ...tagAttributes(remoteTags, ctx.defaultTags, state.tags),
  };
}

async function applyTtl(ctx: AwsContext, name: string, prior: ValueObject | null, planned: ValueObject): Promise<void> {
  const want = items(planned.ttl)[0];
  const had = prior ? items(prior.ttl)[0] : undefined;
  const enabled = want?.enabled === true;
  const wasEnabled = had?.enabled === true;
  if (enabled === wasEnabled && (!enabled || want?.attribute_name === had?.attribute_name)) return;
  const attr = str(enabled ? want?.attribute_name : had?.attribute_name);
  if (!attr) return;
  await ctx.clients.dynamodb.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: attr, Enabled: enabled } }));
}

async function applyPitr(ctx: AwsContext, name: string, prior: ValueObject | null, planned: ValueObject): Promise<void> {
  const enabled = items(planned.point_in_time_recovery)[0]?.enabled === true;
  const was = prior ? items(prior.point_in_time_recovery)[0]?.enabled === true : false;
  if (enabled === was) return;
  await ctx.clients.dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: enabled } }));
}

export const dynamodbTable: AwsResource = {
  typeName: 'aws_dynamodb_table',
  schema,
  describe: (s) => String(s.name ?? ''),
  validate(config) {
    const out = [];
    if (config.billing_mode === 'PROVISIONED' || config.billing_mode === null || config.billing_mode === undefined) {
      if (config.read_capacity === null || config.read_capacity === undefined || config.write_capacity === null || config.write_capacity === undefined) {
        out.push(error('Missing throughput capacity', 'read_capacity and write_capacity are required when billing_mode is "PROVISIONED".', { attribute: 'read_capacity' }));
      }
    }
    if (config.stream_enabled === true && !str(config.stream_view_type))
      out.push(error('Missing stream_view_type', 'stream_view_type is required when stream_enabled = true.', { attribute: 'stream_view_type' }));
    return out;
  },
  plan(p) {
    const { planned, prior, config } = p;
    if (planned.billing_mode === 'PAY_PER_REQUEST') {
      if (config.read_capacity === null || config.read_capacity === undefined) planned.read_capacity = 0;
      if (config.write_capacity === null || config.write_capacity === undefined) planned.write_capacity = 0;
    }
    if (!prior) return;
    if (planned.stream_enabled !== prior.stream_enabled || (planned.stream_enabled === true && planned.stream_view_type !== prior.stream_view_type)) {
      planned.stream_arn = new Unknown();
      planned.stream_label = new Unknown();
      if (planned.stream_enabled !== true && (config.stream_view_type === null || config.stream_view_type === undefined)) planned.stream_view_type = '';
    }
  },
  async create(ctx, planned) {
    const name = String(planned.name);
    const streamOn = planned.stream_enabled === true;
    const lsis = items(planned.local_secondary_index).map((l) => ({
      IndexName: String(l.name),
      KeySchema: keySchema(planned.hash_key, l.range_key),
      Projection: {
        ProjectionType: String(l.projection_type) as never,
        NonKeyAttributes: blockItems(l.non_key_attributes ?? null).length ? blockItems(l.non_key_attributes ?? null).map(String) : undefined,
      },
    }));
    const gsis = items(planned.global_secondary_index).map((g) => gsiInput(g, planned.billing_mode));
    await ctx.clients.dynamodb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: String(planned.billing_mode) as never,
        KeySchema: keySchema(planned.hash_key, planned.range_key),
        AttributeDefinitions: items(planned.attribute).map((a) => ({ AttributeName: String(a.name), AttributeType: String(a.type) as never })),
        ProvisionedThroughput: throughput(planned, planned.billing_mode),
        GlobalSecondaryIndexes: gsis.length ? gsis : undefined,
        LocalSecondaryIndexes: lsis.length ? lsis : undefined,
        StreamSpecification: streamOn ? { StreamEnabled: true, StreamViewType: String(planned.stream_view_type) as never } : undefined,
        TableClass: str(planned.table_class) as never,
        DeletionProtectionEnabled: planned.deletion_protection_enabled === true ? true : undefined,
        Tags: creationTagList(planned),
      }),
    );
    await waitActive(ctx, name);
    await applyTtl(ctx, name, null, planned);
    await applyPitr(ctx, name, null, planned);
    const state = await read(ctx, { ...planned, id: name });
    if (!state) throw new Error(`table ${name} is not visible after it was created`);
    return state;
  },
  read,
  async update(ctx, prior, planned) {
    const name = String(prior.id);
    const db = ctx.clients.dynamodb;
    const billingChanged = planned.billing_mode !== prior.billing_mode;
    const capacityChanged = !sameValue(planned.read_capacity, prior.read_capacity) || !sameValue(planned.write_capacity, prior.write_capacity);
    const streamChanged = planned.stream_enabled !== prior.stream_enabled || (planned.stream_enabled === true && planned.stream_view_type !== prior.stream_view_type);
    const classChanged = planned.table_class !== prior.table_class;
    const protectionChanged = typeof planned.deletion_protection_enabled === 'boolean' && planned.deletion_protection_enabled !== prior.deletion_protection_enabled;
    if (billingChanged || capacityChanged || streamChanged || classChanged || protectionChanged) {
      await db.send(
        new UpdateTableCommand({
          TableName: name,
          BillingMode: billingChanged ? (String(planned.billing_mode) as never) : undefined,
          ProvisionedThroughput: billingChanged || capacityChanged ? throughput(planned, planned.billing_mode) : undefined,
          StreamSpecification: streamChanged
            ? planned.stream_enabled === true
              ? { StreamEnabled: true, StreamViewType: String(planned.stream_view_type) as never }
              : { StreamEnabled: false }
            : undefined,
          TableClass: classChanged ? (String(planned.table_class) as never) : undefined,
          DeletionProtectionEnabled: protectionChanged ? (planned.deletion_protection_enabled as boolean) : undefined,
        }),
      );
      await waitActive(ctx, name);
    }
    // Index changes: one create/delete per UpdateTable call, as DynamoDB requires.
    const before = new Map(items(prior.global_secondary_index).map((g) => [String(g.name), g]));
    const after = new Map(items(planned.global_secondary_index).map((g) => [String(g.name), g]));
    const attrs = items(planned.attribute).map((a) => ({ AttributeName: String(a.name), AttributeType: String(a.type) as never }));
    for (const [n] of before) {
      const g = after.get(n);
      if (
        g &&
        sameValue(g.hash_key, before.get(n)!.hash_key) &&
        sameValue(g.range_key ?? null, before.get(n)!.range_key ?? null) &&
        sameValue(g.projection_type, before.get(n)!.projection_type) &&
        sameValue(g.non_key_attributes ?? null, before.get(n)!.non_key_attributes ?? null)
      )
        continue;
      await db.send(new UpdateTableCommand({ TableName: name, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: n } }] }));
      await waitActive(ctx, name);
      before.delete(n);
    }
    for (const [n, g] of after) {
      const old = before.get(n);
      if (!old) {
        await db.send(new UpdateTableCommand({ TableName: name, AttributeDefinitions: attrs, GlobalSecondaryIndexUpdates: [{ Create: gsiInput(g, planned.billing_mode) as never }] }));
        await waitActive(ctx, name);
      } else if (planned.billing_mode !== 'PAY_PER_REQUEST' && (!sameValue(g.read_capacity, old.read_capacity) || !sameValue(g.write_capacity, old.write_capacity))) {
        await db.send(new UpdateTableCommand({ TableName: name, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: n, ProvisionedThroughput: throughput(g, planned.billing_mode) } }] }));
        await waitActive(ctx, name);
      }
    }
    await applyTtl(ctx, name, prior, planned);
    await applyPitr(ctx, name, prior, planned);
    await updateTags(prior, planned, {
      untag: (keys) => db.send(new UntagResourceCommand({ ResourceArn: String(prior.arn), TagKeys: keys })),
      tag: (set) => db.send(new TagResourceCommand({ ResourceArn: String(prior.arn), Tags: toTagList(set) })),
    });
    return (await read(ctx, { ...planned, id: name })) ?? planned;
  },
  async delete(ctx, state) {
    const name = String(state.id);
    try {
      await ctx.clients.dynamodb.send(new DeleteTableCommand({ TableName: name }));
    } catch (e) {
      if (isGone(e)) return;
      throw e;
    }
    await waitFor(`table ${name} to be deleted`, async () => ((await describe(ctx, name)) ? undefined : true), { timeoutMs: 600_000, signal: ctx.signal });
  },
  importState: (id) => ({ id, name: id }),
};
