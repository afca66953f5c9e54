// A real Terraform provider registry on 127.0.0.1 over HTTPS (service discovery, providers.v1
// versions and download answers, archives, a SHA256SUMS signed with a fresh OpenPGP key), so
// the registry download path runs as it does against registry.terraform.io, without internet.
// The CLI under test trusts the server's self-signed certificate through NODE_EXTRA_CA_CERTS.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { createMessage, generateKey, readPrivateKey, sign } from 'openpgp';
import { makeTempDir } from './temp-dir.ts';

export interface RegistryPackage {
  readonly namespace: string;
  readonly type: string;
  readonly version: string;
  readonly os: string;
  readonly arch: string;
  /** the provider executable to put in the archive */
  readonly binary: string;
}

export interface FakeRegistryOptions {
  /** change SHA256SUMS after signing it */
  readonly tamperSums?: boolean;
  /** serve an archive other than the signed one */
  readonly tamperArchive?: boolean;
}

export interface LocalRegistry {
  /** host:port, the first part of a source address */
  readonly host: string;
  /** the CA file to give the CLI as NODE_EXTRA_CA_CERTS */
  readonly caFile: string;
  /** the signing key's id (16 hex digits) */
  readonly keyId: string;
  /** requests seen, as paths */
  readonly requests: string[];
  close(): Promise<void>;
}

function selfSignedCert(dir: string): { key: Buffer; cert: Buffer; caFile: string } {
  const keyFile = join(dir, 'tls.key');
  const certFile = join(dir, 'tls.crt');
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), caFile: certFile };
}

export async function startProviderRegistry(pkg: RegistryPackage, opts: FakeRegistryOptions = {}): Promise<LocalRegistry> {
  const dir = await makeTempDir('ballast-registry-');
  const tls = selfSignedCert(dir);
  const { privateKey, publicKey } = await generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Ballast Test Registry' }], format: 'armored' });
  const signingKey = await readPrivateKey({ armoredKey: privateKey });
  const keyId = signingKey.getKeyID().toHex().toUpperCase();

  const filename = `terraform-provider-${pkg.type}_${pkg.version}_${pkg.os}_${pkg.arch}.zip`;
  const zip = new AdmZip();
  zip.addLocalFile(pkg.binary);
  const archive = zip.toBuffer();
  const sha = createHash('sha256').update(archive).digest('hex');
  const otherPlatform = createHash('sha256').update('another platform').digest('hex');
  const sums = Buffer.from(`${sha}  ${filename}\n${otherPlatform}  terraform-provider-${pkg.type}_${pkg.version}_darwin_arm64.zip\n`);
  const signature = Buffer.from((await sign({ message: await createMessage({ binary: sums }), signingKeys: signingKey, detached: true, format: 'binary' })) as Uint8Array);
  const servedSums = opts.tamperSums
    ? Buffer.from(
        sums.toString().replace(
          otherPlatform,
          otherPlatform.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
        ),
      )
    : sums;
  const servedArchive = opts.tamperArchive ? Buffer.concat([archive, Buffer.from('x')]) : archive;
  writeFileSync(join(dir, filename), servedArchive);

  const requests: string[] = [];
  const prefix = `/v1/providers/${pkg.namespace}/${pkg.type}`;
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/.well-known/terraform.json') return json({ 'providers.v1': '/v1/providers/' });
    if (path === `${prefix}/versions`) return json({ versions: [{ version: pkg.version, protocols: ['6.0'], platforms: [{ os: pkg.os, arch: pkg.arch }] }] });
    if (path === `${prefix}/${pkg.version}/download/${pkg.os}/${pkg.arch}`) {
      return json({
        protocols: ['6.0'],
        os: pkg.os,
        arch: pkg.arch,
        filename,
        download_url: `/files/${filename}`,
        shasums_url: '/files/SHA256SUMS',
        shasums_signature_url: '/files/SHA256SUMS.sig',
        shasum: sha,
        signing_keys: { gpg_public_keys: [{ key_id: keyId, ascii_armor: publicKey }] },
      });
    }
    const files: Record<string, Buffer> = { [`/files/${filename}`]: servedArchive, '/files/SHA256SUMS': servedSums, '/files/SHA256SUMS.sig': signature };
    const body = files[path];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `localhost:${port}`,
    caFile: tls.caFile,
    keyId,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
