import { Schema } from 'mongoose';
import type { VerificationLevel } from '../../../core/model/citizen';
import { VERIFICATION_ORDER } from '../../../core/model/citizen';
import type { LocalizedText } from '../../../core/model/locale';
import type { Phase, PhaseSchedule } from '../../../core/model/phase';
import { PHASES } from '../../../core/model/phase';
import type { BallotRule, OutcomeRule } from '../../../core/model/rules';
import { SCHEMA_OPTIONS, SUBDOCUMENT_OPTIONS } from '../schema-options';
import { localizedTextSchema } from './localized-text';

export interface ChallengeDoc {
  _id: string;
  title: LocalizedText;
  description: LocalizedText;
  domain: string;
  budget: number;
  currency: string;
  /** Start of each scheduled phase as a BSON date; a skipped phase has no field. */
  schedule: PhaseSchedule;
  forcedPhase: Phase | null;
  /** Tagged unions, stored as the plain objects they are (`{ kind: 'approval', min, max }`). */
  ballotRule: BallotRule;
  outcomeRule: OutcomeRule;
  minVerification: VerificationLevel;
  resultsPublishedAt: Date | null;
  meta: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  /** Insertion order: challenges created in the same millisecond list newest-inserted first. */
  ord: number;
}

const SCHEDULED = PHASES.filter((p) => p !== 'draft');

const scheduleSchema = new Schema<PhaseSchedule>(
  Object.fromEntries(SCHEDULED.map((phase) => [phase, { type: Date }])),
  SUBDOCUMENT_OPTIONS,
);

export const challengeSchema = new Schema<ChallengeDoc>(
  {
    _id: { type: String, required: true },
    title: { type: localizedTextSchema, required: true },
    description: { type: localizedTextSchema, required: true },
    domain: { type: String },
    budget: { type: Number, required: true },
    currency: { type: String, required: true },
    schedule: { type: scheduleSchema, required: true },
    forcedPhase: { type: String, enum: [...PHASES, null] },
    ballotRule: { type: Schema.Types.Mixed, required: true },
    outcomeRule: { type: Schema.Types.Mixed, required: true },
    minVerification: { type: String, enum: VERIFICATION_ORDER, required: true },
    resultsPublishedAt: { type: Date },
    meta: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'challenges' },
);
challengeSchema.index({ createdAt: -1, ord: -1 }, { name: 'challenge_newest' });
