import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditStore } from '../../core/ports/audit-store';
import type { BallotStore } from '../../core/ports/ballot-store';
import type { ChallengeStore } from '../../core/ports/challenge-store';
import type { CitizenStore, LinkCodeStore } from '../../core/ports/citizen-store';
import type { FaqStore } from '../../core/ports/faq-store';
import type { FollowStore } from '../../core/ports/follow-store';
import type { OutboxStore } from '../../core/ports/outbox-store';
import type { ProposalStore, SupportStore } from '../../core/ports/proposal-store';
import type { QuestionStore } from '../../core/ports/question-store';
import type { ConversationStore, ProcessedUpdateStore } from '../../core/ports/conversation-store';
import type { FanoutStore } from '../../core/ports/fanout-store';
import type { StaffStore } from '../../core/ports/staff-store';
import type { Store, Stores } from '../../core/ports/store';
import type { RatingStore, UpdateStore } from '../../core/ports/update-store';
import { BUSY_TIMEOUT_MS, SqliteConnection } from './connection';
import { TransactionGate, gated } from './context';
import { MIGRATIONS } from './migrations';
import { migrate } from './migrator';
import { createPorts } from './sqlite-ports';

/** What `transaction` hands to its work: the ports, plus `transaction` itself, which joins. */
export type SqliteTransaction = Stores & Pick<Store, 'transaction'>;

/**
 * The embedded store: every port on one better-sqlite3 connection.
 *
 * Calls on the top-level ports and `transaction` are queued one at a time (see TransactionGate),
 * so nothing runs inside another caller's open transaction. Inside `transaction(work)`, the `tx`
 * ports run directly; a nested `transaction` call, or a top-level port call made from within
 * `work`, joins the open transaction. Across processes, BEGIN IMMEDIATE and the unique indexes keep
 * writers apart.
 */
export class SqliteStore implements Store {
  readonly citizens: CitizenStore;
  readonly linkCodes: LinkCodeStore;
  readonly challenges: ChallengeStore;
  readonly proposals: ProposalStore;
  readonly supports: SupportStore;
  readonly ballots: BallotStore;
  readonly follows: FollowStore;
  readonly questions: QuestionStore;
  readonly updates: UpdateStore;
  readonly ratings: RatingStore;
  readonly outbox: OutboxStore;
  readonly audit: AuditStore;
  readonly staff: StaffStore;
  readonly faq: FaqStore;
  readonly conversations: ConversationStore;
  readonly processedUpdates: ProcessedUpdateStore;
  readonly fanout: FanoutStore;

  private readonly conn: SqliteConnection;
  private readonly gate: TransactionGate;
  private readonly tx: SqliteTransaction;

  private constructor(db: Database.Database) {
    this.conn = new SqliteConnection(db);
    this.gate = new TransactionGate(this.conn);
    const direct = createPorts(this.conn);
    this.tx = { ...direct, transaction: (work) => work(this.tx) };
    const g = <T extends object>(port: T): T => gated(port, this.gate);
    this.citizens = g(direct.citizens);
    this.linkCodes = g(direct.linkCodes);
    this.challenges = g(direct.challenges);
    this.proposals = g(direct.proposals);
    this.supports = g(direct.supports);
    this.ballots = g(direct.ballots);
    this.follows = g(direct.follows);
    this.questions = g(direct.questions);
    this.updates = g(direct.updates);
    this.ratings = g(direct.ratings);
    this.outbox = g(direct.outbox);
    this.audit = g(direct.audit);
    this.staff = g(direct.staff);
    this.faq = g(direct.faq);
    this.conversations = g(direct.conversations);
    this.processedUpdates = g(direct.processedUpdates);
    this.fanout = g(direct.fanout);
  }

  /**
   * Opens (creating if needed, with its parent folder) the database at `path`, or a private
   * in-memory one for `':memory:'`, and applies pending migrations.
   */
  static async open(path: string): Promise<SqliteStore> {
    const inMemory = path === ':memory:' || path === '';
    if (!inMemory) await mkdir(dirname(resolve(path)), { recursive: true });
    const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    try {
      configure(db, inMemory);
      migrate(db, MIGRATIONS);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db);
  }

  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T> {
    return this.gate.transaction(() => work(this.tx));
  }

  /** Waits for queued work, then closes the database. Calling it again does nothing. */
  close(): Promise<void> {
    return this.gate.exclusive(async () => this.conn.close());
  }
}

function configure(db: Database.Database, inMemory: boolean): void {
  // WAL lets readers (e.g. the open-data API in another process) work while a writer commits;
  // an in-memory database has no journal file to switch.
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Safe with WAL: a power loss may drop the last commits but never corrupts the file.
  db.pragma('synchronous = NORMAL');
}
