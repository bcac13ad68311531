import { aRating, anUpdate, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedChallenge, savedCitizen, savedProposal } from './harness';

export function updateStoreContract(makeStore: StoreFactory): void {
  describe('UpdateStore', () => {
    const store = freshStore(makeStore);

    it('lists the updates of a project newest first, exactly as saved', async () => {
      const challenge = await savedChallenge(store());
      const [project, other] = [
        await savedProposal(store(), challenge),
        await savedProposal(store(), challenge),
      ];
      const first = anUpdate({ projectId: project.id, createdAt: minutesFrom(1) });
      const second = anUpdate({
        projectId: project.id,
        createdAt: minutesFrom(2),
        progress: 60,
        status: 'in_progress',
        photo: 'photos/site.jpg',
      });
      for (const u of [first, second, anUpdate({ projectId: other.id })]) await store().updates.save(u);
      expect(await store().updates.listByProject(project.id)).toStrictEqual([second, first]);
      expect(await store().updates.listByProject('pr_missing')).toEqual([]);
    });

    it('puts the update saved last first when several share a time', async () => {
      const project = await savedProposal(store(), await savedChallenge(store()));
      // Ids out of alphabetical order, so that sorting by id would show.
      const updates = ['up_b', 'up_c', 'up_a'].map((id) => anUpdate({ id, projectId: project.id }));
      for (const u of updates) await store().updates.save(u);
      expect(await store().updates.listByProject(project.id)).toStrictEqual(updates.reverse());
    });
  });

  describe('RatingStore', () => {
    const store = freshStore(makeStore);

    it('keeps one rating per citizen and project, the latest', async () => {
      const project = await savedProposal(store(), await savedChallenge(store()));
      const [a, b] = [await savedCitizen(store()), await savedCitizen(store())];
      expect(await store().ratings.summary(project.id)).toEqual({ count: 0, average: null });
      await store().ratings.put(aRating({ projectId: project.id, citizenId: a.id, stars: 2 }));
      const latest = aRating({ projectId: project.id, citizenId: a.id, stars: 5, at: minutesFrom(4) });
      await store().ratings.put(latest);
      await store().ratings.put(aRating({ projectId: project.id, citizenId: b.id, stars: 4 }));
      expect(await store().ratings.summary(project.id)).toEqual({ count: 2, average: 4.5 });
      expect(await store().ratings.listByCitizen(a.id)).toStrictEqual([latest]);
    });

    it('keeps ratings counted but forgets the citizen on erasure', async () => {
      const project = await savedProposal(store(), await savedChallenge(store()));
      const citizen = await savedCitizen(store());
      await store().ratings.put(aRating({ projectId: project.id, citizenId: citizen.id, stars: 3 }));
      await store().ratings.anonymise(citizen.id);
      expect(await store().ratings.listByCitizen(citizen.id)).toEqual([]);
      expect(await store().ratings.summary(project.id)).toEqual({ count: 1, average: 3 });
    });
  });
}
