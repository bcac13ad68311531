import type { Connection } from 'mongoose';
import { createConnection } from 'mongoose';
import type { MongoModels } from '../../../store/mongo/models';
import { registerModels } from '../../../store/mongo/models';

/**
 * The store's models on a connection that never connects: enough to build documents, validate
 * them against the schemas and read the index definitions, with no MongoDB server anywhere.
 */
export function offlineModels(): { conn: Connection; models: MongoModels } {
  const conn = createConnection();
  return { conn, models: registerModels(conn) };
}

/**
 * A document as mongoose would write it: cast by the schema, validated, turned back into a plain
 * object. Throws when validation fails or when the schema does not know a field (strict: 'throw').
 */
export function throughSchema<T>(model: MongoModels[keyof MongoModels], doc: T): T {
  const Model = model as unknown as new (doc: T) => {
    validateSync(): Error | undefined;
    toObject(): T;
  };
  const hydrated = new Model(doc);
  const error = hydrated.validateSync();
  if (error) throw error;
  return hydrated.toObject();
}
