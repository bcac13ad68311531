/** Ballot formats Pabulib knows (META `vote_type`). */
export const VOTE_TYPES = ['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

export const isVoteType = (v: string): v is VoteType => (VOTE_TYPES as readonly string[]).includes(v);

/** Vote types whose ballots carry a `points` column. */
export const usesPoints = (t: VoteType): boolean => t === 'cumulative' || t === 'scoring';

/** One PROJECTS row. Columns other than `project_id` and `cost` stay verbatim in `fields`. */
export interface PbProject {
  id: string;
  cost: number;
  fields: Record<string, string>;
}

/** One VOTES row. `vote` keeps the file's order (rank order for ordinal ballots). */
export interface PbVote {
  voterId: string;
  vote: string[];
  /** Same length and order as `vote`; present exactly when the vote type uses points. */
  points?: number[];
  fields: Record<string, string>;
}

/**
 * A Pabulib election as read from a `.pb` file, lossless: every META key (raw text), every column
 * and the column order survive `writePabulib` -> `parsePabulib`.
 */
export interface PbElection {
  meta: Record<string, string>;
  voteType: VoteType;
  /** PROJECTS header in file order (includes `project_id` and `cost`). */
  projectColumns: string[];
  projects: PbProject[];
  /** VOTES header in file order (includes `voter_id`, `vote` and, when present, `points`). */
  voteColumns: string[];
  votes: PbVote[];
}
