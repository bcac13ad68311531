import type { Challenge } from '../../core/model/challenge';
import type { Phase, PhaseSchedule } from '../../core/model/phase';
import { PHASES } from '../../core/model/phase';
import { BASE_TIME, atBase, nextSeq } from './sequence';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A schedule with every phase, ten days apart, in which `phase` is the one in force at `now`
 * (it started a day before `now`). `draft` means nothing has started yet.
 */
export function aScheduleIn(phase: Phase, now: Date = BASE_TIME): PhaseSchedule {
  const current = PHASES.indexOf(phase);
  const schedule: PhaseSchedule = {};
  PHASES.forEach((p, i) => {
    if (p === 'draft') return;
    schedule[p] = new Date(now.getTime() - DAY + (i - current) * 10 * DAY);
  });
  return schedule;
}

/** A knapsack/greedy challenge of 100 000 EUR in its voting phase at BASE_TIME. */
export function aChallenge(overrides: Partial<Challenge> = {}): Challenge {
  const n = nextSeq();
  return {
    id: `ch_${n}`,
    title: { en: `Challenge ${n}`, el: `Πρόσκληση ${n}` },
    description: { en: `What challenge ${n} is about.` },
    domain: 'mobility',
    budget: 100_000,
    currency: 'EUR',
    schedule: aScheduleIn('voting'),
    forcedPhase: null,
    ballotRule: { kind: 'knapsack' },
    outcomeRule: { method: 'greedy' },
    minVerification: 'none',
    resultsPublishedAt: null,
    meta: {},
    createdAt: atBase(),
    updatedAt: atBase(),
    ...overrides,
  };
}
