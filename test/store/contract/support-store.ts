import { minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, range, savedChallenge, savedCitizen, savedProposal } from './harness';

export function supportStoreContract(makeStore: StoreFactory): void {
  describe('SupportStore', () => {
    const store = freshStore(makeStore);

    it('records a support once and returns false for a duplicate', async () => {
      const proposal = await savedProposal(store(), await savedChallenge(store()));
      const citizen = await savedCitizen(store());
      expect(await store().supports.has(proposal.id, citizen.id)).toBe(false);
      expect(await store().supports.add(proposal.id, citizen.id, minutesFrom(0))).toBe(true);
      expect(await store().supports.add(proposal.id, citizen.id, minutesFrom(1))).toBe(false);
      expect(await store().supports.has(proposal.id, citizen.id)).toBe(true);
      expect(await store().supports.count(proposal.id)).toBe(1);
    });

    it('accepts exactly one of many simultaneous supports by the same citizen', async () => {
      const proposal = await savedProposal(store(), await savedChallenge(store()));
      const citizen = await savedCitizen(store());
      const added = await Promise.all(
        range(20).map(() => store().supports.add(proposal.id, citizen.id, minutesFrom(0))),
      );
      expect(added.filter(Boolean)).toHaveLength(1);
      expect(await store().supports.count(proposal.id)).toBe(1);
    });

    it('counts supports of every proposal in a challenge, zero included', async () => {
      const challenge = await savedChallenge(store());
      const [a, b, c] = [
        await savedProposal(store(), challenge),
        await savedProposal(store(), challenge),
        await savedProposal(store(), challenge),
      ];
      const elsewhere = await savedProposal(store(), await savedChallenge(store()));
      const citizens = [await savedCitizen(store()), await savedCitizen(store())];
      for (const citizen of citizens) await store().supports.add(a.id, citizen.id, minutesFrom(0));
      await store().supports.add(b.id, citizens[0]!.id, minutesFrom(0));
      await store().supports.add(elsewhere.id, citizens[0]!.id, minutesFrom(0));
      const counts = await store().supports.countsByChallenge(challenge.id);
      expect(counts).toEqual(
        new Map([
          [a.id, 2],
          [b.id, 1],
          [c.id, 0],
        ]),
      );
    });

    it('keeps supports counted but forgets the citizen on erasure', async () => {
      const proposal = await savedProposal(store(), await savedChallenge(store()));
      const citizen = await savedCitizen(store());
      await store().supports.add(proposal.id, citizen.id, minutesFrom(0));
      await store().supports.anonymise(citizen.id);
      expect(await store().supports.has(proposal.id, citizen.id)).toBe(false);
      expect(await store().supports.count(proposal.id)).toBe(1);
    });
  });
}
