import {
  aBallot,
  aCitizen,
  aNotification,
  anAuditEntry,
  anAuditEntryAfter,
  minutesFrom,
} from '../../builders';
import type { StoreFactory } from './harness';
import { deferred, freshStore, range, savedChallenge, savedCitizen, settle, sleep } from './harness';

export function transactionContract(makeStore: StoreFactory): void {
  describe('Store.transaction', () => {
    const store = freshStore(makeStore);

    it('commits every write and returns what the work returns', async () => {
      const citizen = aCitizen();
      const result = await store().transaction(async (tx) => {
        await tx.citizens.create(citizen);
        await tx.audit.append(anAuditEntry());
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store().citizens.get(citizen.id)).toStrictEqual(citizen);
      expect(await store().audit.head()).not.toBeNull();
    });

    it('rolls back every write made through tx when the work throws, and rethrows', async () => {
      const challenge = await savedChallenge(store());
      const voter = await savedCitizen(store());
      const newcomer = aCitizen();
      const failure = new Error('boom');
      const outcome = await settle(
        store().transaction(async (tx) => {
          await tx.citizens.create(newcomer);
          await tx.challenges.save({ ...challenge, budget: 1 });
          await tx.ballots.put(aBallot({ challengeId: challenge.id, citizenId: voter.id }));
          await tx.audit.append(anAuditEntry());
          await tx.outbox.enqueue([aNotification({ citizenId: voter.id })]);
          await tx.citizens.markUnreachable(
            voter.identities[0]!.channel,
            voter.identities[0]!.externalId,
            true,
          );
          throw failure;
        }),
      );
      expect(outcome).toEqual({ ok: false, error: failure });
      expect(await store().citizens.get(newcomer.id)).toBeNull();
      expect(await store().challenges.get(challenge.id)).toStrictEqual(challenge);
      expect(await store().ballots.countByChallenge(challenge.id)).toBe(0);
      expect(await store().audit.head()).toBeNull();
      expect(await store().outbox.countByState()).toEqual({ pending: 0, sent: 0, dead: 0 });
      expect(await store().citizens.get(voter.id)).toStrictEqual(voter);
    });

    it('never shows a concurrent reader a write that is later rolled back', async () => {
      const citizen = aCitizen();
      const written = deferred();
      const outcome = settle(
        store().transaction(async (tx) => {
          await tx.citizens.create(citizen);
          written.resolve();
          await sleep(20);
          throw new Error('abort');
        }),
      );
      await written.promise;
      const seen = await store().citizens.get(citizen.id);
      expect((await outcome).ok).toBe(false);
      expect(seen).toBeNull();
    });

    it('never shows a concurrent reader half of a transaction', async () => {
      const halfway = deferred();
      const done = store().transaction(async (tx) => {
        await tx.citizens.create(aCitizen());
        halfway.resolve();
        await sleep(20);
        await tx.citizens.create(aCitizen());
      });
      await halfway.promise;
      expect([0, 2]).toContain(await store().citizens.count());
      await done;
      expect(await store().citizens.count()).toBe(2);
    });

    it('leaves one ballot after 50 simultaneous get-then-put transactions for one voter', async () => {
      const challenge = await savedChallenge(store());
      const citizen = await savedCitizen(store());
      const stored = await Promise.all(
        range(50).map((i) =>
          store().transaction(async (tx) => {
            const existing = await tx.ballots.get(challenge.id, citizen.id);
            const ballot = aBallot({
              challengeId: challenge.id,
              citizenId: citizen.id,
              updatedAt: minutesFrom(i),
            });
            return tx.ballots.put(
              existing ? { ...ballot, id: existing.id, castAt: existing.castAt } : ballot,
            );
          }),
        ),
      );
      expect(new Set(stored.map((b) => b.id)).size).toBe(1);
      expect(await store().ballots.countByChallenge(challenge.id)).toBe(1);
    });

    it('serializes read-modify-write transactions: 20 simultaneous appends to the head all land', async () => {
      await Promise.all(
        range(20).map(() =>
          store().transaction(async (tx) => {
            const head = await tx.audit.head();
            await tx.audit.append(head ? anAuditEntryAfter(head) : anAuditEntry());
          }),
        ),
      );
      expect((await store().audit.list(1, 100)).map((e) => e.seq)).toEqual(range(20).map((i) => i + 1));
    });

    it('joins a nested transaction: all commit together or none does', async () => {
      const [outer, inner] = [aCitizen(), aCitizen()];
      await store().transaction(async (tx) => {
        await tx.citizens.create(outer);
        await store().transaction(async (nested) => nested.citizens.create(inner));
      });
      expect(await store().citizens.count()).toBe(2);

      const [lost1, lost2] = [aCitizen(), aCitizen()];
      const outcome = await settle(
        store().transaction(async (tx) => {
          await tx.citizens.create(lost1);
          await store().transaction(async (nested) => {
            await nested.citizens.create(lost2);
            throw new Error('inner failure');
          });
        }),
      );
      expect(outcome.ok).toBe(false);
      expect(await store().citizens.get(lost1.id)).toBeNull();
      expect(await store().citizens.get(lost2.id)).toBeNull();
    });

    it('stays usable after a failed transaction', async () => {
      await settle(store().transaction(async () => Promise.reject(new Error('first'))));
      const citizen = await store().transaction(async (tx) => savedCitizen(tx));
      expect(await store().citizens.get(citizen.id)).toStrictEqual(citizen);
    });
  });
}
