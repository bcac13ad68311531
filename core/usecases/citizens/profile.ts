import type { Citizen, VerificationLevel } from '../../model/citizen';
import type { Locale } from '../../model/locale';
import { isLocale } from '../../model/locale';
import { sha256Hex } from '../../shared/hash';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';

async function change(
  deps: Deps,
  citizenId: string,
  edit: (c: Citizen) => Result<Citizen>,
): Promise<Result<Citizen>> {
  return deps.store.transaction(async (tx) => {
    const c = await tx.citizens.get(citizenId);
    if (!c) return fail('NOT_FOUND', 'citizen not found', { citizenId });
    if (c.erasedAt) return fail('CITIZEN_ERASED', 'this account was erased');
    const r = edit({ ...c });
    if (r.ok) await tx.citizens.update(r.value);
    return r;
  });
}

/** Records consent to the privacy notice (required before proposing, supporting or voting). */
export const giveConsent = (deps: Deps, citizenId: string): Promise<Result<Citizen>> =>
  change(deps, citizenId, (c) => ok({ ...c, consentAt: c.consentAt ?? deps.clock.now() }));

export const setLocale = (deps: Deps, citizenId: string, locale: Locale): Promise<Result<Citizen>> =>
  change(deps, citizenId, (c) =>
    isLocale(locale) ? ok({ ...c, locale }) : fail('INVALID_INPUT', `unsupported language ${String(locale)}`),
  );

export const setNotifications = (deps: Deps, citizenId: string, on: boolean): Promise<Result<Citizen>> =>
  change(deps, citizenId, (c) => ok({ ...c, notifications: on }));

/** Normalises a phone number to digits with a leading + so one number always hashes the same. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '').replace(/^00/, '+');
  const plain = digits.replace(/\+/g, '');
  if (plain.length < 7 || plain.length > 15) return null;
  return `+${plain}`;
}

/**
 * Raises the verification level. A phone is accepted only when the channel vouches it is the sender's own
 * (`ownContact`); only its hash is kept.
 */
export async function verifyPhone(
  deps: Deps,
  citizenId: string,
  phone: string,
  ownContact: boolean,
): Promise<Result<Citizen>> {
  if (!ownContact) return fail('INVALID_INPUT', 'only your own phone number can verify your account');
  const n = normalisePhone(phone);
  if (!n) return fail('INVALID_INPUT', 'that does not look like a phone number');
  const phoneHash = sha256Hex(n);
  return deps.store.transaction(async (tx) => {
    // One phone, one person: a number moved to a new Telegram account must not verify a second
    // citizen who could then vote again.
    const holder = await tx.citizens.findByPhoneHash(phoneHash);
    if (holder && holder.id !== citizenId)
      return fail('PHONE_IN_USE', 'this phone number already verified another account');
    return change(deps, citizenId, (c) => {
      const level: VerificationLevel = c.verification === 'code' ? 'code' : 'phone';
      return ok({ ...c, phoneHash, verification: level });
    });
  });
}

/** Marks a citizen verified by a municipal code (checked by the caller against the city's list). */
export const verifyByCode = (deps: Deps, citizenId: string): Promise<Result<Citizen>> =>
  change(deps, citizenId, (c) => ok({ ...c, verification: 'code' }));
