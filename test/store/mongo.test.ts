import { createConnection } from 'mongoose';
import { MongoStore } from '../../store/mongo/mongo-store';
import { FANOUT_CHUNK_SIZE } from '../../store/mongo/schemas/fanout-schema';
import { anAuditEntry, minutesFrom } from '../builders';
import { storeContract } from './contract';
import type { WithInstances } from './contract/instances';
import { instancesContract } from './contract/instances';
import { range } from './contract/harness';
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

  instancesContract(withInstances as WithInstances);

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
  });

  describe('MongoStore behaviour on a real server', () => {
    let store: MongoStore;
    beforeEach(async () => {
      store = await droppingStore(uri);
    });
    afterEach(() => store.close());

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
