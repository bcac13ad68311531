import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../schema-options';

/** Conversation state, one per citizen (`_id` is the citizen id), read by whichever instance gets the message. */
export interface ConversationDoc {
  _id: string;
  flow: string | null;
  step: string | null;
  data: Record<string, unknown>;
  updatedAt: Date;
}

/** A channel update already handled; `_id` is its key (`telegram:<update_id>`), unique by nature. */
export interface ProcessedUpdateDoc {
  _id: string;
  at: Date;
}

export const conversationSchema = new Schema<ConversationDoc>(
  {
    _id: { type: String, required: true },
    flow: { type: String },
    step: { type: String },
    data: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'conversations' },
);

export const processedUpdateSchema = new Schema<ProcessedUpdateDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'processed_updates' },
);
// `prune` deletes by age. Not a TTL index: the port decides when keys go (the caller passes `before`).
processedUpdateSchema.index({ at: 1 }, { name: 'processed_update_by_time' });
