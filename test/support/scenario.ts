import type { Challenge } from '../../core/model/challenge';
import type { Locale } from '../../core/model/locale';
import type { Phase } from '../../core/model/phase';
import type { BallotRule, OutcomeRule } from '../../core/model/rules';
import { unwrap } from '../../core/shared/result';
import type { VerificationLevel } from '../../core/model/citizen';
import type { ChallengeInput } from '../../core/usecases/challenges/challenge-input';
import { createChallenge, forcePhase } from '../../core/usecases/challenges/manage';
import { giveConsent } from '../../core/usecases/citizens/profile';
import { identifyCitizen } from '../../core/usecases/citizens/identify';
import type { Deps } from '../../core/usecases/deps';
import { reviewProposal } from '../../core/usecases/proposals/review';
import { submitProposal } from '../../core/usecases/proposals/submit';

let seq = 0;

/** A citizen on the console channel, consented unless told otherwise. */
export async function aCitizenIn(
  deps: Deps,
  opts: { consent?: boolean; locale?: Locale } = {},
): Promise<string> {
  seq++;
  const { citizen } = await identifyCitizen(deps, {
    channel: 'console',
    externalId: `u${seq}-${Date.now()}`,
    locale: opts.locale ?? 'en',
  });
  if (opts.consent !== false) unwrap(await giveConsent(deps, citizen.id));
  return citizen.id;
}

export function challengeInput(overrides: Partial<ChallengeInput> = {}): ChallengeInput {
  return {
    title: { en: 'Parks', el: 'Πάρκα' },
    description: { en: 'Green ideas' },
    domain: 'environment',
    budget: 100,
    currency: 'EUR',
    schedule: {},
    ballotRule: { kind: 'knapsack' } as BallotRule,
    outcomeRule: { method: 'greedy' } as OutcomeRule,
    ...overrides,
  };
}

/** A challenge forced into `phase`. */
export async function aChallengeIn(
  deps: Deps,
  phase: Phase,
  overrides: Partial<ChallengeInput> & { minVerification?: VerificationLevel } = {},
): Promise<Challenge> {
  const c = unwrap(await createChallenge(deps, challengeInput(overrides)));
  return unwrap(await forcePhase(deps, c.id, phase, 'staff_test'));
}

/**
 * A challenge in `phase` with accepted projects of the given costs (proposed by `author` in the proposals
 * phase, then reviewed). Returns the challenge and the project ids in cost order given.
 */
export async function aChallengeWithProjects(
  deps: Deps,
  phase: Phase,
  costs: number[],
  overrides: Partial<ChallengeInput> & { minVerification?: VerificationLevel } = {},
): Promise<{ challenge: Challenge; projects: string[]; author: string }> {
  const challenge = await aChallengeIn(deps, 'proposals', overrides);
  const author = await aCitizenIn(deps);
  const projects: string[] = [];
  for (const [i, cost] of costs.entries()) {
    const p = unwrap(
      await submitProposal(deps, author, challenge.id, {
        title: { en: `Project ${i + 1}` },
        description: {},
        cost,
      }),
    );
    projects.push(p.id);
  }
  unwrap(await forcePhase(deps, challenge.id, 'review', 'staff_test'));
  for (const id of projects) unwrap(await reviewProposal(deps, id, 'staff_test', { action: 'accept' }));
  const final = unwrap(await forcePhase(deps, challenge.id, phase, 'staff_test'));
  return { challenge: final, projects, author };
}
