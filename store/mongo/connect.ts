import type { Connection, Model, mongo } from 'mongoose';
import { createConnection } from 'mongoose';
import type { MongoModels } from './models';
import { allModels, registerModels } from './models';

export interface MongoConnectOptions {
  /** Database name; default: the one in the URI, else `agora` (never mongoose's `test`). */
  dbName?: string;
  /**
   * How long to look for a server before giving up: this, else the URI's own
   * `serverSelectionTimeoutMS`, else 10 s (the driver's 30 s would hide a wrong URL for long).
   */
  serverSelectionTimeoutMS?: number;
}

/** The database named in a MongoDB URI (`mongodb://h1,h2/agora?...` -> `agora`), or null. */
export function databaseNameOf(uri: string): string | null {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(uri);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name === '' ? null : name;
}

/** Connects, refusing a server without transactions (a standalone mongod). */
export async function connect(uri: string, options: MongoConnectOptions = {}): Promise<Connection> {
  const conn = createConnection(uri, {
    dbName: options.dbName ?? databaseNameOf(uri) ?? 'agora',
    serverSelectionTimeoutMS:
      options.serverSelectionTimeoutMS ?? (/[?&]serverSelectionTimeoutMS=/i.test(uri) ? undefined : 10_000),
    autoIndex: false,
    autoCreate: false,
    bufferCommands: false,
  });
  try {
    await conn.asPromise();
    await requireTransactions(conn);
    return conn;
  } catch (error) {
    await conn.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Multi-document transactions need a replica set (one member is enough) or a sharded cluster.
 * A standalone server would fail on the first vote with an obscure error; say so at start instead.
 */
async function requireTransactions(conn: Connection): Promise<void> {
  const db = conn.db;
  if (!db) throw new Error('MongoDB connection has no database');
  const hello = (await db.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
  if (hello.setName === undefined && hello.msg !== 'isdbgrid')
    throw new Error(
      'MongoDB is a standalone server: Agora needs transactions, i.e. a replica set (a single member ' +
        'is enough: start mongod with --replSet rs0 and run rs.initiate()) or a sharded cluster; see README, "Production with MongoDB"',
    );
}

/**
 * Creates every collection (a transaction cannot create one on every server version) and every
 * index the schemas declare that is missing. Create-only, by key pattern: an index on the same keys
 * is left as it is, whatever its name or options, and no index is ever dropped (unlike mongoose's
 * syncIndexes). During a rolling deploy the previous release's instances still rely on theirs, and
 * operators may replace one on purpose: sharding the ballots by challenge means swapping the unique
 * receipt index for a plain one (see README, "Production with MongoDB"), which the next start must not undo. Two
 * instances starting together is harmless: creating an index that now exists is a no-op.
 */
export async function ensureSchema(conn: Connection): Promise<MongoModels> {
  const models = registerModels(conn);
  for (const model of allModels(models)) {
    await model.createCollection();
    await ensureIndexes(model);
  }
  return models;
}

type IndexDefinition = [fields: object, options: object];

const keysOf = (keys: object): string => JSON.stringify(Object.entries(keys));

/** The declared indexes whose key pattern (fields, order and direction) no existing index has. */
export function missingIndexes<T extends IndexDefinition>(
  declared: readonly T[],
  existing: readonly { key: object }[],
): T[] {
  const present = new Set(existing.map((index) => keysOf(index.key)));
  return declared.filter(([fields]) => !present.has(keysOf(fields)));
}

async function ensureIndexes(model: Model<unknown>): Promise<void> {
  const existing = (await model.listIndexes()) as { key: object }[];
  for (const [fields, options] of missingIndexes(model.schema.indexes(), existing)) {
    // Our schemas declare driver options only (name, unique, partialFilterExpression,
    // expireAfterSeconds), none of mongoose's extras (`expires: '1h'`), so they pass as they are.
    await model.collection.createIndex(
      fields as mongo.IndexSpecification,
      options as mongo.CreateIndexesOptions,
    );
  }
}
