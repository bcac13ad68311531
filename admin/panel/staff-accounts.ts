import type { StaffMember, StaffRole } from '../../core/model/staff';
import type { Stores } from '../../core/ports/store';
import { StoreConflict } from '../../core/ports/store';
import type { IdGenerator } from '../../core/shared/ids';
import { randomIds } from '../../core/shared/ids';
import { hashPassword, passwordProblem } from './password';

/**
 * A disabled account keeps its row (audit entries name staff ids) with this prefix on its password
 * hash: no password verifies against it, and the panel drops its sessions at the next request.
 */
const DISABLED = 'disabled$';

export const isDisabled = (m: Pick<StaffMember, 'passwordHash'>): boolean =>
  m.passwordHash.startsWith(DISABLED);

export const disabled = (m: StaffMember): StaffMember =>
  isDisabled(m) ? m : { ...m, passwordHash: DISABLED + m.passwordHash };

export interface NewStaff {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first problem with a new account, naming the field, or null. */
export function newStaffProblem(s: NewStaff): string | null {
  if (!EMAIL.test(s.email) || s.email.length > 200) return 'e-mail: enter an address such as name@city.gov';
  if (!s.name.trim() || s.name.length > 100) return 'name: required (at most 100 characters)';
  if (s.role !== 'admin' && s.role !== 'official') return 'role: admin or official';
  const p = passwordProblem(s.password);
  return p ? `password: ${p}` : null;
}

/** Creates an account; `taken` when another account has the e-mail. */
export async function createStaff(
  stores: Pick<Stores, 'staff'>,
  s: NewStaff,
  now: Date,
  ids: IdGenerator = randomIds,
): Promise<{ ok: true; member: StaffMember } | { ok: false; problem: string }> {
  const problem = newStaffProblem(s);
  if (problem) return { ok: false, problem };
  if (await stores.staff.findByEmail(s.email))
    return { ok: false, problem: 'e-mail: already has an account' };
  const member: StaffMember = {
    id: ids.next('st'),
    email: s.email.trim(),
    name: s.name.trim(),
    role: s.role,
    passwordHash: await hashPassword(s.password),
    failedLogins: 0,
    lockedUntil: null,
    createdAt: now,
  };
  try {
    await stores.staff.save(member);
  } catch (e) {
    if (e instanceof StoreConflict) return { ok: false, problem: 'e-mail: already has an account' };
    throw e;
  }
  return { ok: true, member };
}
