// A small REST client for the Kubernetes API. Authentication (kubeconfig users, tokens, client
// certificates, exec plugins, the in-cluster service account) is @kubernetes/client-node's
// KubeConfig; requests go over one keep-alive agent so hundreds of objects cost no handshakes.

import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface KubeStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { field?: string; message?: string; reason?: string }[] };
}

/** A non-2xx answer from the API server, or no answer at all (`code` 0). */
export class KubeApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: KubeStatus | undefined,
    message: string,
    readonly server: string,
  ) {
    super(message);
  }
  get reason(): string | undefined {
    return this.status?.reason;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT';
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** a collection read (for the request count) */
  list?: boolean;
}

export class ApiClient {
  private agent: http.Agent | undefined;
  readonly server: string;
  /** requests made, by method: printed on close when BALLAST_DEBUG_KUBE_REQUESTS is set, to see what a run costs */
  readonly requests = new Map<string, number>();

  constructor(private readonly kc: KubeConfig) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    this.server = cluster.server.replace(/\/+$/, '');
  }

  async request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const auth: https.RequestOptions = {};
    await this.kc.applyToHTTPSOptions(auth);
    const secure = url.protocol === 'https:';
    this.agent ??= secure
      ? new https.Agent({ keepAlive: true, maxSockets: 64, ca: auth.ca, cert: auth.cert, key: auth.key, rejectUnauthorized: auth.rejectUnauthorized, servername: auth.servername })
      : new http.Agent({ keepAlive: true, maxSockets: 64 });
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const [k, v] of Object.entries(auth.headers ?? {})) if (typeof v === 'string') headers[k] = v;
    if (auth.auth) headers.Authorization = `Basic ${Buffer.from(auth.auth).toString('base64')}`;
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    if (payload !== undefined) {
      headers['Content-Type'] = opts.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const method = opts.method ?? 'GET';
    const verb = opts.list ? 'LIST' : method;
    this.requests.set(verb, (this.requests.get(verb) ?? 0) + 1);
    return new Promise<T>((resolve, reject) => {
      const req = (secure ? https : http).request(url, { method, headers, agent: this.agent, signal: opts.signal }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          const code = res.statusCode ?? 0;
          if (code >= 200 && code < 300) return resolve(json as T);
          const status = isStatus(json) ? json : undefined;
          const message = status?.message ?? (text.trim().slice(0, 300) || `HTTP ${code}`);
          reject(new KubeApiError(code, status, message, this.server));
        });
      });
      req.on('error', (e) => reject(new KubeApiError(0, undefined, `cannot reach the Kubernetes API server at ${this.server}: ${e.message}`, this.server)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    if (process.env.BALLAST_DEBUG_KUBE_REQUESTS && this.requests.size) {
      const counts = [...this.requests].map(([m, n]) => `${m} ${n}`).join(', ');
      process.stderr.write(`kubernetes API requests to ${this.server}: ${counts}\n`);
      this.requests.clear();
    }
    this.agent?.destroy();
    this.agent = undefined;
  }
}

function isStatus(v: unknown): v is KubeStatus {
  return typeof v === 'object' && v !== null && (v as KubeStatus).kind === 'Status';
}
