// Starts a real etcd and kube-apiserver on 127.0.0.1 for a test file (binaries built by
// scripts/setup-kube.sh), with certificates made by openssl: the API server's serving
// certificate, an admin client certificate (system:masters) and a bearer token for a user
// without RBAC permissions. It writes a kubeconfig with two contexts, "admin" and "limited".
// Tests never mock the Kubernetes API.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import https from 'node:https';
import { freePort } from './free-port.ts';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root.ts';
import { makeTempDir } from './temp-dir.ts';

const run = promisify(execFile);

export const KUBE_BIN = join(process.env.BALLAST_KUBE_CACHE ?? join(repoRoot, '.cache', 'kube'), 'bin');
export const kubeAvailable = (): boolean => existsSync(join(KUBE_BIN, 'kube-apiserver')) && existsSync(join(KUBE_BIN, 'etcd'));

export interface KubeCluster {
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** kubeconfig with contexts "admin" (current) and "limited" (no RBAC grants) */
  readonly kubeconfig: string;
  /** environment for a child process (the ballast CLI): KUBECONFIG */
  readonly env: Record<string, string>;
  /** the limited user's bearer token, to check it never shows up in output */
  readonly limitedToken: string;
  readonly dir: string;
  stop(): Promise<void>;
  /** stops only the kube-apiserver (etcd keeps the data): the cluster is unreachable until startApiServer */
  stopApiServer(): Promise<void>;
  /** starts the kube-apiserver again on the same port and waits until it is ready */
  startApiServer(): Promise<void>;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir });
}

async function makeCerts(dir: string): Promise<void> {
  await openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=ballast-test-ca']);
  const sign = async (name: string, subj: string, ext?: string) => {
    await openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj]);
    if (ext) await writeFile(join(dir, `${name}.ext`), ext);
    await openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      ...(ext ? ['-extfile', `${name}.ext`] : []),
    ]);
  };
  await sign('server', '/CN=kube-apiserver', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await sign('admin', '/O=system:masters/CN=ballast-admin', 'extendedKeyUsage=clientAuth\n');
  await openssl(dir, ['genrsa', '-out', 'sa.key', '2048']);
  await openssl(dir, ['rsa', '-in', 'sa.key', '-pubout', '-out', 'sa.pub']);
}

function get(url: string, dir: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca: readFileSync(join(dir, 'ca.crt')), cert: readFileSync(join(dir, 'admin.crt')), key: readFileSync(join(dir, 'admin.key')), timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

function spawnLogged(bin: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(join(KUBE_BIN, bin), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-6000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => out };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(t);
}

export async function startKubeCluster(): Promise<KubeCluster> {
  if (!kubeAvailable()) throw new Error(`kube-apiserver/etcd are not built: run scripts/setup-kube.sh (expected them in ${KUBE_BIN})`);
  const dir = await makeTempDir('ballast-kube-');
  await makeCerts(dir);
  const limitedToken = `limited-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  await writeFile(join(dir, 'tokens.csv'), `${limitedToken},limited-user,1001,"limited"\n`);
  const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const etcd = spawnLogged('etcd', [
    '--name',
    'ballast-test',
    '--data-dir',
    join(dir, 'etcd'),
    '--listen-client-urls',
    `http://127.0.0.1:${etcdPort}`,
    '--advertise-client-urls',
    `http://127.0.0.1:${etcdPort}`,
    '--listen-peer-urls',
    `http://127.0.0.1:${peerPort}`,
    '--initial-advertise-peer-urls',
    `http://127.0.0.1:${peerPort}`,
    '--initial-cluster',
    `ballast-test=http://127.0.0.1:${peerPort}`,
    '--unsafe-no-fsync',
    '--log-level',
    'warn',
  ]);
  const apiArgs = [
    `--etcd-servers=http://127.0.0.1:${etcdPort}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${apiPort}`,
    `--cert-dir=${join(dir, 'certs')}`,
    `--tls-cert-file=${join(dir, 'server.crt')}`,
    `--tls-private-key-file=${join(dir, 'server.key')}`,
    `--client-ca-file=${join(dir, 'ca.crt')}`,
    `--token-auth-file=${join(dir, 'tokens.csv')}`,
    '--service-account-issuer=https://kubernetes.default.svc',
    `--service-account-key-file=${join(dir, 'sa.pub')}`,
    `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
    '--service-cluster-ip-range=10.96.0.0/24',
    '--authorization-mode=RBAC',
    '--endpoint-reconciler-type=none',
    '--disable-admission-plugins=ServiceAccount',
    '--profiling=false',
    '--v=0',
  ];
  let api = spawnLogged('kube-apiserver', apiArgs);
  const server = `https://127.0.0.1:${apiPort}`;
  const stop = async () => {
    await stopChild(api.child);
    await stopChild(etcd.child);
  };
  const ready = async () => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (etcd.child.exitCode !== null) throw new Error(`etcd exited with ${etcd.child.exitCode}:\n${etcd.output()}`);
      if (api.child.exitCode !== null) throw new Error(`kube-apiserver exited with ${api.child.exitCode}:\n${api.output()}`);
      const r = await get(`${server}/readyz`, dir).catch(() => undefined);
      if (r?.status === 200) break;
      if (Date.now() > deadline) throw new Error(`kube-apiserver was not ready within 120 s:\n${api.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  try {
    await ready();
  } catch (e) {
    await stop();
    throw e;
  }
  const b64 = (f: string) => readFileSync(join(dir, f)).toString('base64');
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: admin',
      'clusters:',
      '- name: test',
      '  cluster:',
      `    server: ${server}`,
      `    certificate-authority-data: ${b64('ca.crt')}`,
      'users:',
      '- name: admin',
      '  user:',
      `    client-certificate-data: ${b64('admin.crt')}`,
      `    client-key-data: ${b64('admin.key')}`,
      '- name: limited',
      '  user:',
      `    token: ${limitedToken}`,
      'contexts:',
      '- name: admin',
      '  context: {cluster: test, user: admin}',
      '- name: limited',
      '  context: {cluster: test, user: limited}',
      '',
    ].join('\n'),
  );
  const stopApiServer = () => stopChild(api.child);
  const startApiServer = async () => {
    api = spawnLogged('kube-apiserver', apiArgs);
    await ready();
  };
  return { server, kubeconfig, env: { KUBECONFIG: kubeconfig }, limitedToken, dir, stop, stopApiServer, startApiServer };
}
