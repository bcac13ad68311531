export type StaffRole = 'admin' | 'official';

/** An official or administrator of the admin panel. */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
}
