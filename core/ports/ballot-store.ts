import type { Ballot } from '../model/ballot';

export interface BallotStore {
  get(challengeId: string, citizenId: string): Promise<Ballot | null>;
  getByReceipt(receipt: string): Promise<Ballot | null>;
  /**
   * Inserts the ballot, or replaces the one this citizen already has in the challenge (same row id kept).
   * At most one ballot per (challenge, citizen) can ever exist, whatever the concurrency.
   */
  put(ballot: Ballot): Promise<Ballot>;
  listByChallenge(challengeId: string): Promise<Ballot[]>;
  countByChallenge(challengeId: string): Promise<number>;
  /** Ballots stay but lose the citizen (erasure). */
  anonymise(citizenId: string): Promise<void>;
  listByCitizen(citizenId: string): Promise<Ballot[]>;
}
