import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import type { StaffMember } from '../../core/model/staff';
import type { Panel } from './context';
import { sessionOrNull, staffOrNull } from './context';
import { parseCookies, serializeCookie } from './cookies';
import { formValues, queryText, text } from './form';
import { renderLogin } from './pages/login';
import { DUMMY_HASH, verifyPassword } from './password';
import { csrfMatches } from './sessions';
import { sendMessage } from './layout';
import { isDisabled } from './staff-accounts';

export const COOKIE = 'agora_admin';
const COOKIE_PATH = '/admin';
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** One message for every failure, so the form never tells whether an e-mail has an account. */
export const LOGIN_FAILED =
  'Sign-in failed. Check your e-mail and password; after 5 failed attempts an account is locked for 15 minutes.';

const secureFor = (panel: Panel, req: Request): boolean => panel.secure || req.secure;

function setSessionCookie(panel: Panel, req: Request, res: Response, id: string): void {
  res.append('Set-Cookie', serializeCookie(COOKIE, id, { path: COOKIE_PATH, secure: secureFor(panel, req) }));
}

/**
 * Finds the session of the request and its staff member. A member deleted or disabled since
 * signing in loses the session at once; a role change applies on the next request.
 */
export function loadSession(panel: Panel) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const session = panel.sessions.get(parseCookies(req.headers.cookie)[COOKIE]);
    if (session?.staffId) {
      const member = await panel.deps.store.staff.get(session.staffId);
      if (!member || isDisabled(member)) {
        panel.sessions.destroy(session.id);
        return next();
      }
      res.locals.staff = member;
    }
    res.locals.session = session ?? undefined;
    next();
  };
}

/** Every POST carries the session's CSRF token, or is refused with 403 before any handler runs. */
export function checkCsrf(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST') return next();
  const session = sessionOrNull(res);
  if (session && csrfMatches(session, formValues(req)._csrf)) return next();
  sendMessage(
    res,
    403,
    'Form expired',
    'This form was not accepted (missing or stale security token). Reload the page and try again.',
  );
}

/** Anonymous visitors are sent to the login page (GET) or refused (anything else). */
export function requireStaff(req: Request, res: Response, next: NextFunction): void {
  if (staffOrNull(res)) return next();
  if (req.method === 'GET' || req.method === 'HEAD') {
    const target = req.originalUrl;
    return void res.redirect(
      303,
      `/admin/login${target === '/admin' ? '' : `?next=${encodeURIComponent(target)}`}`,
    );
  }
  sendMessage(res, 403, 'Not signed in', 'Sign in to continue.');
}

/** Only administrators: budgets, rules, phases and staff accounts. */
export function requireAdmin(_req: Request, res: Response, next: NextFunction): void {
  if (staffOrNull(res)?.role === 'admin') return next();
  sendMessage(res, 403, 'Administrators only', 'Only an administrator can do this.');
}

/** Where to go after signing in: a panel path only (never another site). */
const safeNext = (s: string): string =>
  /^\/admin(\/[^/\\]|$|\?)/.test(s) && !s.includes('//') ? s : '/admin';

/** GET/POST /login and POST /logout. */
export function authRouter(panel: Panel): Router {
  const r = Router();
  const now = () => panel.deps.clock.now();

  r.get('/login', (req, res) => {
    if (staffOrNull(res)) return void res.redirect(303, '/admin');
    if (!sessionOrNull(res)) {
      const s = panel.sessions.create(null);
      res.locals.session = s;
      setSessionCookie(panel, req, res, s.id);
    }
    renderLogin(res, 200, { email: '', next: safeNext(queryText(req, 'next')) }, null);
  });

  r.post('/login', async (req, res) => {
    const v = formValues(req);
    const email = text(v, 'email');
    const password = v.password ?? '';
    const member = email && password ? await panel.deps.store.staff.findByEmail(email) : null;
    const ok = await attempt(member, password);
    if (!member || !ok) {
      return renderLogin(res, 401, { email, next: safeNext(text(v, 'next')) }, LOGIN_FAILED);
    }
    panel.sessions.destroy(sessionOrNull(res)?.id ?? '');
    const s = panel.sessions.create(member.id);
    setSessionCookie(panel, req, res, s.id);
    panel.log.info({ staffId: member.id }, 'admin sign-in');
    res.redirect(303, safeNext(text(v, 'next')));
  });

  r.post('/logout', (req, res) => {
    const s = sessionOrNull(res);
    if (s) panel.sessions.destroy(s.id);
    res.append(
      'Set-Cookie',
      serializeCookie(COOKIE, '', { path: COOKIE_PATH, secure: secureFor(panel, req), maxAge: 0 }),
    );
    res.redirect(303, '/admin/login');
  });

  /**
   * Checks the password (always running scrypt, also for unknown e-mails and locked accounts, so
   * timing tells nothing) and records the outcome: 5 failures in a row lock the account for 15 min.
   */
  async function attempt(member: StaffMember | null, password: string): Promise<boolean> {
    const usable = member && !isDisabled(member);
    const matches = await verifyPassword(password, usable ? member.passwordHash : DUMMY_HASH);
    if (!member || !usable) return false;
    return panel.deps.store.transaction(async (tx) => {
      const m = await tx.staff.get(member.id);
      if (!m) return false;
      const t = now();
      if (m.lockedUntil && m.lockedUntil.getTime() > t.getTime()) return false;
      if (matches) {
        if (m.failedLogins !== 0 || m.lockedUntil)
          await tx.staff.save({ ...m, failedLogins: 0, lockedUntil: null });
        return true;
      }
      const failed = m.failedLogins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      await tx.staff.save({
        ...m,
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(t.getTime() + LOCKOUT_MS) : m.lockedUntil,
      });
      if (lock) panel.log.warn({ staffId: m.id }, 'admin account locked after repeated failed sign-ins');
      return false;
    });
  }

  return r;
}
