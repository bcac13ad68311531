import { StoreConflict } from '../../../core/ports/store';
import { aBallot, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, range, savedChallenge, savedCitizen } from './harness';

export function ballotStoreContract(makeStore: StoreFactory): void {
  describe('BallotStore', () => {
    const store = freshStore(makeStore);

    async function voter() {
      const challenge = await savedChallenge(store());
      const citizen = await savedCitizen(store());
      return { challengeId: challenge.id, citizenId: citizen.id };
    }

    it('gives back a ballot exactly, by citizen and by receipt', async () => {
      const ballot = aBallot({
        ...(await voter()),
        choices: [{ projectId: 'pr_a', points: 3 }, { projectId: 'pr_b' }, { projectId: 'pr_c', points: 0 }],
        meta: { age: '34', sex: 'F' },
      });
      expect(await store().ballots.put(ballot)).toStrictEqual(ballot);
      expect(await store().ballots.get(ballot.challengeId, ballot.citizenId!)).toStrictEqual(ballot);
      expect(await store().ballots.getByReceipt(ballot.receipt)).toStrictEqual(ballot);
      expect(await store().ballots.getByReceipt('NOPE')).toBeNull();
      expect(await store().ballots.get(ballot.challengeId, 'ci_missing')).toBeNull();
    });

    it('replaces a citizen’s ballot in place, keeping the first row id', async () => {
      const ids = await voter();
      const first = await store().ballots.put(aBallot({ ...ids }));
      const change = aBallot({ ...ids, choices: [{ projectId: 'pr_z' }], updatedAt: minutesFrom(5) });
      const stored = await store().ballots.put(change);
      expect(stored).toStrictEqual({ ...change, id: first.id });
      expect(await store().ballots.get(ids.challengeId, ids.citizenId)).toStrictEqual(stored);
      expect(await store().ballots.getByReceipt(first.receipt)).toBeNull();
      expect(await store().ballots.countByChallenge(ids.challengeId)).toBe(1);
    });

    it('updates a ballot put again under its own id', async () => {
      const ids = await voter();
      const ballot = await store().ballots.put(aBallot({ ...ids }));
      const changed = { ...ballot, choices: [], updatedAt: minutesFrom(1) };
      expect(await store().ballots.put(changed)).toStrictEqual(changed);
      expect(await store().ballots.countByChallenge(ids.challengeId)).toBe(1);
    });

    it('leaves exactly one ballot after many simultaneous puts for one citizen', async () => {
      const ids = await voter();
      const stored = await Promise.all(range(50).map(() => store().ballots.put(aBallot({ ...ids }))));
      expect(new Set(stored.map((b) => b.id)).size).toBe(1);
      expect(await store().ballots.countByChallenge(ids.challengeId)).toBe(1);
    });

    it('keeps many ballots without a citizen (imported or erased)', async () => {
      const challenge = await savedChallenge(store());
      await store().ballots.put(aBallot({ challengeId: challenge.id, citizenId: null }));
      await store().ballots.put(aBallot({ challengeId: challenge.id, citizenId: null }));
      expect(await store().ballots.countByChallenge(challenge.id)).toBe(2);
    });

    it('refuses a receipt already on another ballot', async () => {
      const first = await store().ballots.put(aBallot({ ...(await voter()) }));
      const clash = aBallot({ ...(await voter()), receipt: first.receipt });
      await expect(store().ballots.put(clash)).rejects.toBeInstanceOf(StoreConflict);
    });

    it('lists and counts ballots by challenge in cast order, and by citizen', async () => {
      const challenge = await savedChallenge(store());
      const other = await savedChallenge(store());
      const [alice, bob] = [await savedCitizen(store()), await savedCitizen(store())];
      const late = await store().ballots.put(
        aBallot({ challengeId: challenge.id, citizenId: alice.id, castAt: minutesFrom(9) }),
      );
      const early = await store().ballots.put(
        aBallot({ challengeId: challenge.id, citizenId: bob.id, castAt: minutesFrom(1) }),
      );
      const elsewhere = await store().ballots.put(aBallot({ challengeId: other.id, citizenId: alice.id }));
      expect(await store().ballots.listByChallenge(challenge.id)).toStrictEqual([early, late]);
      expect(await store().ballots.countByChallenge(challenge.id)).toBe(2);
      const mine = await store().ballots.listByCitizen(alice.id);
      expect(mine.map((b) => b.id).sort()).toEqual([late.id, elsewhere.id].sort());
    });

    it('keeps ballots but drops the citizen on erasure', async () => {
      const ids = await voter();
      const ballot = await store().ballots.put(aBallot({ ...ids }));
      await store().ballots.anonymise(ids.citizenId);
      expect(await store().ballots.get(ids.challengeId, ids.citizenId)).toBeNull();
      expect(await store().ballots.listByCitizen(ids.citizenId)).toEqual([]);
      expect(await store().ballots.listByChallenge(ids.challengeId)).toStrictEqual([
        { ...ballot, citizenId: null },
      ]);
    });
  });
}
