// The typed resources (kubernetes_deployment_v1, ...): which Kubernetes kind each one is, which
// of its arguments are settings of the resource rather than fields of the object, and the
// semantics hashicorp/kubernetes gives them on top of the generated binding schemas (defaults,
// sensitive Secret data, computed ids, the default namespace).

import type { Value } from '../../engine/lang/value.ts';
import type { AttributeSchema, BlockSchema, ResourceSchema } from '../provider.ts';
import { bindingSchemas } from './binding-schemas.ts';

export interface TypedKind {
  readonly typeName: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly schema: ResourceSchema;
  /** top-level arguments that configure the resource, not the object */
  readonly settings: ReadonlySet<string>;
  /** the argument that makes apply wait, and what it waits for */
  readonly waitFlag?: { readonly name: string; readonly wait: 'rollout' | 'load-balancer' | 'bound'; readonly default: boolean };
}

type Overlay = { readonly [path: string]: Partial<AttributeSchema> };

/** A copy of `block` with attribute semantics overlaid at dotted paths ("metadata.namespace"). */
function overlaid(block: BlockSchema, overlay: Overlay, at = ''): BlockSchema {
  const attributes = Object.fromEntries(
    Object.entries(block.attributes).map(([n, a]) => {
      const o = overlay[at + n];
      // An overlay that makes an attribute computed-only drops the binding's "optional".
      return [n, o ? (o.computed && !o.optional ? { type: a.type, ...o } : { ...a, ...o }) : a];
    }),
  );
  const blocks =
    block.blocks &&
    Object.fromEntries(Object.entries(block.blocks).map(([n, b]) => [n, { ...b, ...(overlay[at + n]?.forceNew ? { forceNew: true } : {}), block: overlaid(b.block, overlay, `${at}${n}.`) }]));
  return { attributes, ...(blocks ? { blocks } : {}) };
}

const dflt = (value: Value): Partial<AttributeSchema> => ({ default: value });
/** Fields the API server will not change in place: a change replaces the object, as in hashicorp/kubernetes. */
const immutable = (...paths: string[]): Overlay => Object.fromEntries(paths.map((p) => [p, { forceNew: true }]));

function typed(typeName: string, apiVersion: string, kind: string, namespaced: boolean, opts: { waitFlag?: TypedKind['waitFlag']; overlay?: Overlay; settings?: string[] } = {}): TypedKind {
  const block = bindingSchemas[typeName];
  if (!block) throw new Error(`no binding schema for ${typeName}`);
  const overlay: Overlay = {
    id: { computed: true, description: 'namespace/name, or name for a cluster-scoped object' },
    ...(namespaced ? { 'metadata.namespace': { ...dflt('default'), forceNew: true } } : {}),
    'metadata.name': { forceNew: true },
    ...(opts.waitFlag ? { [opts.waitFlag.name]: dflt(opts.waitFlag.default) } : {}),
    ...opts.overlay,
  };
  const settings = new Set(['id', 'timeouts', ...(opts.waitFlag ? [opts.waitFlag.name] : []), ...(opts.settings ?? [])]);
  return { typeName, apiVersion, kind, namespaced, schema: { version: 1, block: overlaid(block, overlay) }, settings, ...(opts.waitFlag ? { waitFlag: opts.waitFlag } : {}) };
}

const rollout = (name: string) => ({ waitFlag: { name, wait: 'rollout' as const, default: true } });

export const typedKinds: { readonly [typeName: string]: TypedKind } = Object.fromEntries(
  [
    typed('kubernetes_namespace_v1', 'v1', 'Namespace', false, { settings: ['wait_for_default_service_account'], overlay: { wait_for_default_service_account: dflt(false) } }),
    typed('kubernetes_config_map_v1', 'v1', 'ConfigMap', true),
    typed('kubernetes_secret_v1', 'v1', 'Secret', true, {
      // data and binary_data become the object's base64 `data` (secret-data.ts).
      settings: ['data', 'binary_data', 'data_wo', 'data_wo_revision', 'binary_data_wo', 'binary_data_wo_revision', 'wait_for_service_account_token'],
      overlay: { data: { sensitive: true }, binary_data: { sensitive: true }, type: dflt('Opaque'), wait_for_service_account_token: dflt(true) },
    }),
    typed('kubernetes_service_account_v1', 'v1', 'ServiceAccount', true, { overlay: { automount_service_account_token: dflt(true) } }),
    typed('kubernetes_service_v1', 'v1', 'Service', true, { waitFlag: { name: 'wait_for_load_balancer', wait: 'load-balancer', default: true } }),
    typed('kubernetes_deployment_v1', 'apps/v1', 'Deployment', true, { ...rollout('wait_for_rollout'), overlay: immutable('spec.selector') }),
    typed('kubernetes_stateful_set_v1', 'apps/v1', 'StatefulSet', true, {
      ...rollout('wait_for_rollout'),
      overlay: immutable('spec.selector', 'spec.service_name', 'spec.volume_claim_template', 'spec.pod_management_policy'),
    }),
    typed('kubernetes_daemon_set_v1', 'apps/v1', 'DaemonSet', true, { ...rollout('wait_for_rollout'), overlay: immutable('spec.selector') }),
    typed('kubernetes_job_v1', 'batch/v1', 'Job', true, {
      ...rollout('wait_for_completion'),
      overlay: immutable('spec.template', 'spec.selector', 'spec.completions', 'spec.completion_mode', 'spec.manual_selector'),
    }),
    typed('kubernetes_cron_job_v1', 'batch/v1', 'CronJob', true),
    typed('kubernetes_ingress_v1', 'networking.k8s.io/v1', 'Ingress', true, { waitFlag: { name: 'wait_for_load_balancer', wait: 'load-balancer', default: false } }),
    typed('kubernetes_role_v1', 'rbac.authorization.k8s.io/v1', 'Role', true),
    typed('kubernetes_role_binding_v1', 'rbac.authorization.k8s.io/v1', 'RoleBinding', true),
    typed('kubernetes_cluster_role_v1', 'rbac.authorization.k8s.io/v1', 'ClusterRole', false),
    typed('kubernetes_cluster_role_binding_v1', 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', false),
    typed('kubernetes_persistent_volume_claim_v1', 'v1', 'PersistentVolumeClaim', true, {
      waitFlag: { name: 'wait_until_bound', wait: 'bound', default: true },
      overlay: immutable('spec.access_modes', 'spec.storage_class_name', 'spec.volume_name', 'spec.selector', 'spec.volume_mode'),
    }),
  ].map((t) => [t.typeName, t]),
);
