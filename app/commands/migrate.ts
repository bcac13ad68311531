import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyAudit } from '../../core/audit/verify';
import { GENESIS_HASH } from '../../core/model/audit';
import type { FollowTarget } from '../../core/model/follow';
import type { Stores } from '../../core/ports/store';
import type { MongoBulkLoader } from '../../store/mongo/bulk-loader';
import { MongoStore } from '../../store/mongo/mongo-store';
import { SqliteConnection } from '../../store/sqlite/connection';
import { createPorts } from '../../store/sqlite/sqlite-ports';
import { SqliteStore } from '../../store/sqlite/sqlite-store';
import type { CliIO, Command } from '../cli-io';

const USAGE = 'Usage: agora migrate --from sqlite:<path> --to mongodb://host:27017/<db>?replicaSet=rs0\n';
/** Rows read, mapped and inserted at a time: bounded memory, few round trips. */
const BATCH = 1000;

interface Args {
  from: string;
  to: string;
}

/** A read transaction on the SQLite file: every table is read from the same snapshot. */
export interface Snapshot {
  ports: Stores;
  rows<R>(sql: string): R[];
  close(): void;
}

/**
 * `agora migrate --from sqlite:<path> --to mongodb://...`: copies a town from the embedded store to
 * an empty MongoDB database, every collection in dependency order, ids, times, insertion order and
 * the audit chain kept as they are; then recomputes the chain on MongoDB (`verifyAudit`) and checks
 * that it ends on the same head as the source. The source is read in one read transaction (WAL: the
 * running app keeps writing meanwhile, but writes after the start are not copied, so stop the app,
 * or put it in maintenance, for the switch). Exit 0 when the copy verifies, 1 when it does not, 2
 * for bad arguments, a missing file or a target that is not empty.
 */
export const migrateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`agora migrate: ${args}\n${USAGE}`);
    return 2;
  }
  const path = args.from.slice('sqlite:'.length);
  if (!existsSync(path)) {
    io.stderr(`agora migrate: ${path}: no such SQLite file\n`);
    return 2;
  }
  // Bring the source up to the current schema first, as the app would on its next start.
  await (await SqliteStore.open(path)).close();
  const target = await MongoStore.open(args.to);
  let source: Snapshot | null = null;
  try {
    source = openSnapshot(path);
    const loader = target.bulkLoader();
    const busy = await loader.nonEmptyCollections();
    if (busy.length > 0) {
      io.stderr(
        `agora migrate: database "${target.databaseName}" is not empty (${busy.join(', ')}); migrate into a new database\n`,
      );
      return 2;
    }
    io.stdout(`Copying ${path} to MongoDB database "${target.databaseName}":\n`);
    await copyAll(source, loader, io);
    const report = await verifyAudit(target);
    const sourceHead = (await source.ports.audit.head())?.hash ?? GENESIS_HASH;
    if (!report.ok) {
      io.stdout(
        `Audit chain on MongoDB BROKEN at entry ${report.firstBad?.seq}: ${report.firstBad?.reason}\n`,
      );
      return 1;
    }
    if (report.headHash !== sourceHead) {
      io.stdout(`Audit chain on MongoDB ends on ${report.headHash}, the source on ${sourceHead}\n`);
      return 1;
    }
    io.stdout(
      `Audit chain on MongoDB OK: ${report.entries} entries, ${report.ballotsChecked} ballots checked, ` +
        `head ${report.headHash} (the same as the source)\n` +
        `Done. Point DATABASE_URL at the MongoDB database and start the app.\n`,
    );
    return 0;
  } finally {
    source?.close();
    await target.close();
  }
};

function parseArgs(argv: string[]): Args | string {
  const values: Partial<Record<'--from' | '--to', string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag !== '--from' && flag !== '--to') return `unknown argument ${flag}`;
    const value = argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    values[flag] = value;
  }
  const { '--from': from, '--to': to } = values;
  if (!from || !to) return 'both --from and --to are needed';
  if (!from.startsWith('sqlite:') || from === 'sqlite:') return '--from must be sqlite:<path>';
  if (!/^mongodb(\+srv)?:\/\//.test(to)) return '--to must be a mongodb:// or mongodb+srv:// URI';
  return { from, to };
}

/**
 * The SQLite ports on a connection of our own, inside BEGIN: the first read fixes the snapshot.
 * Tables without a "get by key" port (supports, ratings, link codes, processed updates) are read
 * with plain SQL; everything else goes through the adapter's own row mapping.
 */
export function openSnapshot(path: string): Snapshot {
  const db = new Database(path, { fileMustExist: true });
  const conn = new SqliteConnection(db);
  db.exec('BEGIN');
  return {
    ports: createPorts(conn),
    rows: <R>(sql: string) => conn.all<R>(sql),
    close: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
      conn.close();
    },
  };
}

/** Where the copy goes: the bulk loader's writers (a recording fake in tests). */
export type TownLoader = Omit<MongoBulkLoader, 'nonEmptyCollections'>;

