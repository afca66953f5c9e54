// The provider block, with hashicorp/kubernetes' attribute names so @cdktf/provider-kubernetes
// stacks configure it unchanged.

import type { BlockSchema } from '../provider.ts';

export const providerSchema: BlockSchema = {
  attributes: {
    host: { type: 'string', optional: true, description: 'API server URL; env KUBE_HOST' },
    username: { type: 'string', optional: true },
    password: { type: 'string', optional: true, sensitive: true },
    insecure: { type: 'bool', optional: true, description: 'skip TLS verification of the API server' },
    tls_server_name: { type: 'string', optional: true },
    client_certificate: { type: 'string', optional: true, description: 'PEM; env KUBE_CLIENT_CERT_DATA' },
    client_key: { type: 'string', optional: true, sensitive: true, description: 'PEM; env KUBE_CLIENT_KEY_DATA' },
    cluster_ca_certificate: { type: 'string', optional: true, description: 'PEM; env KUBE_CLUSTER_CA_CERT_DATA' },
    config_paths: { type: { list: 'string' }, optional: true, description: 'kubeconfig files merged in order; env KUBE_CONFIG_PATHS' },
    config_path: { type: 'string', optional: true, description: 'kubeconfig file; env KUBE_CONFIG_PATH' },
    config_context: { type: 'string', optional: true, description: 'context in the kubeconfig; env KUBE_CTX' },
    config_context_auth_info: { type: 'string', optional: true },
    config_context_cluster: { type: 'string', optional: true },
    token: { type: 'string', optional: true, sensitive: true, description: 'bearer token; env KUBE_TOKEN' },
    proxy_url: { type: 'string', optional: true },
    ignore_annotations: { type: { list: 'string' }, optional: true },
    ignore_labels: { type: { list: 'string' }, optional: true },
  },
  blocks: {
    exec: {
      nesting: 'list',
      maxItems: 1,
      block: {
        attributes: {
          api_version: { type: 'string', required: true },
          command: { type: 'string', required: true },
          args: { type: { list: 'string' }, optional: true },
          env: { type: { map: 'string' }, optional: true },
        },
      },
    },
    experiments: { nesting: 'list', maxItems: 1, block: { attributes: { manifest_resource: { type: 'bool', optional: true } } } },
  },
};
