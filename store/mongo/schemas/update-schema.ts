import { Schema } from 'mongoose';
import type { ProposalStatus } from '../../../core/model/proposal';
import { PROPOSAL_STATUSES } from '../../../core/model/proposal';
import { SCHEMA_OPTIONS } from '../schema-options';

export interface UpdateDoc {
  _id: string;
  projectId: string;
  authorId: string;
  text: string;
  progress: number | null;
  status: ProposalStatus | null;
  photo: string | null;
  createdAt: Date;
  ord: number;
}

/** One rating; anonymised ones keep counting with a null citizen. */
export interface RatingDoc {
  projectId: string;
  citizenId: string | null;
  stars: number;
  at: Date;
  ord: number;
}

export const updateSchema = new Schema<UpdateDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    authorId: { type: String, required: true },
    text: { type: String },
    progress: { type: Number },
    status: { type: String, enum: [...PROPOSAL_STATUSES, null] },
    photo: { type: String },
    createdAt: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'project_updates' },
);
updateSchema.index({ projectId: 1, createdAt: -1, ord: -1 }, { name: 'update_by_project' });

export const ratingSchema = new Schema<RatingDoc>(
  {
    projectId: { type: String, required: true },
    citizenId: { type: String },
    stars: { type: Number, required: true },
    at: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'ratings' },
);
ratingSchema.index(
  { projectId: 1, citizenId: 1 },
  {
    name: 'rating_citizen_unique',
    unique: true,
    partialFilterExpression: { citizenId: { $type: 'string' } },
  },
);
ratingSchema.index(
  { citizenId: 1, at: 1, ord: 1 },
  { name: 'rating_by_citizen', partialFilterExpression: { citizenId: { $type: 'string' } } },
);
