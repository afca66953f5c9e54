// Provider configuration → a KubeConfig, the way kubectl and hashicorp/kubernetes find a
// cluster: inline host/token/certificates, else config_path(s) (KUBE_CONFIG_PATH(S)), else
// KUBECONFIG, else ~/.kube/config, else the in-cluster service account of the Pod.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, type User } from '@kubernetes/client-node';
import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { isObject, type Value, type ValueObject } from '../../engine/lang/value.ts';

export interface KubeSettings {
  readonly kubeConfig: KubeConfig;
  /** where the settings came from, for messages */
  readonly origin: string;
  /** values to scrub from every message */
  readonly secrets: string[];
  readonly ignoreAnnotations: RegExp[];
  readonly ignoreLabels: RegExp[];
}

const str = (v: Value | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strList = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const b64 = (pem: string | undefined) => (pem ? Buffer.from(pem).toString('base64') : undefined);

export function resolveSettings(config: ValueObject, env: NodeJS.ProcessEnv): { settings?: KubeSettings; diagnostics: Diagnostic[] } {
  const host = str(config.host) ?? env.KUBE_HOST;
  const token = str(config.token) ?? env.KUBE_TOKEN;
  const password = str(config.password) ?? env.KUBE_PASSWORD;
  const clientKey = str(config.client_key) ?? env.KUBE_CLIENT_KEY_DATA;
  const secrets = [token, password, clientKey].filter((s): s is string => !!s);
  const exec = Array.isArray(config.exec) ? config.exec.find(isObject) : isObject(config.exec) ? config.exec : undefined;
  const execUser = exec ? execOf(exec) : undefined;
  const kc = new KubeConfig();
  let origin: string;
  /** the kubeconfig file being read, for the error message when it cannot be */
  let reading: string | undefined;
  try {
    const paths = strList(config.config_paths).length
      ? strList(config.config_paths)
      : str(config.config_path)
        ? [str(config.config_path)!]
        : env.KUBE_CONFIG_PATHS
          ? env.KUBE_CONFIG_PATHS.split(delimiter).filter(Boolean)
          : env.KUBE_CONFIG_PATH
            ? [env.KUBE_CONFIG_PATH]
            : [];
    if (host && paths.length === 0) {
      // Everything inline: one cluster, one user.
      const insecure = config.insecure === true || env.KUBE_INSECURE === 'true';
      const user: User = {
        name: 'ballast',
        token,
        username: str(config.username) ?? env.KUBE_USER,
        password,
        certData: b64(str(config.client_certificate) ?? env.KUBE_CLIENT_CERT_DATA),
        keyData: b64(clientKey),
        ...(execUser ? { exec: execUser } : {}),
      };
      kc.loadFromOptions({
        clusters: [
          { name: 'ballast', server: host, skipTLSVerify: insecure, caData: b64(str(config.cluster_ca_certificate) ?? env.KUBE_CLUSTER_CA_CERT_DATA), tlsServerName: str(config.tls_server_name) },
        ],
        users: [user],
        contexts: [{ name: 'ballast', cluster: 'ballast', user: 'ballast' }],
        currentContext: 'ballast',
      });
      origin = `host ${host}`;
    } else {
      const files = paths.length ? paths : env.KUBECONFIG ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [];
      const home = join(env.HOME ?? homedir(), '.kube', 'config');
      if (files.length) {
        const missing = files.filter((f) => !existsSync(f));
        if (missing.length === files.length) {
          return { diagnostics: [error(`Kubeconfig not found: ${missing.join(', ')}`, "Set --kubeconfig, KUBECONFIG, or the provider's config_path to an existing file.")] };
        }
        files
          .filter((f) => existsSync(f))
          .forEach((f, i) => {
            reading = f;
            if (i === 0) kc.loadFromFile(f);
            else {
              const more = new KubeConfig();
              more.loadFromFile(f);
              kc.mergeConfig(more, true);
            }
          });
        origin = `kubeconfig ${files.join(delimiter)}`;
      } else if (existsSync(home)) {
        reading = home;
        kc.loadFromFile(home);
        origin = `kubeconfig ${home}`;
      } else if (env.KUBERNETES_SERVICE_HOST) {
        kc.loadFromCluster();
        origin = 'the in-cluster service account';
      } else {
        return {
          diagnostics: [
            error(
              'No Kubernetes cluster configured',
              "Ballast looked for the provider's host/config_path, KUBE_CONFIG_PATH, KUBECONFIG, ~/.kube/config and an in-cluster service account. Pass --kubeconfig or set KUBECONFIG.",
            ),
          ],
        };
      }
      const ctx = str(config.config_context) ?? env.KUBE_CTX;
      if (ctx) {
        if (!kc.getContextObject(ctx)) {
          return {
            diagnostics: [
              error(
                `Kubernetes context "${ctx}" not found in ${origin}`,
                `Known contexts: ${
                  kc
                    .getContexts()
                    .map((c) => c.name)
                    .join(', ') || '(none)'
                }.`,
              ),
            ],
          };
        }
        kc.setCurrentContext(ctx);
      }
      overrideContext(kc, str(config.config_context_cluster) ?? env.KUBE_CTX_CLUSTER, str(config.config_context_auth_info) ?? env.KUBE_CTX_AUTH_INFO);
      if (token || execUser) overrideUser(kc, token, execUser);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { diagnostics: [error('Invalid Kubernetes client configuration', reading ? `Reading ${reading}: ${message}` : message)] };
  }
  if (!kc.getCurrentCluster()) return { diagnostics: [error(`The kubeconfig (${origin}) has no current cluster`, 'Set current-context, or choose one with --kube-context / config_context.')] };
  const res = (v: Value | undefined) => strList(v).map((p) => new RegExp(`^(?:${p})$`));
  return { settings: { kubeConfig: kc, origin, secrets, ignoreAnnotations: res(config.ignore_annotations), ignoreLabels: res(config.ignore_labels) }, diagnostics: [] };
}

function execOf(exec: ValueObject): NonNullable<User['exec']> {
  const env = isObject(exec.env) ? Object.entries(exec.env).map(([name, value]) => ({ name, value: String(value) })) : [];
  return { apiVersion: String(exec.api_version ?? ''), command: String(exec.command ?? ''), args: strList(exec.args), env, interactiveMode: 'Never' };
}

function overrideContext(kc: KubeConfig, cluster: string | undefined, user: string | undefined): void {
  if (!cluster && !user) return;
  const current = kc.getContextObject(kc.getCurrentContext());
  if (!current) return;
  const name = 'ballast-override';
  kc.addContext({ ...current, name, cluster: cluster ?? current.cluster, user: user ?? current.user });
  kc.setCurrentContext(name);
}

function overrideUser(kc: KubeConfig, token: string | undefined, exec: User['exec'] | undefined): void {
  const current = kc.getContextObject(kc.getCurrentContext());
  if (!current) return;
  const base = kc.getCurrentUser();
  kc.addUser({ name: 'ballast-user', ...(token ? { token } : {}), ...(exec ? { exec } : {}), certData: base?.certData, keyData: base?.keyData, certFile: base?.certFile, keyFile: base?.keyFile });
  kc.addContext({ ...current, name: 'ballast-user-context', user: 'ballast-user' });
  kc.setCurrentContext('ballast-user-context');
}
