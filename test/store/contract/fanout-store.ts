import type { FanoutJob } from '../../../core/model/fanout';
import { minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore } from './harness';

const aJob = (over: Partial<FanoutJob> = {}): FanoutJob => ({
  id: `fo_${Math.random().toString(36).slice(2)}`,
  kind: 'project.update',
  payload: { projectId: 'pr_1', text: 'Ζεστό νερό' },
  recipients: ['a', 'b', 'c'],
  nextIndex: 0,
  leaseUntil: null,
  createdAt: minutesFrom(0),
  doneAt: null,
  ...over,
});

export function fanoutStoreContract(makeStore: StoreFactory): void {
  describe('FanoutStore', () => {
    const store = freshStore(makeStore);

    it('gives back a job, leases the oldest free one, and finishes it when advanced past the end', async () => {
      const first = aJob({ createdAt: minutesFrom(0) });
      const second = aJob({ createdAt: minutesFrom(1) });
      await store().fanout.create(second);
      await store().fanout.create(first);
      expect(await store().fanout.get(first.id)).toStrictEqual(first);
      const claimed = await store().fanout.claim(minutesFrom(2), minutesFrom(3));
      expect(claimed?.id).toBe(first.id);
      expect(claimed?.leaseUntil).toEqual(minutesFrom(3));
      // Leased: the next claim gets the other job, and nothing once both are leased.
      expect((await store().fanout.claim(minutesFrom(2), minutesFrom(3)))?.id).toBe(second.id);
      expect(await store().fanout.claim(minutesFrom(2), minutesFrom(3))).toBeNull();
      await store().fanout.advance(first.id, 2, minutesFrom(2));
      expect(await store().fanout.get(first.id)).toMatchObject({ nextIndex: 2, doneAt: null });
      await store().fanout.advance(first.id, 3, minutesFrom(2));
      expect(await store().fanout.get(first.id)).toMatchObject({ nextIndex: 3, doneAt: minutesFrom(2) });
      expect(await store().fanout.countPending()).toBe(1);
      // After its lease runs out, an unfinished job can be claimed again (a crashed worker).
      expect((await store().fanout.claim(minutesFrom(4), minutesFrom(5)))?.id).toBe(second.id);
    });
  });
}
