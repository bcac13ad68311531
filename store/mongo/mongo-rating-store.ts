import type { Rating } from '../../core/model/update';
import type { RatingStore } from '../../core/ports/update-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { ratingFromDoc, ratingToDoc } from './mapping/update-mapping';
import type { RatingDoc } from './schemas/update-schema';

/** Ratings: one per (project, citizen) by a partial unique index; anonymised ones keep counting. */
export class MongoRatingStore implements RatingStore {
  constructor(private readonly c: MongoContext) {}

  async put(rating: Rating): Promise<void> {
    const doc = ratingToDoc(rating, this.c.order.next());
    if (doc.citizenId === null) {
      // No citizen, nothing to replace: an imported or anonymised rating is one more row.
      await this.c.models.ratings.insertMany([doc], inScope(this.c));
      return;
    }
    const { projectId, citizenId, ord, ...fields } = doc;
    await upsertRacing(this.c, () =>
      this.c.models.ratings.updateOne(
        { projectId, citizenId },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }

  async summary(projectId: string): Promise<{ count: number; average: number | null }> {
    const [row] = await this.c.models.ratings
      .aggregate<{ count: number; average: number }>([
        { $match: { projectId } },
        { $group: { _id: null, count: { $sum: 1 }, average: { $avg: '$stars' } } },
      ])
      .session(this.c.scope.session() ?? null);
    return row ? { count: row.count, average: row.average } : { count: 0, average: null };
  }

  async listByCitizen(citizenId: string): Promise<Rating[]> {
    const docs = await this.c.models.ratings
      .find({ citizenId }, null, inScope(this.c))
      .sort({ at: 1, ord: 1 })
      .lean<RatingDoc[]>();
    return docs.map(ratingFromDoc);
  }

  async anonymise(citizenId: string): Promise<void> {
    await this.c.models.ratings.updateMany({ citizenId }, { $set: { citizenId: null } }, inScope(this.c));
  }
}
