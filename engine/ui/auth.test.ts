import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { UiAuth, SESSION_COOKIE } from './auth.ts';

const VIEWER = 'viewer-token-0123456789';
const OPERATOR = 'operator-token-0123456789';
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

test('without a viewer token file the views are open, but nobody anonymous can act', () => {
  const auth = new UiAuth({ viewerTokens: [], operatorTokens: [OPERATOR] });
  const anon = auth.principal(req({}));
  assert.equal(anon.role, 'viewer');
  assert.equal(anon.csrf, null);
  assert.equal(auth.csrfValid(anon, ''), false);
});

test('with a viewer token file a request needs a token; bearer tokens map to roles', () => {
  const auth = new UiAuth({ viewerTokens: [VIEWER], operatorTokens: [OPERATOR] });
  assert.equal(auth.principal(req({})).role, null);
  assert.equal(auth.principal(req({ authorization: 'Bearer wrong-token-0123456789' })).role, null);
  assert.equal(auth.principal(req({ authorization: `Bearer ${VIEWER}` })).role, 'viewer');
  const op = auth.principal(req({ authorization: `Bearer ${OPERATOR}`, 'x-forwarded-email': 'ann@example.com' }));
  assert.equal(op.role, 'operator');
  assert.match(op.who, /^operator token [0-9a-f]{12} \(ann@example.com\)$/);
  assert.ok(!op.who.includes(OPERATOR));
  // the CSRF token of a bearer is stable for that bearer and differs from the token itself
  assert.equal(auth.principal(req({ authorization: `Bearer ${OPERATOR}` })).csrf, op.csrf);
  assert.notEqual(op.csrf, OPERATOR);
  assert.ok(auth.csrfValid(op, op.csrf!));
  assert.ok(!auth.csrfValid(op, 'x'));
  assert.ok(!auth.csrfValid(op, undefined));
});

test('a login sets an HttpOnly SameSite=Strict session cookie with its own CSRF token; logout ends it', () => {
  const auth = new UiAuth({ viewerTokens: [VIEWER], operatorTokens: [OPERATOR] });
  assert.equal(auth.login('nope-nope-nope-nope', req({})), null);
  const s = auth.login(OPERATOR, req({}))!;
  assert.equal(s.role, 'operator');
  assert.match(s.cookie, /; HttpOnly; SameSite=Strict;/);
  const value = s.cookie.split(';')[0]!;
  assert.ok(!value.includes(OPERATOR));
  const p = auth.principal(req({ cookie: `other=1; ${value}` }));
  assert.equal(p.role, 'operator');
  assert.equal(p.session, true);
  assert.ok(auth.csrfValid(p, p.csrf!));
  const other = auth.principal(req({ cookie: `${SESSION_COOKIE}=forged` }));
  assert.equal(other.role, null);
  assert.match(auth.logout(req({ cookie: value })), /Max-Age=0/);
  assert.equal(auth.principal(req({ cookie: value })).role, null);
});
