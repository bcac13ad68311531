import { Schema } from 'mongoose';
import type { Channel } from '../../../core/model/citizen';
import { CHANNELS } from '../../../core/model/citizen';
import type { NotificationKind, NotificationState } from '../../../core/model/notification';
import { SCHEMA_OPTIONS } from '../schema-options';
import { NOTIFICATION_KINDS, NOTIFICATION_STATES } from './enum-values';

export interface NotificationDoc {
  _id: string;
  citizenId: string;
  channel: Channel;
  externalId: string;
  kind: NotificationKind;
  /** Ids and values, a plain document: `countByState` matches on its top-level fields. */
  payload: Record<string, unknown>;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Insertion order: rows enqueued together in one millisecond are claimed in enqueue order. */
  ord: number;
}

export const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    citizenId: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    externalId: { type: String, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    state: { type: String, enum: NOTIFICATION_STATES, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date },
    lastError: { type: String },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'outbox' },
);
// The dispatchers' claim: pending rows, oldest first. Sent and dead rows stay out of the index.
notificationSchema.index(
  { createdAt: 1, ord: 1 },
  { name: 'outbox_pending_by_age', partialFilterExpression: { state: 'pending' } },
);
notificationSchema.index({ citizenId: 1, createdAt: 1, ord: 1 }, { name: 'outbox_by_citizen' });
