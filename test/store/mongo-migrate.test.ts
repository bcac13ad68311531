import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TownLoader } from '../../app/commands/migrate';
import { copyAll, migrateCommand, openSnapshot } from '../../app/commands/migrate';
import { seedDemo } from '../../app/demo/seed-demo';
import { verifyAudit } from '../../core/audit/verify';
import type { Store } from '../../core/ports/store';
import { systemClock } from '../../core/shared/clock';
import { randomIds } from '../../core/shared/ids';
import { MongoStore } from '../../store/mongo/mongo-store';
import { SqliteStore } from '../../store/sqlite/sqlite-store';
import { aFaqEntry, aNotification, aQuestion, aRating, aStaffMember, minutesFrom } from '../builders';
import { savedCitizen } from './contract/harness';
import { MONGODB_URI, freshDatabaseName, withDatabase } from './mongo/server';

const dir = mkdtempSync(join(tmpdir(), 'agora-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `agora migrate` with captured output. */
async function migrate(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await migrateCommand(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('agora migrate, arguments (no server needed)', () => {
  it.each([
    [[], /both --from and --to/],
    [['--from', 'sqlite:x.db'], /both --from and --to/],
    [['--from', 'postgres://x', '--to', 'mongodb://h/db'], /--from must be sqlite:<path>/],
    [['--from', 'sqlite:x.db', '--to', 'http://h/db'], /--to must be a mongodb/],
    [['--from', 'sqlite:x.db', '--to'], /--to needs a value/],
    [['--force'], /unknown argument --force/],
  ])('refuses %j with usage (exit 2)', async (argv, message) => {
    const r = await migrate(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: agora migrate --from sqlite:<path> --to mongodb://');
  });

  it('refuses a SQLite file that does not exist, before touching MongoDB', async () => {
    const r = await migrate('--from', `sqlite:${join(dir, 'none.db')}`, '--to', 'mongodb://127.0.0.1:1/x');
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/no such SQLite file/) });
  });
});

/** A town with rows in every table, through the use cases where they exist (a genuine audit chain). */
async function townIn(store: Store): Promise<void> {
  await seedDemo({ store, clock: systemClock, ids: randomIds });
  const citizen = await savedCitizen(store);
  const projects = await Promise.all(
    (await store.challenges.list()).map((c) => store.proposals.listByChallenge(c.id)),
  );
  const project = projects.flat()[0]!;
  const challenge = (await store.challenges.get(project.challengeId))!;
  await store.staff.save(aStaffMember({ email: 'Official@Example.gr' }));
  await store.linkCodes.put('code-hash', citizen.id, new Date(Date.now() + 3_600_000));
  await store.processedUpdates.claim('telegram:42', minutesFrom(0));
  await store.conversations.save({
    citizenId: citizen.id,
    flow: 'vote',
    step: 'pick',
    data: { page: 2 },
    updatedAt: minutesFrom(1),
  });
  await store.faq.upsert(aFaqEntry({ challengeId: challenge.id }));
  await store.faq.upsert(aFaqEntry());
  await store.questions.save(aQuestion({ citizenId: citizen.id, challengeId: challenge.id }));
  await store.ratings.put(aRating({ projectId: project.id, citizenId: citizen.id, stars: 2 }));
  await store.supports.add(project.id, citizen.id, minutesFrom(0));
  await store.supports.anonymise(citizen.id);
  await store.ratings.anonymise(citizen.id);
  // Same creation time: the copy must keep the order they were written in.
  await store.outbox.enqueue(
    ['no_z', 'no_x', 'no_y'].map((id) => aNotification({ id, citizenId: citizen.id })),
  );
  await store.fanout.create({
    id: 'fo_1',
    kind: 'announcement',
    payload: { text: 'hi' },
    recipients: ['a', 'b'],
    nextIndex: 1,
    leaseUntil: null,
    createdAt: minutesFrom(0),
    doneAt: null,
  });
}

/** Everything a port can read, from both stores, for every key the source has. */
async function readAll(store: Store, keys: Keys) {
  const out: Record<string, unknown> = {
    challenges: await store.challenges.list(),
    staff: await store.staff.list(),
    audit: await store.audit.list(1, 100_000),
    open: await store.questions.listOpen(),
    faq: await store.faq.list(null),
    outbox: await store.outbox.countByState(),
    fanout: await store.fanout.get('fo_1'),
  };
  for (const c of keys.challenges) {
    out[`proposals ${c}`] = await store.proposals.listByChallenge(c);
    out[`ballots ${c}`] = await store.ballots.listByChallenge(c);
    out[`supports ${c}`] = await store.supports.countsByChallenge(c);
    out[`faq ${c}`] = await store.faq.list(c);
  }
  for (const p of keys.proposals) {
    out[`updates ${p}`] = await store.updates.listByProject(p);
    out[`ratings ${p}`] = await store.ratings.summary(p);
  }
  for (const c of keys.citizens) {
    out[`citizen ${c}`] = await store.citizens.get(c);
    out[`follows ${c}`] = await store.follows.listByCitizen(c);
    out[`outbox ${c}`] = await store.outbox.listByCitizen(c);
    out[`questions ${c}`] = await store.questions.listByCitizen(c);
    out[`conversation ${c}`] = await store.conversations.get(c);
    out[`proposals by ${c}`] = await store.proposals.listByAuthor(c);
  }
  return out;
}

/** Every collection, parents before children: the order `agora migrate` must copy in. */
const LOAD_ORDER = [
  'staff',
  'citizens',
  'linkCodes',
  'challenges',
  'proposals',
  'supports',
  'ballots',
  'follows',
  'questions',
  'updates',
  'ratings',
  'faq',
  'conversations',
  'processedUpdates',
  'outbox',
  'fanout',
  'audit',
];

/** A loader that records what it is given, method by method, in call order. */
function recordingLoader(): { loader: TownLoader; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const loader = Object.fromEntries(
    LOAD_ORDER.map((m) => [m, async (batch: unknown[]) => void calls.push([m, [...batch]])]),
  ) as unknown as TownLoader;
  return { loader, calls };
}

describe('agora migrate, reading the SQLite town (no server needed)', () => {
  it('reads every table from one snapshot, in dependency order, as the SQLite ports give it', async () => {
    const file = join(dir, 'read.db');
    const store = await SqliteStore.open(file);
    await townIn(store);
    const keys = keysOf(file);
    const { loader, calls } = recordingLoader();
    let out = '';
    const snapshot = openSnapshot(file);
    try {
      await copyAll(snapshot, loader, { stdout: (t) => (out += t), stderr: () => undefined });
    } finally {
      snapshot.close();
    }
    const order = [...new Set(calls.map(([m]) => m))];
    expect(order).toEqual(LOAD_ORDER);
    const given = (m: string) => calls.filter(([name]) => name === m).flatMap(([, batch]) => batch);

    const citizens = await Promise.all(keys.citizens.map((id) => store.citizens.get(id)));
    expect(given('citizens')).toStrictEqual(citizens);
    expect(given('challenges')).toStrictEqual([...(await store.challenges.list())].reverse());
    expect(given('staff')).toStrictEqual(await store.staff.list());
    expect(given('audit')).toStrictEqual(await store.audit.list(1, 100_000));
    const ballots = (await Promise.all(keys.challenges.map((c) => store.ballots.listByChallenge(c)))).flat();
    expect(new Set(given('ballots').map((b) => (b as { id: string }).id))).toEqual(
      new Set(ballots.map((b) => b.id)),
    );
    expect(given('supports')).toContainEqual(expect.objectContaining({ citizenId: null }));
    expect(given('ratings')).toContainEqual(expect.objectContaining({ citizenId: null, stars: 2 }));
    expect(given('linkCodes')).toEqual([
      expect.objectContaining({ codeHash: 'code-hash', citizenId: keys.citizens.at(-1) }),
    ]);
    expect(given('processedUpdates')).toEqual([{ key: 'telegram:42', at: minutesFrom(0) }]);
    expect(given('conversations')).toEqual([await store.conversations.get(keys.citizens.at(-1)!)]);
    expect(given('fanout')).toEqual([await store.fanout.get('fo_1')]);
    expect((given('outbox') as { id: string }[]).map((n) => n.id).slice(-3)).toEqual([
      'no_z',
      'no_x',
      'no_y',
    ]);
    for (const p of keys.proposals) {
      const mine = (given('updates') as { projectId: string }[]).filter((u) => u.projectId === p);
      expect(mine).toStrictEqual([...(await store.updates.listByProject(p))].reverse());
    }
    expect(out).toMatch(/^ {2}citizens +\d+$/m);
    expect(out).toMatch(/^ {2}audit entries +[1-9]\d*$/m);
    await store.close();
  });
});

interface Keys {
  challenges: string[];
  proposals: string[];
  citizens: string[];
}

function keysOf(file: string): Keys {
  const db = new Database(file, { readonly: true });
  try {
    const ids = (table: string) =>
      db.prepare(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all() as string[];
    return { challenges: ids('challenges'), proposals: ids('proposals'), citizens: ids('citizens') };
  } finally {
    db.close();
  }
}

if (!MONGODB_URI) {
  describe.skip('agora migrate into MongoDB (needs MONGODB_URI)', () => {
    it('copies a town and verifies its audit chain', () => undefined);
  });
} else {
  const uri = MONGODB_URI;

  describe('agora migrate into MongoDB', () => {
    jest.setTimeout(120_000);

    it('copies every table, ids, order and audit chain kept, then refuses a non-empty target', async () => {
      const file = join(dir, 'town.db');
      const source = await SqliteStore.open(file);
      await townIn(source);
      const keys = keysOf(file);
      const expected = await readAll(source, keys);
      await source.close();

      const dbName = freshDatabaseName();
      const target = withDatabase(uri, dbName);
      const first = await migrate('--from', `sqlite:${file}`, '--to', target);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/Audit chain on MongoDB OK: \d+ entries, \d+ ballots checked/);

      const mongo = await MongoStore.open(uri, { dbName });
      try {
        expect(await readAll(mongo, keys)).toStrictEqual(expected);
        expect(await verifyAudit(mongo)).toMatchObject({ ok: true });
        expect(await mongo.processedUpdates.claim('telegram:42', minutesFrom(5))).toBe(false);
        const linked = keys.citizens[keys.citizens.length - 1];
        expect(await mongo.linkCodes.consume('code-hash', new Date())).toBe(linked);
        const again = await migrate('--from', `sqlite:${file}`, '--to', target);
        expect(again).toMatchObject({ code: 2, err: expect.stringMatching(/is not empty/) });
      } finally {
        await mongo.dropAndClose();
      }
    });
  });
}
