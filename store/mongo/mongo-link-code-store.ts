import type { LinkCodeStore } from '../../core/ports/citizen-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import type { LinkCodeDoc } from './schemas/citizen-schema';

/** One-time link codes (hashed). Consuming deletes the code, expired or not. */
export class MongoLinkCodeStore implements LinkCodeStore {
  constructor(private readonly c: MongoContext) {}

  async put(codeHash: string, citizenId: string, expiresAt: Date): Promise<void> {
    await upsertRacing(this.c, () =>
      this.c.models.linkCodes.updateOne(
        { _id: codeHash },
        { $set: { citizenId, expiresAt } },
        { ...inScope(this.c), upsert: true },
      ),
    );
  }

  /** One findOneAndDelete: of two concurrent consumers, only one gets the document. */
  async consume(codeHash: string, now: Date): Promise<string | null> {
    const doc = await this.c.models.linkCodes
      .findOneAndDelete({ _id: codeHash }, inScope(this.c))
      .lean<LinkCodeDoc>();
    return doc && doc.expiresAt.getTime() > now.getTime() ? doc.citizenId : null;
  }
}
