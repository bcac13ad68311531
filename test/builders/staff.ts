import type { StaffMember } from '../../core/model/staff';
import { atBase, nextSeq } from './sequence';

/** An unlocked official with a fresh e-mail. The password hash is a placeholder, not a real hash. */
export function aStaffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  const n = nextSeq();
  return {
    id: `st_${n}`,
    email: `official${n}@example.org`,
    name: `Official ${n}`,
    role: 'official',
    passwordHash: `hash-${n}`,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: atBase(),
    ...overrides,
  };
}
