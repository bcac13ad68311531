import type { StaffMember } from '../model/staff';

export interface StaffStore {
  get(id: string): Promise<StaffMember | null>;
  findByEmail(email: string): Promise<StaffMember | null>;
  list(): Promise<StaffMember[]>;
  save(member: StaffMember): Promise<void>;
  count(): Promise<number>;
}
