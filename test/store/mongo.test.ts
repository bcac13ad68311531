import { createConnection } from 'mongoose';
import { verifyAudit } from '../../core/audit/verify';
import { MongoStore } from '../../store/mongo/mongo-store';
import { FANOUT_CHUNK_SIZE } from '../../store/mongo/schemas/fanout-schema';
import { aBallot, aCitizen, aNotification, anAuditEntry, anAuditEntryAfter, minutesFrom } from '../builders';
import { storeContract } from './contract';
import { range, savedChallenge, savedCitizen, settle } from './contract/harness';
import { MONGODB_URI, SKIP_LINE, droppingStore, freshDatabaseName, withDatabase } from './mongo/server';

/**
 * The store contract, run against a real MongoDB when MONGODB_URI names one (a replica set, e.g.
 * `docker compose up mongo` then MONGODB_URI=mongodb://localhost:27017/?replicaSet=rs0&directConnection=true).
 * Each test works on a database of its own, dropped afterwards. Without a server the suite is
 * skipped, and says so once; the schema, index and mapping tests (mongo-*.test.ts) always run.
 */
// Runs with or without a server (and keeps this file's output, the skip line, in a full jest run).
describe('MongoDB test databases', () => {
  it('are named per test and put into the URI, options kept', () => {
    expect(freshDatabaseName()).not.toBe(freshDatabaseName());
    expect(withDatabase('mongodb://h:27017/?replicaSet=rs0', 'db1')).toBe(
      'mongodb://h:27017/db1?replicaSet=rs0',
    );
    expect(withDatabase('mongodb+srv://u:p@c.example.net/agora', 'db2')).toBe(
      'mongodb+srv://u:p@c.example.net/db2',
    );
    expect(withDatabase('mongodb://a:1,b:2', 'db3')).toBe('mongodb://a:1,b:2/db3');
  });
});

if (!MONGODB_URI) {
  console.log(SKIP_LINE);
  describe.skip('mongo store contract (needs MONGODB_URI)', () => {
    it('runs the store contract against MongoDB', () => undefined);
  });
} else {
  const uri = MONGODB_URI;
  jest.setTimeout(60_000);

  storeContract('mongo', () => droppingStore(uri));

  /** Runs `fn` with `count` stores on one fresh database (several app instances), then drops it. */
  async function withInstances<T>(count: number, fn: (...stores: MongoStore[]) => Promise<T>): Promise<T> {
    const dbName = freshDatabaseName();
    const stores: MongoStore[] = [];
    for (let i = 0; i < count; i++) stores.push(await MongoStore.open(uri, { dbName }));
    try {
      return await fn(...stores);
    } finally {
      await stores[0]?.dropAndClose();
      for (const s of stores.slice(1)) await s.close();
    }
  }

  describe('MongoStore on a real server, several instances', () => {
    it('creates every collection and index on open, and opening again changes nothing', async () => {
      await withInstances(2, async (a) => {
        const conn = await createConnection(uri, { dbName: a.databaseName }).asPromise();
        try {
          const names = (await conn.db!.collection('ballots').indexes()).map((i) => i.name).sort();
          expect(names).toEqual(
            [
              '_id_',
              'ballot_by_challenge',
              'ballot_by_citizen',
              'ballot_citizen_unique',
              'ballot_receipt_unique',
            ].sort(),
          );
          const collections = (await conn.db!.listCollections().toArray()).map((c) => c.name);
          expect(collections).toEqual(
            expect.arrayContaining(['citizens', 'identities', 'outbox', 'audit_log', 'audit_head']),
          );
        } finally {
          await conn.close();
        }
      });
    });

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

    it('lets another instance read committed data only while a transaction is open', async () => {
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
  });

  describe('MongoStore behaviour on a real server', () => {
    let store: MongoStore;
    beforeEach(async () => {
      store = await droppingStore(uri);
    });
    afterEach(() => store.close());

    it('joins the open transaction when work calls the top-level ports instead of tx', async () => {
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

    it('refuses a tx kept and used after its work', async () => {
      let kept: Parameters<Parameters<MongoStore['transaction']>[0]>[0] | null = null;
      await store.transaction(async (tx) => {
        kept = tx;
      });
      await expect(kept!.citizens.count()).rejects.toThrow(/transaction has ended/);
    });

    it('keeps a fan-out job with more recipients than fit one chunk, in order', async () => {
      const recipients = range(FANOUT_CHUNK_SIZE * 2 + 7).map((i) => `ci_${i}`);
      const job = {
        id: 'fo_big',
        kind: 'announcement' as const,
        payload: { text: 'x' },
        recipients,
        nextIndex: 0,
        leaseUntil: null,
        createdAt: minutesFrom(0),
        doneAt: null,
      };
      await store.fanout.create(job);
      expect(await store.fanout.get(job.id)).toStrictEqual(job);
    });

    it('refuses to change an audit entry, and closes twice harmlessly', async () => {
      await store.audit.append(anAuditEntry());
      await expect(store.audit.append(anAuditEntry())).rejects.toMatchObject({ constraint: 'audit.seq' });
      await store.close();
      await store.close();
      store = await droppingStore(uri);
    });
  });
}
