/** One choice on a ballot; `points` for cumulative ballots. Ranked ballots list choices best first. */
export interface BallotChoice {
  projectId: string;
  points?: number;
}

export interface Ballot {
  id: string;
  challengeId: string;
  /** Null once the voter is erased (GDPR) or for imported ballots: the ballot still counts. */
  citizenId: string | null;
  /** Pseudonymous voter id used in open data (Pabulib `voter_id`). */
  voterRef: string;
  choices: BallotChoice[];
  /** Short code the voter keeps to check the ballot is in the audit chain. New on every change. */
  receipt: string;
  /**
   * A secret mixed into the ballot's content hash in the audit chain and shown to nobody, not even the
   * voter: a receipt then proves that a ballot is counted, never what it says, so it is worth nothing
   * to a vote buyer. New on every change. Empty for imported ballots (their choices are public anyway)
   * and for ballots recorded before salts existed (their hash is the unsalted one).
   */
  salt: string;
  castAt: Date;
  updatedAt: Date;
  /** Extra open-data columns (e.g. Pabulib `age`, `sex`, `voting_method`). */
  meta: Record<string, string>;
}
