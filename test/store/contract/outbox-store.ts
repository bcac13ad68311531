import type { Notification } from '../../../core/model/notification';
import { aNotification, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, range, savedCitizen } from './harness';

export function outboxStoreContract(makeStore: StoreFactory): void {
  describe('OutboxStore', () => {
    const store = freshStore(makeStore);

    /** Enqueues notifications to one saved citizen, created one minute apart in the order given. */
    async function enqueued(...overrides: Partial<Notification>[]): Promise<Notification[]> {
      const citizen = await savedCitizen(store());
      const rows = overrides.map((o, i) =>
        aNotification({ citizenId: citizen.id, createdAt: minutesFrom(i), ...o }),
      );
      await store().outbox.enqueue(rows);
      return rows;
    }
    const ids = (ns: Notification[]) => ns.map((n) => n.id);

    it('gives back an enqueued notification exactly', async () => {
      const [n] = await enqueued({ payload: { projectId: 'pr_1', progress: 40, nested: { ok: true } } });
      expect(await store().outbox.get(n!.id)).toStrictEqual(n);
      expect(await store().outbox.get('no_missing')).toBeNull();
    });

    it('claims due pending rows oldest first, up to the limit, and leases them', async () => {
      const [a, b, c, later] = await enqueued({}, {}, {}, { nextAttemptAt: minutesFrom(30) });
      const claimed = await store().outbox.claimDue(minutesFrom(10), 2, minutesFrom(15));
      expect(claimed).toStrictEqual([a, b].map((n) => ({ ...n!, leaseUntil: minutesFrom(15) })));
      expect(ids(await store().outbox.claimDue(minutesFrom(10), 10, minutesFrom(15)))).toEqual([c!.id]);
      expect(await store().outbox.claimDue(minutesFrom(11), 10, minutesFrom(15))).toEqual([]);
      // The leases have run out (a dispatcher crashed): the rows are due again, and `later` now too.
      const again = await store().outbox.claimDue(minutesFrom(30), 10, minutesFrom(40));
      expect(ids(again)).toEqual(ids([a!, b!, c!, later!]));
      expect(await store().outbox.claimDue(minutesFrom(10), 0, minutesFrom(15))).toEqual([]);
    });

    it('claims rows created at the same time in the order they were enqueued', async () => {
      const rows = await enqueued(
        ...['no_z', 'no_x', 'no_y'].map((id) => ({ id, createdAt: minutesFrom(0) })),
      );
      expect(ids(await store().outbox.claimDue(minutesFrom(0), 10, minutesFrom(1)))).toEqual(ids(rows));
    });

    it('schedules a retry: one more attempt, lease cleared, due only later', async () => {
      const [n] = await enqueued({});
      await store().outbox.claimDue(minutesFrom(0), 1, minutesFrom(5));
      await store().outbox.retryLater(n!.id, minutesFrom(20), 'HTTP 429');
      expect(await store().outbox.get(n!.id)).toStrictEqual({
        ...n!,
        attempts: 1,
        nextAttemptAt: minutesFrom(20),
        lastError: 'HTTP 429',
        leaseUntil: null,
      });
      expect(await store().outbox.claimDue(minutesFrom(19), 10, minutesFrom(25))).toEqual([]);
      expect(ids(await store().outbox.claimDue(minutesFrom(20), 10, minutesFrom(25)))).toEqual([n!.id]);
    });

    it('marks rows sent or dead, after which they are never claimed again', async () => {
      const [sent, dead, pending] = await enqueued({}, {}, {});
      await store().outbox.claimDue(minutesFrom(0), 10, minutesFrom(1));
      await store().outbox.markSent(sent!.id, minutesFrom(0.5));
      await store().outbox.markDead(dead!.id, 'bot blocked');
      expect(await store().outbox.get(sent!.id)).toMatchObject({ state: 'sent', sentAt: minutesFrom(0.5) });
      expect(await store().outbox.get(dead!.id)).toMatchObject({ state: 'dead', lastError: 'bot blocked' });
      expect(ids(await store().outbox.claimDue(minutesFrom(60), 10, minutesFrom(61)))).toEqual([pending!.id]);
      expect(await store().outbox.countByState()).toEqual({ pending: 1, sent: 1, dead: 1 });
    });

    it('counts every state, zero included', async () => {
      expect(await store().outbox.countByState()).toEqual({ pending: 0, sent: 0, dead: 0 });
    });

    it('counts only the rows of a kind and payload values when asked', async () => {
      const [a, b] = await enqueued(
        { kind: 'project.update', payload: { projectId: 'pr_1', updateId: 'up_1' } },
        { kind: 'project.update', payload: { projectId: 'pr_1', updateId: 'up_1' } },
        { kind: 'project.update', payload: { projectId: 'pr_1', updateId: 'up_2' } },
        { kind: 'announcement', payload: { updateId: 'up_1', n: 3 } },
      );
      await store().outbox.markSent(a!.id, minutesFrom(1));
      await store().outbox.markDead(b!.id, 'blocked');
      const match = { kind: 'project.update' as const, payload: { updateId: 'up_1' } };
      expect(await store().outbox.countByState(match)).toEqual({ pending: 0, sent: 1, dead: 1 });
      expect(await store().outbox.countByState({ kind: 'project.update' })).toEqual({
        pending: 1,
        sent: 1,
        dead: 1,
      });
      expect(await store().outbox.countByState({ payload: { n: 3 } })).toEqual({
        pending: 1,
        sent: 0,
        dead: 0,
      });
      expect(await store().outbox.countByState({ payload: { updateId: 'up_9' } })).toEqual({
        pending: 0,
        sent: 0,
        dead: 0,
      });
    });

    it('never hands one row to two simultaneous claimers', async () => {
      await enqueued(...range(25).map(() => ({})));
      const batches = await Promise.all(
        range(8).map(() => store().outbox.claimDue(minutesFrom(30), 4, minutesFrom(40))),
      );
      const claimed = batches.flatMap(ids);
      expect(claimed).toHaveLength(25);
      expect(new Set(claimed).size).toBe(25);
    });

    it('lists and removes the notifications of a citizen', async () => {
      const mine = await enqueued({}, {});
      const theirs = await enqueued({});
      const citizenId = mine[0]!.citizenId;
      expect(await store().outbox.listByCitizen(citizenId)).toStrictEqual(mine);
      await store().outbox.removeByCitizen(citizenId);
      expect(await store().outbox.listByCitizen(citizenId)).toEqual([]);
      expect(await store().outbox.get(theirs[0]!.id)).not.toBeNull();
    });
  });
}
