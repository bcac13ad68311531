import type { StaffMember } from '../../../core/model/staff';
import type { StaffDoc } from '../schemas/staff-schema';
import { dateOrNull } from './json';

/** E-mail addresses compare without case; folded here so the key also covers non-ASCII letters. */
export const emailKey = (email: string): string => email.toLowerCase();

export function staffToDoc(m: StaffMember, ord: number): StaffDoc {
  return {
    _id: m.id,
    email: m.email,
    emailKey: emailKey(m.email),
    name: m.name,
    role: m.role,
    passwordHash: m.passwordHash,
    failedLogins: m.failedLogins,
    lockedUntil: m.lockedUntil,
    createdAt: m.createdAt,
    ord,
  };
}

export function staffFromDoc(doc: StaffDoc): StaffMember {
  return {
    id: doc._id,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    passwordHash: doc.passwordHash,
    failedLogins: doc.failedLogins,
    lockedUntil: dateOrNull(doc.lockedUntil),
    createdAt: doc.createdAt,
  };
}
