import type { LocalizedText } from './locale';
import type { Phase, PhaseSchedule } from './phase';
import { phaseAt } from './phase';
import type { BallotRule, OutcomeRule } from './rules';
import type { VerificationLevel } from './citizen';

export interface Challenge {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  /** Thematic domain, e.g. `culture`, `mobility`, `tourism`. */
  domain: string;
  budget: number;
  /** ISO 4217 code, e.g. `EUR`, `BGN`, `CZK`. */
  currency: string;
  schedule: PhaseSchedule;
  /** An admin may force a phase; it wins over the schedule until cleared. */
  forcedPhase: Phase | null;
  ballotRule: BallotRule;
  outcomeRule: OutcomeRule;
  /** Lowest verification level a citizen needs to support and vote. */
  minVerification: VerificationLevel;
  /** Results published by an official (null until then). */
  resultsPublishedAt: Date | null;
  /** Free key/values kept for open-data round trips (e.g. Pabulib META fields we do not model). */
  meta: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

export const phaseOf = (c: Pick<Challenge, 'schedule' | 'forcedPhase'>, now: Date): Phase =>
  c.forcedPhase ?? phaseAt(c.schedule, now);
