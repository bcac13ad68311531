import type { Connection } from 'mongoose';
import type { AuditStore } from '../../core/ports/audit-store';
import type { BallotStore } from '../../core/ports/ballot-store';
import type { ChallengeStore } from '../../core/ports/challenge-store';
import type { CitizenStore, LinkCodeStore } from '../../core/ports/citizen-store';
import type { ConversationStore, ProcessedUpdateStore } from '../../core/ports/conversation-store';
import type { FanoutStore } from '../../core/ports/fanout-store';
import type { FaqStore } from '../../core/ports/faq-store';
import type { FollowStore } from '../../core/ports/follow-store';
import type { OutboxStore } from '../../core/ports/outbox-store';
import type { ProposalStore, SupportStore } from '../../core/ports/proposal-store';
import type { QuestionStore } from '../../core/ports/question-store';
import type { StaffStore } from '../../core/ports/staff-store';
import type { Store, Stores } from '../../core/ports/store';
import type { RatingStore, UpdateStore } from '../../core/ports/update-store';
import { MongoBulkLoader } from './bulk-loader';
import type { MongoConnectOptions } from './connect';
import { connect, ensureSchema } from './connect';
import { InsertionOrder } from './insertion-order';
import type { MongoModels } from './models';
import { createPorts } from './mongo-ports';
import type { Attempt } from './transactions';
import { MongoTransactions, attemptScope } from './transactions';

/** What `transaction` hands to its work: the ports, plus `transaction` itself, which joins. */
export type MongoTransaction = Stores & Pick<Store, 'transaction'>;

/**
 * The MongoDB store: every port on one mongoose connection, for deployments with several app
 * instances (see README, "Production with MongoDB").
 *
 * Outside `transaction`, each port call is its own operation (or its own small transaction when it
 * writes several documents). `transaction(work)` runs `work` in a multi-document transaction and
 * hands it ports bound to that transaction's session; a nested `transaction` call, or a top-level
 * port called from inside `work`, joins it. Unlike SQLite, which runs one transaction at a time,
 * MongoDB runs them concurrently and retries the loser of a write conflict, so `work` may run more
 * than once: keep side effects other than store writes out of it.
 */
export class MongoStore implements Store {
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

  private readonly transactions: MongoTransactions;
  private readonly order = new InsertionOrder();
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly conn: Connection,
    private readonly models: MongoModels,
  ) {
    this.transactions = new MongoTransactions(conn);
    const ports = createPorts({ models, scope: this.transactions.ambient(), order: this.order });
    this.citizens = ports.citizens;
    this.linkCodes = ports.linkCodes;
    this.challenges = ports.challenges;
    this.proposals = ports.proposals;
    this.supports = ports.supports;
    this.ballots = ports.ballots;
    this.follows = ports.follows;
    this.questions = ports.questions;
    this.updates = ports.updates;
    this.ratings = ports.ratings;
    this.outbox = ports.outbox;
    this.audit = ports.audit;
    this.staff = ports.staff;
    this.faq = ports.faq;
    this.conversations = ports.conversations;
    this.processedUpdates = ports.processedUpdates;
    this.fanout = ports.fanout;
  }

  /**
   * Connects to `uri` (`mongodb://` or `mongodb+srv://`), checks that the server can run
   * transactions, and creates the collections and indexes that are missing.
   */
  static async open(uri: string, options: MongoConnectOptions = {}): Promise<MongoStore> {
    const conn = await connect(uri, options);
    try {
      return new MongoStore(conn, await ensureSchema(conn));
    } catch (error) {
      await conn.close();
      throw error;
    }
  }

  transaction<T>(work: (tx: Stores) => Promise<T>): Promise<T> {
    return this.transactions.run((attempt) => work(this.portsOf(attempt)));
  }

  /** Bulk writes for `agora migrate`, bypassing the ports (see MongoBulkLoader). */
  bulkLoader(): MongoBulkLoader {
    return new MongoBulkLoader(this.models, this.order);
  }

  /** The database this store works on (for logs and the migrate report). */
  get databaseName(): string {
    return this.conn.name;
  }

  /** Closes the connection; calling it again does nothing. */
  close(): Promise<void> {
    this.closed ??= this.conn.close();
    return this.closed;
  }

  /** Drops the whole database, then closes (tests: each works on a database of its own). Once only. */
  async dropAndClose(): Promise<void> {
    if (this.closed === null) await this.conn.dropDatabase();
    await this.close();
  }

  private portsOf(attempt: Attempt): MongoTransaction {
    const ports = createPorts({ models: this.models, scope: attemptScope(attempt), order: this.order });
    return { ...ports, transaction: (work) => this.transactions.run((joined) => work(this.portsOf(joined))) };
  }
}
