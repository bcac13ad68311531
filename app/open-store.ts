import type { Store } from '../core/ports/store';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { ConfigError } from './config';

/** Opens the store named by DATABASE_URL. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length) || './data/agora.db';
    return SqliteStore.open(path);
  }
  if (databaseUrl.startsWith('mongodb://') || databaseUrl.startsWith('mongodb+srv://')) {
    // Loaded only when asked for: the embedded store's start-up should not pay for mongoose.
    const { MongoStore } = await import('../store/mongo/mongo-store');
    return MongoStore.open(databaseUrl);
  }
  throw new ConfigError('DATABASE_URL: must be sqlite:<path> or mongodb://… (see README)');
}
