// GENERATED from the @cdktf/provider-kubernetes v12 bindings (attribute names, types, nesting,
// required-ness and computed-only attributes) by scripts/generate-binding-schemas.ts
// (`npm run generate`); resource files overlay the semantics (computed, forceNew, defaults,
// sensitive). Do not edit by hand.

import type { BlockSchema } from '../provider.ts';

export const bindingSchemas: { readonly [typeName: string]: BlockSchema } = {
  'kubernetes_namespace_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_default_service_account: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          delete: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_config_map_v1': {
    attributes: {
      binary_data: { type: { map: 'string' }, optional: true },
      data: { type: { map: 'string' }, optional: true },
      id: { type: 'string', optional: true },
      immutable: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
    },
  },
  'kubernetes_secret_v1': {
    attributes: {
      binary_data: { type: { map: 'string' }, optional: true },
      binary_data_wo: { type: { map: 'string' }, optional: true },
      binary_data_wo_revision: { type: 'number', optional: true },
      data: { type: { map: 'string' }, optional: true },
      data_wo: { type: { map: 'string' }, optional: true },
      data_wo_revision: { type: 'number', optional: true },
      id: { type: 'string', optional: true },
      immutable: { type: 'bool', optional: true },
      type: { type: 'string', optional: true },
      wait_for_service_account_token: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_service_account_v1': {
    attributes: {
      automount_service_account_token: { type: 'bool', optional: true },
      id: { type: 'string', optional: true },
      default_secret_name: { type: 'string', computed: true },
    },
    blocks: {
      image_pull_secret: { nesting: 'set', block: {
        attributes: {
          name: { type: 'string', optional: true },
        },
      } },
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      secret: { nesting: 'set', block: {
        attributes: {
          name: { type: 'string', optional: true },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_service_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_load_balancer: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          allocate_load_balancer_node_ports: { type: 'bool', optional: true },
          cluster_ip: { type: 'string', optional: true },
          cluster_ips: { type: { list: 'string' }, optional: true },
          external_ips: { type: { set: 'string' }, optional: true },
          external_name: { type: 'string', optional: true },
          external_traffic_policy: { type: 'string', optional: true },
          health_check_node_port: { type: 'number', optional: true },
          internal_traffic_policy: { type: 'string', optional: true },
          ip_families: { type: { list: 'string' }, optional: true },
          ip_family_policy: { type: 'string', optional: true },
          load_balancer_class: { type: 'string', optional: true },
          load_balancer_ip: { type: 'string', optional: true },
          load_balancer_source_ranges: { type: { set: 'string' }, optional: true },
          publish_not_ready_addresses: { type: 'bool', optional: true },
          selector: { type: { map: 'string' }, optional: true },
          session_affinity: { type: 'string', optional: true },
          type: { type: 'string', optional: true },
        },
        blocks: {
          port: { nesting: 'list', block: {
            attributes: {
              app_protocol: { type: 'string', optional: true },
              name: { type: 'string', optional: true },
              node_port: { type: 'number', optional: true },
              port: { type: 'number', required: true },
              protocol: { type: 'string', optional: true },
              target_port: { type: 'string', optional: true },
            },
          } },
          session_affinity_config: { nesting: 'list', maxItems: 1, block: {
            attributes: {
            },
            blocks: {
              client_ip: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  timeout_seconds: { type: 'number', optional: true },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_deployment_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_rollout: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          min_ready_seconds: { type: 'number', optional: true },
          paused: { type: 'bool', optional: true },
          progress_deadline_seconds: { type: 'number', optional: true },
          replicas: { type: 'string', optional: true },
          revision_history_limit: { type: 'number', optional: true },
        },
        blocks: {
          selector: { nesting: 'list', maxItems: 1, block: {
            attributes: {
              match_labels: { type: { map: 'string' }, optional: true },
            },
            blocks: {
              match_expressions: { nesting: 'list', block: {
                attributes: {
                  key: { type: 'string', optional: true },
                  operator: { type: 'string', optional: true },
                  values: { type: { set: 'string' }, optional: true },
                },
              } },
            },
          } },
          strategy: { nesting: 'list', maxItems: 1, block: {
            attributes: {
              type: { type: 'string', optional: true },
            },
            blocks: {
              rolling_update: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  max_surge: { type: 'string', optional: true },
                  max_unavailable: { type: 'string', optional: true },
                },
              } },
            },
          } },
          template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
            },
            blocks: {
              metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  annotations: { type: { map: 'string' }, optional: true },
                  generate_name: { type: 'string', optional: true },
                  labels: { type: { map: 'string' }, optional: true },
                  name: { type: 'string', optional: true },
                  namespace: { type: 'string', optional: true },
                  generation: { type: 'number', computed: true },
                  resource_version: { type: 'string', computed: true },
                  uid: { type: 'string', computed: true },
                },
              } },
              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  active_deadline_seconds: { type: 'number', optional: true },
                  automount_service_account_token: { type: 'bool', optional: true },
                  dns_policy: { type: 'string', optional: true },
                  enable_service_links: { type: 'bool', optional: true },
                  host_ipc: { type: 'bool', optional: true },
                  host_network: { type: 'bool', optional: true },
                  host_pid: { type: 'bool', optional: true },
                  hostname: { type: 'string', optional: true },
                  node_name: { type: 'string', optional: true },
                  node_selector: { type: { map: 'string' }, optional: true },
                  priority_class_name: { type: 'string', optional: true },
                  restart_policy: { type: 'string', optional: true },
                  runtime_class_name: { type: 'string', optional: true },
                  scheduler_name: { type: 'string', optional: true },
                  service_account_name: { type: 'string', optional: true },
                  share_process_namespace: { type: 'bool', optional: true },
                  subdomain: { type: 'string', optional: true },
                  termination_grace_period_seconds: { type: 'number', optional: true },
                },
                blocks: {
                  affinity: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                    },
                    blocks: {
                      node_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              preference: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              node_selector_term: { nesting: 'list', block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_anti_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  dns_config: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      nameservers: { type: { list: 'string' }, optional: true },
                      searches: { type: { list: 'string' }, optional: true },
                    },
                    blocks: {
                      option: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  host_aliases: { nesting: 'list', block: {
                    attributes: {
                      hostnames: { type: { list: 'string' }, required: true },
                      ip: { type: 'string', required: true },
                    },
                  } },
                  image_pull_secrets: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  init_container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  os: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  readiness_gate: { nesting: 'list', block: {
                    attributes: {
                      condition_type: { type: 'string', required: true },
                    },
                  } },
                  security_context: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      fs_group: { type: 'string', optional: true },
                      fs_group_change_policy: { type: 'string', optional: true },
                      run_as_group: { type: 'string', optional: true },
                      run_as_non_root: { type: 'bool', optional: true },
                      run_as_user: { type: 'string', optional: true },
                      supplemental_groups: { type: { set: 'number' }, optional: true },
                    },
                    blocks: {
                      se_linux_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          level: { type: 'string', optional: true },
                          role: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                      } },
                      seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          localhost_profile: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      sysctl: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', required: true },
                        },
                      } },
                      windows_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          gmsa_credential_spec: { type: 'string', optional: true },
                          gmsa_credential_spec_name: { type: 'string', optional: true },
                          host_process: { type: 'bool', optional: true },
                          run_as_username: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  toleration: { nesting: 'list', block: {
                    attributes: {
                      effect: { type: 'string', optional: true },
                      key: { type: 'string', optional: true },
                      operator: { type: 'string', optional: true },
                      toleration_seconds: { type: 'string', optional: true },
                      value: { type: 'string', optional: true },
                    },
                  } },
                  topology_spread_constraint: { nesting: 'list', block: {
                    attributes: {
                      match_label_keys: { type: { set: 'string' }, optional: true },
                      max_skew: { type: 'number', optional: true },
                      min_domains: { type: 'number', optional: true },
                      node_affinity_policy: { type: 'string', optional: true },
                      node_taints_policy: { type: 'string', optional: true },
                      topology_key: { type: 'string', optional: true },
                      when_unsatisfiable: { type: 'string', optional: true },
                    },
                    blocks: {
                      label_selector: { nesting: 'list', block: {
                        attributes: {
                          match_labels: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          match_expressions: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              operator: { type: 'string', optional: true },
                              values: { type: { set: 'string' }, optional: true },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  volume: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', optional: true },
                    },
                    blocks: {
                      aws_elastic_block_store: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      azure_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          caching_mode: { type: 'string', required: true },
                          data_disk_uri: { type: 'string', required: true },
                          disk_name: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          kind: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      azure_file: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          read_only: { type: 'bool', optional: true },
                          secret_name: { type: 'string', required: true },
                          secret_namespace: { type: 'string', optional: true },
                          share_name: { type: 'string', required: true },
                        },
                      } },
                      ceph_fs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          monitors: { type: { set: 'string' }, required: true },
                          path: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          secret_file: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      cinder: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      config_map: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          name: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      csi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_attributes: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          node_publish_secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      downward_api: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', required: true },
                            },
                            blocks: {
                              field_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', required: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      empty_dir: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          medium: { type: 'string', optional: true },
                          size_limit: { type: 'string', optional: true },
                        },
                      } },
                      ephemeral: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          volume_claim_template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              metadata: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  annotations: { type: { map: 'string' }, optional: true },
                                  labels: { type: { map: 'string' }, optional: true },
                                },
                              } },
                              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  access_modes: { type: { set: 'string' }, required: true },
                                  storage_class_name: { type: 'string', optional: true },
                                  volume_mode: { type: 'string', optional: true },
                                  volume_name: { type: 'string', optional: true },
                                },
                                blocks: {
                                  resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                    attributes: {
                                      limits: { type: { map: 'string' }, optional: true },
                                      requests: { type: { map: 'string' }, optional: true },
                                    },
                                  } },
                                  selector: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      fc: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          lun: { type: 'number', required: true },
                          read_only: { type: 'bool', optional: true },
                          target_ww_ns: { type: { set: 'string' }, required: true },
                        },
                      } },
                      flex_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          options: { type: { map: 'string' }, optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      flocker: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          dataset_name: { type: 'string', optional: true },
                          dataset_uuid: { type: 'string', optional: true },
                        },
                      } },
                      gce_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          pd_name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      git_repo: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          directory: { type: 'string', optional: true },
                          repository: { type: 'string', optional: true },
                          revision: { type: 'string', optional: true },
                        },
                      } },
                      glusterfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          endpoints_name: { type: 'string', required: true },
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      host_path: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      iscsi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          iqn: { type: 'string', required: true },
                          iscsi_interface: { type: 'string', optional: true },
                          lun: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          target_portal: { type: 'string', required: true },
                        },
                      } },
                      local: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                        },
                      } },
                      nfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          server: { type: 'string', required: true },
                        },
                      } },
                      persistent_volume_claim: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          claim_name: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      photon_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          pd_id: { type: 'string', required: true },
                        },
                      } },
                      projected: { nesting: 'list', block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          sources: { nesting: 'list', minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              downward_api: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', required: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              secret: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              service_account_token: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  audience: { type: 'string', optional: true },
                                  expiration_seconds: { type: 'number', optional: true },
                                  path: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      quobyte: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          group: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          registry: { type: 'string', required: true },
                          user: { type: 'string', optional: true },
                          volume: { type: 'string', required: true },
                        },
                      } },
                      rbd: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          ceph_monitors: { type: { set: 'string' }, required: true },
                          fs_type: { type: 'string', optional: true },
                          keyring: { type: 'string', optional: true },
                          rados_user: { type: 'string', optional: true },
                          rbd_image: { type: 'string', required: true },
                          rbd_pool: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      secret: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                          secret_name: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      vsphere_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          volume_path: { type: 'string', required: true },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
          delete: { type: 'string', optional: true },
          update: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_stateful_set_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_rollout: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          min_ready_seconds: { type: 'number', optional: true },
          pod_management_policy: { type: 'string', optional: true },
          replicas: { type: 'string', optional: true },
          revision_history_limit: { type: 'number', optional: true },
          service_name: { type: 'string', required: true },
        },
        blocks: {
          persistent_volume_claim_retention_policy: { nesting: 'list', block: {
            attributes: {
              when_deleted: { type: 'string', optional: true },
              when_scaled: { type: 'string', optional: true },
            },
          } },
          selector: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
              match_labels: { type: { map: 'string' }, optional: true },
            },
            blocks: {
              match_expressions: { nesting: 'list', block: {
                attributes: {
                  key: { type: 'string', optional: true },
                  operator: { type: 'string', optional: true },
                  values: { type: { set: 'string' }, optional: true },
                },
              } },
            },
          } },
          template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
            },
            blocks: {
              metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  annotations: { type: { map: 'string' }, optional: true },
                  generate_name: { type: 'string', optional: true },
                  labels: { type: { map: 'string' }, optional: true },
                  name: { type: 'string', optional: true },
                  namespace: { type: 'string', optional: true },
                  generation: { type: 'number', computed: true },
                  resource_version: { type: 'string', computed: true },
                  uid: { type: 'string', computed: true },
                },
              } },
              spec: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  active_deadline_seconds: { type: 'number', optional: true },
                  automount_service_account_token: { type: 'bool', optional: true },
                  dns_policy: { type: 'string', optional: true },
                  enable_service_links: { type: 'bool', optional: true },
                  host_ipc: { type: 'bool', optional: true },
                  host_network: { type: 'bool', optional: true },
                  host_pid: { type: 'bool', optional: true },
                  hostname: { type: 'string', optional: true },
                  node_name: { type: 'string', optional: true },
                  node_selector: { type: { map: 'string' }, optional: true },
                  priority_class_name: { type: 'string', optional: true },
                  restart_policy: { type: 'string', optional: true },
                  runtime_class_name: { type: 'string', optional: true },
                  scheduler_name: { type: 'string', optional: true },
                  service_account_name: { type: 'string', optional: true },
                  share_process_namespace: { type: 'bool', optional: true },
                  subdomain: { type: 'string', optional: true },
                  termination_grace_period_seconds: { type: 'number', optional: true },
                },
                blocks: {
                  affinity: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                    },
                    blocks: {
                      node_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              preference: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              node_selector_term: { nesting: 'list', block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_anti_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  dns_config: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      nameservers: { type: { list: 'string' }, optional: true },
                      searches: { type: { list: 'string' }, optional: true },
                    },
                    blocks: {
                      option: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  host_aliases: { nesting: 'list', block: {
                    attributes: {
                      hostnames: { type: { list: 'string' }, required: true },
                      ip: { type: 'string', required: true },
                    },
                  } },
                  image_pull_secrets: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  init_container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  os: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  readiness_gate: { nesting: 'list', block: {
                    attributes: {
                      condition_type: { type: 'string', required: true },
                    },
                  } },
                  security_context: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      fs_group: { type: 'string', optional: true },
                      fs_group_change_policy: { type: 'string', optional: true },
                      run_as_group: { type: 'string', optional: true },
                      run_as_non_root: { type: 'bool', optional: true },
                      run_as_user: { type: 'string', optional: true },
                      supplemental_groups: { type: { set: 'number' }, optional: true },
                    },
                    blocks: {
                      se_linux_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          level: { type: 'string', optional: true },
                          role: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                      } },
                      seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          localhost_profile: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      sysctl: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', required: true },
                        },
                      } },
                      windows_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          gmsa_credential_spec: { type: 'string', optional: true },
                          gmsa_credential_spec_name: { type: 'string', optional: true },
                          host_process: { type: 'bool', optional: true },
                          run_as_username: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  toleration: { nesting: 'list', block: {
                    attributes: {
                      effect: { type: 'string', optional: true },
                      key: { type: 'string', optional: true },
                      operator: { type: 'string', optional: true },
                      toleration_seconds: { type: 'string', optional: true },
                      value: { type: 'string', optional: true },
                    },
                  } },
                  topology_spread_constraint: { nesting: 'list', block: {
                    attributes: {
                      match_label_keys: { type: { set: 'string' }, optional: true },
                      max_skew: { type: 'number', optional: true },
                      min_domains: { type: 'number', optional: true },
                      node_affinity_policy: { type: 'string', optional: true },
                      node_taints_policy: { type: 'string', optional: true },
                      topology_key: { type: 'string', optional: true },
                      when_unsatisfiable: { type: 'string', optional: true },
                    },
                    blocks: {
                      label_selector: { nesting: 'list', block: {
                        attributes: {
                          match_labels: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          match_expressions: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              operator: { type: 'string', optional: true },
                              values: { type: { set: 'string' }, optional: true },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  volume: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', optional: true },
                    },
                    blocks: {
                      aws_elastic_block_store: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      azure_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          caching_mode: { type: 'string', required: true },
                          data_disk_uri: { type: 'string', required: true },
                          disk_name: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          kind: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      azure_file: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          read_only: { type: 'bool', optional: true },
                          secret_name: { type: 'string', required: true },
                          secret_namespace: { type: 'string', optional: true },
                          share_name: { type: 'string', required: true },
                        },
                      } },
                      ceph_fs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          monitors: { type: { set: 'string' }, required: true },
                          path: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          secret_file: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      cinder: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      config_map: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          name: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      csi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_attributes: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          node_publish_secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      downward_api: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', required: true },
                            },
                            blocks: {
                              field_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', required: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      empty_dir: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          medium: { type: 'string', optional: true },
                          size_limit: { type: 'string', optional: true },
                        },
                      } },
                      ephemeral: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          volume_claim_template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              metadata: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  annotations: { type: { map: 'string' }, optional: true },
                                  labels: { type: { map: 'string' }, optional: true },
                                },
                              } },
                              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  access_modes: { type: { set: 'string' }, required: true },
                                  storage_class_name: { type: 'string', optional: true },
                                  volume_mode: { type: 'string', optional: true },
                                  volume_name: { type: 'string', optional: true },
                                },
                                blocks: {
                                  resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                    attributes: {
                                      limits: { type: { map: 'string' }, optional: true },
                                      requests: { type: { map: 'string' }, optional: true },
                                    },
                                  } },
                                  selector: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      fc: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          lun: { type: 'number', required: true },
                          read_only: { type: 'bool', optional: true },
                          target_ww_ns: { type: { set: 'string' }, required: true },
                        },
                      } },
                      flex_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          options: { type: { map: 'string' }, optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      flocker: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          dataset_name: { type: 'string', optional: true },
                          dataset_uuid: { type: 'string', optional: true },
                        },
                      } },
                      gce_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          pd_name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      git_repo: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          directory: { type: 'string', optional: true },
                          repository: { type: 'string', optional: true },
                          revision: { type: 'string', optional: true },
                        },
                      } },
                      glusterfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          endpoints_name: { type: 'string', required: true },
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      host_path: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      iscsi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          iqn: { type: 'string', required: true },
                          iscsi_interface: { type: 'string', optional: true },
                          lun: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          target_portal: { type: 'string', required: true },
                        },
                      } },
                      local: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                        },
                      } },
                      nfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          server: { type: 'string', required: true },
                        },
                      } },
                      persistent_volume_claim: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          claim_name: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      photon_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          pd_id: { type: 'string', required: true },
                        },
                      } },
                      projected: { nesting: 'list', block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          sources: { nesting: 'list', minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              downward_api: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', required: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              secret: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              service_account_token: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  audience: { type: 'string', optional: true },
                                  expiration_seconds: { type: 'number', optional: true },
                                  path: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      quobyte: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          group: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          registry: { type: 'string', required: true },
                          user: { type: 'string', optional: true },
                          volume: { type: 'string', required: true },
                        },
                      } },
                      rbd: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          ceph_monitors: { type: { set: 'string' }, required: true },
                          fs_type: { type: 'string', optional: true },
                          keyring: { type: 'string', optional: true },
                          rados_user: { type: 'string', optional: true },
                          rbd_image: { type: 'string', required: true },
                          rbd_pool: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      secret: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                          secret_name: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      vsphere_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          volume_path: { type: 'string', required: true },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
          update_strategy: { nesting: 'list', block: {
            attributes: {
              type: { type: 'string', optional: true },
            },
            blocks: {
              rolling_update: { nesting: 'list', block: {
                attributes: {
                  partition: { type: 'number', optional: true },
                },
              } },
            },
          } },
          volume_claim_template: { nesting: 'list', block: {
            attributes: {
            },
            blocks: {
              metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  annotations: { type: { map: 'string' }, optional: true },
                  generate_name: { type: 'string', optional: true },
                  labels: { type: { map: 'string' }, optional: true },
                  name: { type: 'string', optional: true },
                  namespace: { type: 'string', optional: true },
                  generation: { type: 'number', computed: true },
                  resource_version: { type: 'string', computed: true },
                  uid: { type: 'string', computed: true },
                },
              } },
              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  access_modes: { type: { set: 'string' }, required: true },
                  storage_class_name: { type: 'string', optional: true },
                  volume_mode: { type: 'string', optional: true },
                  volume_name: { type: 'string', optional: true },
                },
                blocks: {
                  resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                    attributes: {
                      limits: { type: { map: 'string' }, optional: true },
                      requests: { type: { map: 'string' }, optional: true },
                    },
                  } },
                  selector: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      match_labels: { type: { map: 'string' }, optional: true },
                    },
                    blocks: {
                      match_expressions: { nesting: 'list', block: {
                        attributes: {
                          key: { type: 'string', optional: true },
                          operator: { type: 'string', optional: true },
                          values: { type: { set: 'string' }, optional: true },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
          delete: { type: 'string', optional: true },
          read: { type: 'string', optional: true },
          update: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_daemon_set_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_rollout: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          min_ready_seconds: { type: 'number', optional: true },
          revision_history_limit: { type: 'number', optional: true },
        },
        blocks: {
          selector: { nesting: 'list', maxItems: 1, block: {
            attributes: {
              match_labels: { type: { map: 'string' }, optional: true },
            },
            blocks: {
              match_expressions: { nesting: 'list', block: {
                attributes: {
                  key: { type: 'string', optional: true },
                  operator: { type: 'string', optional: true },
                  values: { type: { set: 'string' }, optional: true },
                },
              } },
            },
          } },
          strategy: { nesting: 'list', maxItems: 1, block: {
            attributes: {
              type: { type: 'string', optional: true },
            },
            blocks: {
              rolling_update: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  max_surge: { type: 'string', optional: true },
                  max_unavailable: { type: 'string', optional: true },
                },
              } },
            },
          } },
          template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
            },
            blocks: {
              metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  annotations: { type: { map: 'string' }, optional: true },
                  generate_name: { type: 'string', optional: true },
                  labels: { type: { map: 'string' }, optional: true },
                  name: { type: 'string', optional: true },
                  namespace: { type: 'string', optional: true },
                  generation: { type: 'number', computed: true },
                  resource_version: { type: 'string', computed: true },
                  uid: { type: 'string', computed: true },
                },
              } },
              spec: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  active_deadline_seconds: { type: 'number', optional: true },
                  automount_service_account_token: { type: 'bool', optional: true },
                  dns_policy: { type: 'string', optional: true },
                  enable_service_links: { type: 'bool', optional: true },
                  host_ipc: { type: 'bool', optional: true },
                  host_network: { type: 'bool', optional: true },
                  host_pid: { type: 'bool', optional: true },
                  hostname: { type: 'string', optional: true },
                  node_name: { type: 'string', optional: true },
                  node_selector: { type: { map: 'string' }, optional: true },
                  priority_class_name: { type: 'string', optional: true },
                  restart_policy: { type: 'string', optional: true },
                  runtime_class_name: { type: 'string', optional: true },
                  scheduler_name: { type: 'string', optional: true },
                  service_account_name: { type: 'string', optional: true },
                  share_process_namespace: { type: 'bool', optional: true },
                  subdomain: { type: 'string', optional: true },
                  termination_grace_period_seconds: { type: 'number', optional: true },
                },
                blocks: {
                  affinity: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                    },
                    blocks: {
                      node_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              preference: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              node_selector_term: { nesting: 'list', block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_anti_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  dns_config: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      nameservers: { type: { list: 'string' }, optional: true },
                      searches: { type: { list: 'string' }, optional: true },
                    },
                    blocks: {
                      option: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  host_aliases: { nesting: 'list', block: {
                    attributes: {
                      hostnames: { type: { list: 'string' }, required: true },
                      ip: { type: 'string', required: true },
                    },
                  } },
                  image_pull_secrets: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  init_container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  os: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  readiness_gate: { nesting: 'list', block: {
                    attributes: {
                      condition_type: { type: 'string', required: true },
                    },
                  } },
                  security_context: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      fs_group: { type: 'string', optional: true },
                      fs_group_change_policy: { type: 'string', optional: true },
                      run_as_group: { type: 'string', optional: true },
                      run_as_non_root: { type: 'bool', optional: true },
                      run_as_user: { type: 'string', optional: true },
                      supplemental_groups: { type: { set: 'number' }, optional: true },
                    },
                    blocks: {
                      se_linux_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          level: { type: 'string', optional: true },
                          role: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                      } },
                      seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          localhost_profile: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      sysctl: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', required: true },
                        },
                      } },
                      windows_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          gmsa_credential_spec: { type: 'string', optional: true },
                          gmsa_credential_spec_name: { type: 'string', optional: true },
                          host_process: { type: 'bool', optional: true },
                          run_as_username: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  toleration: { nesting: 'list', block: {
                    attributes: {
                      effect: { type: 'string', optional: true },
                      key: { type: 'string', optional: true },
                      operator: { type: 'string', optional: true },
                      toleration_seconds: { type: 'string', optional: true },
                      value: { type: 'string', optional: true },
                    },
                  } },
                  topology_spread_constraint: { nesting: 'list', block: {
                    attributes: {
                      match_label_keys: { type: { set: 'string' }, optional: true },
                      max_skew: { type: 'number', optional: true },
                      min_domains: { type: 'number', optional: true },
                      node_affinity_policy: { type: 'string', optional: true },
                      node_taints_policy: { type: 'string', optional: true },
                      topology_key: { type: 'string', optional: true },
                      when_unsatisfiable: { type: 'string', optional: true },
                    },
                    blocks: {
                      label_selector: { nesting: 'list', block: {
                        attributes: {
                          match_labels: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          match_expressions: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              operator: { type: 'string', optional: true },
                              values: { type: { set: 'string' }, optional: true },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  volume: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', optional: true },
                    },
                    blocks: {
                      aws_elastic_block_store: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      azure_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          caching_mode: { type: 'string', required: true },
                          data_disk_uri: { type: 'string', required: true },
                          disk_name: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          kind: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      azure_file: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          read_only: { type: 'bool', optional: true },
                          secret_name: { type: 'string', required: true },
                          secret_namespace: { type: 'string', optional: true },
                          share_name: { type: 'string', required: true },
                        },
                      } },
                      ceph_fs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          monitors: { type: { set: 'string' }, required: true },
                          path: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          secret_file: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      cinder: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      config_map: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          name: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      csi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_attributes: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          node_publish_secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      downward_api: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', required: true },
                            },
                            blocks: {
                              field_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', required: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      empty_dir: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          medium: { type: 'string', optional: true },
                          size_limit: { type: 'string', optional: true },
                        },
                      } },
                      ephemeral: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          volume_claim_template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              metadata: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  annotations: { type: { map: 'string' }, optional: true },
                                  labels: { type: { map: 'string' }, optional: true },
                                },
                              } },
                              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  access_modes: { type: { set: 'string' }, required: true },
                                  storage_class_name: { type: 'string', optional: true },
                                  volume_mode: { type: 'string', optional: true },
                                  volume_name: { type: 'string', optional: true },
                                },
                                blocks: {
                                  resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                    attributes: {
                                      limits: { type: { map: 'string' }, optional: true },
                                      requests: { type: { map: 'string' }, optional: true },
                                    },
                                  } },
                                  selector: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      fc: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          lun: { type: 'number', required: true },
                          read_only: { type: 'bool', optional: true },
                          target_ww_ns: { type: { set: 'string' }, required: true },
                        },
                      } },
                      flex_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          options: { type: { map: 'string' }, optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      flocker: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          dataset_name: { type: 'string', optional: true },
                          dataset_uuid: { type: 'string', optional: true },
                        },
                      } },
                      gce_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          pd_name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      git_repo: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          directory: { type: 'string', optional: true },
                          repository: { type: 'string', optional: true },
                          revision: { type: 'string', optional: true },
                        },
                      } },
                      glusterfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          endpoints_name: { type: 'string', required: true },
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      host_path: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      iscsi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          iqn: { type: 'string', required: true },
                          iscsi_interface: { type: 'string', optional: true },
                          lun: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          target_portal: { type: 'string', required: true },
                        },
                      } },
                      local: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                        },
                      } },
                      nfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          server: { type: 'string', required: true },
                        },
                      } },
                      persistent_volume_claim: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          claim_name: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      photon_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          pd_id: { type: 'string', required: true },
                        },
                      } },
                      projected: { nesting: 'list', block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          sources: { nesting: 'list', minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              downward_api: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', required: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              secret: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              service_account_token: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  audience: { type: 'string', optional: true },
                                  expiration_seconds: { type: 'number', optional: true },
                                  path: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      quobyte: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          group: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          registry: { type: 'string', required: true },
                          user: { type: 'string', optional: true },
                          volume: { type: 'string', required: true },
                        },
                      } },
                      rbd: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          ceph_monitors: { type: { set: 'string' }, required: true },
                          fs_type: { type: 'string', optional: true },
                          keyring: { type: 'string', optional: true },
                          rados_user: { type: 'string', optional: true },
                          rbd_image: { type: 'string', required: true },
                          rbd_pool: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      secret: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                          secret_name: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      vsphere_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          volume_path: { type: 'string', required: true },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
          delete: { type: 'string', optional: true },
          update: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_job_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_completion: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          active_deadline_seconds: { type: 'number', optional: true },
          backoff_limit: { type: 'number', optional: true },
          backoff_limit_per_index: { type: 'number', optional: true },
          completion_mode: { type: 'string', optional: true },
          completions: { type: 'number', optional: true },
          manual_selector: { type: 'bool', optional: true },
          max_failed_indexes: { type: 'number', optional: true },
          parallelism: { type: 'number', optional: true },
          ttl_seconds_after_finished: { type: 'string', optional: true },
        },
        blocks: {
          pod_failure_policy: { nesting: 'list', maxItems: 1, block: {
            attributes: {
            },
            blocks: {
              rule: { nesting: 'list', minItems: 1, block: {
                attributes: {
                  action: { type: 'string', optional: true },
                },
                blocks: {
                  on_exit_codes: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      container_name: { type: 'string', optional: true },
                      operator: { type: 'string', optional: true },
                      values: { type: { list: 'number' }, required: true },
                    },
                  } },
                  on_pod_condition: { nesting: 'list', block: {
                    attributes: {
                      status: { type: 'string', optional: true },
                      type: { type: 'string', optional: true },
                    },
                  } },
                },
              } },
            },
          } },
          selector: { nesting: 'list', maxItems: 1, block: {
            attributes: {
              match_labels: { type: { map: 'string' }, optional: true },
            },
            blocks: {
              match_expressions: { nesting: 'list', block: {
                attributes: {
                  key: { type: 'string', optional: true },
                  operator: { type: 'string', optional: true },
                  values: { type: { set: 'string' }, optional: true },
                },
              } },
            },
          } },
          template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
            },
            blocks: {
              metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  annotations: { type: { map: 'string' }, optional: true },
                  generate_name: { type: 'string', optional: true },
                  labels: { type: { map: 'string' }, optional: true },
                  name: { type: 'string', optional: true },
                  generation: { type: 'number', computed: true },
                  resource_version: { type: 'string', computed: true },
                  uid: { type: 'string', computed: true },
                },
              } },
              spec: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  active_deadline_seconds: { type: 'number', optional: true },
                  automount_service_account_token: { type: 'bool', optional: true },
                  dns_policy: { type: 'string', optional: true },
                  enable_service_links: { type: 'bool', optional: true },
                  host_ipc: { type: 'bool', optional: true },
                  host_network: { type: 'bool', optional: true },
                  host_pid: { type: 'bool', optional: true },
                  hostname: { type: 'string', optional: true },
                  node_name: { type: 'string', optional: true },
                  node_selector: { type: { map: 'string' }, optional: true },
                  priority_class_name: { type: 'string', optional: true },
                  restart_policy: { type: 'string', optional: true },
                  runtime_class_name: { type: 'string', optional: true },
                  scheduler_name: { type: 'string', optional: true },
                  service_account_name: { type: 'string', optional: true },
                  share_process_namespace: { type: 'bool', optional: true },
                  subdomain: { type: 'string', optional: true },
                  termination_grace_period_seconds: { type: 'number', optional: true },
                },
                blocks: {
                  affinity: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                    },
                    blocks: {
                      node_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              preference: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              node_selector_term: { nesting: 'list', block: {
                                attributes: {
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                  match_fields: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', required: true },
                                      operator: { type: 'string', required: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      pod_anti_affinity: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              weight: { type: 'number', required: true },
                            },
                            blocks: {
                              pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  namespaces: { type: { set: 'string' }, optional: true },
                                  topology_key: { type: 'string', required: true },
                                },
                                blocks: {
                                  label_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  namespace_selector: { nesting: 'list', block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                            attributes: {
                              namespaces: { type: { set: 'string' }, optional: true },
                              topology_key: { type: 'string', required: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                              namespace_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  dns_config: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      nameservers: { type: { list: 'string' }, optional: true },
                      searches: { type: { list: 'string' }, optional: true },
                    },
                    blocks: {
                      option: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  host_aliases: { nesting: 'list', block: {
                    attributes: {
                      hostnames: { type: { list: 'string' }, required: true },
                      ip: { type: 'string', required: true },
                    },
                  } },
                  image_pull_secrets: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  init_container: { nesting: 'list', block: {
                    attributes: {
                      args: { type: { list: 'string' }, optional: true },
                      command: { type: { list: 'string' }, optional: true },
                      image: { type: 'string', optional: true },
                      image_pull_policy: { type: 'string', optional: true },
                      name: { type: 'string', required: true },
                      stdin: { type: 'bool', optional: true },
                      stdin_once: { type: 'bool', optional: true },
                      termination_message_path: { type: 'string', optional: true },
                      termination_message_policy: { type: 'string', optional: true },
                      tty: { type: 'bool', optional: true },
                      working_dir: { type: 'string', optional: true },
                    },
                    blocks: {
                      env: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', optional: true },
                        },
                        blocks: {
                          value_from: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', optional: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                              secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  key: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      env_from: { nesting: 'list', block: {
                        attributes: {
                          prefix: { type: 'string', optional: true },
                        },
                        blocks: {
                          config_map_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                              optional: { type: 'bool', optional: true },
                            },
                          } },
                        },
                      } },
                      lifecycle: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          post_start: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                          pre_stop: { nesting: 'list', block: {
                            attributes: {
                            },
                            blocks: {
                              exec: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  command: { type: { list: 'string' }, optional: true },
                                },
                              } },
                              http_get: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  host: { type: 'string', optional: true },
                                  path: { type: 'string', optional: true },
                                  port: { type: 'string', optional: true },
                                  scheme: { type: 'string', optional: true },
                                },
                                blocks: {
                                  http_header: { nesting: 'list', block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      value: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              tcp_socket: { nesting: 'list', block: {
                                attributes: {
                                  port: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      liveness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      port: { nesting: 'list', block: {
                        attributes: {
                          container_port: { type: 'number', required: true },
                          host_ip: { type: 'string', optional: true },
                          host_port: { type: 'number', optional: true },
                          name: { type: 'string', optional: true },
                          protocol: { type: 'string', optional: true },
                        },
                      } },
                      readiness_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      resources: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          limits: { type: { map: 'string' }, optional: true },
                          requests: { type: { map: 'string' }, optional: true },
                        },
                      } },
                      security_context: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          allow_privilege_escalation: { type: 'bool', optional: true },
                          privileged: { type: 'bool', optional: true },
                          read_only_root_filesystem: { type: 'bool', optional: true },
                          run_as_group: { type: 'string', optional: true },
                          run_as_non_root: { type: 'bool', optional: true },
                          run_as_user: { type: 'string', optional: true },
                        },
                        blocks: {
                          capabilities: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              add: { type: { list: 'string' }, optional: true },
                              drop: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          se_linux_options: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              level: { type: 'string', optional: true },
                              role: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                              user: { type: 'string', optional: true },
                            },
                          } },
                          seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              localhost_profile: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      startup_probe: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          failure_threshold: { type: 'number', optional: true },
                          initial_delay_seconds: { type: 'number', optional: true },
                          period_seconds: { type: 'number', optional: true },
                          success_threshold: { type: 'number', optional: true },
                          timeout_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          exec: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              command: { type: { list: 'string' }, optional: true },
                            },
                          } },
                          grpc: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'number', required: true },
                              service: { type: 'string', optional: true },
                            },
                          } },
                          http_get: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              host: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                              port: { type: 'string', optional: true },
                              scheme: { type: 'string', optional: true },
                            },
                            blocks: {
                              http_header: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          tcp_socket: { nesting: 'list', block: {
                            attributes: {
                              port: { type: 'string', required: true },
                            },
                          } },
                        },
                      } },
                      volume_device: { nesting: 'list', block: {
                        attributes: {
                          device_path: { type: 'string', required: true },
                          name: { type: 'string', required: true },
                        },
                      } },
                      volume_mount: { nesting: 'list', block: {
                        attributes: {
                          mount_path: { type: 'string', required: true },
                          mount_propagation: { type: 'string', optional: true },
                          name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          sub_path: { type: 'string', optional: true },
                          sub_path_expr: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  os: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      name: { type: 'string', required: true },
                    },
                  } },
                  readiness_gate: { nesting: 'list', block: {
                    attributes: {
                      condition_type: { type: 'string', required: true },
                    },
                  } },
                  security_context: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      fs_group: { type: 'string', optional: true },
                      fs_group_change_policy: { type: 'string', optional: true },
                      run_as_group: { type: 'string', optional: true },
                      run_as_non_root: { type: 'bool', optional: true },
                      run_as_user: { type: 'string', optional: true },
                      supplemental_groups: { type: { set: 'number' }, optional: true },
                    },
                    blocks: {
                      se_linux_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          level: { type: 'string', optional: true },
                          role: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                      } },
                      seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          localhost_profile: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      sysctl: { nesting: 'list', block: {
                        attributes: {
                          name: { type: 'string', required: true },
                          value: { type: 'string', required: true },
                        },
                      } },
                      windows_options: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          gmsa_credential_spec: { type: 'string', optional: true },
                          gmsa_credential_spec_name: { type: 'string', optional: true },
                          host_process: { type: 'bool', optional: true },
                          run_as_username: { type: 'string', optional: true },
                        },
                      } },
                    },
                  } },
                  toleration: { nesting: 'list', block: {
                    attributes: {
                      effect: { type: 'string', optional: true },
                      key: { type: 'string', optional: true },
                      operator: { type: 'string', optional: true },
                      toleration_seconds: { type: 'string', optional: true },
                      value: { type: 'string', optional: true },
                    },
                  } },
                  topology_spread_constraint: { nesting: 'list', block: {
                    attributes: {
                      match_label_keys: { type: { set: 'string' }, optional: true },
                      max_skew: { type: 'number', optional: true },
                      min_domains: { type: 'number', optional: true },
                      node_affinity_policy: { type: 'string', optional: true },
                      node_taints_policy: { type: 'string', optional: true },
                      topology_key: { type: 'string', optional: true },
                      when_unsatisfiable: { type: 'string', optional: true },
                    },
                    blocks: {
                      label_selector: { nesting: 'list', block: {
                        attributes: {
                          match_labels: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          match_expressions: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              operator: { type: 'string', optional: true },
                              values: { type: { set: 'string' }, optional: true },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  volume: { nesting: 'list', block: {
                    attributes: {
                      name: { type: 'string', optional: true },
                    },
                    blocks: {
                      aws_elastic_block_store: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      azure_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          caching_mode: { type: 'string', required: true },
                          data_disk_uri: { type: 'string', required: true },
                          disk_name: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          kind: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      azure_file: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          read_only: { type: 'bool', optional: true },
                          secret_name: { type: 'string', required: true },
                          secret_namespace: { type: 'string', optional: true },
                          share_name: { type: 'string', required: true },
                        },
                      } },
                      ceph_fs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          monitors: { type: { set: 'string' }, required: true },
                          path: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          secret_file: { type: 'string', optional: true },
                          user: { type: 'string', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      cinder: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_id: { type: 'string', required: true },
                        },
                      } },
                      config_map: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          name: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      csi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          volume_attributes: { type: { map: 'string' }, optional: true },
                        },
                        blocks: {
                          node_publish_secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      downward_api: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', required: true },
                            },
                            blocks: {
                              field_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  api_version: { type: 'string', optional: true },
                                  field_path: { type: 'string', optional: true },
                                },
                              } },
                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  container_name: { type: 'string', required: true },
                                  divisor: { type: 'string', optional: true },
                                  resource: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      empty_dir: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          medium: { type: 'string', optional: true },
                          size_limit: { type: 'string', optional: true },
                        },
                      } },
                      ephemeral: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          volume_claim_template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              metadata: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  annotations: { type: { map: 'string' }, optional: true },
                                  labels: { type: { map: 'string' }, optional: true },
                                },
                              } },
                              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  access_modes: { type: { set: 'string' }, required: true },
                                  storage_class_name: { type: 'string', optional: true },
                                  volume_mode: { type: 'string', optional: true },
                                  volume_name: { type: 'string', optional: true },
                                },
                                blocks: {
                                  resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                    attributes: {
                                      limits: { type: { map: 'string' }, optional: true },
                                      requests: { type: { map: 'string' }, optional: true },
                                    },
                                  } },
                                  selector: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      match_labels: { type: { map: 'string' }, optional: true },
                                    },
                                    blocks: {
                                      match_expressions: { nesting: 'list', block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          operator: { type: 'string', optional: true },
                                          values: { type: { set: 'string' }, optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      fc: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          lun: { type: 'number', required: true },
                          read_only: { type: 'bool', optional: true },
                          target_ww_ns: { type: { set: 'string' }, required: true },
                        },
                      } },
                      flex_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          driver: { type: 'string', required: true },
                          fs_type: { type: 'string', optional: true },
                          options: { type: { map: 'string' }, optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      flocker: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          dataset_name: { type: 'string', optional: true },
                          dataset_uuid: { type: 'string', optional: true },
                        },
                      } },
                      gce_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          partition: { type: 'number', optional: true },
                          pd_name: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      git_repo: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          directory: { type: 'string', optional: true },
                          repository: { type: 'string', optional: true },
                          revision: { type: 'string', optional: true },
                        },
                      } },
                      glusterfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          endpoints_name: { type: 'string', required: true },
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      host_path: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                          type: { type: 'string', optional: true },
                        },
                      } },
                      iscsi: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          iqn: { type: 'string', required: true },
                          iscsi_interface: { type: 'string', optional: true },
                          lun: { type: 'number', optional: true },
                          read_only: { type: 'bool', optional: true },
                          target_portal: { type: 'string', required: true },
                        },
                      } },
                      local: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', optional: true },
                        },
                      } },
                      nfs: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          path: { type: 'string', required: true },
                          read_only: { type: 'bool', optional: true },
                          server: { type: 'string', required: true },
                        },
                      } },
                      persistent_volume_claim: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          claim_name: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                      } },
                      photon_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          pd_id: { type: 'string', required: true },
                        },
                      } },
                      projected: { nesting: 'list', block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                        },
                        blocks: {
                          sources: { nesting: 'list', minItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              config_map: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              downward_api: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', required: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              secret: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              service_account_token: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  audience: { type: 'string', optional: true },
                                  expiration_seconds: { type: 'number', optional: true },
                                  path: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                      quobyte: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          group: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                          registry: { type: 'string', required: true },
                          user: { type: 'string', optional: true },
                          volume: { type: 'string', required: true },
                        },
                      } },
                      rbd: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          ceph_monitors: { type: { set: 'string' }, required: true },
                          fs_type: { type: 'string', optional: true },
                          keyring: { type: 'string', optional: true },
                          rados_user: { type: 'string', optional: true },
                          rbd_image: { type: 'string', required: true },
                          rbd_pool: { type: 'string', optional: true },
                          read_only: { type: 'bool', optional: true },
                        },
                        blocks: {
                          secret_ref: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                              namespace: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      secret: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          default_mode: { type: 'string', optional: true },
                          optional: { type: 'bool', optional: true },
                          secret_name: { type: 'string', optional: true },
                        },
                        blocks: {
                          items: { nesting: 'list', block: {
                            attributes: {
                              key: { type: 'string', optional: true },
                              mode: { type: 'string', optional: true },
                              path: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                      vsphere_volume: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          fs_type: { type: 'string', optional: true },
                          volume_path: { type: 'string', required: true },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
          delete: { type: 'string', optional: true },
          update: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_cron_job_v1': {
    attributes: {
      id: { type: 'string', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          concurrency_policy: { type: 'string', optional: true },
          failed_jobs_history_limit: { type: 'number', optional: true },
          schedule: { type: 'string', required: true },
          starting_deadline_seconds: { type: 'number', optional: true },
          successful_jobs_history_limit: { type: 'number', optional: true },
          suspend: { type: 'bool', optional: true },
          timezone: { type: 'string', optional: true },
        },
        blocks: {
          job_template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
            },
            blocks: {
              metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  annotations: { type: { map: 'string' }, optional: true },
                  generate_name: { type: 'string', optional: true },
                  labels: { type: { map: 'string' }, optional: true },
                  name: { type: 'string', optional: true },
                  namespace: { type: 'string', optional: true },
                  generation: { type: 'number', computed: true },
                  resource_version: { type: 'string', computed: true },
                  uid: { type: 'string', computed: true },
                },
              } },
              spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                attributes: {
                  active_deadline_seconds: { type: 'number', optional: true },
                  backoff_limit: { type: 'number', optional: true },
                  backoff_limit_per_index: { type: 'number', optional: true },
                  completion_mode: { type: 'string', optional: true },
                  completions: { type: 'number', optional: true },
                  manual_selector: { type: 'bool', optional: true },
                  max_failed_indexes: { type: 'number', optional: true },
                  parallelism: { type: 'number', optional: true },
                  ttl_seconds_after_finished: { type: 'string', optional: true },
                },
                blocks: {
                  pod_failure_policy: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                    },
                    blocks: {
                      rule: { nesting: 'list', minItems: 1, block: {
                        attributes: {
                          action: { type: 'string', optional: true },
                        },
                        blocks: {
                          on_exit_codes: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              container_name: { type: 'string', optional: true },
                              operator: { type: 'string', optional: true },
                              values: { type: { list: 'number' }, required: true },
                            },
                          } },
                          on_pod_condition: { nesting: 'list', block: {
                            attributes: {
                              status: { type: 'string', optional: true },
                              type: { type: 'string', optional: true },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                  selector: { nesting: 'list', maxItems: 1, block: {
                    attributes: {
                      match_labels: { type: { map: 'string' }, optional: true },
                    },
                    blocks: {
                      match_expressions: { nesting: 'list', block: {
                        attributes: {
                          key: { type: 'string', optional: true },
                          operator: { type: 'string', optional: true },
                          values: { type: { set: 'string' }, optional: true },
                        },
                      } },
                    },
                  } },
                  template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                    attributes: {
                    },
                    blocks: {
                      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                        attributes: {
                          annotations: { type: { map: 'string' }, optional: true },
                          generate_name: { type: 'string', optional: true },
                          labels: { type: { map: 'string' }, optional: true },
                          name: { type: 'string', optional: true },
                          generation: { type: 'number', computed: true },
                          resource_version: { type: 'string', computed: true },
                          uid: { type: 'string', computed: true },
                        },
                      } },
                      spec: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                          active_deadline_seconds: { type: 'number', optional: true },
                          automount_service_account_token: { type: 'bool', optional: true },
                          dns_policy: { type: 'string', optional: true },
                          enable_service_links: { type: 'bool', optional: true },
                          host_ipc: { type: 'bool', optional: true },
                          host_network: { type: 'bool', optional: true },
                          host_pid: { type: 'bool', optional: true },
                          hostname: { type: 'string', optional: true },
                          node_name: { type: 'string', optional: true },
                          node_selector: { type: { map: 'string' }, optional: true },
                          priority_class_name: { type: 'string', optional: true },
                          restart_policy: { type: 'string', optional: true },
                          runtime_class_name: { type: 'string', optional: true },
                          scheduler_name: { type: 'string', optional: true },
                          service_account_name: { type: 'string', optional: true },
                          share_process_namespace: { type: 'bool', optional: true },
                          subdomain: { type: 'string', optional: true },
                          termination_grace_period_seconds: { type: 'number', optional: true },
                        },
                        blocks: {
                          affinity: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                            },
                            blocks: {
                              node_affinity: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                                    attributes: {
                                      weight: { type: 'number', required: true },
                                    },
                                    blocks: {
                                      preference: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                        attributes: {
                                        },
                                        blocks: {
                                          match_expressions: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              operator: { type: 'string', optional: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                          match_fields: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', required: true },
                                              operator: { type: 'string', required: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                  required_during_scheduling_ignored_during_execution: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      node_selector_term: { nesting: 'list', block: {
                                        attributes: {
                                        },
                                        blocks: {
                                          match_expressions: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              operator: { type: 'string', optional: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                          match_fields: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', required: true },
                                              operator: { type: 'string', required: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              pod_affinity: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                                    attributes: {
                                      weight: { type: 'number', required: true },
                                    },
                                    blocks: {
                                      pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                        attributes: {
                                          namespaces: { type: { set: 'string' }, optional: true },
                                          topology_key: { type: 'string', required: true },
                                        },
                                        blocks: {
                                          label_selector: { nesting: 'list', block: {
                                            attributes: {
                                              match_labels: { type: { map: 'string' }, optional: true },
                                            },
                                            blocks: {
                                              match_expressions: { nesting: 'list', block: {
                                                attributes: {
                                                  key: { type: 'string', optional: true },
                                                  operator: { type: 'string', optional: true },
                                                  values: { type: { set: 'string' }, optional: true },
                                                },
                                              } },
                                            },
                                          } },
                                          namespace_selector: { nesting: 'list', block: {
                                            attributes: {
                                              match_labels: { type: { map: 'string' }, optional: true },
                                            },
                                            blocks: {
                                              match_expressions: { nesting: 'list', block: {
                                                attributes: {
                                                  key: { type: 'string', optional: true },
                                                  operator: { type: 'string', optional: true },
                                                  values: { type: { set: 'string' }, optional: true },
                                                },
                                              } },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                  required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                                    attributes: {
                                      namespaces: { type: { set: 'string' }, optional: true },
                                      topology_key: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      label_selector: { nesting: 'list', block: {
                                        attributes: {
                                          match_labels: { type: { map: 'string' }, optional: true },
                                        },
                                        blocks: {
                                          match_expressions: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              operator: { type: 'string', optional: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      namespace_selector: { nesting: 'list', block: {
                                        attributes: {
                                          match_labels: { type: { map: 'string' }, optional: true },
                                        },
                                        blocks: {
                                          match_expressions: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              operator: { type: 'string', optional: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              pod_anti_affinity: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  preferred_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                                    attributes: {
                                      weight: { type: 'number', required: true },
                                    },
                                    blocks: {
                                      pod_affinity_term: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                        attributes: {
                                          namespaces: { type: { set: 'string' }, optional: true },
                                          topology_key: { type: 'string', required: true },
                                        },
                                        blocks: {
                                          label_selector: { nesting: 'list', block: {
                                            attributes: {
                                              match_labels: { type: { map: 'string' }, optional: true },
                                            },
                                            blocks: {
                                              match_expressions: { nesting: 'list', block: {
                                                attributes: {
                                                  key: { type: 'string', optional: true },
                                                  operator: { type: 'string', optional: true },
                                                  values: { type: { set: 'string' }, optional: true },
                                                },
                                              } },
                                            },
                                          } },
                                          namespace_selector: { nesting: 'list', block: {
                                            attributes: {
                                              match_labels: { type: { map: 'string' }, optional: true },
                                            },
                                            blocks: {
                                              match_expressions: { nesting: 'list', block: {
                                                attributes: {
                                                  key: { type: 'string', optional: true },
                                                  operator: { type: 'string', optional: true },
                                                  values: { type: { set: 'string' }, optional: true },
                                                },
                                              } },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                  required_during_scheduling_ignored_during_execution: { nesting: 'list', block: {
                                    attributes: {
                                      namespaces: { type: { set: 'string' }, optional: true },
                                      topology_key: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      label_selector: { nesting: 'list', block: {
                                        attributes: {
                                          match_labels: { type: { map: 'string' }, optional: true },
                                        },
                                        blocks: {
                                          match_expressions: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              operator: { type: 'string', optional: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      namespace_selector: { nesting: 'list', block: {
                                        attributes: {
                                          match_labels: { type: { map: 'string' }, optional: true },
                                        },
                                        blocks: {
                                          match_expressions: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              operator: { type: 'string', optional: true },
                                              values: { type: { set: 'string' }, optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          container: { nesting: 'list', block: {
                            attributes: {
                              args: { type: { list: 'string' }, optional: true },
                              command: { type: { list: 'string' }, optional: true },
                              image: { type: 'string', optional: true },
                              image_pull_policy: { type: 'string', optional: true },
                              name: { type: 'string', required: true },
                              stdin: { type: 'bool', optional: true },
                              stdin_once: { type: 'bool', optional: true },
                              termination_message_path: { type: 'string', optional: true },
                              termination_message_policy: { type: 'string', optional: true },
                              tty: { type: 'bool', optional: true },
                              working_dir: { type: 'string', optional: true },
                            },
                            blocks: {
                              env: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', required: true },
                                  value: { type: 'string', optional: true },
                                },
                                blocks: {
                                  value_from: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          name: { type: 'string', optional: true },
                                          optional: { type: 'bool', optional: true },
                                        },
                                      } },
                                      field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', optional: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                      secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          name: { type: 'string', optional: true },
                                          optional: { type: 'bool', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              env_from: { nesting: 'list', block: {
                                attributes: {
                                  prefix: { type: 'string', optional: true },
                                },
                                blocks: {
                                  config_map_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', required: true },
                                      optional: { type: 'bool', optional: true },
                                    },
                                  } },
                                  secret_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', required: true },
                                      optional: { type: 'bool', optional: true },
                                    },
                                  } },
                                },
                              } },
                              lifecycle: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  post_start: { nesting: 'list', block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      exec: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          command: { type: { list: 'string' }, optional: true },
                                        },
                                      } },
                                      http_get: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          host: { type: 'string', optional: true },
                                          path: { type: 'string', optional: true },
                                          port: { type: 'string', optional: true },
                                          scheme: { type: 'string', optional: true },
                                        },
                                        blocks: {
                                          http_header: { nesting: 'list', block: {
                                            attributes: {
                                              name: { type: 'string', optional: true },
                                              value: { type: 'string', optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      tcp_socket: { nesting: 'list', block: {
                                        attributes: {
                                          port: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                  pre_stop: { nesting: 'list', block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      exec: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          command: { type: { list: 'string' }, optional: true },
                                        },
                                      } },
                                      http_get: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          host: { type: 'string', optional: true },
                                          path: { type: 'string', optional: true },
                                          port: { type: 'string', optional: true },
                                          scheme: { type: 'string', optional: true },
                                        },
                                        blocks: {
                                          http_header: { nesting: 'list', block: {
                                            attributes: {
                                              name: { type: 'string', optional: true },
                                              value: { type: 'string', optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      tcp_socket: { nesting: 'list', block: {
                                        attributes: {
                                          port: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              liveness_probe: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  failure_threshold: { type: 'number', optional: true },
                                  initial_delay_seconds: { type: 'number', optional: true },
                                  period_seconds: { type: 'number', optional: true },
                                  success_threshold: { type: 'number', optional: true },
                                  timeout_seconds: { type: 'number', optional: true },
                                },
                                blocks: {
                                  exec: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      command: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  grpc: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'number', required: true },
                                      service: { type: 'string', optional: true },
                                    },
                                  } },
                                  http_get: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      host: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                      port: { type: 'string', optional: true },
                                      scheme: { type: 'string', optional: true },
                                    },
                                    blocks: {
                                      http_header: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          value: { type: 'string', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  tcp_socket: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'string', required: true },
                                    },
                                  } },
                                },
                              } },
                              port: { nesting: 'list', block: {
                                attributes: {
                                  container_port: { type: 'number', required: true },
                                  host_ip: { type: 'string', optional: true },
                                  host_port: { type: 'number', optional: true },
                                  name: { type: 'string', optional: true },
                                  protocol: { type: 'string', optional: true },
                                },
                              } },
                              readiness_probe: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  failure_threshold: { type: 'number', optional: true },
                                  initial_delay_seconds: { type: 'number', optional: true },
                                  period_seconds: { type: 'number', optional: true },
                                  success_threshold: { type: 'number', optional: true },
                                  timeout_seconds: { type: 'number', optional: true },
                                },
                                blocks: {
                                  exec: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      command: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  grpc: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'number', required: true },
                                      service: { type: 'string', optional: true },
                                    },
                                  } },
                                  http_get: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      host: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                      port: { type: 'string', optional: true },
                                      scheme: { type: 'string', optional: true },
                                    },
                                    blocks: {
                                      http_header: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          value: { type: 'string', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  tcp_socket: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'string', required: true },
                                    },
                                  } },
                                },
                              } },
                              resources: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  limits: { type: { map: 'string' }, optional: true },
                                  requests: { type: { map: 'string' }, optional: true },
                                },
                              } },
                              security_context: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  allow_privilege_escalation: { type: 'bool', optional: true },
                                  privileged: { type: 'bool', optional: true },
                                  read_only_root_filesystem: { type: 'bool', optional: true },
                                  run_as_group: { type: 'string', optional: true },
                                  run_as_non_root: { type: 'bool', optional: true },
                                  run_as_user: { type: 'string', optional: true },
                                },
                                blocks: {
                                  capabilities: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      add: { type: { list: 'string' }, optional: true },
                                      drop: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  se_linux_options: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      level: { type: 'string', optional: true },
                                      role: { type: 'string', optional: true },
                                      type: { type: 'string', optional: true },
                                      user: { type: 'string', optional: true },
                                    },
                                  } },
                                  seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      localhost_profile: { type: 'string', optional: true },
                                      type: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              startup_probe: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  failure_threshold: { type: 'number', optional: true },
                                  initial_delay_seconds: { type: 'number', optional: true },
                                  period_seconds: { type: 'number', optional: true },
                                  success_threshold: { type: 'number', optional: true },
                                  timeout_seconds: { type: 'number', optional: true },
                                },
                                blocks: {
                                  exec: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      command: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  grpc: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'number', required: true },
                                      service: { type: 'string', optional: true },
                                    },
                                  } },
                                  http_get: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      host: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                      port: { type: 'string', optional: true },
                                      scheme: { type: 'string', optional: true },
                                    },
                                    blocks: {
                                      http_header: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          value: { type: 'string', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  tcp_socket: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'string', required: true },
                                    },
                                  } },
                                },
                              } },
                              volume_device: { nesting: 'list', block: {
                                attributes: {
                                  device_path: { type: 'string', required: true },
                                  name: { type: 'string', required: true },
                                },
                              } },
                              volume_mount: { nesting: 'list', block: {
                                attributes: {
                                  mount_path: { type: 'string', required: true },
                                  mount_propagation: { type: 'string', optional: true },
                                  name: { type: 'string', required: true },
                                  read_only: { type: 'bool', optional: true },
                                  sub_path: { type: 'string', optional: true },
                                  sub_path_expr: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          dns_config: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              nameservers: { type: { list: 'string' }, optional: true },
                              searches: { type: { list: 'string' }, optional: true },
                            },
                            blocks: {
                              option: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', required: true },
                                  value: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          host_aliases: { nesting: 'list', block: {
                            attributes: {
                              hostnames: { type: { list: 'string' }, required: true },
                              ip: { type: 'string', required: true },
                            },
                          } },
                          image_pull_secrets: { nesting: 'list', block: {
                            attributes: {
                              name: { type: 'string', required: true },
                            },
                          } },
                          init_container: { nesting: 'list', block: {
                            attributes: {
                              args: { type: { list: 'string' }, optional: true },
                              command: { type: { list: 'string' }, optional: true },
                              image: { type: 'string', optional: true },
                              image_pull_policy: { type: 'string', optional: true },
                              name: { type: 'string', required: true },
                              stdin: { type: 'bool', optional: true },
                              stdin_once: { type: 'bool', optional: true },
                              termination_message_path: { type: 'string', optional: true },
                              termination_message_policy: { type: 'string', optional: true },
                              tty: { type: 'bool', optional: true },
                              working_dir: { type: 'string', optional: true },
                            },
                            blocks: {
                              env: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', required: true },
                                  value: { type: 'string', optional: true },
                                },
                                blocks: {
                                  value_from: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      config_map_key_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          name: { type: 'string', optional: true },
                                          optional: { type: 'bool', optional: true },
                                        },
                                      } },
                                      field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', optional: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                      secret_key_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          key: { type: 'string', optional: true },
                                          name: { type: 'string', optional: true },
                                          optional: { type: 'bool', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              env_from: { nesting: 'list', block: {
                                attributes: {
                                  prefix: { type: 'string', optional: true },
                                },
                                blocks: {
                                  config_map_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', required: true },
                                      optional: { type: 'bool', optional: true },
                                    },
                                  } },
                                  secret_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', required: true },
                                      optional: { type: 'bool', optional: true },
                                    },
                                  } },
                                },
                              } },
                              lifecycle: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  post_start: { nesting: 'list', block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      exec: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          command: { type: { list: 'string' }, optional: true },
                                        },
                                      } },
                                      http_get: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          host: { type: 'string', optional: true },
                                          path: { type: 'string', optional: true },
                                          port: { type: 'string', optional: true },
                                          scheme: { type: 'string', optional: true },
                                        },
                                        blocks: {
                                          http_header: { nesting: 'list', block: {
                                            attributes: {
                                              name: { type: 'string', optional: true },
                                              value: { type: 'string', optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      tcp_socket: { nesting: 'list', block: {
                                        attributes: {
                                          port: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                  pre_stop: { nesting: 'list', block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      exec: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          command: { type: { list: 'string' }, optional: true },
                                        },
                                      } },
                                      http_get: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          host: { type: 'string', optional: true },
                                          path: { type: 'string', optional: true },
                                          port: { type: 'string', optional: true },
                                          scheme: { type: 'string', optional: true },
                                        },
                                        blocks: {
                                          http_header: { nesting: 'list', block: {
                                            attributes: {
                                              name: { type: 'string', optional: true },
                                              value: { type: 'string', optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      tcp_socket: { nesting: 'list', block: {
                                        attributes: {
                                          port: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              liveness_probe: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  failure_threshold: { type: 'number', optional: true },
                                  initial_delay_seconds: { type: 'number', optional: true },
                                  period_seconds: { type: 'number', optional: true },
                                  success_threshold: { type: 'number', optional: true },
                                  timeout_seconds: { type: 'number', optional: true },
                                },
                                blocks: {
                                  exec: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      command: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  grpc: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'number', required: true },
                                      service: { type: 'string', optional: true },
                                    },
                                  } },
                                  http_get: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      host: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                      port: { type: 'string', optional: true },
                                      scheme: { type: 'string', optional: true },
                                    },
                                    blocks: {
                                      http_header: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          value: { type: 'string', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  tcp_socket: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'string', required: true },
                                    },
                                  } },
                                },
                              } },
                              port: { nesting: 'list', block: {
                                attributes: {
                                  container_port: { type: 'number', required: true },
                                  host_ip: { type: 'string', optional: true },
                                  host_port: { type: 'number', optional: true },
                                  name: { type: 'string', optional: true },
                                  protocol: { type: 'string', optional: true },
                                },
                              } },
                              readiness_probe: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  failure_threshold: { type: 'number', optional: true },
                                  initial_delay_seconds: { type: 'number', optional: true },
                                  period_seconds: { type: 'number', optional: true },
                                  success_threshold: { type: 'number', optional: true },
                                  timeout_seconds: { type: 'number', optional: true },
                                },
                                blocks: {
                                  exec: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      command: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  grpc: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'number', required: true },
                                      service: { type: 'string', optional: true },
                                    },
                                  } },
                                  http_get: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      host: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                      port: { type: 'string', optional: true },
                                      scheme: { type: 'string', optional: true },
                                    },
                                    blocks: {
                                      http_header: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          value: { type: 'string', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  tcp_socket: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'string', required: true },
                                    },
                                  } },
                                },
                              } },
                              resources: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  limits: { type: { map: 'string' }, optional: true },
                                  requests: { type: { map: 'string' }, optional: true },
                                },
                              } },
                              security_context: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  allow_privilege_escalation: { type: 'bool', optional: true },
                                  privileged: { type: 'bool', optional: true },
                                  read_only_root_filesystem: { type: 'bool', optional: true },
                                  run_as_group: { type: 'string', optional: true },
                                  run_as_non_root: { type: 'bool', optional: true },
                                  run_as_user: { type: 'string', optional: true },
                                },
                                blocks: {
                                  capabilities: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      add: { type: { list: 'string' }, optional: true },
                                      drop: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  se_linux_options: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      level: { type: 'string', optional: true },
                                      role: { type: 'string', optional: true },
                                      type: { type: 'string', optional: true },
                                      user: { type: 'string', optional: true },
                                    },
                                  } },
                                  seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      localhost_profile: { type: 'string', optional: true },
                                      type: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              startup_probe: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  failure_threshold: { type: 'number', optional: true },
                                  initial_delay_seconds: { type: 'number', optional: true },
                                  period_seconds: { type: 'number', optional: true },
                                  success_threshold: { type: 'number', optional: true },
                                  timeout_seconds: { type: 'number', optional: true },
                                },
                                blocks: {
                                  exec: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      command: { type: { list: 'string' }, optional: true },
                                    },
                                  } },
                                  grpc: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'number', required: true },
                                      service: { type: 'string', optional: true },
                                    },
                                  } },
                                  http_get: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      host: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                      port: { type: 'string', optional: true },
                                      scheme: { type: 'string', optional: true },
                                    },
                                    blocks: {
                                      http_header: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          value: { type: 'string', optional: true },
                                        },
                                      } },
                                    },
                                  } },
                                  tcp_socket: { nesting: 'list', block: {
                                    attributes: {
                                      port: { type: 'string', required: true },
                                    },
                                  } },
                                },
                              } },
                              volume_device: { nesting: 'list', block: {
                                attributes: {
                                  device_path: { type: 'string', required: true },
                                  name: { type: 'string', required: true },
                                },
                              } },
                              volume_mount: { nesting: 'list', block: {
                                attributes: {
                                  mount_path: { type: 'string', required: true },
                                  mount_propagation: { type: 'string', optional: true },
                                  name: { type: 'string', required: true },
                                  read_only: { type: 'bool', optional: true },
                                  sub_path: { type: 'string', optional: true },
                                  sub_path_expr: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          os: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                            },
                          } },
                          readiness_gate: { nesting: 'list', block: {
                            attributes: {
                              condition_type: { type: 'string', required: true },
                            },
                          } },
                          security_context: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              fs_group: { type: 'string', optional: true },
                              fs_group_change_policy: { type: 'string', optional: true },
                              run_as_group: { type: 'string', optional: true },
                              run_as_non_root: { type: 'bool', optional: true },
                              run_as_user: { type: 'string', optional: true },
                              supplemental_groups: { type: { set: 'number' }, optional: true },
                            },
                            blocks: {
                              se_linux_options: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  level: { type: 'string', optional: true },
                                  role: { type: 'string', optional: true },
                                  type: { type: 'string', optional: true },
                                  user: { type: 'string', optional: true },
                                },
                              } },
                              seccomp_profile: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  localhost_profile: { type: 'string', optional: true },
                                  type: { type: 'string', optional: true },
                                },
                              } },
                              sysctl: { nesting: 'list', block: {
                                attributes: {
                                  name: { type: 'string', required: true },
                                  value: { type: 'string', required: true },
                                },
                              } },
                              windows_options: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  gmsa_credential_spec: { type: 'string', optional: true },
                                  gmsa_credential_spec_name: { type: 'string', optional: true },
                                  host_process: { type: 'bool', optional: true },
                                  run_as_username: { type: 'string', optional: true },
                                },
                              } },
                            },
                          } },
                          toleration: { nesting: 'list', block: {
                            attributes: {
                              effect: { type: 'string', optional: true },
                              key: { type: 'string', optional: true },
                              operator: { type: 'string', optional: true },
                              toleration_seconds: { type: 'string', optional: true },
                              value: { type: 'string', optional: true },
                            },
                          } },
                          topology_spread_constraint: { nesting: 'list', block: {
                            attributes: {
                              match_label_keys: { type: { set: 'string' }, optional: true },
                              max_skew: { type: 'number', optional: true },
                              min_domains: { type: 'number', optional: true },
                              node_affinity_policy: { type: 'string', optional: true },
                              node_taints_policy: { type: 'string', optional: true },
                              topology_key: { type: 'string', optional: true },
                              when_unsatisfiable: { type: 'string', optional: true },
                            },
                            blocks: {
                              label_selector: { nesting: 'list', block: {
                                attributes: {
                                  match_labels: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  match_expressions: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      operator: { type: 'string', optional: true },
                                      values: { type: { set: 'string' }, optional: true },
                                    },
                                  } },
                                },
                              } },
                            },
                          } },
                          volume: { nesting: 'list', block: {
                            attributes: {
                              name: { type: 'string', optional: true },
                            },
                            blocks: {
                              aws_elastic_block_store: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  partition: { type: 'number', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                  volume_id: { type: 'string', required: true },
                                },
                              } },
                              azure_disk: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  caching_mode: { type: 'string', required: true },
                                  data_disk_uri: { type: 'string', required: true },
                                  disk_name: { type: 'string', required: true },
                                  fs_type: { type: 'string', optional: true },
                                  kind: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                },
                              } },
                              azure_file: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  read_only: { type: 'bool', optional: true },
                                  secret_name: { type: 'string', required: true },
                                  secret_namespace: { type: 'string', optional: true },
                                  share_name: { type: 'string', required: true },
                                },
                              } },
                              ceph_fs: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  monitors: { type: { set: 'string' }, required: true },
                                  path: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                  secret_file: { type: 'string', optional: true },
                                  user: { type: 'string', optional: true },
                                },
                                blocks: {
                                  secret_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      namespace: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              cinder: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                  volume_id: { type: 'string', required: true },
                                },
                              } },
                              config_map: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  default_mode: { type: 'string', optional: true },
                                  name: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              csi: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  driver: { type: 'string', required: true },
                                  fs_type: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                  volume_attributes: { type: { map: 'string' }, optional: true },
                                },
                                blocks: {
                                  node_publish_secret_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              downward_api: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  default_mode: { type: 'string', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', required: true },
                                    },
                                    blocks: {
                                      field_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                        attributes: {
                                          api_version: { type: 'string', optional: true },
                                          field_path: { type: 'string', optional: true },
                                        },
                                      } },
                                      resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          container_name: { type: 'string', required: true },
                                          divisor: { type: 'string', optional: true },
                                          resource: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              empty_dir: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  medium: { type: 'string', optional: true },
                                  size_limit: { type: 'string', optional: true },
                                },
                              } },
                              ephemeral: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                },
                                blocks: {
                                  volume_claim_template: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      metadata: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          annotations: { type: { map: 'string' }, optional: true },
                                          labels: { type: { map: 'string' }, optional: true },
                                        },
                                      } },
                                      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                        attributes: {
                                          access_modes: { type: { set: 'string' }, required: true },
                                          storage_class_name: { type: 'string', optional: true },
                                          volume_mode: { type: 'string', optional: true },
                                          volume_name: { type: 'string', optional: true },
                                        },
                                        blocks: {
                                          resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                            attributes: {
                                              limits: { type: { map: 'string' }, optional: true },
                                              requests: { type: { map: 'string' }, optional: true },
                                            },
                                          } },
                                          selector: { nesting: 'list', maxItems: 1, block: {
                                            attributes: {
                                              match_labels: { type: { map: 'string' }, optional: true },
                                            },
                                            blocks: {
                                              match_expressions: { nesting: 'list', block: {
                                                attributes: {
                                                  key: { type: 'string', optional: true },
                                                  operator: { type: 'string', optional: true },
                                                  values: { type: { set: 'string' }, optional: true },
                                                },
                                              } },
                                            },
                                          } },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              fc: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  lun: { type: 'number', required: true },
                                  read_only: { type: 'bool', optional: true },
                                  target_ww_ns: { type: { set: 'string' }, required: true },
                                },
                              } },
                              flex_volume: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  driver: { type: 'string', required: true },
                                  fs_type: { type: 'string', optional: true },
                                  options: { type: { map: 'string' }, optional: true },
                                  read_only: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  secret_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      namespace: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              flocker: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  dataset_name: { type: 'string', optional: true },
                                  dataset_uuid: { type: 'string', optional: true },
                                },
                              } },
                              gce_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  partition: { type: 'number', optional: true },
                                  pd_name: { type: 'string', required: true },
                                  read_only: { type: 'bool', optional: true },
                                },
                              } },
                              git_repo: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  directory: { type: 'string', optional: true },
                                  repository: { type: 'string', optional: true },
                                  revision: { type: 'string', optional: true },
                                },
                              } },
                              glusterfs: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  endpoints_name: { type: 'string', required: true },
                                  path: { type: 'string', required: true },
                                  read_only: { type: 'bool', optional: true },
                                },
                              } },
                              host_path: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  path: { type: 'string', optional: true },
                                  type: { type: 'string', optional: true },
                                },
                              } },
                              iscsi: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  iqn: { type: 'string', required: true },
                                  iscsi_interface: { type: 'string', optional: true },
                                  lun: { type: 'number', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                  target_portal: { type: 'string', required: true },
                                },
                              } },
                              local: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  path: { type: 'string', optional: true },
                                },
                              } },
                              nfs: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  path: { type: 'string', required: true },
                                  read_only: { type: 'bool', optional: true },
                                  server: { type: 'string', required: true },
                                },
                              } },
                              persistent_volume_claim: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  claim_name: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                },
                              } },
                              photon_persistent_disk: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  pd_id: { type: 'string', required: true },
                                },
                              } },
                              projected: { nesting: 'list', block: {
                                attributes: {
                                  default_mode: { type: 'string', optional: true },
                                },
                                blocks: {
                                  sources: { nesting: 'list', minItems: 1, block: {
                                    attributes: {
                                    },
                                    blocks: {
                                      config_map: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          optional: { type: 'bool', optional: true },
                                        },
                                        blocks: {
                                          items: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              mode: { type: 'string', optional: true },
                                              path: { type: 'string', optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      downward_api: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                        },
                                        blocks: {
                                          items: { nesting: 'list', block: {
                                            attributes: {
                                              mode: { type: 'string', optional: true },
                                              path: { type: 'string', required: true },
                                            },
                                            blocks: {
                                              field_ref: { nesting: 'list', maxItems: 1, block: {
                                                attributes: {
                                                  api_version: { type: 'string', optional: true },
                                                  field_path: { type: 'string', optional: true },
                                                },
                                              } },
                                              resource_field_ref: { nesting: 'list', maxItems: 1, block: {
                                                attributes: {
                                                  container_name: { type: 'string', required: true },
                                                  divisor: { type: 'string', optional: true },
                                                  resource: { type: 'string', required: true },
                                                },
                                              } },
                                            },
                                          } },
                                        },
                                      } },
                                      secret: { nesting: 'list', block: {
                                        attributes: {
                                          name: { type: 'string', optional: true },
                                          optional: { type: 'bool', optional: true },
                                        },
                                        blocks: {
                                          items: { nesting: 'list', block: {
                                            attributes: {
                                              key: { type: 'string', optional: true },
                                              mode: { type: 'string', optional: true },
                                              path: { type: 'string', optional: true },
                                            },
                                          } },
                                        },
                                      } },
                                      service_account_token: { nesting: 'list', maxItems: 1, block: {
                                        attributes: {
                                          audience: { type: 'string', optional: true },
                                          expiration_seconds: { type: 'number', optional: true },
                                          path: { type: 'string', required: true },
                                        },
                                      } },
                                    },
                                  } },
                                },
                              } },
                              quobyte: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  group: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                  registry: { type: 'string', required: true },
                                  user: { type: 'string', optional: true },
                                  volume: { type: 'string', required: true },
                                },
                              } },
                              rbd: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  ceph_monitors: { type: { set: 'string' }, required: true },
                                  fs_type: { type: 'string', optional: true },
                                  keyring: { type: 'string', optional: true },
                                  rados_user: { type: 'string', optional: true },
                                  rbd_image: { type: 'string', required: true },
                                  rbd_pool: { type: 'string', optional: true },
                                  read_only: { type: 'bool', optional: true },
                                },
                                blocks: {
                                  secret_ref: { nesting: 'list', maxItems: 1, block: {
                                    attributes: {
                                      name: { type: 'string', optional: true },
                                      namespace: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              secret: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  default_mode: { type: 'string', optional: true },
                                  optional: { type: 'bool', optional: true },
                                  secret_name: { type: 'string', optional: true },
                                },
                                blocks: {
                                  items: { nesting: 'list', block: {
                                    attributes: {
                                      key: { type: 'string', optional: true },
                                      mode: { type: 'string', optional: true },
                                      path: { type: 'string', optional: true },
                                    },
                                  } },
                                },
                              } },
                              vsphere_volume: { nesting: 'list', maxItems: 1, block: {
                                attributes: {
                                  fs_type: { type: 'string', optional: true },
                                  volume_path: { type: 'string', required: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          delete: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_ingress_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_for_load_balancer: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          ingress_class_name: { type: 'string', optional: true },
        },
        blocks: {
          default_backend: { nesting: 'list', maxItems: 1, block: {
            attributes: {
            },
            blocks: {
              resource: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  api_group: { type: 'string', required: true },
                  kind: { type: 'string', required: true },
                  name: { type: 'string', required: true },
                },
              } },
              service: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                  name: { type: 'string', required: true },
                },
                blocks: {
                  port: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                    attributes: {
                      name: { type: 'string', optional: true },
                      number: { type: 'number', optional: true },
                    },
                  } },
                },
              } },
            },
          } },
          rule: { nesting: 'list', block: {
            attributes: {
              host: { type: 'string', optional: true },
            },
            blocks: {
              http: { nesting: 'list', maxItems: 1, block: {
                attributes: {
                },
                blocks: {
                  path: { nesting: 'list', minItems: 1, block: {
                    attributes: {
                      path: { type: 'string', optional: true },
                      path_type: { type: 'string', optional: true },
                    },
                    blocks: {
                      backend: { nesting: 'list', maxItems: 1, block: {
                        attributes: {
                        },
                        blocks: {
                          resource: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              api_group: { type: 'string', required: true },
                              kind: { type: 'string', required: true },
                              name: { type: 'string', required: true },
                            },
                          } },
                          service: { nesting: 'list', maxItems: 1, block: {
                            attributes: {
                              name: { type: 'string', required: true },
                            },
                            blocks: {
                              port: { nesting: 'list', maxItems: 1, minItems: 1, block: {
                                attributes: {
                                  name: { type: 'string', optional: true },
                                  number: { type: 'number', optional: true },
                                },
                              } },
                            },
                          } },
                        },
                      } },
                    },
                  } },
                },
              } },
            },
          } },
          tls: { nesting: 'list', block: {
            attributes: {
              hosts: { type: { list: 'string' }, optional: true },
              secret_name: { type: 'string', optional: true },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
          delete: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_role_v1': {
    attributes: {
      id: { type: 'string', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      rule: { nesting: 'list', minItems: 1, block: {
        attributes: {
          api_groups: { type: { set: 'string' }, required: true },
          resource_names: { type: { set: 'string' }, optional: true },
          resources: { type: { set: 'string' }, required: true },
          verbs: { type: { set: 'string' }, required: true },
        },
      } },
    },
  },
  'kubernetes_role_binding_v1': {
    attributes: {
      id: { type: 'string', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      role_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          api_group: { type: 'string', required: true },
          kind: { type: 'string', required: true },
          name: { type: 'string', required: true },
        },
      } },
      subject: { nesting: 'list', minItems: 1, block: {
        attributes: {
          api_group: { type: 'string', optional: true },
          kind: { type: 'string', required: true },
          name: { type: 'string', required: true },
          namespace: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_cluster_role_v1': {
    attributes: {
      id: { type: 'string', optional: true },
    },
    blocks: {
      aggregation_rule: { nesting: 'list', maxItems: 1, block: {
        attributes: {
        },
        blocks: {
          cluster_role_selectors: { nesting: 'list', block: {
            attributes: {
              match_labels: { type: { map: 'string' }, optional: true },
            },
            blocks: {
              match_expressions: { nesting: 'list', block: {
                attributes: {
                  key: { type: 'string', optional: true },
                  operator: { type: 'string', optional: true },
                  values: { type: { set: 'string' }, optional: true },
                },
              } },
            },
          } },
        },
      } },
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      rule: { nesting: 'list', block: {
        attributes: {
          api_groups: { type: { list: 'string' }, optional: true },
          non_resource_urls: { type: { list: 'string' }, optional: true },
          resource_names: { type: { list: 'string' }, optional: true },
          resources: { type: { list: 'string' }, optional: true },
          verbs: { type: { list: 'string' }, required: true },
        },
      } },
    },
  },
  'kubernetes_cluster_role_binding_v1': {
    attributes: {
      id: { type: 'string', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      role_ref: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          api_group: { type: 'string', required: true },
          kind: { type: 'string', required: true },
          name: { type: 'string', required: true },
        },
      } },
      subject: { nesting: 'list', minItems: 1, block: {
        attributes: {
          api_group: { type: 'string', optional: true },
          kind: { type: 'string', required: true },
          name: { type: 'string', required: true },
          namespace: { type: 'string', optional: true },
        },
      } },
    },
  },
  'kubernetes_persistent_volume_claim_v1': {
    attributes: {
      id: { type: 'string', optional: true },
      wait_until_bound: { type: 'bool', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
      spec: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          access_modes: { type: { set: 'string' }, required: true },
          storage_class_name: { type: 'string', optional: true },
          volume_mode: { type: 'string', optional: true },
          volume_name: { type: 'string', optional: true },
        },
        blocks: {
          resources: { nesting: 'list', maxItems: 1, minItems: 1, block: {
            attributes: {
              limits: { type: { map: 'string' }, optional: true },
              requests: { type: { map: 'string' }, optional: true },
            },
          } },
          selector: { nesting: 'list', maxItems: 1, block: {
            attributes: {
              match_labels: { type: { map: 'string' }, optional: true },
            },
            blocks: {
              match_expressions: { nesting: 'list', block: {
                attributes: {
                  key: { type: 'string', optional: true },
                  operator: { type: 'string', optional: true },
                  values: { type: { set: 'string' }, optional: true },
                },
              } },
            },
          } },
        },
      } },
      timeouts: { nesting: 'single', block: {
        attributes: {
          create: { type: 'string', optional: true },
        },
      } },
    },
  },
  'data:kubernetes_resource': {
    attributes: {
      api_version: { type: 'string', required: true },
      kind: { type: 'string', required: true },
      object: { type: 'dynamic', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          name: { type: 'string', required: true },
          namespace: { type: 'string', optional: true },
        },
      } },
    },
  },
  'data:kubernetes_resources': {
    attributes: {
      api_version: { type: 'string', required: true },
      field_selector: { type: 'string', optional: true },
      kind: { type: 'string', required: true },
      label_selector: { type: 'string', optional: true },
      limit: { type: 'number', optional: true },
      namespace: { type: 'string', optional: true },
      objects: { type: 'dynamic', optional: true },
    },
  },
  'data:kubernetes_namespace_v1': {
    attributes: {
      id: { type: 'string', optional: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
    },
  },
  'data:kubernetes_secret_v1': {
    attributes: {
      binary_data: { type: { map: 'string' }, optional: true },
      id: { type: 'string', optional: true },
      immutable: { type: 'bool', computed: true },
      type: { type: 'string', computed: true },
    },
    blocks: {
      metadata: { nesting: 'list', maxItems: 1, minItems: 1, block: {
        attributes: {
          annotations: { type: { map: 'string' }, optional: true },
          generate_name: { type: 'string', optional: true },
          labels: { type: { map: 'string' }, optional: true },
          name: { type: 'string', optional: true },
          namespace: { type: 'string', optional: true },
          generation: { type: 'number', computed: true },
          resource_version: { type: 'string', computed: true },
          uid: { type: 'string', computed: true },
        },
      } },
    },
  },
};
