import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../store/sqlite';
import { MIGRATIONS } from '../../store/sqlite/migrations';
import { migrate } from '../../store/sqlite/migrator';
import { aBallot, aCitizen, anAuditEntry, anIdentity } from '../builders';
import { storeContract } from './contract';
import type { WithInstances } from './contract/instances';
import { instancesContract } from './contract/instances';
import { range, savedChallenge, savedCitizen } from './contract/harness';

const dir = mkdtempSync(join(tmpdir(), 'agora-sqlite-'));
let files = 0;
const freshFile = (): string => join(dir, `store-${++files}.db`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('SqliteStore :memory:', () => SqliteStore.open(':memory:'));
storeContract('SqliteStore file', () => SqliteStore.open(freshFile()));
instancesContract(withStores as WithInstances);

/** Runs `fn` with stores open on one file, closing them afterwards. */
async function withStores<T>(count: number, fn: (...stores: SqliteStore[]) => Promise<T>): Promise<T> {
  const file = freshFile();
  const stores: SqliteStore[] = [];
  for (let i = 0; i < count; i++) stores.push(await SqliteStore.open(file));
  try {
    return await fn(...stores);
  } finally {
    for (const s of stores) await s.close();
  }
}

describe('SqliteStore on a file', () => {
  it('creates the missing parent folder', async () => {
    const store = await SqliteStore.open(join(dir, 'nested', 'deeper', 'agora.db'));
    await store.close();
  });

  it('turns WAL on and applies each migration once, however often the file is opened', async () => {
    const file = freshFile();
    const citizen = aCitizen();
    const first = await SqliteStore.open(file);
    await first.citizens.create(citizen);
    await first.close();
    const second = await SqliteStore.open(file);
    expect(await second.citizens.get(citizen.id)).toStrictEqual(citizen);
    await second.close();

    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      raw.close();
    }
  });

  it('applies only migrations it has not recorded, and insists on their order', () => {
    const db = new Database(':memory:');
    try {
      const one = { version: 1, name: 'one', up: 'CREATE TABLE t (x INTEGER) STRICT' };
      const two = { version: 2, name: 'two', up: 'ALTER TABLE t ADD COLUMN y TEXT' };
      expect(migrate(db, [one])).toEqual([1]);
      expect(migrate(db, [one, two])).toEqual([2]);
      expect(migrate(db, [one, two])).toEqual([]);
      expect(() => migrate(db, [two, one])).toThrow(/order/);
    } finally {
      db.close();
    }
  });

  it('keeps one ballot when two instances race 50 get-then-put transactions', async () => {
    await withStores(2, async (a, b) => {
      const challenge = await savedChallenge(a);
      const citizen = await savedCitizen(a);
      await Promise.all(
        range(50).map((i) =>
          (i % 2 ? a : b).transaction(async (tx) => {
            const existing = await tx.ballots.get(challenge.id, citizen.id);
            const ballot = aBallot({ challengeId: challenge.id, citizenId: citizen.id });
            await tx.ballots.put(existing ? { ...ballot, id: existing.id } : ballot);
          }),
        ),
      );
      expect(await a.ballots.countByChallenge(challenge.id)).toBe(1);
    });
  });
});

describe('SqliteStore behaviour', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = await SqliteStore.open(':memory:');
  });
  afterEach(() => store.close());

  it('refuses rows that point at nothing (foreign keys are on)', async () => {
    await expect(store.ballots.put(aBallot())).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    });
  });

  it('stores values as parameters, never as SQL', async () => {
    const sneaky = aCitizen({ identities: [anIdentity({ externalId: "x'); DROP TABLE citizens; --" })] });
    await store.citizens.create(sneaky);
    expect(await store.citizens.findByIdentity('telegram', "x'); DROP TABLE citizens; --")).toStrictEqual(
      sneaky,
    );
  });

  it('keeps the audit log append-only', async () => {
    const file = freshFile();
    const fileStore = await SqliteStore.open(file);
    await fileStore.audit.append(anAuditEntry());
    await fileStore.close();
    const raw = new Database(file);
    try {
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(() => raw.prepare(`UPDATE audit_log SET hash = 'x'`).run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('closes once queued work is done, and closing twice is harmless', async () => {
    const created = store.citizens.create(aCitizen());
    await store.close();
    await expect(created).resolves.toBeUndefined();
    await store.close();
    await expect(store.citizens.count()).rejects.toThrow();
  });
});
