import type { Ballot } from '../model/ballot';
import type { Challenge } from '../model/challenge';
import type { Proposal } from '../model/proposal';
import { ON_BALLOT } from '../model/proposal';
import type { PbElection, VoteType } from '../tally/pabulib-types';
import { isVoteType, usesPoints } from '../tally/pabulib-types';
import { localeOf, metaOfChallenge } from './meta-mapping';
import { projectColumnsOf, projectOfProposal } from './project-mapping';
import { voteColumnsOf, voteOfBallot } from './vote-mapping';

/**
 * The Pabulib election of a challenge: its projects on the ballot (in the order given), its ballots,
 * and META from the challenge (see `metaOfChallenge` for how imported text is preserved). For an
 * imported election, `electionToDomain` followed by this gives back the parsed file.
 */
export function domainToElection(
  challenge: Challenge,
  proposals: readonly Proposal[],
  ballots: readonly Ballot[],
): PbElection {
  const locale = localeOf(challenge.meta);
  // In creation order (stable sort: ties keep the order given), which for an import is the file's order.
  const onBallot = proposals
    .filter((p) => p.challengeId === challenge.id && ON_BALLOT.includes(p.status))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const votes = ballots.filter((b) => b.challengeId === challenge.id);
  const meta = metaOfChallenge(challenge, onBallot.length, votes.length);
  const voteType: VoteType = isVoteType(meta.vote_type ?? '') ? (meta.vote_type as VoteType) : 'approval';
  const projectColumns = projectColumnsOf(onBallot, locale);
  const refById = new Map(onBallot.map((p) => [p.id, p.ref]));
  const withPoints = usesPoints(voteType);
  const voteColumns = voteColumnsOf(votes, withPoints);
  return {
    meta,
    voteType,
    projectColumns,
    projects: onBallot.map((p) => projectOfProposal(p, projectColumns, locale)),
    voteColumns,
    votes: votes.map((b) => voteOfBallot(b, refById, voteColumns, withPoints)),
  };
}
