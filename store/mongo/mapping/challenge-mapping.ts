import type { Challenge } from '../../../core/model/challenge';
import type { PhaseSchedule } from '../../../core/model/phase';
import { PHASES } from '../../../core/model/phase';
import type { ChallengeDoc } from '../schemas/challenge-schema';
import { dateOrNull, plainJson, toLocalizedText } from './json';

export function challengeToDoc(c: Challenge, ord: number): ChallengeDoc {
  return {
    _id: c.id,
    title: toLocalizedText(c.title),
    description: toLocalizedText(c.description),
    domain: c.domain,
    budget: c.budget,
    currency: c.currency,
    schedule: scheduleOf(c.schedule),
    forcedPhase: c.forcedPhase,
    ballotRule: plainJson(c.ballotRule),
    outcomeRule: plainJson(c.outcomeRule),
    minVerification: c.minVerification,
    resultsPublishedAt: c.resultsPublishedAt,
    meta: plainJson(c.meta),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ord,
  };
}

export function challengeFromDoc(doc: ChallengeDoc): Challenge {
  return {
    id: doc._id,
    title: toLocalizedText(doc.title),
    description: toLocalizedText(doc.description),
    domain: doc.domain,
    budget: doc.budget,
    currency: doc.currency,
    schedule: scheduleOf(doc.schedule),
    forcedPhase: doc.forcedPhase ?? null,
    ballotRule: doc.ballotRule,
    outcomeRule: doc.outcomeRule,
    minVerification: doc.minVerification,
    resultsPublishedAt: dateOrNull(doc.resultsPublishedAt),
    meta: doc.meta,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The scheduled phases only, each with its date (a skipped phase has no key at all). */
function scheduleOf(stored: PhaseSchedule | null | undefined): PhaseSchedule {
  const schedule: PhaseSchedule = {};
  for (const phase of PHASES) {
    if (phase === 'draft') continue;
    const start = stored?.[phase];
    if (start instanceof Date) schedule[phase] = start;
  }
  return schedule;
}
