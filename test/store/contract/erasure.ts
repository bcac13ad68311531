import { aBallot, aFollow, aNotification, aQuestion, aRating, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedChallenge, savedCitizen, savedProposal } from './harness';

/** GDPR erasure as a use case would run it: personal rows go, counted rows stay without the citizen. */
export function erasureContract(makeStore: StoreFactory): void {
  describe('erasure helpers together', () => {
    const store = freshStore(makeStore);

    it('forgets the citizen and keeps every tally as it was', async () => {
      const challenge = await savedChallenge(store());
      const citizen = await savedCitizen(store());
      const bystander = await savedCitizen(store());
      const project = await savedProposal(store(), challenge, { authorId: citizen.id });
      await store().ballots.put(aBallot({ challengeId: challenge.id, citizenId: citizen.id }));
      await store().supports.add(project.id, citizen.id, minutesFrom(0));
      await store().ratings.put(aRating({ projectId: project.id, citizenId: citizen.id, stars: 5 }));
      await store().follows.save(
        aFollow({ citizenId: citizen.id, target: { kind: 'project', id: project.id } }),
      );
      await store().follows.save(
        aFollow({ citizenId: bystander.id, target: { kind: 'project', id: project.id } }),
      );
      await store().questions.save(aQuestion({ citizenId: citizen.id }));
      await store().outbox.enqueue([aNotification({ citizenId: citizen.id })]);

      await store().transaction(async (tx) => {
        await tx.citizens.removeIdentities(citizen.id);
        await tx.citizens.update({ ...citizen, identities: [], erasedAt: minutesFrom(1) });
        await tx.ballots.anonymise(citizen.id);
        await tx.supports.anonymise(citizen.id);
        await tx.ratings.anonymise(citizen.id);
        await tx.proposals.anonymiseAuthor(citizen.id);
        await tx.follows.removeByCitizen(citizen.id);
        await tx.questions.removeByCitizen(citizen.id);
        await tx.outbox.removeByCitizen(citizen.id);
      });

      const s = store();
      expect(await s.citizens.get(citizen.id)).toMatchObject({ identities: [], erasedAt: minutesFrom(1) });
      const identity = citizen.identities[0]!;
      expect(await s.citizens.findByIdentity(identity.channel, identity.externalId)).toBeNull();
      expect(await s.ballots.listByCitizen(citizen.id)).toEqual([]);
      expect(await s.ballots.countByChallenge(challenge.id)).toBe(1);
      expect(await s.supports.count(project.id)).toBe(1);
      expect(await s.ratings.summary(project.id)).toEqual({ count: 1, average: 5 });
      expect((await s.proposals.get(project.id))?.authorId).toBeNull();
      expect(await s.follows.listByCitizen(citizen.id)).toEqual([]);
      expect(await s.follows.followers({ kind: 'project', id: project.id })).toEqual([bystander.id]);
      expect(await s.questions.listByCitizen(citizen.id)).toEqual([]);
      expect(await s.outbox.listByCitizen(citizen.id)).toEqual([]);
    });
  });
}
