import type { FollowTarget } from '../../../core/model/follow';
import { aFollow, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedCitizen } from './harness';

export function followStoreContract(makeStore: StoreFactory): void {
  describe('FollowStore', () => {
    const store = freshStore(makeStore);
    const project: FollowTarget = { kind: 'project', id: 'x_1' };
    const challenge: FollowTarget = { kind: 'challenge', id: 'x_1' };

    it('gives back a follow, one per citizen and target', async () => {
      const citizen = await savedCitizen(store());
      const follow = aFollow({ citizenId: citizen.id, target: project, auto: true });
      await store().follows.save(follow);
      expect(await store().follows.get(citizen.id, project)).toStrictEqual(follow);
      expect(await store().follows.get(citizen.id, challenge)).toBeNull();

      const stopped = { ...follow, active: false, updatedAt: minutesFrom(3) };
      await store().follows.save(stopped);
      expect(await store().follows.get(citizen.id, project)).toStrictEqual(stopped);
      expect(await store().follows.listByCitizen(citizen.id)).toStrictEqual([stopped]);
    });

    it('lists the active followers of a target only', async () => {
      const [a, b, c] = [
        await savedCitizen(store()),
        await savedCitizen(store()),
        await savedCitizen(store()),
      ];
      await store().follows.save(aFollow({ citizenId: a.id, target: project }));
      await store().follows.save(aFollow({ citizenId: b.id, target: project, active: false }));
      await store().follows.save(aFollow({ citizenId: c.id, target: challenge }));
      expect(await store().follows.followers(project)).toEqual([a.id]);
      expect(await store().follows.followers(challenge)).toEqual([c.id]);
    });

    it('lists and removes the follows of a citizen', async () => {
      const [a, b] = [await savedCitizen(store()), await savedCitizen(store())];
      await store().follows.save(aFollow({ citizenId: a.id, target: project }));
      await store().follows.save(aFollow({ citizenId: a.id, target: challenge }));
      await store().follows.save(aFollow({ citizenId: b.id, target: project }));
      expect(await store().follows.listByCitizen(a.id)).toHaveLength(2);
      await store().follows.removeByCitizen(a.id);
      expect(await store().follows.listByCitizen(a.id)).toEqual([]);
      expect(await store().follows.followers(project)).toEqual([b.id]);
    });
  });
}
