import { Schema } from 'mongoose';
import type { AuditType } from '../../../core/model/audit';
import { SCHEMA_OPTIONS } from '../schema-options';
import { AUDIT_TYPES } from './enum-values';

/** One link of the chain; `_id` is its seq, so two writers can never store the same link twice. */
export interface AuditDoc {
  _id: number;
  at: string;
  type: AuditType;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
  ref: string | null;
}

/**
 * The head of the chain, one document. Every append updates it in the same transaction as the
 * insert of the entry, so two concurrent appends always write the same document: one of the two
 * transactions gets a write conflict and is retried on the new head, and the chain stays a chain.
 */
export interface AuditHeadDoc {
  _id: string;
  seq: number;
  hash: string;
}

export const AUDIT_HEAD_ID = 'head';

export const auditSchema = new Schema<AuditDoc>(
  {
    _id: { type: Number, required: true },
    at: { type: String, required: true },
    type: { type: String, enum: AUDIT_TYPES, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    ref: { type: String },
  },
  { ...SCHEMA_OPTIONS, collection: 'audit_log' },
);
auditSchema.index(
  { ref: 1, _id: 1 },
  { name: 'audit_by_ref', partialFilterExpression: { ref: { $type: 'string' } } },
);

/**
 * Append-only, as far as this process goes: any attempt to change or delete entries through the
 * model fails before reaching the server. (The database itself is guarded by the application
 * user's role, see README, "Production with MongoDB": insert and find only on `audit_log`.)
 */
const REFUSED = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;
for (const operation of REFUSED) {
  auditSchema.pre(operation, () => {
    throw new Error(`audit_log is append-only (${operation} refused)`);
  });
}
auditSchema.pre('bulkWrite', () => {
  throw new Error('audit_log is append-only (bulkWrite refused)');
});

export const auditHeadSchema = new Schema<AuditHeadDoc>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    hash: { type: String, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'audit_head' },
);
