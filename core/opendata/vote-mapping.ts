import type { Ballot, BallotChoice } from '../model/ballot';
import type { PbVote } from '../tally/pabulib-types';

/** Ballot choices from a VOTES row: `vote` order is kept (rank order for ordinal ballots). */
export function choicesOfVote(v: PbVote, proposalIdByRef: ReadonlyMap<string, string>): BallotChoice[] {
  return v.vote.map((ref, i) => {
    const projectId = proposalIdByRef.get(ref);
    if (projectId === undefined) throw new Error(`vote of ${v.voterId} names unknown project ${ref}`);
    const points = v.points?.[i];
    return points === undefined ? { projectId } : { projectId, points };
  });
}

/** VOTES columns: `voter_id`, `vote`, `points` when ballots carry points, then the ballots' extra columns. */
export function voteColumnsOf(ballots: readonly Ballot[], withPoints: boolean): string[] {
  const cols = withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'];
  for (const b of ballots) for (const k of Object.keys(b.meta)) if (!cols.includes(k)) cols.push(k);
  return cols;
}

/** One VOTES row for a ballot. */
export function voteOfBallot(
  b: Ballot,
  refByProposalId: ReadonlyMap<string, string>,
  columns: readonly string[],
  withPoints: boolean,
): PbVote {
  const vote = b.choices.map((c) => {
    const ref = refByProposalId.get(c.projectId);
    if (ref === undefined)
      throw new Error(`ballot ${b.id} names project ${c.projectId}, which is not exported`);
    return ref;
  });
  const fields: Record<string, string> = {};
  for (const c of columns)
    if (c !== 'voter_id' && c !== 'vote' && c !== 'points') fields[c] = b.meta[c] ?? '';
  const v: PbVote = { voterId: b.voterRef, vote, fields };
  if (withPoints) v.points = b.choices.map((c) => c.points ?? 0);
  return v;
}
