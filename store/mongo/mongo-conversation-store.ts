import type { Conversation } from '../../core/model/conversation';
import type { ConversationStore, ProcessedUpdateStore } from '../../core/ports/conversation-store';
import type { MongoContext } from './context';
import { inScope, upsertRacing } from './context';
import { isDuplicateKey } from './errors';
import { conversationFromDoc, conversationToDoc } from './mapping/conversation-mapping';
import type { ConversationDoc } from './schemas/conversation-schema';

/** Conversation state, one document per citizen, so any instance can take the next message. */
export class MongoConversationStore implements ConversationStore {
  constructor(private readonly c: MongoContext) {}

  async get(citizenId: string): Promise<Conversation | null> {
    const doc = await this.c.models.conversations
      .findById(citizenId, null, inScope(this.c))
      .lean<ConversationDoc>();
    return doc ? conversationFromDoc(doc) : null;
  }

  async save(conversation: Conversation): Promise<void> {
    const doc = conversationToDoc(conversation);
    await upsertRacing(this.c, () =>
      this.c.models.conversations.replaceOne({ _id: doc._id }, doc, {
        ...inScope(this.c),
        upsert: true,
        runValidators: true,
      }),
    );
  }

  async delete(citizenId: string): Promise<void> {
    await this.c.models.conversations.deleteOne({ _id: citizenId }, inScope(this.c));
  }
}

/** Keys of channel updates already handled, shared by every instance behind the load balancer. */
export class MongoProcessedUpdateStore implements ProcessedUpdateStore {
  constructor(private readonly c: MongoContext) {}

  /** An insert-only upsert on `_id`: the first claim inserts (true), any later one matches (false). */
  async claim(key: string, at: Date): Promise<boolean> {
    try {
      const result = await this.c.models.processedUpdates.updateOne(
        { _id: key },
        { $setOnInsert: { at } },
        { ...inScope(this.c), upsert: true },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      // Two instances claiming at the same instant: the one that lost the race was not first.
      if (isDuplicateKey(error) && this.c.scope.session() === undefined) return false;
      throw error;
    }
  }

  async prune(before: Date): Promise<number> {
    const result = await this.c.models.processedUpdates.deleteMany({ at: { $lt: before } }, inScope(this.c));
    return result.deletedCount;
  }
}
