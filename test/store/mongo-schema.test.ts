import type { Schema } from 'mongoose';
import { missingIndexes } from '../../store/mongo/connect';
import { CONSTRAINTS } from '../../store/mongo/errors';
import type { MongoModels } from '../../store/mongo/models';
import { allModels } from '../../store/mongo/models';
import { SCHEMA_OPTIONS } from '../../store/mongo/schema-options';
import { offlineModels } from './mongo/offline-models';

const { conn, models } = offlineModels();
afterAll(() => conn.close());

type IndexRow = {
  name: unknown;
  keys: Record<string, unknown>;
  unique: boolean;
  partial?: unknown;
  ttl?: unknown;
};

/** The index definitions of a model, in a shape that is easy to compare. */
function indexesOf(model: MongoModels[keyof MongoModels]): IndexRow[] {
  return model.schema.indexes().map(([keys, options]) => {
    const o = options as Record<string, unknown>;
    const row: IndexRow = { name: o.name, keys: { ...keys }, unique: o.unique === true };
    if (o.partialFilterExpression !== undefined) row.partial = o.partialFilterExpression;
    if (o.expireAfterSeconds !== undefined) row.ttl = o.expireAfterSeconds;
    return row;
  });
}

const onlyCitizens = { citizenId: { $type: 'string' } };

/**
 * What SQLite's unique constraints and indexes enforce, the Mongo store must enforce too: these
 * are the index definitions `MongoStore.open` creates (asserted here without a server).
 */
const EXPECTED: Record<keyof MongoModels, { collection: string; indexes: IndexRow[] }> = {
  citizens: {
    collection: 'citizens',
    indexes: [
      { name: 'citizen_created', keys: { createdAt: 1 }, unique: false },
      {
        name: 'citizen_by_phone',
        keys: { phoneHash: 1 },
        unique: false,
        partial: { phoneHash: { $type: 'string' } },
      },
    ],
  },
  identities: {
    collection: 'identities',
    indexes: [
      { name: 'identity_unique', keys: { channel: 1, externalId: 1 }, unique: true },
      { name: 'identity_by_citizen', keys: { citizenId: 1, linkedAt: 1, ord: 1 }, unique: false },
    ],
  },
  linkCodes: { collection: 'link_codes', indexes: [] },
  challenges: {
    collection: 'challenges',
    indexes: [{ name: 'challenge_newest', keys: { createdAt: -1, ord: -1 }, unique: false }],
  },
  proposals: {
    collection: 'proposals',
    indexes: [
      { name: 'proposal_ref_unique', keys: { challengeId: 1, ref: 1 }, unique: true },
      { name: 'proposal_ref_number', keys: { challengeId: 1, refNumber: -1 }, unique: false },
      {
        name: 'proposal_by_author',
        keys: { authorId: 1, createdAt: 1, ord: 1 },
        unique: false,
        partial: { authorId: { $type: 'string' } },
      },
    ],
  },
  supports: {
    collection: 'supports',
    indexes: [
      {
        name: 'support_citizen_unique',
        keys: { proposalId: 1, citizenId: 1 },
        unique: true,
        partial: onlyCitizens,
      },
      { name: 'support_by_citizen', keys: { citizenId: 1 }, unique: false, partial: onlyCitizens },
    ],
  },
  ballots: {
    collection: 'ballots',
    indexes: [
      {
        name: 'ballot_citizen_unique',
        keys: { challengeId: 1, citizenId: 1 },
        unique: true,
        partial: onlyCitizens,
      },
      { name: 'ballot_receipt_unique', keys: { receipt: 1 }, unique: true },
      { name: 'ballot_by_challenge', keys: { challengeId: 1, castAt: 1, ord: 1 }, unique: false },
      {
        name: 'ballot_by_citizen',
        keys: { citizenId: 1, castAt: 1, ord: 1 },
        unique: false,
        partial: onlyCitizens,
      },
    ],
  },
  follows: {
    collection: 'follows',
    indexes: [
      { name: 'follow_unique', keys: { citizenId: 1, targetKind: 1, targetId: 1 }, unique: true },
      {
        name: 'follow_by_target',
        keys: { targetKind: 1, targetId: 1, updatedAt: 1, ord: 1 },
        unique: false,
        partial: { active: true },
      },
    ],
  },
  questions: {
    collection: 'questions',
    indexes: [
      { name: 'question_open', keys: { askedAt: 1, ord: 1 }, unique: false, partial: { status: 'open' } },
      {
        name: 'question_by_citizen',
        keys: { citizenId: 1, askedAt: 1, ord: 1 },
        unique: false,
        partial: onlyCitizens,
      },
    ],
  },
  updates: {
    collection: 'project_updates',
    indexes: [{ name: 'update_by_project', keys: { projectId: 1, createdAt: -1, ord: -1 }, unique: false }],
  },
  ratings: {
    collection: 'ratings',
    indexes: [
      {
        name: 'rating_citizen_unique',
        keys: { projectId: 1, citizenId: 1 },
        unique: true,
        partial: onlyCitizens,
      },
      {
        name: 'rating_by_citizen',
        keys: { citizenId: 1, at: 1, ord: 1 },
        unique: false,
        partial: onlyCitizens,
      },
    ],
  },
  outbox: {
    collection: 'outbox',
    indexes: [
      {
        name: 'outbox_pending_by_age',
        keys: { createdAt: 1, ord: 1 },
        unique: false,
        partial: { state: 'pending' },
      },
      { name: 'outbox_by_citizen', keys: { citizenId: 1, createdAt: 1, ord: 1 }, unique: false },
    ],
  },
  audit: {
    collection: 'audit_log',
    indexes: [
      {
        name: 'audit_by_ref',
        keys: { ref: 1, _id: 1 },
        unique: false,
        partial: { ref: { $type: 'string' } },
      },
    ],
  },
  auditHead: { collection: 'audit_head', indexes: [] },
  staff: {
    collection: 'staff',
    indexes: [
      { name: 'staff_email_unique', keys: { emailKey: 1 }, unique: true },
      { name: 'staff_by_age', keys: { createdAt: 1, ord: 1 }, unique: false },
    ],
  },
  faq: {
    collection: 'faq_entries',
    indexes: [{ name: 'faq_by_challenge', keys: { challengeId: 1, locale: 1, ord: 1 }, unique: false }],
  },
  conversations: { collection: 'conversations', indexes: [] },
  processedUpdates: {
    collection: 'processed_updates',
    indexes: [{ name: 'processed_update_by_time', keys: { at: 1 }, unique: false }],
  },
  fanoutJobs: {
    collection: 'fanout_jobs',
    indexes: [{ name: 'fanout_pending', keys: { doneAt: 1, createdAt: 1, ord: 1 }, unique: false }],
  },
  fanoutChunks: {
    collection: 'fanout_recipients',
    indexes: [{ name: 'fanout_chunk_order', keys: { jobId: 1, n: 1 }, unique: true }],
  },
};

