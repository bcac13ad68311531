import type { MongoConnectOptions } from '../../../store/mongo/connect';
import { MongoStore } from '../../../store/mongo/mongo-store';

/** The MongoDB the server-backed tests use (a replica set: transactions need one), if any. */
export const MONGODB_URI = process.env.MONGODB_URI?.trim() || null;

export const SKIP_LINE =
  'SKIP mongo store contract: MONGODB_URI is not set (no MongoDB server on this machine)';

let databases = 0;

/** A database name no other test (or concurrent test run) uses. */
export const freshDatabaseName = (): string =>
  `agora_test_${process.pid}_${Date.now().toString(36)}_${++databases}`;

/** `uri` with its database path replaced by `name`, options kept. */
export function withDatabase(uri: string, name: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`not a MongoDB URI: ${uri}`);
  return `${match[1]}/${name}${match[2] ?? ''}`;
}

/** A store on a database of its own; closing it drops that database. */
export async function droppingStore(uri: string, options: MongoConnectOptions = {}): Promise<MongoStore> {
  const store = await MongoStore.open(uri, { dbName: freshDatabaseName(), ...options });
  // Delegates everything to the real store; only `close` differs.
  return Object.assign(Object.create(store) as MongoStore, { close: () => store.dropAndClose() });
}
