// go-plugin's AutoMTLS: the client makes a one-off certificate, hands it to the plugin in
// PLUGIN_CLIENT_CERT, and trusts exactly the server certificate that comes back in the
// handshake line (base64 DER, no padding). Both sides verify the other.

import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface ClientCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

let cached: ClientCertificate | undefined;

/** One client certificate per Ballast process; every plugin run by it gets the same one. */
export function clientCertificate(): ClientCertificate {
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 30_000);
  cert.validity.notAfter = new Date(now.getTime() + 24 * 3600_000 * 30);
  const name = [{ name: 'organizationName', value: 'Ballast' }, { name: 'commonName', value: 'localhost' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', clientAuth: true, serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  cached = { certPem: forge.pki.certificateToPem(cert), keyPem };
  return cached;
}

/** The server certificate from the handshake line as PEM; throws when it is not a certificate. */
export function serverCertificatePem(rawBase64: string): { pem: string; fingerprint: string } {
  const der = Buffer.from(rawBase64, 'base64');
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  const pem = `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
  const x = new X509Certificate(pem);
  return { pem, fingerprint: x.fingerprint256 };
}
