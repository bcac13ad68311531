import { StoreConflict } from '../../../core/ports/store';
import { aCitizen, anIdentity, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, range, savedCitizen, settle } from './harness';

export function citizenStoreContract(makeStore: StoreFactory): void {
  describe('CitizenStore', () => {
    const store = freshStore(makeStore);

    it('gives back a created citizen exactly, identities in link order', async () => {
      const citizen = aCitizen({
        identities: [
          anIdentity({ channel: 'viber', linkedAt: minutesFrom(0) }),
          anIdentity({ channel: 'telegram', linkedAt: minutesFrom(5), unreachable: true }),
        ],
        consentAt: null,
        phoneHash: 'ab'.repeat(32),
        verification: 'phone',
        locale: 'el',
        notifications: false,
        erasedAt: minutesFrom(9),
      });
      await store().citizens.create(citizen);
      expect(await store().citizens.get(citizen.id)).toStrictEqual(citizen);
      expect(await store().citizens.get('ci_missing')).toBeNull();
    });

    it('finds a citizen by channel and external id, and only on that channel', async () => {
      const citizen = await savedCitizen(store());
      const [identity] = citizen.identities;
      if (!identity) throw new Error('builder gives one identity');
      expect(await store().citizens.findByIdentity(identity.channel, identity.externalId)).toStrictEqual(
        citizen,
      );
      expect(await store().citizens.findByIdentity('viber', identity.externalId)).toBeNull();
      expect(await store().citizens.findByIdentity('telegram', 'nobody')).toBeNull();
    });

    it('finds the citizen who verified a phone, skipping erased ones', async () => {
      const hash = 'cd'.repeat(32);
      const erased = aCitizen({ phoneHash: hash, verification: 'phone', erasedAt: minutesFrom(1) });
      await store().citizens.create(erased);
      expect(await store().citizens.findByPhoneHash(hash)).toBeNull();
      const holder = aCitizen({ phoneHash: hash, verification: 'phone' });
      await store().citizens.create(holder);
      expect(await store().citizens.findByPhoneHash(hash)).toStrictEqual(holder);
      expect(await store().citizens.findByPhoneHash('ef'.repeat(32))).toBeNull();
    });

    it('refuses a second citizen with a taken identity, storing nothing of it', async () => {
      const first = await savedCitizen(store());
      const second = aCitizen({ identities: [anIdentity(), first.identities[0]!] });
      await expect(store().citizens.create(second)).rejects.toBeInstanceOf(StoreConflict);
      expect(await store().citizens.get(second.id)).toBeNull();
      expect(await store().citizens.count()).toBe(1);
    });

    it('lets exactly one of many simultaneous creates with the same identity win', async () => {
      const identity = anIdentity();
      const outcomes = await Promise.all(
        range(20).map(() => settle(store().citizens.create(aCitizen({ identities: [identity] })))),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      for (const o of outcomes) if (!o.ok) expect(o.error).toBeInstanceOf(StoreConflict);
      expect(await store().citizens.count()).toBe(1);
    });

    it('updates own fields without touching identities', async () => {
      const citizen = await savedCitizen(store());
      const changed = { ...citizen, locale: 'cs' as const, verification: 'code' as const, identities: [] };
      await store().citizens.update(changed);
      expect(await store().citizens.get(citizen.id)).toStrictEqual({
        ...changed,
        identities: citizen.identities,
      });
    });

    it('attaches a new identity, and moves one held by another citizen', async () => {
      const alice = await savedCitizen(store());
      const bob = await savedCitizen(store());
      const webchat = anIdentity({ channel: 'webchat', linkedAt: minutesFrom(1) });
      await store().citizens.attachIdentity(alice.id, webchat);
      expect((await store().citizens.get(alice.id))?.identities).toStrictEqual([
        ...alice.identities,
        webchat,
      ]);

      const bobs = { ...bob.identities[0]!, linkedAt: minutesFrom(2) };
      await store().citizens.attachIdentity(alice.id, bobs);
      expect((await store().citizens.get(bob.id))?.identities).toEqual([]);
      expect((await store().citizens.findByIdentity(bobs.channel, bobs.externalId))?.id).toBe(alice.id);
    });

    it('removes identities but keeps the citizen, and frees them for someone else', async () => {
      const citizen = await savedCitizen(store());
      const identity = citizen.identities[0]!;
      await store().citizens.removeIdentities(citizen.id);
      expect(await store().citizens.get(citizen.id)).toStrictEqual({ ...citizen, identities: [] });
      expect(await store().citizens.findByIdentity(identity.channel, identity.externalId)).toBeNull();
      await store().citizens.create(aCitizen({ identities: [identity] }));
      expect(await store().citizens.count()).toBe(2);
    });

    it('touches an identity and marks it unreachable and back', async () => {
      const citizen = await savedCitizen(store());
      const { channel, externalId } = citizen.identities[0]!;
      await store().citizens.touchIdentity(channel, externalId, minutesFrom(30));
      await store().citizens.markUnreachable(channel, externalId, true);
      let identity = (await store().citizens.get(citizen.id))?.identities[0];
      expect(identity).toMatchObject({ lastSeenAt: minutesFrom(30), unreachable: true });
      await store().citizens.markUnreachable(channel, externalId, false);
      identity = (await store().citizens.get(citizen.id))?.identities[0];
      expect(identity?.unreachable).toBe(false);
      // Writing again from a blocked account means the citizen unblocked the bot.
      await store().citizens.markUnreachable(channel, externalId, true);
      await store().citizens.touchIdentity(channel, externalId, minutesFrom(40));
      identity = (await store().citizens.get(citizen.id))?.identities[0];
      expect(identity).toMatchObject({ lastSeenAt: minutesFrom(40), unreachable: false });
    });

    it('sums participation by channel and by first day, consenting and not erased only', async () => {
      const day = (d: number) => new Date(Date.UTC(2025, 2, d, 12));
      await savedCitizen(store(), { createdAt: day(1) });
      await savedCitizen(store(), {
        createdAt: day(3),
        identities: [anIdentity({ channel: 'viber' }), anIdentity({ channel: 'telegram' })],
      });
      await savedCitizen(store(), { createdAt: day(3), identities: [anIdentity({ channel: 'viber' })] });
      await savedCitizen(store(), { createdAt: day(3), consentAt: null });
      await savedCitizen(store(), { createdAt: day(3), erasedAt: day(4), identities: [] });
      expect(await store().citizens.participation(day(2))).toEqual({
        total: 3,
        byChannel: { telegram: 2, viber: 2 },
        byDay: [{ day: '2025-03-03', count: 2 }],
      });
      expect((await store().citizens.participation(day(1))).byDay).toEqual([
        { day: '2025-03-01', count: 1 },
        { day: '2025-03-03', count: 2 },
      ]);
    });

    it('counts citizens', async () => {
      expect(await store().citizens.count()).toBe(0);
      await savedCitizen(store());
      await savedCitizen(store());
      expect(await store().citizens.count()).toBe(2);
    });
  });

  describe('LinkCodeStore', () => {
    const store = freshStore(makeStore);

    it('consumes a live code once', async () => {
      const citizen = await savedCitizen(store());
      await store().linkCodes.put('hash-1', citizen.id, minutesFrom(10));
      expect(await store().linkCodes.consume('hash-1', minutesFrom(5))).toBe(citizen.id);
      expect(await store().linkCodes.consume('hash-1', minutesFrom(5))).toBeNull();
    });

    it('refuses unknown and expired codes', async () => {
      const citizen = await savedCitizen(store());
      await store().linkCodes.put('hash-2', citizen.id, minutesFrom(10));
      expect(await store().linkCodes.consume('unknown', minutesFrom(0))).toBeNull();
      expect(await store().linkCodes.consume('hash-2', minutesFrom(10))).toBeNull();
    });

    it('hands a code to only one of many simultaneous consumers', async () => {
      const citizen = await savedCitizen(store());
      await store().linkCodes.put('hash-3', citizen.id, minutesFrom(10));
      const got = await Promise.all(range(10).map(() => store().linkCodes.consume('hash-3', minutesFrom(0))));
      expect(got.filter((id) => id === citizen.id)).toHaveLength(1);
    });
  });
}
