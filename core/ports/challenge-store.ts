import type { Challenge } from '../model/challenge';

export interface ChallengeStore {
  get(id: string): Promise<Challenge | null>;
  /** All challenges, newest first. */
  list(): Promise<Challenge[]>;
  /** Inserts or replaces. */
  save(challenge: Challenge): Promise<void>;
}
