import { appendAudit } from '../../audit/chain';
import type { Challenge } from '../../model/challenge';
import { phaseOf } from '../../model/challenge';
import type { Phase } from '../../model/phase';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import type { ChallengeInput } from './challenge-input';
import { challengeInputProblem, sameRules } from './challenge-input';

export async function createChallenge(deps: Deps, input: ChallengeInput): Promise<Result<Challenge>> {
  const problem = challengeInputProblem(input);
  if (problem) return fail('INVALID_INPUT', problem);
  const now = deps.clock.now();
  const challenge: Challenge = {
    id: deps.ids.next('ch'),
    title: input.title,
    description: input.description,
    domain: input.domain.trim(),
    budget: input.budget,
    currency: input.currency,
    schedule: input.schedule,
    forcedPhase: null,
    ballotRule: input.ballotRule,
    outcomeRule: input.outcomeRule,
    minVerification: input.minVerification ?? 'none',
    resultsPublishedAt: null,
    meta: {},
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.challenges.save(challenge);
  return ok(challenge);
}

/**
 * Edits a challenge. Budget, ballot rule and outcome rule are locked once the first ballot exists:
 * changing them would change the meaning of ballots already cast.
 */
export async function updateChallenge(
  deps: Deps,
  id: string,
  input: ChallengeInput,
): Promise<Result<Challenge>> {
  const problem = challengeInputProblem(input);
  if (problem) return fail('INVALID_INPUT', problem);
  return deps.store.transaction(async (tx) => {
    const current = await tx.challenges.get(id);
    if (!current) return fail('NOT_FOUND', 'challenge not found', { id });
    const rulesChanged =
      current.budget !== input.budget ||
      !sameRules(current.ballotRule, input.ballotRule) ||
      !sameRules(current.outcomeRule, input.outcomeRule);
    if (rulesChanged && (await tx.ballots.countByChallenge(id)) > 0)
      return fail('RULES_LOCKED', 'budget and voting rules cannot change once ballots exist');
    const now = deps.clock.now();
    const next: Challenge = {
      ...current,
      ...input,
      domain: input.domain.trim(),
      minVerification: input.minVerification ?? current.minVerification,
      updatedAt: now,
    };
    await tx.challenges.save(next);
    if (rulesChanged)
      await appendAudit(
        tx.audit,
        'rules.changed',
        { challengeId: id, budget: next.budget, ballotRule: next.ballotRule, outcomeRule: next.outcomeRule },
        now,
      );
    return ok(next);
  });
}

/** Forces a phase (or clears the force with null so dates rule again); recorded in the audit chain. */
export async function forcePhase(
  deps: Deps,
  id: string,
  phase: Phase | null,
  by: string,
): Promise<Result<Challenge>> {
  return deps.store.transaction(async (tx) => {
    const current = await tx.challenges.get(id);
    if (!current) return fail('NOT_FOUND', 'challenge not found', { id });
    const now = deps.clock.now();
    const from = phaseOf(current, now);
    const next: Challenge = { ...current, forcedPhase: phase, updatedAt: now };
    await tx.challenges.save(next);
    await appendAudit(
      tx.audit,
      'phase.changed',
      { challengeId: id, from, to: phaseOf(next, now), forced: phase, by },
      now,
    );
    return ok(next);
  });
}
