import { Schema } from 'mongoose';
import type { NotificationKind } from '../../../core/model/notification';
import { SCHEMA_OPTIONS } from '../schema-options';
import { NOTIFICATION_KINDS } from './enum-values';

/** A fan-out job without its recipients, which are kept in chunks (see FanoutChunkDoc). */
export interface FanoutJobDoc {
  _id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  /** How many recipients the job has: `advance` finishes the job once nextIndex reaches it. */
  total: number;
  nextIndex: number;
  leaseUntil: Date | null;
  createdAt: Date;
  doneAt: Date | null;
  ord: number;
}

/**
 * A slice of a job's recipients. A document may hold at most 16 MB: a national announcement to a
 * million citizens would not fit in the job itself, so recipients are stored FANOUT_CHUNK_SIZE at
 * a time, in order (`n` is the slice number).
 */
export interface FanoutChunkDoc {
  _id: string;
  jobId: string;
  n: number;
  recipients: string[];
}

/** Recipients per chunk document: 10,000 ids of ~20 bytes is well under the 16 MB limit. */
export const FANOUT_CHUNK_SIZE = 10_000;

export const fanoutJobSchema = new Schema<FanoutJobDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    total: { type: Number, required: true },
    nextIndex: { type: Number, required: true },
    leaseUntil: { type: Date },
    createdAt: { type: Date, required: true },
    doneAt: { type: Date },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'fanout_jobs' },
);
// The workers' claim: unfinished jobs (doneAt null), oldest first.
fanoutJobSchema.index({ doneAt: 1, createdAt: 1, ord: 1 }, { name: 'fanout_pending' });

export const fanoutChunkSchema = new Schema<FanoutChunkDoc>(
  {
    _id: { type: String, required: true },
    jobId: { type: String, required: true },
    n: { type: Number, required: true },
    recipients: { type: [String], required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'fanout_recipients' },
);
fanoutChunkSchema.index({ jobId: 1, n: 1 }, { name: 'fanout_chunk_order', unique: true });
