import type { Stores } from '../../core/ports/store';
import type { Clock } from '../../core/shared/clock';
import { systemClock } from '../../core/shared/clock';
import { generatePassword } from './password';
import { createStaff } from './staff-accounts';

/** E-mail of the generated first admin when ADMIN_EMAIL is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@agora.local';

export interface FirstAdminResult {
  created: boolean;
  email?: string;
}

/**
 * Creates the first administrator when the store has no staff at all: from ADMIN_EMAIL /
 * ADMIN_PASSWORD when given, otherwise (no password, or neither) with a generated password that
 * `log` receives once (it is stored only as a scrypt hash, so this is the only time anyone sees it).
 * Does nothing once any staff account exists, so it is safe to call at every start.
 */
export async function ensureFirstAdmin(
  stores: Pick<Stores, 'staff'>,
  credentials: { email: string; password?: string } | undefined,
  log: (message: string) => void,
  clock: Pick<Clock, 'now'> = systemClock,
): Promise<FirstAdminResult> {
  if ((await stores.staff.count()) > 0) return { created: false };
  const email = credentials?.email ?? DEFAULT_ADMIN_EMAIL;
  const given = credentials?.password;
  const password = given ?? generatePassword();
  const r = await createStaff(stores, { email, name: 'Administrator', role: 'admin', password }, clock.now());
  if (!r.ok) throw new Error(`cannot create the first admin: ${r.problem}`);
  log(
    given
      ? `Created the first admin account ${email} (password from ADMIN_PASSWORD).`
      : `Created the first admin account ${email} with password ${password} — sign in at /admin and change it under /admin/account; it is not shown again.`,
  );
  return { created: true, email };
}
