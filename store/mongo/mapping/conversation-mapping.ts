import type { Conversation } from '../../../core/model/conversation';
import type { ConversationDoc } from '../schemas/conversation-schema';
import { plainJson, textOrNull } from './json';

export function conversationToDoc(c: Conversation): ConversationDoc {
  return {
    _id: c.citizenId,
    flow: c.flow,
    step: c.step,
    data: plainJson(c.data),
    updatedAt: c.updatedAt,
  };
}

export function conversationFromDoc(doc: ConversationDoc): Conversation {
  return {
    citizenId: doc._id,
    flow: textOrNull(doc.flow),
    step: textOrNull(doc.step),
    data: doc.data,
    updatedAt: doc.updatedAt,
  };
}