/** Copies every table, parents before children (as the SQLite foreign keys order them). */
export async function copyAll(src: Snapshot, to: TownLoader, io: CliIO): Promise<void> {
  const { ports } = src;
  const ids = (sql: string) => src.rows<{ k: string }>(sql).map((r) => r.k);
  // Each key of `table` in insertion order, read through its port. Table and column names are
  // literals of this file, never input.
  const byKey =
    <T>(
      table: string,
      key: string,
      read: (k: string) => Promise<T | null>,
      write: (b: T[]) => Promise<void>,
    ) =>
    () =>
      copy(ids(`SELECT ${key} AS k FROM ${table} ORDER BY rowid`), read, write);
  const steps: [string, () => Promise<number>][] = [
    ['staff', byKey('staff', 'id', (k) => ports.staff.get(k), to.staff.bind(to))],
    ['citizens', byKey('citizens', 'id', (k) => ports.citizens.get(k), to.citizens.bind(to))],
    [
      'link codes',
      () =>
        copyRows(
          src.rows<{ h: string; c: string; e: number }>(
            'SELECT code_hash AS h, citizen_id AS c, expires_at AS e FROM link_codes ORDER BY rowid',
          ),
          (r) => ({ codeHash: r.h, citizenId: r.c, expiresAt: new Date(r.e) }),
          (b) => to.linkCodes(b),
        ),
    ],
    ['challenges', byKey('challenges', 'id', (k) => ports.challenges.get(k), to.challenges.bind(to))],
    ['proposals', byKey('proposals', 'id', (k) => ports.proposals.get(k), to.proposals.bind(to))],
    [
      'supports',
      () =>
        copyRows(
          src.rows<{ p: string; c: string | null; at: number }>(
            'SELECT proposal_id AS p, citizen_id AS c, at FROM supports ORDER BY id',
          ),
          (r) => ({ proposalId: r.p, citizenId: r.c, at: new Date(r.at) }),
          (b) => to.supports(b),
        ),
    ],
    ['ballots', byKey('ballots', 'receipt', (k) => ports.ballots.getByReceipt(k), to.ballots.bind(to))],
    [
      'follows',
      () =>
        copy(
          src.rows<{ c: string; kind: FollowTarget['kind']; id: string }>(
            'SELECT citizen_id AS c, target_kind AS kind, target_id AS id FROM follows ORDER BY rowid',
          ),
          (r) => ports.follows.get(r.c, { kind: r.kind, id: r.id } as FollowTarget),
          (b) => to.follows(b),
        ),
    ],
    ['questions', byKey('questions', 'id', (k) => ports.questions.get(k), to.questions.bind(to))],
    [
      'project updates',
      async () => {
        // Per project, oldest first: ties on time keep the order they were posted in.
        const projects = ids(
          'SELECT project_id AS k FROM project_updates GROUP BY project_id ORDER BY MIN(rowid)',
        );
        let n = 0;
        for (const p of projects)
          n += await load((await ports.updates.listByProject(p)).reverse(), (b) => to.updates(b));
        return n;
      },
    ],
    [
      'ratings',
      () =>
        copyRows(
          src.rows<{ p: string; c: string | null; s: number; at: number }>(
            'SELECT project_id AS p, citizen_id AS c, stars AS s, at FROM ratings ORDER BY id',
          ),
          (r) => ({ projectId: r.p, citizenId: r.c, stars: r.s, at: new Date(r.at) }),
          (b) => to.ratings(b),
        ),
    ],
    ['faq entries', byKey('faq_entries', 'id', (k) => ports.faq.get(k), to.faq.bind(to))],
    [
      'conversations',
      byKey('conversations', 'citizen_id', (k) => ports.conversations.get(k), to.conversations.bind(to)),
    ],
    [
      'processed updates',
      () =>
        copyRows(
          src.rows<{ k: string; at: number }>('SELECT key AS k, at FROM processed_updates ORDER BY rowid'),
          (r) => ({ key: r.k, at: new Date(r.at) }),
          (b) => to.processedUpdates(b),
        ),
    ],
    ['outbox', byKey('outbox', 'id', (k) => ports.outbox.get(k), to.outbox.bind(to))],
    ['fan-out jobs', byKey('fanout_jobs', 'id', (k) => ports.fanout.get(k), to.fanout.bind(to))],
    [
      'audit entries',
      async () => {
        let n = 0;
        for (let from = 1; ; from += BATCH) {
          const page = await ports.audit.list(from, BATCH);
          n += await load(page, (b) => to.audit(b));
          if (page.length < BATCH) return n;
        }
      },
    ],
  ];
  for (const [name, step] of steps) io.stdout(`  ${name.padEnd(18)} ${await step()}\n`);
}

/** Reads each key's value through a port, in batches, and loads them. */
async function copy<K, T>(
  keys: readonly K[],
  read: (key: K) => Promise<T | null>,
  write: (batch: T[]) => Promise<void>,
): Promise<number> {
  let n = 0;
  for (let i = 0; i < keys.length; i += BATCH) {
    const batch: T[] = [];
    for (const key of keys.slice(i, i + BATCH)) {
      const value = await read(key);
      if (value !== null) batch.push(value);
    }
    n += await load(batch, write);
  }
  return n;
}

/** Maps plain rows, in batches, and loads them. */
async function copyRows<R, T>(rows: readonly R[], map: (row: R) => T, write: (batch: T[]) => Promise<void>) {
  let n = 0;
  for (let i = 0; i < rows.length; i += BATCH) n += await load(rows.slice(i, i + BATCH).map(map), write);
  return n;
}

async function load<T>(batch: T[], write: (batch: T[]) => Promise<void>): Promise<number> {
  if (batch.length > 0) await write(batch);
  return batch.length;
}
