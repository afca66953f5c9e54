// go-plugin's AutoMTLS: the client makes a one-off certificate, hands it to the plugin in
// PLUGIN_CLIENT_CERT, and trusts exactly the server certificate that comes back in the
// handshake line (base64 DER, no padding). Both sides verify the other.

import { generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface ClientCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

let cached: ClientCertificate | undefined;

/**
 * One client certificate per Ballast process; every plugin run by it gets the same one. An
 * ECDSA P-256 key, like go-plugin's own (P-521): an RSA key took about a second of CPU to make
 * and to sign in JavaScript, on every run that starts a provider. node-forge has no ECDSA, so
 * forge's ASN.1 writes the certificate and Node's crypto signs it.
 */
export function clientCertificate(): ClientCertificate {
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const { asn1 } = forge;
  // certificateExtensionsToAsn1 is part of forge's pki but missing from its type definitions
  const pki = forge.pki as typeof forge.pki & { certificateExtensionsToAsn1(exts: unknown[]): forge.asn1.Asn1 };
  const der = (b: Buffer) => asn1.fromDer(forge.util.createBuffer(b.toString('binary')));
  const ecdsaSha256 = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.2.840.10045.4.3.2').getBytes())]);
  const now = new Date();
  const utc = (d: Date) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(d));
  // forge's certificate object only to fill the names and extension encodings
  const draft = pki.createCertificate();
  const name = [
    { name: 'organizationName', value: 'Ballast' },
    { name: 'commonName', value: 'localhost' },
  ];
  draft.setSubject(name);
  draft.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', clientAuth: true, serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] },
  ]);
  const dn = pki.distinguishedNameToAsn1(draft.subject);
  const tbs = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(2).getBytes())]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(`01${randomBytes(15).toString('hex')}`)),
    ecdsaSha256,
    dn,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [utc(new Date(now.getTime() - 30_000)), utc(new Date(now.getTime() + 24 * 3600_000 * 30))]),
    pki.distinguishedNameToAsn1(draft.subject),
    der(publicKey.export({ type: 'spki', format: 'der' })),
    pki.certificateExtensionsToAsn1(draft.extensions),
  ]);
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, privateKey);
  const cert = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [tbs, ecdsaSha256, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\0${signature.toString('binary')}`)]);
  const b64 = Buffer.from(asn1.toDer(cert).getBytes(), 'binary')
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  cached = { certPem: `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`, keyPem };
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
