import { Schema } from 'mongoose';
import type { LocalizedText } from '../../../core/model/locale';
import type { GeoPoint, Milestone, ProposalStatus } from '../../../core/model/proposal';
import { PROPOSAL_STATUSES } from '../../../core/model/proposal';
import { SCHEMA_OPTIONS, SUBDOCUMENT_OPTIONS } from '../schema-options';
import { localizedTextSchema } from './localized-text';

export interface ProposalDoc {
  _id: string;
  challengeId: string;
  ref: string;
  /** `ref` as a number when it is all digits, else null: lets `nextRef` read the highest one. */
  refNumber: number | null;
  authorId: string | null;
  title: LocalizedText;
  description: LocalizedText;
  cost: number;
  location: GeoPoint | null;
  category: string | null;
  photo: string | null;
  status: ProposalStatus;
  rejectionReason: string | null;
  officialNote: string | null;
  progress: number;
  milestones: Milestone[];
  meta: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  ord: number;
}

/** One support; anonymised ones keep counting with a null citizen. */
export interface SupportDoc {
  proposalId: string;
  citizenId: string | null;
  at: Date;
}

const geoPointSchema = new Schema<GeoPoint>(
  { lat: { type: Number, required: true }, lng: { type: Number, required: true } },
  SUBDOCUMENT_OPTIONS,
);

const milestoneSchema = new Schema<Milestone>(
  { title: { type: String }, due: { type: Date }, done: { type: Boolean, required: true } },
  SUBDOCUMENT_OPTIONS,
);

export const proposalSchema = new Schema<ProposalDoc>(
  {
    _id: { type: String, required: true },
    challengeId: { type: String, required: true },
    ref: { type: String, required: true },
    refNumber: { type: Number },
    authorId: { type: String },
    title: { type: localizedTextSchema, required: true },
    description: { type: localizedTextSchema, required: true },
    cost: { type: Number, required: true },
    location: { type: geoPointSchema },
    category: { type: String },
    photo: { type: String },
    status: { type: String, enum: PROPOSAL_STATUSES, required: true },
    rejectionReason: { type: String },
    officialNote: { type: String },
    progress: { type: Number, required: true },
    milestones: { type: [milestoneSchema], required: true },
    meta: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'proposals' },
);
// A ref names one project of a challenge (Pabulib `project_id`).
proposalSchema.index({ challengeId: 1, ref: 1 }, { name: 'proposal_ref_unique', unique: true });
proposalSchema.index({ challengeId: 1, refNumber: -1 }, { name: 'proposal_ref_number' });
proposalSchema.index(
  { authorId: 1, createdAt: 1, ord: 1 },
  { name: 'proposal_by_author', partialFilterExpression: { authorId: { $type: 'string' } } },
);

export const supportSchema = new Schema<SupportDoc>(
  {
    proposalId: { type: String, required: true },
    citizenId: { type: String },
    at: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'supports' },
);
// One support per citizen and proposal; erased citizens' supports (null) are not constrained.
supportSchema.index(
  { proposalId: 1, citizenId: 1 },
  {
    name: 'support_citizen_unique',
    unique: true,
    partialFilterExpression: { citizenId: { $type: 'string' } },
  },
);
supportSchema.index(
  { citizenId: 1 },
  { name: 'support_by_citizen', partialFilterExpression: { citizenId: { $type: 'string' } } },
);
