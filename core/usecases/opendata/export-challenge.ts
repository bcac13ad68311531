import type { Ballot } from '../../model/ballot';
import type { Challenge } from '../../model/challenge';
import type { Proposal } from '../../model/proposal';
import { domainToElection } from '../../opendata';
import type { Stores } from '../../ports/store';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { PbElection } from '../../tally';
import type { ChallengeResults } from '../results/compute-results';
import { countElection } from '../results/compute-results';

/** Everything open data needs about one challenge, read in one go. */
export interface ChallengeExport {
  challenge: Challenge;
  proposals: Proposal[];
  /** Anonymous: the citizen id and the hash salt are dropped, the pseudonymous voter ref stays. */
  ballots: Omit<Ballot, 'citizenId' | 'salt'>[];
  election: PbElection;
  /** The outcome under the challenge's rule; computed even before publication (officials only). */
  results: ChallengeResults | null;
}

export async function exportChallenge(
  stores: Pick<Stores, 'challenges' | 'proposals' | 'ballots'>,
  challengeId: string,
): Promise<Result<ChallengeExport>> {
  const challenge = await stores.challenges.get(challengeId);
  if (!challenge) return fail('NOT_FOUND', `no challenge with id ${challengeId}`);
  const proposals = await stores.proposals.listByChallenge(challengeId);
  const ballots = await stores.ballots.listByChallenge(challengeId);
  const election = domainToElection(challenge, proposals, ballots);
  const computed =
    ballots.length > 0 ? countElection(challenge, proposals, election, challenge.outcomeRule) : null;
  return ok({
    challenge,
    proposals,
    ballots: ballots.map(({ citizenId: _dropped, salt: _secret, ...rest }) => rest),
    election,
    results: computed?.ok ? computed.value : null,
  });
}
