import { StoreConflict } from '../../../core/ports/store';
import { aStaffMember, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore } from './harness';

export function staffStoreContract(makeStore: StoreFactory): void {
  describe('StaffStore', () => {
    const store = freshStore(makeStore);

    it('gives back a member exactly, by id and by e-mail in any case', async () => {
      const member = aStaffMember({
        email: 'Maria.Papadopoulou@Example.gr',
        role: 'admin',
        lockedUntil: minutesFrom(15),
      });
      await store().staff.save(member);
      expect(await store().staff.get(member.id)).toStrictEqual(member);
      expect(await store().staff.findByEmail('maria.papadopoulou@example.gr')).toStrictEqual(member);
      expect(await store().staff.findByEmail('MARIA.PAPADOPOULOU@EXAMPLE.GR')).toStrictEqual(member);
      expect(await store().staff.findByEmail('nobody@example.gr')).toBeNull();
      expect(await store().staff.get('st_missing')).toBeNull();
    });

    it('replaces a member saved again, e-mail included', async () => {
      const member = aStaffMember();
      await store().staff.save(member);
      const changed = { ...member, email: 'new@example.org', failedLogins: 3 };
      await store().staff.save(changed);
      expect(await store().staff.get(member.id)).toStrictEqual(changed);
      expect(await store().staff.findByEmail(member.email)).toBeNull();
      expect(await store().staff.count()).toBe(1);
    });

    it('refuses an e-mail another member has, whatever its case', async () => {
      await store().staff.save(aStaffMember({ email: 'admin@example.org' }));
      await expect(store().staff.save(aStaffMember({ email: 'ADMIN@example.org' }))).rejects.toBeInstanceOf(
        StoreConflict,
      );
      expect(await store().staff.count()).toBe(1);
    });

    it('lists and counts members', async () => {
      const first = aStaffMember({ createdAt: minutesFrom(1) });
      const second = aStaffMember({ createdAt: minutesFrom(2) });
      for (const m of [second, first]) await store().staff.save(m);
      expect((await store().staff.list()).map((m) => m.id).sort()).toEqual([first.id, second.id].sort());
      expect(await store().staff.count()).toBe(2);
    });
  });
}
