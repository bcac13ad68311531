import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A panel session: anonymous until a staff member signs in (the login form needs a CSRF token too). */
export interface Session {
  id: string;
  staffId: string | null;
  /** Sent back in every form; a POST without it is refused. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
  /** One message shown on the next page (after a redirect). */
  flash: { kind: 'ok' | 'error'; text: string } | null;
}

export interface SessionLimits {
  /** Signed-in sessions end after this long without a request. */
  idleMs: number;
  /** ... and after this long whatever happens. */
  absoluteMs: number;
  /** Anonymous sessions (a login page left open) end sooner. */
  anonymousMs: number;
  /** At most this many sessions are held; the least recently used go first. */
  max: number;
}

export const SESSION_LIMITS: SessionLimits = {
  idleMs: 2 * 3600_000,
  absoluteMs: 12 * 3600_000,
  anonymousMs: 30 * 60_000,
  max: 10_000,
};

const token = (): string => randomBytes(32).toString('base64url');

/**
 * Server-side sessions keyed by a random 256-bit id (the cookie holds only the id). Kept in memory:
 * a restart signs everyone out, and several app instances would each need sticky sessions.
 * Time comes from `now` so tests can move the clock.
 */
export class SessionStore {
  // A Map keeps insertion order; touching a session re-inserts it, so the first key is the LRU one.
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly now: () => number,
    private readonly limits: SessionLimits = SESSION_LIMITS,
  ) {}

  /** The live session with this id (touched), or null when unknown or expired. */
  get(id: string | undefined): Session | null {
    if (!id) return null;
    const s = this.sessions.get(id);
    if (!s) return null;
    const t = this.now();
    const expired = s.staffId
      ? t - s.lastSeenAt > this.limits.idleMs || t - s.createdAt > this.limits.absoluteMs
      : t - s.createdAt > this.limits.anonymousMs;
    this.sessions.delete(id);
    if (expired) return null;
    s.lastSeenAt = t;
    this.sessions.set(id, s);
    return s;
  }

  /** A new session; signing in always makes a new one, so an id planted before login is worthless. */
  create(staffId: string | null): Session {
    const t = this.now();
    const s: Session = { id: token(), staffId, csrf: token(), createdAt: t, lastSeenAt: t, flash: null };
    this.sessions.set(s.id, s);
    while (this.sessions.size > this.limits.max) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
    }
    return s;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of a staff member (disabled account). */
  destroyFor(staffId: string): void {
    for (const [id, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(id);
  }
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function csrfMatches(session: Session, submitted: unknown): boolean {
  if (typeof submitted !== 'string') return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
