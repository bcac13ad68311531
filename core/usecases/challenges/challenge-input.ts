import type { VerificationLevel } from '../../model/citizen';
import type { LocalizedText } from '../../model/locale';
import { hasAnyText } from '../../model/locale';
import type { PhaseSchedule } from '../../model/phase';
import { scheduleIsOrdered } from '../../model/phase';
import type { BallotRule, OutcomeRule } from '../../model/rules';
import { ruleProblem } from '../../model/rules';

/** What an admin provides to open or edit a challenge. */
export interface ChallengeInput {
  title: LocalizedText;
  description: LocalizedText;
  domain: string;
  budget: number;
  currency: string;
  schedule: PhaseSchedule;
  ballotRule: BallotRule;
  outcomeRule: OutcomeRule;
  minVerification?: VerificationLevel;
}

/** The first problem with the input, as a sentence naming the field, or null. */
export function challengeInputProblem(i: ChallengeInput): string | null {
  if (!hasAnyText(i.title)) return 'title: at least one language is required';
  if (!(Number.isFinite(i.budget) && i.budget > 0)) return 'budget: must be a positive amount';
  if (!/^[A-Z]{3}$/.test(i.currency)) return 'currency: must be an ISO 4217 code such as EUR';
  if (!i.domain.trim()) return 'domain: required';
  if (!scheduleIsOrdered(i.schedule)) return 'schedule: phases must start in lifecycle order';
  const rp = ruleProblem(i.ballotRule);
  if (rp) return `ballotRule: ${rp}`;
  return null;
}

export const sameRules = (a: BallotRule | OutcomeRule, b: BallotRule | OutcomeRule): boolean =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
