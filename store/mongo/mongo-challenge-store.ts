import type { Challenge } from '../../core/model/challenge';
import type { ChallengeStore } from '../../core/ports/challenge-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { challengeFromDoc, challengeToDoc } from './mapping/challenge-mapping';
import type { ChallengeDoc } from './schemas/challenge-schema';

/** Challenges; `list` is newest first (equal times: the one inserted last first). */
export class MongoChallengeStore implements ChallengeStore {
  constructor(private readonly c: MongoContext) {}

  async get(id: string): Promise<Challenge | null> {
    const doc = await this.c.models.challenges.findById(id, null, inScope(this.c)).lean<ChallengeDoc>();
    return doc ? challengeFromDoc(doc) : null;
  }

  async list(): Promise<Challenge[]> {
    const docs = await this.c.models.challenges
      .find({}, null, inScope(this.c))
      .sort({ createdAt: -1, ord: -1 })
      .lean<ChallengeDoc[]>();
    return docs.map(challengeFromDoc);
  }

  async save(challenge: Challenge): Promise<void> {
    const { _id, ord, ...fields } = challengeToDoc(challenge, this.c.order.next());
    await upsertRacing(this.c, () =>
      this.c.models.challenges.updateOne(
        { _id },
        { $set: fields, $setOnInsert: { ord } },
        { ...inScope(this.c), upsert: true, runValidators: true },
      ),
    );
  }
}
