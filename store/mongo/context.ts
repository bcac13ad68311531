import type { ClientSession } from 'mongoose';
import { isDuplicateKey } from './errors';
import type { InsertionOrder } from './insertion-order';
import type { MongoModels } from './models';
import type { SessionScope } from './transactions';

/** What every port works with: the models, the session scope it runs in, the insertion order. */
export interface MongoContext {
  readonly models: MongoModels;
  readonly scope: SessionScope;
  readonly order: InsertionOrder;
}

/** Options carrying the scope's session (none outside a transaction). */
export const inScope = (c: MongoContext): { session: ClientSession | undefined } => ({
  session: c.scope.session(),
});

/**
 * Runs an upsert again when a concurrent one inserted the same unique key first (E11000): the
 * retry finds that document and updates it. Outside a transaction only: inside one, the server
 * reports the race as a write conflict and `withTransaction` retries the whole work instead.
 */
export async function upsertRacing<T>(c: MongoContext, upsert: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsert();
    } catch (error) {
      if (!isDuplicateKey(error) || c.scope.session() !== undefined || attempt >= 3) throw error;
    }
  }
}
