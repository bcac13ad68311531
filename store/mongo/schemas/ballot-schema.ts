import { Schema } from 'mongoose';
import type { BallotChoice } from '../../../core/model/ballot';
import { SCHEMA_OPTIONS, SUBDOCUMENT_OPTIONS } from '../schema-options';

export interface BallotDoc {
  _id: string;
  challengeId: string;
  citizenId: string | null;
  voterRef: string;
  choices: BallotChoice[];
  receipt: string;
  /** Secret of the content hash; '' (or absent, before salts existed) means unsalted. */
  salt?: string;
  castAt: Date;
  updatedAt: Date;
  meta: Record<string, string>;
  /** Insertion order: ballots cast in the same millisecond (an import) keep their file order. */
  ord: number;
}

const choiceSchema = new Schema<BallotChoice>(
  { projectId: { type: String, required: true }, points: { type: Number } },
  SUBDOCUMENT_OPTIONS,
);

export const ballotSchema = new Schema<BallotDoc>(
  {
    _id: { type: String, required: true },
    challengeId: { type: String, required: true },
    citizenId: { type: String },
    voterRef: { type: String, required: true },
    choices: { type: [choiceSchema], required: true },
    receipt: { type: String, required: true },
    salt: { type: String, default: '' },
    castAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    meta: { type: Schema.Types.Mixed, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'ballots' },
);
// One ballot per citizen and challenge, whatever the concurrency. Anonymised and imported ballots
// (citizenId null) are outside the partial index, so any number of them can exist.
ballotSchema.index(
  { challengeId: 1, citizenId: 1 },
  {
    name: 'ballot_citizen_unique',
    unique: true,
    partialFilterExpression: { citizenId: { $type: 'string' } },
  },
);
ballotSchema.index({ receipt: 1 }, { name: 'ballot_receipt_unique', unique: true });
ballotSchema.index({ challengeId: 1, castAt: 1, ord: 1 }, { name: 'ballot_by_challenge' });
ballotSchema.index(
  { citizenId: 1, castAt: 1, ord: 1 },
  { name: 'ballot_by_citizen', partialFilterExpression: { citizenId: { $type: 'string' } } },
);
