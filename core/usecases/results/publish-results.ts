import { appendAudit } from '../../audit/chain';
import { phaseOf } from '../../model/challenge';
import type { Proposal } from '../../model/proposal';
import { domainToElection } from '../../opendata';
import { writePabulib } from '../../tally';
import { sha256Hex } from '../../shared/hash';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { notifyMany } from '../fanout';
import type { ChallengeResults } from './compute-results';
import { computeResults } from './compute-results';

/** Phases in which voting is over, so the count can no longer change. */
const COUNTABLE = ['results', 'implementation', 'closed'];

/**
 * An official publishes the outcome under the challenge's outcome rule: projects on the ballot become
 * `selected` or `not_selected`, the chain records the outcome with the SHA-256 of the exact `.pb` file
 * that was counted (so anyone can download it, hash it and recount), and every voter and follower of
 * the challenge is told, all in one transaction. Publishing twice is refused: a published outcome is a
 * public fact, corrections go through a new decision, not a silent overwrite.
 */
export async function publishResults(
  deps: Deps,
  challengeId: string,
  staffId: string,
): Promise<Result<ChallengeResults>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const ch = await tx.challenges.get(challengeId);
    if (!ch) return fail('NOT_FOUND', 'challenge not found', { challengeId });
    if (ch.resultsPublishedAt) return fail('INVALID_TRANSITION', 'results are already published');
    const phase = phaseOf(ch, now);
    if (!COUNTABLE.includes(phase))
      return fail('INVALID_TRANSITION', 'results can be published once voting is over', { phase });
    const computed = await computeResults(tx, challengeId);
    if (!computed.ok) return computed;
    const { results } = computed.value;
    const winners = new Set(results.selected);
    for (const pr of results.projects) {
      if (pr.status !== 'accepted') continue; // already decided (imported outcome) or later in its life
      const p = (await tx.proposals.get(pr.proposalId)) as Proposal;
      await tx.proposals.save({
        ...p,
        status: winners.has(p.id) ? 'selected' : 'not_selected',
        updatedAt: now,
      });
    }
    const published = { ...ch, resultsPublishedAt: now, updatedAt: now };
    await tx.challenges.save(published);
    const ballots = await tx.ballots.listByChallenge(challengeId);
    // The file as downloadable from now on (with its `selected` column): hash what people will get.
    const election = domainToElection(published, await tx.proposals.listByChallenge(challengeId), ballots);
    await appendAudit(
      tx.audit,
      'results.published',
      {
        challengeId,
        rule: results.rule,
        selected: results.selected,
        totalCost: results.totalCost,
        voters: results.voters,
        electionSha256: sha256Hex(writePabulib(election)),
        by: staffId,
      },
      now,
    );
    const voters = ballots.map((b) => b.citizenId).filter((id): id is string => id !== null);
    const followers = await tx.follows.followers({ kind: 'challenge', id: challengeId });
    await notifyMany(tx, deps, [...voters, ...followers], 'results.published', {
      challengeId,
      selected: results.selected,
      totalCost: results.totalCost,
    });
    const projects = results.projects.map((pr) =>
      pr.status === 'accepted'
        ? { ...pr, status: pr.selected ? ('selected' as const) : ('not_selected' as const) }
        : pr,
    );
    return ok({ ...results, projects, publishedAt: now });
  });
}
