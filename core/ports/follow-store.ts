import type { Follow, FollowTarget } from '../model/follow';

export interface FollowStore {
  get(citizenId: string, target: FollowTarget): Promise<Follow | null>;
  /** Inserts or replaces the follow of this citizen and target. */
  save(follow: Follow): Promise<void>;
  /** Citizen ids actively following the target. */
  followers(target: FollowTarget): Promise<string[]>;
  listByCitizen(citizenId: string): Promise<Follow[]>;
  removeByCitizen(citizenId: string): Promise<void>;
}
