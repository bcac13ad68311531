import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientSession, mongo } from 'mongoose';

/**
 * How a port reaches the database: with the session of the transaction it belongs to, if any.
 * Every port method takes its session from here, so no operation can run outside the transaction
 * it was called in.
 */
export interface SessionScope {
  /** The session of the open transaction (pass it to the operation), or undefined outside one. */
  session(): ClientSession | undefined;
  /**
   * Runs `fn` inside the open transaction, or inside a new one when there is none: for the methods
   * that write several documents which must land together (a citizen and its identities).
   */
  atomic<T>(fn: (session: ClientSession) => Promise<T>): Promise<T>;
}

/** Where sessions come from: the mongoose connection (a fake in the unit tests). */
export interface SessionSource {
  startSession(): Promise<ClientSession>;
}

/** One run of a transaction's work; `withTransaction` may make several (after a write conflict). */
export interface Attempt {
  readonly session: ClientSession;
  /** False once the run has ended: a `tx` kept past it must not write outside any transaction. */
  open: boolean;
}

/**
 * Snapshot reads and majority writes: the transaction sees one consistent state and, once
 * committed, survives a failover. Reads go to the primary, the only member that can run them.
 */
export const TRANSACTION_OPTIONS: mongo.TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
  readPreference: 'primary',
};

/**
 * Runs work in multi-document transactions and remembers, per async flow, which one is open, so
 * that a nested `transaction` call, or a top-level port called from inside the work, joins it (as
 * in the SQLite store) instead of starting a second, independent one.
 *
 * `withTransaction` retries the work when the server reports a transient error (most often a write
 * conflict with a concurrent transaction: two appends to the audit chain, two puts of one ballot).
 * The work may therefore run more than once; only its last run commits. Work must keep its side
 * effects in the store (which is rolled back) and not, say, send a message from inside.
 */
export class MongoTransactions {
  private readonly flow = new AsyncLocalStorage<Attempt>();

  constructor(
    private readonly sessions: SessionSource,
    private readonly options: mongo.TransactionOptions = TRANSACTION_OPTIONS,
  ) {}

  /** The attempt open in the calling async flow, if any. */
  open(): Attempt | undefined {
    const attempt = this.flow.getStore();
    return attempt?.open ? attempt : undefined;
  }

  /** Runs `work` in the open transaction, or in a new one (retried on transient errors). */
  async run<T>(work: (attempt: Attempt) => Promise<T>): Promise<T> {
    const joined = this.open();
    if (joined) return work(joined);
    const session = await this.sessions.startSession();
    try {
      return await session.withTransaction(async () => {
        const attempt: Attempt = { session, open: true };
        try {
          return await this.flow.run(attempt, () => work(attempt));
        } finally {
          attempt.open = false;
        }
      }, this.options);
    } finally {
      await session.endSession();
    }
  }

  /** The scope of the store's own ports: outside any transaction unless called from inside one. */
  ambient(): SessionScope {
    return {
      session: () => this.open()?.session,
      atomic: (fn) => this.run((attempt) => fn(attempt.session)),
    };
  }
}

/** The scope of the `tx` ports handed to one attempt's work: always that attempt's session. */
export function attemptScope(attempt: Attempt): SessionScope {
  const live = (): ClientSession => {
    if (!attempt.open) throw new Error('this transaction has ended: a `tx` must not be used after its work');
    return attempt.session;
  };
  return { session: live, atomic: async (fn) => fn(live()) };
}
