import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { clientCertificate } from './auto-mtls.ts';

test('the AutoMTLS client certificate is a self-signed ECDSA P-256 certificate for localhost, usable as a TLS client', () => {
  const c = clientCertificate();
  const x = new X509Certificate(c.certPem);
  const key = createPrivateKey(c.keyPem);
  // an EC key: an RSA one cost about a second of CPU per run that starts a provider
  assert.equal(key.asymmetricKeyType, 'ec');
  assert.equal(key.asymmetricKeyDetails?.namedCurve, 'prime256v1');
  assert.ok(x.checkPrivateKey(key));
  assert.ok(x.verify(x.publicKey), 'self-signed: its own key verifies its signature');
  assert.ok(x.ca);
  assert.equal(x.subjectAltName, 'DNS:localhost');
  assert.ok(x.keyUsage?.includes('1.3.6.1.5.5.7.3.2'), 'client authentication');
  assert.ok(new Date(x.validFrom) <= new Date() && new Date(x.validTo) > new Date());
  assert.equal(clientCertificate(), c, 'one certificate per Ballast process');
});
