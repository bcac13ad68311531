import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/shared/clock';

/** Direct Line tokens live 30 minutes, as Azure's do; DirectLineJS refreshes them every 15. */
export const TOKEN_TTL_SECONDS = 30 * 60;
/** A browser's identity ticket: renewed on every visit, so only a year of silence loses it. */
export const TICKET_TTL_SECONDS = 365 * 24 * 60 * 60;

const ISSUER = 'agora-directline';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** A conversation token's claims: who (`user`), which conversation (`conv`), until when (`exp`). */
export interface TokenClaims {
  user: string;
  conv: string;
  iat: number;
  exp: number;
}

export type Verified<T> =
  { ok: true; claims: T } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** New ids: 128 random bits, URL-safe. User ids start with `dl_`, the prefix Web Chat reserves for ids
 * embedded in a token (it refuses a `dl_` id passed any other way, so it cannot be forged client-side). */
export const newUserId = (): string => `dl_${randomBytes(16).toString('base64url')}`;
export const newConversationId = (): string => randomBytes(16).toString('base64url');

/**
 * Signs and checks the two credentials of the self-hosted Direct Line, both HS256 JWTs:
 * - the *token*: scoped to one conversation and one user, short-lived, refreshable while valid. It
 *   is a JWT with a `user` claim because Web Chat reads the user id from exactly that claim.
 * - the *ticket*: the proof that a browser owns a user id, kept in its localStorage and shown to
 *   `tokens/generate` to get a token for the same citizen again. Without a valid ticket nobody can
 *   claim an existing user id; a fresh id is issued instead.
 * Each kind is signed with its own key derived from the secret, so neither can pass for the other.
 */
export class DirectLineTokens {
  private readonly tokenKey: Buffer;
  private readonly ticketKey: Buffer;

  constructor(
    secret: Buffer,
    private readonly clock: Clock,
    readonly ttlSeconds = TOKEN_TTL_SECONDS,
  ) {
    if (secret.length < 16) throw new Error('the web chat secret must have at least 16 bytes');
    this.tokenKey = createHmac('sha256', secret).update('agora-directline-token').digest();
    this.ticketKey = createHmac('sha256', secret).update('agora-webchat-ticket').digest();
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  issue(user: string, conv: string): { token: string; expires_in: number } {
    const iat = this.nowSeconds();
    const token = sign(this.tokenKey, { iss: ISSUER, user, conv, iat, exp: iat + this.ttlSeconds });
    return { token, expires_in: this.ttlSeconds };
  }

  verify(token: string): Verified<TokenClaims> {
    const v = check(this.tokenKey, token, this.nowSeconds());
    if (!v.ok) return v;
    const { user, conv, iat, exp } = v.claims;
    if (
      typeof user !== 'string' ||
      typeof conv !== 'string' ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    )
      return { ok: false, reason: 'malformed' };
    return { ok: true, claims: { user, conv, iat, exp } };
  }

  issueTicket(user: string): string {
    const iat = this.nowSeconds();
    return sign(this.ticketKey, { iss: ISSUER, sub: user, iat, exp: iat + TICKET_TTL_SECONDS });
  }

  /** The user id a ticket proves, or null. */
  verifyTicket(ticket: string): string | null {
    const v = check(this.ticketKey, ticket, this.nowSeconds());
    return v.ok && typeof v.claims.sub === 'string' ? v.claims.sub : null;
  }
}

function sign(key: Buffer, claims: Record<string, unknown>): string {
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

function check(key: Buffer, jwt: string, now: number): Verified<Record<string, unknown>> {
  const parts = jwt.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
  const [, payload, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', key).update(`${HEADER}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'malformed' };
  const c = claims as Record<string, unknown>;
  if (c.iss !== ISSUER || typeof c.exp !== 'number') return { ok: false, reason: 'malformed' };
  if (c.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: c };
}
