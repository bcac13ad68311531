import type Database from 'better-sqlite3';
import { StoreConflict } from '../../core/ports/store';

/** Values SQLite can bind. Booleans, dates and objects are converted by row-mapping first. */
export type SqlValue = string | number | bigint | Buffer | null;
/** Positional values, or one object for `@name` parameters. */
export type SqlArg = SqlValue | Readonly<Record<string, SqlValue>>;

/** How long a statement waits for another connection's write lock, in ms. */
export const BUSY_TIMEOUT_MS = 5000;

// Readable names for the uniqueness rules callers may want to tell apart; others keep SQLite's column list.
const CONSTRAINT_NAMES: Readonly<Record<string, string>> = {
  'identities.channel, identities.external_id': 'identity',
  'proposals.challenge_id, proposals.ref': 'proposal.ref',
  'audit_log.seq': 'audit.seq',
  'staff.email_key': 'staff.email',
  'ballots.receipt': 'ballot.receipt',
  'ballots.challenge_id, ballots.citizen_id': 'ballot.citizen',
};

/**
 * One better-sqlite3 connection with a prepared-statement cache. Every query goes through here so
 * that SQL text is prepared once per connection, values are always bound as parameters, and a
 * broken uniqueness rule surfaces as the port's `StoreConflict`.
 */
export class SqliteConnection {
  private readonly statements = new Map<string, Database.Statement>();
  // better-sqlite3 turns a nested call of a transaction function into a SAVEPOINT, which is what
  // `atomic` needs when it runs inside a transaction opened by the store.
  private readonly atomicTx: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(readonly db: Database.Database) {
    this.atomicTx = db.transaction((fn: () => unknown) => fn());
  }

  get<R>(sql: string, ...args: SqlArg[]): R | undefined {
    return this.guard(() => this.prepare(sql).get(...args) as R | undefined);
  }

  all<R>(sql: string, ...args: SqlArg[]): R[] {
    return this.guard(() => this.prepare(sql).all(...args) as R[]);
  }

  run(sql: string, ...args: SqlArg[]): Database.RunResult {
    return this.guard(() => this.prepare(sql).run(...args));
  }

  /**
   * Runs several statements as one unit: its own `BEGIN IMMEDIATE` transaction at top level (so a
   * read-then-write cannot race another process), a savepoint inside an open transaction.
   */
  atomic<T>(fn: () => T): T {
    return this.atomicTx.immediate(fn) as T;
  }

  /**
   * Opens a write transaction without blocking the event loop: SQLite's busy handler would spin
   * synchronously, starving the very transaction (maybe in this process) we are waiting for, so we
   * try without it and back off asynchronously until BUSY_TIMEOUT_MS has passed.
   */
  async beginImmediate(): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
      try {
        this.withoutBusyWait(() => this.prepare('BEGIN IMMEDIATE').run());
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    }
  }

  commit(): void {
    this.prepare('COMMIT').run();
  }

  /** Rolls back if a transaction is still open (SQLite may already have rolled back after some errors). */
  rollback(): void {
    if (this.db.inTransaction) this.prepare('ROLLBACK').run();
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.statements.clear();
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private withoutBusyWait<T>(fn: () => T): T {
    this.db.pragma('busy_timeout = 0');
    try {
      return fn();
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw asConflict(error) ?? error;
    }
  }
}

/**
 * The SQLite result code of an error, if it is one. Read by shape, not `instanceof SqliteError`:
 * the native addon keeps the error class of the first copy of better-sqlite3 loaded in the process,
 * which is not ours when a test runner gives each test file its own module registry.
 */
function sqliteCode(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

const isBusy = (error: unknown): boolean => sqliteCode(error)?.startsWith('SQLITE_BUSY') === true;

function asConflict(error: unknown): StoreConflict | null {
  const code = sqliteCode(error);
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  const message = (error as Error).message;
  const columns = message.replace(/^UNIQUE constraint failed: /, '');
  const conflict = new StoreConflict(message, CONSTRAINT_NAMES[columns] ?? columns);
  conflict.cause = error;
  return conflict;
}
