import type { Channel, ChannelIdentity, Citizen } from '../../core/model/citizen';
import type { CitizenStore, Participation } from '../../core/ports/citizen-store';
import { StoreConflict } from '../../core/ports/store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { guarded } from './errors';
import { citizenFromDoc, citizenToDoc, identityToDoc } from './mapping/citizen-mapping';
import type { CitizenDoc, IdentityDoc } from './schemas/citizen-schema';

/** Consenting and not erased: the people taking part (as in the SQLite store). */
const PARTICIPATING = { erasedAt: null, consentAt: { $ne: null } };

/** Citizens, and their channel identities in a collection of their own, unique by (channel, external id). */
export class MongoCitizenStore implements CitizenStore {
  constructor(private readonly c: MongoContext) {}

  async get(id: string): Promise<Citizen | null> {
    return this.load(id);
  }

  async findByIdentity(channel: Channel, externalId: string): Promise<Citizen | null> {
    const holder = await this.c.models.identities
      .findOne({ channel, externalId }, { citizenId: 1 }, inScope(this.c))
      .lean<Pick<IdentityDoc, 'citizenId'>>();
    return holder ? this.load(holder.citizenId) : null;
  }

  async findByPhoneHash(phoneHash: string): Promise<Citizen | null> {
    const doc = await this.c.models.citizens
      .findOne({ phoneHash, erasedAt: null }, { _id: 1 }, inScope(this.c))
      .sort({ createdAt: 1, _id: 1 })
      .lean<{ _id: string }>();
    return doc ? this.load(doc._id) : null;
  }

  /**
   * The citizen and its identities in one transaction. A taken identity is found by a read first,
   * so the conflict is reported without a failed write (which would abort a caller's transaction);
   * a concurrent create of the same identity is a write conflict, retried, then found by that read.
   */
  async create(citizen: Citizen): Promise<void> {
    const { citizens, identities } = this.c.models;
    await this.c.scope.atomic((session) =>
      guarded(async () => {
        if (citizen.identities.length > 0) {
          const pairs = citizen.identities.map((i) => ({ channel: i.channel, externalId: i.externalId }));
          const taken = await identities.findOne({ $or: pairs }, null, { session }).lean<IdentityDoc>();
          if (taken)
            throw new StoreConflict(`identity ${taken.channel}:${taken.externalId} is taken`, 'identity');
        }
        if (await citizens.exists({ _id: citizen.id }).session(session))
          throw new StoreConflict(`citizen ${citizen.id} exists`, 'citizens.id');
        await citizens.insertMany([citizenToDoc(citizen)], { session });
        const docs = citizen.identities.map((i) => identityToDoc(citizen.id, i, this.c.order.next()));
        if (docs.length > 0) await identities.insertMany(docs, { session });
      }),
    );
  }

  async update(citizen: Citizen): Promise<void> {
    const { _id, ...fields } = citizenToDoc(citizen);
    await this.c.models.citizens.updateOne(
      { _id },
      { $set: fields },
      { ...inScope(this.c), runValidators: true },
    );
  }

  /** Upsert on (channel, external id): a new account is added, another citizen's moves here. */
  async attachIdentity(citizenId: string, identity: ChannelIdentity): Promise<void> {
    const { ord, channel, externalId, ...fields } = identityToDoc(citizenId, identity, this.c.order.next());
    await upsertRacing(this.c, () =>
      this.c.models.identities.updateOne(
        { channel, externalId },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }

  async removeIdentities(citizenId: string): Promise<void> {
    await this.c.models.identities.deleteMany({ citizenId }, inScope(this.c));
  }

  /** A citizen who writes from an account can be reached there again (they unblocked the bot). */
  async touchIdentity(channel: Channel, externalId: string, at: Date): Promise<void> {
    await this.c.models.identities.updateOne(
      { channel, externalId },
      { $set: { lastSeenAt: at, unreachable: false } },
      inScope(this.c),
    );
  }

  async markUnreachable(channel: Channel, externalId: string, unreachable: boolean): Promise<void> {
    await this.c.models.identities.updateOne(
      { channel, externalId },
      { $set: { unreachable } },
      inScope(this.c),
    );
  }

  async count(): Promise<number> {
    return this.c.models.citizens.countDocuments({}, inScope(this.c));
  }

  async participation(since: Date): Promise<Participation> {
    const { citizens, identities } = this.c.models;
    const { session } = inScope(this.c);
    const total = await citizens.countDocuments(PARTICIPATING, { session });
    const channels = await identities
      .aggregate<{ _id: Channel; n: number }>([
        {
          $lookup: {
            from: citizens.collection.collectionName,
            localField: 'citizenId',
            foreignField: '_id',
            pipeline: [{ $match: PARTICIPATING }, { $project: { _id: 1 } }],
            as: 'participant',
          },
        },
        { $match: { participant: { $ne: [] } } },
        { $group: { _id: '$channel', n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .session(session ?? null);
    const days = await citizens
      .aggregate<{ _id: string; n: number }>([
        { $match: { ...PARTICIPATING, createdAt: { $gte: since } } },
        // UTC days, as the port says (the default time zone of $dateToString).
        { $group: { _id: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } }, n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .session(session ?? null);
    const byChannel: Participation['byChannel'] = {};
    for (const r of channels) byChannel[r._id] = r.n;
    return { total, byChannel, byDay: days.map((d) => ({ day: d._id, count: d.n })) };
  }

  private async load(id: string): Promise<Citizen | null> {
    const { citizens, identities } = this.c.models;
    const doc = await citizens.findById(id, null, inScope(this.c)).lean<CitizenDoc>();
    if (!doc) return null;
    // Link order, ties in the order they were linked: the oldest account comes first.
    const linked = await identities
      .find({ citizenId: id }, null, inScope(this.c))
      .sort({ linkedAt: 1, ord: 1 })
      .lean<IdentityDoc[]>();
    return citizenFromDoc(doc, linked);
  }
}
