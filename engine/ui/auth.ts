// Who is asking: a viewer or an operator. Tokens come from files (one token a line), as
// `Authorization: Bearer …` or through the login form, which starts a server-side session kept
// in an HttpOnly, SameSite=Strict cookie. Every action carries a CSRF token: the session's own
// for a login, or one derived from the bearer token for scripts (any page shows it).
//
// Without a viewer token file the read-only views are open; without an operator token file
// nobody can act.

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

export type Role = 'operator' | 'viewer';

export interface Principal {
  /** null: nobody (a viewer token is required and none was given) */
  readonly role: Role | null;
  /** for the audit log: a login's or token's fingerprint, never the token */
  readonly who: string;
  /** the CSRF token actions must carry; null when nothing can be done */
  readonly csrf: string | null;
  /** logged in through the form (a cookie session) */
  readonly session: boolean;
}

export interface AuthConfig {
  readonly viewerTokens: readonly string[];
  readonly operatorTokens: readonly string[];
}

export const SESSION_COOKIE = 'ballast_ui';
const SESSION_TTL_MS = 12 * 3600_000;

interface Session {
  readonly role: Role;
  readonly who: string;
  readonly csrf: string;
  readonly expires: number;
}

/** Reads a token file: one token a line, blank lines and `#` comments ignored. */
export function readTokenFile(file: string, flag: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const tokens = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (!tokens.length) throw new Error(`${flag} ${file} holds no token`);
  const short = tokens.find((t) => t.length < 16);
  if (short !== undefined) throw new Error(`${flag} ${file}: every token must be at least 16 characters long`);
  return tokens;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export class UiAuth {
  private readonly sessions = new Map<string, Session>();
  private readonly secret = randomBytes(32);
  private readonly viewers: Buffer[];
  private readonly operators: Buffer[];

  constructor(readonly config: AuthConfig) {
    this.viewers = config.viewerTokens.map(digest);
    this.operators = config.operatorTokens.map(digest);
  }

  /** Whether anybody can act at all. */
  get actionsPossible(): boolean {
    return this.operators.length > 0;
  }

  /** Whether there is anything to log in for. */
  get loginPossible(): boolean {
    return this.operators.length > 0 || this.viewers.length > 0;
  }

  /** The role a token grants, or null. Compared as digests in constant time. */
  roleOf(token: string): Role | null {
    const d = digest(token);
    if (this.operators.some((t) => timingSafeEqual(t, d))) return 'operator';
    if (this.viewers.some((t) => timingSafeEqual(t, d))) return 'viewer';
    return null;
  }

  principal(req: IncomingMessage): Principal {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) {
      const role = this.roleOf(bearer);
      if (role) {
        const fp = createHash('sha256').update(bearer).digest('hex').slice(0, 12);
        return { role, who: `${role} token ${fp}${forwardedUser(req)}`, csrf: this.bearerCsrf(bearer), session: false };
      }
      return this.anonymous(req);
    }
    const sid = cookie(req, SESSION_COOKIE);
    const s = sid ? this.sessions.get(sid) : undefined;
    if (s && s.expires > Date.now()) return { role: s.role, who: s.who, csrf: s.csrf, session: true };
    if (s) this.sessions.delete(sid!);
    return this.anonymous(req);
  }

  /** Starts a session for a valid token: the cookie value to set, or null. */
  login(token: string, req: IncomingMessage): { cookie: string; role: Role } | null {
    const role = this.roleOf(token.trim());
    if (!role) return null;
    for (const [id, s] of this.sessions) if (s.expires <= Date.now()) this.sessions.delete(id);
    const id = randomBytes(32).toString('base64url');
    const fp = createHash('sha256').update(token.trim()).digest('hex').slice(0, 12);
    this.sessions.set(id, { role, who: `${role} login ${fp}${forwardedUser(req)}`, csrf: randomBytes(24).toString('base64url'), expires: Date.now() + SESSION_TTL_MS });
    return { cookie: `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}`, role };
  }

  logout(req: IncomingMessage): string {
    const sid = cookie(req, SESSION_COOKIE);
    if (sid) this.sessions.delete(sid);
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  }

  /** Whether `token` is the CSRF token of `p` (constant time). */
  csrfValid(p: Principal, token: string | undefined): boolean {
    if (!p.csrf || !token) return false;
    const a = Buffer.from(p.csrf);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private anonymous(req: IncomingMessage): Principal {
    // no viewer token file: the read-only views are open
    return this.viewers.length ? { role: null, who: 'anonymous', csrf: null, session: false } : { role: 'viewer', who: `anonymous${forwardedUser(req)}`, csrf: null, session: false };
  }

  private bearerCsrf(token: string): string {
    return createHmac('sha256', this.secret).update(token).digest('base64url');
  }
}

/** The user an OIDC proxy (oauth2-proxy) in front of the UI names, for the audit log only. */
function forwardedUser(req: IncomingMessage): string {
  const u = req.headers['x-forwarded-email'] ?? req.headers['x-forwarded-user'];
  const v = Array.isArray(u) ? u[0] : u;
  return v && /^[\w.@+-]{1,200}$/.test(v) ? ` (${v})` : '';
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}
