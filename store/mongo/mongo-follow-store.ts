import type { Follow, FollowTarget } from '../../core/model/follow';
import type { FollowStore } from '../../core/ports/follow-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { followFromDoc, followToDoc } from './mapping/follow-mapping';
import type { FollowDoc } from './schemas/follow-schema';

/** Follows, one per (citizen, target kind, target id); inactive ones are kept (see Follow.active). */
export class MongoFollowStore implements FollowStore {
  constructor(private readonly c: MongoContext) {}

  async get(citizenId: string, target: FollowTarget): Promise<Follow | null> {
    const doc = await this.c.models.follows
      .findOne({ citizenId, targetKind: target.kind, targetId: target.id }, null, inScope(this.c))
      .lean<FollowDoc>();
    return doc ? followFromDoc(doc) : null;
  }

  async save(follow: Follow): Promise<void> {
    const { ord, citizenId, targetKind, targetId, ...fields } = followToDoc(follow, this.c.order.next());
    await upsertRacing(this.c, () =>
      this.c.models.follows.updateOne(
        { citizenId, targetKind, targetId },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }

  async followers(target: FollowTarget): Promise<string[]> {
    const docs = await this.c.models.follows
      .find({ targetKind: target.kind, targetId: target.id, active: true }, { citizenId: 1 }, inScope(this.c))
      .sort({ updatedAt: 1, ord: 1 })
      .lean<Pick<FollowDoc, 'citizenId'>[]>();
    return docs.map((d) => d.citizenId);
  }

  async listByCitizen(citizenId: string): Promise<Follow[]> {
    const docs = await this.c.models.follows
      .find({ citizenId }, null, inScope(this.c))
      .sort({ updatedAt: 1, ord: 1 })
      .lean<FollowDoc[]>();
    return docs.map(followFromDoc);
  }

  async removeByCitizen(citizenId: string): Promise<void> {
    await this.c.models.follows.deleteMany({ citizenId }, inScope(this.c));
  }
}
