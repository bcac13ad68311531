import { Schema } from 'mongoose';
import type { FollowTarget } from '../../../core/model/follow';
import { SCHEMA_OPTIONS } from '../schema-options';

/** A follow with its target flattened, so (citizen, target) can be one unique index. */
export interface FollowDoc {
  citizenId: string;
  targetKind: FollowTarget['kind'];
  targetId: string;
  auto: boolean;
  active: boolean;
  updatedAt: Date;
  ord: number;
}

export const followSchema = new Schema<FollowDoc>(
  {
    citizenId: { type: String, required: true },
    targetKind: { type: String, enum: ['challenge', 'project'], required: true },
    targetId: { type: String, required: true },
    auto: { type: Boolean, required: true },
    active: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'follows' },
);
followSchema.index({ citizenId: 1, targetKind: 1, targetId: 1 }, { name: 'follow_unique', unique: true });
// The audience of an update: active followers of one target.
followSchema.index(
  { targetKind: 1, targetId: 1, updatedAt: 1, ord: 1 },
  { name: 'follow_by_target', partialFilterExpression: { active: true } },
);
