import { StoreConflict } from '../../../core/ports/store';
import { aProposal, daysFrom, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedChallenge, savedCitizen, savedProposal } from './harness';

export function proposalStoreContract(makeStore: StoreFactory): void {
  describe('ProposalStore', () => {
    const store = freshStore(makeStore);

    it('gives back a saved proposal exactly, by id and by ref', async () => {
      const challenge = await savedChallenge(store());
      const author = await savedCitizen(store());
      const proposal = aProposal({
        challengeId: challenge.id,
        authorId: author.id,
        ref: '7',
        title: { en: 'Bike lane', cs: 'Cyklostezka' },
        cost: 1234.5,
        location: { lat: 42.1354, lng: 24.7453 },
        category: 'mobility',
        photo: 'photos/7.jpg',
        status: 'in_progress',
        officialNote: 'Approved by the council',
        progress: 40,
        milestones: [
          { title: 'Design', due: daysFrom(10), done: true },
          { title: 'Works', due: null, done: false },
        ],
        meta: { votes: '12' },
      });
      await store().proposals.save(proposal);
      expect(await store().proposals.get(proposal.id)).toStrictEqual(proposal);
      expect(await store().proposals.getByRef(challenge.id, '7')).toStrictEqual(proposal);
      expect(await store().proposals.getByRef(challenge.id, '8')).toBeNull();
      expect(await store().proposals.get('pr_missing')).toBeNull();
    });

    it('replaces a proposal saved again under the same id', async () => {
      const challenge = await savedChallenge(store());
      const proposal = await savedProposal(store(), challenge);
      const rejected = { ...proposal, status: 'rejected' as const, rejectionReason: 'Out of scope' };
      await store().proposals.save(rejected);
      expect(await store().proposals.get(proposal.id)).toStrictEqual(rejected);
    });

    it('refuses a ref already used in the challenge by another proposal', async () => {
      const challenge = await savedChallenge(store());
      const other = await savedChallenge(store());
      await savedProposal(store(), challenge, { ref: '1' });
      const clash = aProposal({ challengeId: challenge.id, authorId: null, ref: '1' });
      await expect(store().proposals.save(clash)).rejects.toBeInstanceOf(StoreConflict);
      expect(await store().proposals.get(clash.id)).toBeNull();
      await savedProposal(store(), other, { ref: '1' });
      expect(await store().proposals.getByRef(other.id, '1')).not.toBeNull();
    });

    it('lists a challenge in ref order: numeric refs numerically, others as strings', async () => {
      const challenge = await savedChallenge(store());
      for (const ref of ['10', 'b', '2', 'a', '1']) await savedProposal(store(), challenge, { ref });
      await savedProposal(store(), await savedChallenge(store()), { ref: '3' });
      const refs = (await store().proposals.listByChallenge(challenge.id)).map((p) => p.ref);
      expect(refs).toEqual(['1', '2', '10', 'a', 'b']);
    });

    it('filters a challenge listing by status', async () => {
      const challenge = await savedChallenge(store());
      await savedProposal(store(), challenge, { ref: '1', status: 'accepted' });
      await savedProposal(store(), challenge, { ref: '2', status: 'rejected' });
      await savedProposal(store(), challenge, { ref: '3', status: 'selected' });
      const list = (statuses?: ('accepted' | 'selected' | 'rejected')[]) =>
        store()
          .proposals.listByChallenge(challenge.id, statuses)
          .then((ps) => ps.map((p) => p.ref));
      expect(await list(['accepted', 'selected'])).toEqual(['1', '3']);
      expect(await list([])).toEqual([]);
      expect(await list()).toEqual(['1', '2', '3']);
    });

    it('lists proposals by author', async () => {
      const challenge = await savedChallenge(store());
      const author = await savedCitizen(store());
      const first = await savedProposal(store(), challenge, {
        authorId: author.id,
        createdAt: minutesFrom(1),
      });
      const second = await savedProposal(store(), challenge, {
        authorId: author.id,
        createdAt: minutesFrom(2),
      });
      await savedProposal(store(), challenge);
      const ids = (await store().proposals.listByAuthor(author.id)).map((p) => p.id);
      expect(ids.sort()).toEqual([first.id, second.id].sort());
    });

    it('gives the next free numeric ref', async () => {
      const challenge = await savedChallenge(store());
      expect(await store().proposals.nextRef(challenge.id)).toBe('1');
      for (const ref of ['1', '2', '10', 'x']) await savedProposal(store(), challenge, { ref });
      expect(await store().proposals.nextRef(challenge.id)).toBe('11');
    });

    it('drops the author of every authored proposal on erasure', async () => {
      const challenge = await savedChallenge(store());
      const author = await savedCitizen(store());
      const proposal = await savedProposal(store(), challenge, { authorId: author.id });
      await store().proposals.anonymiseAuthor(author.id);
      expect(await store().proposals.get(proposal.id)).toStrictEqual({ ...proposal, authorId: null });
      expect(await store().proposals.listByAuthor(author.id)).toEqual([]);
    });
  });
}