describe('Mongo schemas and indexes (no server needed)', () => {
  it.each(Object.keys(EXPECTED) as (keyof MongoModels)[])('%s: collection and indexes', (name) => {
    const expected = EXPECTED[name];
    expect(models[name].collection.collectionName).toBe(expected.collection);
    expect(indexesOf(models[name])).toEqual(expected.indexes);
  });

  it('has a model for every collection listed here, and no other', () => {
    expect(Object.keys(models).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('names the constraint of every unique index as the SQLite store does', () => {
    const unique = allModels(models).flatMap((m) =>
      m.schema
        .indexes()
        .filter(([, o]) => o.unique === true)
        .map(([, o]) => String(o.name)),
    );
    const named = unique.filter((n) => n !== 'fanout_chunk_order');
    expect(named.sort()).toEqual(Object.keys(CONSTRAINTS).sort());
    expect(CONSTRAINTS).toMatchObject({
      identity_unique: 'identity',
      proposal_ref_unique: 'proposal.ref',
      ballot_citizen_unique: 'ballot.citizen',
      ballot_receipt_unique: 'ballot.receipt',
      staff_email_unique: 'staff.email',
    });
  });

  it('gives every index a name, and declares only options the driver understands as they are', () => {
    // `background` is mongoose's own addition; MongoDB 4.2+ ignores it (all builds are optimised).
    const driverOptions = ['name', 'unique', 'partialFilterExpression', 'expireAfterSeconds', 'background'];
    for (const model of allModels(models)) {
      for (const [, options] of model.schema.indexes()) {
        expect(typeof options.name).toBe('string');
        expect(Object.keys(options).filter((k) => !driverOptions.includes(k))).toEqual([]);
      }
    }
  });

  it('mirrors the domain exactly: no __v, no id virtual, no minimising, strict, nothing built lazily', () => {
    for (const model of allModels(models)) {
      const o = model.schema.options;
      expect({
        versionKey: o.versionKey,
        minimize: o.minimize,
        id: o.id,
        strict: o.strict,
        autoIndex: o.autoIndex,
        autoCreate: o.autoCreate,
        bufferCommands: o.bufferCommands,
      }).toEqual(SCHEMA_OPTIONS);
    }
  });

  it('keys documents by their domain id where there is one', () => {
    for (const name of [
      'citizens',
      'challenges',
      'proposals',
      'ballots',
      'questions',
      'updates',
      'outbox',
      'staff',
      'faq',
      'conversations',
      'fanoutJobs',
    ] as const)
      expect((models[name].schema as Schema).path('_id').instance).toBe('String');
    expect(models.audit.schema.path('_id').instance).toBe('Number');
  });

  it('refuses to change or delete audit entries through the model', async () => {
    await expect(models.audit.updateOne({ _id: 1 }, { $set: { hash: 'x' } })).rejects.toThrow(/append-only/);
    await expect(models.audit.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(models.audit.findOneAndUpdate({ _id: 1 }, { $set: { hash: 'x' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(models.audit.replaceOne({ _id: 1 }, {})).rejects.toThrow(/append-only/);
    await expect(models.audit.bulkWrite([{ deleteOne: { filter: { _id: 1 } } }])).rejects.toThrow(
      /append-only/,
    );
  });

  it('creates only indexes whose keys are missing, leaving an index an operator replaced alone', () => {
    const declared = models.ballots.schema.indexes();
    const existing = [
      { key: { _id: 1 } },
      // Sharded by challenge: the unique receipt index was swapped for a plain one on the same key.
      { key: { receipt: 1 }, name: 'ballot_receipt' },
      { key: { challengeId: 1, castAt: 1, ord: 1 } },
    ];
    expect(missingIndexes(declared, existing).map(([, o]) => o.name)).toEqual([
      'ballot_citizen_unique',
      'ballot_by_citizen',
    ]);
    // Same fields in another order or direction are another index.
    expect(
      missingIndexes([[{ a: 1, b: 1 }, {}]], [{ key: { b: 1, a: 1 } }, { key: { a: 1, b: -1 } }]),
    ).toHaveLength(1);
  });
});
