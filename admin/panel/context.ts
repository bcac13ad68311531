import type { Response } from 'express';
import type { Locale } from '../../core/model/locale';
import type { StaffMember } from '../../core/model/staff';
import type { Deps } from '../../core/usecases/deps';
import type { FaqRetriever } from '../../nlu/faq/faq-retriever';
import type { Session, SessionStore } from './sessions';

/** The logging the panel needs (a pino logger fits). */
export interface PanelLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** An answer drafted by a language model for an official to edit; null when it has none. */
export type SuggestAnswer = (question: string, locale: Locale) => Promise<string | null>;

/** What every page handler of the panel shares. */
export interface Panel {
  deps: Deps;
  log: PanelLogger;
  sessions: SessionStore;
  faq: FaqRetriever;
  suggest: SuggestAnswer | undefined;
  /** Cookies get `Secure` (PUBLIC_URL is https, or told so). */
  secure: boolean;
}

/** The session of the request, or null (an anonymous visitor who has not opened the login page). */
export const sessionOrNull = (res: Response): Session | null =>
  (res.locals.session as Session | undefined) ?? null;

/** The session of the request (pages behind requireStaff, and the login page, always have one). */
export function sessionOf(res: Response): Session {
  const s = sessionOrNull(res);
  if (!s) throw new Error('no panel session on this request');
  return s;
}

/** The signed-in staff member, or null on the login page. */
export const staffOrNull = (res: Response): StaffMember | null =>
  (res.locals.staff as StaffMember | undefined) ?? null;

/** The signed-in staff member (routes behind requireStaff). */
export function staffOf(res: Response): StaffMember {
  const m = staffOrNull(res);
  if (!m) throw new Error('no signed-in staff member on this request');
  return m;
}

/** Sets the message shown on the next page. */
export function flash(res: Response, kind: 'ok' | 'error', text: string): void {
  sessionOf(res).flash = { kind, text };
}
