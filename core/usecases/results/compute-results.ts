import type { Challenge } from '../../model/challenge';
import type { LocalizedText } from '../../model/locale';
import type { Proposal, ProposalStatus } from '../../model/proposal';
import type { OutcomeRule } from '../../model/rules';
import { domainToElection } from '../../opendata';
import type { Stores } from '../../ports/store';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { PbElection } from '../../tally';
import { buildProfile, tally, TallyError } from '../../tally';

/** One project in a results table. */
export interface ProjectResult {
  proposalId: string;
  ref: string;
  title: LocalizedText;
  cost: number;
  /** Voters who chose it. */
  votes: number;
  /** What greedy ranks by: votes, points, or positional score for ranked ballots. */
  score: number;
  selected: boolean;
  /** 1-based position in the selection order; null when not selected. */
  rank: number | null;
  status: ProposalStatus;
}

/** The outcome of a challenge under one rule, computed from its stored ballots. */
export interface ChallengeResults {
  challengeId: string;
  rule: OutcomeRule;
  budget: number;
  currency: string;
  totalCost: number;
  voters: number;
  /** Proposal ids in selection order. */
  selected: string[];
  /** Selected projects in selection order, then the others by score, votes and ref. */
  projects: ProjectResult[];
  publishedAt: Date | null;
}

/** The election and its outcome: kept together so a publication can hash the exact file it counted. */
export interface ComputedResults {
  results: ChallengeResults;
  election: PbElection;
}

/**
 * Counts a challenge's stored ballots with `rule` (default: the challenge's own outcome rule). Pure
 * reading: officials compare rules side by side before publishing one. Goes through the Pabulib view
 * of the challenge so what we count is exactly what the open-data export lets anyone recount.
 */
export async function computeResults(
  stores: Pick<Stores, 'challenges' | 'proposals' | 'ballots'>,
  challengeId: string,
  rule?: OutcomeRule,
): Promise<Result<ComputedResults>> {
  const challenge = await stores.challenges.get(challengeId);
  if (!challenge) return fail('NOT_FOUND', 'challenge not found', { challengeId });
  const proposals = await stores.proposals.listByChallenge(challengeId);
  const ballots = await stores.ballots.listByChallenge(challengeId);
  const election = domainToElection(challenge, proposals, ballots);
  const results = countElection(challenge, proposals, election, rule ?? challenge.outcomeRule);
  return results.ok ? ok({ results: results.value, election }) : results;
}

/** The outcome of an election already read from the store (see `computeResults`). */
export function countElection(
  challenge: Challenge,
  proposals: readonly Proposal[],
  election: PbElection,
  rule: OutcomeRule,
): Result<ChallengeResults> {
  try {
    return ok(count(challenge, proposals, election, rule));
  } catch (e) {
    // Only data the product itself should never store (a duplicate ref, a cost of zero) lands here.
    if (e instanceof TallyError)
      return fail('RESULTS_NOT_AVAILABLE', `cannot count this challenge: ${e.message}`);
    throw e;
  }
}

function count(
  challenge: Challenge,
  proposals: readonly Proposal[],
  election: PbElection,
  rule: OutcomeRule,
): ChallengeResults {
  const profile = buildProfile(election);
  const outcome = tally(
    election,
    rule.method === 'greedy' ? { rule: 'greedy' } : { rule: 'equal-shares', completion: rule.completion },
    profile,
  );
  const byRef = new Map(proposals.map((p) => [p.ref, p]));
  const rankOf = new Map(outcome.selected.map((ref, i) => [ref, i + 1]));
  const projects: ProjectResult[] = profile.ids.map((ref, i) => {
    const p = byRef.get(ref) as Proposal;
    return {
      proposalId: p.id,
      ref,
      title: p.title,
      cost: p.cost,
      votes: profile.votes[i] ?? 0,
      score: profile.support[i] ?? 0,
      selected: rankOf.has(ref),
      rank: rankOf.get(ref) ?? null,
      status: p.status,
    };
  });
  projects.sort(
    (a, b) =>
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      b.score - a.score ||
      b.votes - a.votes ||
      a.ref.localeCompare(b.ref, 'en', { numeric: true }),
  );
  return {
    challengeId: challenge.id,
    rule,
    budget: challenge.budget,
    currency: challenge.currency,
    totalCost: outcome.totalCost,
    voters: profile.voters,
    selected: outcome.selected.map((ref) => (byRef.get(ref) as Proposal).id),
    projects,
    publishedAt: challenge.resultsPublishedAt,
  };
}
