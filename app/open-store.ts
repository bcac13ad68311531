import type { Store } from '../core/ports/store';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { ConfigError } from './config';

/** Opens the store named by DATABASE_URL. */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length) || './data/agora.db';
    return SqliteStore.open(path);
  }
  throw new ConfigError(
    'DATABASE_URL: the MongoDB adapter is not part of this build yet; use sqlite:<path> (see README, "Production with MongoDB")',
  );
}
