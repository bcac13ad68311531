import type { MongoModels } from '../../../store/mongo/models';
import { allModels } from '../../../store/mongo/models';

/** One operation a port sent to a collection, as mongoose hands it to the driver. */
export interface SentCommand {
  collection: string;
  op: string;
  /** Filter / documents / update, as cast by mongoose (dates as Dates, ids as given). */
  args: unknown[];
  /** Whether a session was attached (i.e. the operation belongs to a transaction). */
  session: boolean;
}

const cursor = (docs: unknown[]) => ({ toArray: async () => docs });

/** What the driver answers when the test scripted nothing: an empty collection. */
const DEFAULT_REPLIES: Record<string, (args: unknown[]) => unknown> = {
  findOne: () => null,
  find: () => cursor([]),
  aggregate: () => cursor([]),
  countDocuments: () => 0,
  estimatedDocumentCount: () => 0,
  insertMany: (args) => ({
    acknowledged: true,
    insertedCount: (args[0] as unknown[]).length,
    insertedIds: {},
  }),
  updateOne: () => ({
    acknowledged: true,
    matchedCount: 0,
    modifiedCount: 0,
    upsertedCount: 1,
    upsertedId: null,
  }),
  updateMany: () => ({
    acknowledged: true,
    matchedCount: 0,
    modifiedCount: 0,
    upsertedCount: 0,
    upsertedId: null,
  }),
  replaceOne: () => ({
    acknowledged: true,
    matchedCount: 0,
    modifiedCount: 0,
    upsertedCount: 1,
    upsertedId: null,
  }),
  deleteOne: () => ({ acknowledged: true, deletedCount: 0 }),
  deleteMany: () => ({ acknowledged: true, deletedCount: 0 }),
  findOneAndUpdate: () => null,
  findOneAndDelete: () => null,
};

/**
 * Stands in for the driver under the store's models: every collection operation mongoose would
 * send is recorded and answered from a script (or as an empty collection would answer). This is not
 * MongoDB (no query is evaluated): it shows which operations a port sends, with which filters,
 * updates and options, after mongoose has cast them against the schemas. What MongoDB then does
 * with them is the contract suite's job, against a real server.
 */
export class RecordingCollections {
  readonly sent: SentCommand[] = [];
  private readonly scripted = new Map<string, unknown[]>();

  constructor(models: MongoModels) {
    for (const model of allModels(models)) {
      const collection = model.collection as unknown as Record<string, unknown>;
      const name = model.collection.collectionName;
      for (const op of Object.keys(DEFAULT_REPLIES)) {
        collection[op] = async (...args: unknown[]) => {
          const options = args.find(
            (a, i) => i > 0 && typeof a === 'object' && a !== null && 'session' in a,
          ) as { session?: unknown } | undefined;
          this.sent.push({ collection: name, op, args, session: options?.session != null });
          const queue = this.scripted.get(`${name}.${op}`);
          if (queue && queue.length > 0) {
            const next = queue.shift();
            if (next instanceof Error) throw next;
            return op === 'find' || op === 'aggregate' ? cursor(next as unknown[]) : next;
          }
          return DEFAULT_REPLIES[op]!(args);
        };
      }
    }
  }

  /** Queues answers to the next calls of `op` on `collection` (an Error is thrown instead). */
  reply(collection: string, op: string, ...answers: unknown[]): this {
    this.scripted.set(`${collection}.${op}`, [
      ...(this.scripted.get(`${collection}.${op}`) ?? []),
      ...answers,
    ]);
    return this;
  }

  /** The operations sent, as `collection.op`, in order. */
  ops(): string[] {
    return this.sent.map((c) => `${c.collection}.${c.op}`);
  }
}
