import type { ClientSession } from 'mongoose';
import type { SessionSource } from '../../../store/mongo/transactions';

/** An error the driver would label as transient (a write conflict): withTransaction retries on it. */
export function transientError(message = 'WriteConflict'): Error {
  const error = new Error(message) as Error & { hasErrorLabel(label: string): boolean };
  error.hasErrorLabel = (label) => label === 'TransientTransactionError';
  return error;
}

/**
 * Sessions whose withTransaction behaves like the driver's in the ways that matter to
 * MongoTransactions: it runs the callback, runs it again after a transient error (up to
 * `maxAttempts`), rethrows anything else, and records what happened.
 */
export class FakeSessions implements SessionSource {
  readonly started: FakeSession[] = [];

  constructor(private readonly maxAttempts = 5) {}

  async startSession(): Promise<ClientSession> {
    const session = new FakeSession(this.started.length + 1, this.maxAttempts);
    this.started.push(session);
    return session as unknown as ClientSession;
  }
}

export class FakeSession {
  /** Mongoose reads this to know an operation is in a transaction (and leaves its concerns alone). */
  readonly transaction = { isActive: true };
  attempts = 0;
  ended = false;
  committed = false;
  options: unknown = null;

  constructor(
    readonly n: number,
    private readonly maxAttempts: number,
  ) {}

  async withTransaction<T>(fn: () => Promise<T>, options: unknown): Promise<T> {
    this.options = options;
    for (;;) {
      this.attempts++;
      try {
        const result = await fn();
        this.committed = true;
        return result;
      } catch (error) {
        const transient = (error as { hasErrorLabel?: (l: string) => boolean }).hasErrorLabel?.(
          'TransientTransactionError',
        );
        if (!transient || this.attempts >= this.maxAttempts) throw error;
      }
    }
  }

  async endSession(): Promise<void> {
    this.ended = true;
  }
}
