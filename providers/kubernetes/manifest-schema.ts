// kubernetes_manifest, with hashicorp/kubernetes' attribute and block names.

import type { ResourceSchema } from '../provider.ts';

export const manifestSchema: ResourceSchema = {
  version: 1,
  block: {
    attributes: {
      manifest: { type: 'dynamic', required: true, description: 'the object, as in a YAML file' },
      object: { type: 'dynamic', optional: true, computed: true, description: 'the object as stored by the API server (status and bookkeeping left out)' },
      computed_fields: { type: { list: 'string' }, optional: true, description: 'manifest paths the server or other controllers may change without it counting as drift' },
      wait_for: { type: 'dynamic', optional: true, description: 'deprecated form of wait { fields }' },
    },
    blocks: {
      field_manager: {
        nesting: 'list',
        maxItems: 1,
        block: {
          attributes: {
            name: { type: 'string', optional: true, description: 'field manager of the server-side apply (default "ballast")' },
            force_conflicts: { type: 'bool', optional: true, description: 'take over fields another manager owns' },
          },
        },
      },
      wait: {
        nesting: 'list',
        maxItems: 1,
        block: {
          attributes: {
            rollout: { type: 'bool', optional: true, description: 'wait until the object is healthy (kstatus: rolled out, complete, Ready)' },
            fields: { type: { map: 'string' }, optional: true, description: 'path → value (regular expression) to wait for' },
          },
          blocks: {
            condition: { nesting: 'list', block: { attributes: { type: { type: 'string', optional: true }, status: { type: 'string', optional: true } } } },
          },
        },
      },
      timeouts: {
        nesting: 'single',
        block: { attributes: { create: { type: 'string', optional: true }, update: { type: 'string', optional: true }, delete: { type: 'string', optional: true } } },
      },
    },
  },
};
