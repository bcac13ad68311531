import { verifyAudit } from '../../../core/audit/verify';
import type { Store } from '../../../core/ports/store';
import {
  aBallot,
  aCitizen,
  aNotification,
  anAuditEntry,
  anAuditEntryAfter,
  minutesFrom,
} from '../../builders';
import { range, savedChallenge, savedCitizen, settle } from './harness';

/** Runs `fn` with `count` stores on one shared database (several app instances), cleaning up after. */
export type WithInstances = <T>(count: number, fn: (...stores: Store[]) => Promise<T>) => Promise<T>;

/**
 * What must hold when several app instances share one database, for every adapter that can be
 * opened more than once on the same data (a SQLite file, a MongoDB database).
 */
export function instancesContract(withInstances: WithInstances): void {
  describe('several instances on one database', () => {
    it('keeps one ballot when two instances race 50 puts for the same voter', async () => {
      await withInstances(2, async (a, b) => {
        const challenge = await savedChallenge(a);
        const citizen = await savedCitizen(a);
        const voter = { challengeId: challenge.id, citizenId: citizen.id };
        const stored = await Promise.all(range(50).map((i) => (i % 2 ? a : b).ballots.put(aBallot(voter))));
        expect(new Set(stored.map((s) => s.id)).size).toBe(1);
        expect(await b.ballots.countByChallenge(challenge.id)).toBe(1);
      });
    });

    it('never lets two instances claim the same outbox row', async () => {
      await withInstances(2, async (a, b) => {
        const citizen = await savedCitizen(a);
        await a.outbox.enqueue(
          range(60).map((i) => aNotification({ citizenId: citizen.id, createdAt: minutesFrom(i) })),
        );
        const batches = await Promise.all(
          range(20).map((i) => (i % 2 ? a : b).outbox.claimDue(minutesFrom(100), 5, minutesFrom(110))),
        );
        const claimed = batches.flat().map((n) => n.id);
        expect(claimed).toHaveLength(60);
        expect(new Set(claimed).size).toBe(60);
      });
    });

    it('keeps the audit chain a chain when two instances append at once', async () => {
      await withInstances(2, async (a, b) => {
        await Promise.all(
          range(30).map((i) =>
            (i % 2 ? a : b).transaction(async (tx) => {
              const head = await tx.audit.head();
              await tx.audit.append(head ? anAuditEntryAfter(head) : anAuditEntry());
            }),
          ),
        );
        expect((await a.audit.list(1, 100)).map((e) => e.seq)).toEqual(range(30).map((i) => i + 1));
        expect(await verifyAudit(b)).toMatchObject({ ok: true, entries: 30 });
      });
    });

    it('lets another instance read committed data, not the open transaction’s', async () => {
      await withInstances(2, async (writer, reader) => {
        const before = await savedCitizen(writer);
        const during = aCitizen();
        await writer.transaction(async (tx) => {
          await tx.citizens.create(during);
          expect(await reader.citizens.get(before.id)).toStrictEqual(before);
          expect(await reader.citizens.get(during.id)).toBeNull();
        });
        expect(await reader.citizens.get(during.id)).toStrictEqual(during);
      });
    });

    it('joins the open transaction when work calls the top-level ports instead of tx', async () => {
      await withInstances(1, async (store) => {
        const citizen = aCitizen();
        const outcome = await settle(
          store.transaction(async () => {
            await store.citizens.create(citizen);
            expect(await store.citizens.get(citizen.id)).not.toBeNull();
            throw new Error('undo');
          }),
        );
        expect(outcome.ok).toBe(false);
        expect(await store.citizens.get(citizen.id)).toBeNull();
      });
    });
  });
}
