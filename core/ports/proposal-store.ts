import type { Proposal, ProposalStatus } from '../model/proposal';

export interface ProposalStore {
  get(id: string): Promise<Proposal | null>;
  getByRef(challengeId: string, ref: string): Promise<Proposal | null>;
  /** Proposals of a challenge in `ref` order (numeric refs numerically), optionally filtered by status. */
  listByChallenge(challengeId: string, statuses?: readonly ProposalStatus[]): Promise<Proposal[]>;
  listByAuthor(authorId: string): Promise<Proposal[]>;
  /** Inserts or replaces. Throws StoreConflict when `ref` is already used in the challenge by another id. */
  save(proposal: Proposal): Promise<void>;
  /** The next free numeric ref in the challenge ("1" for the first). */
  nextRef(challengeId: string): Promise<string>;
  /** Authored proposals lose their author (erasure). */
  anonymiseAuthor(authorId: string): Promise<void>;
}

export interface SupportStore {
  /** Records a support; returns false (and changes nothing) when this citizen already supports it. */
  add(proposalId: string, citizenId: string, at: Date): Promise<boolean>;
  has(proposalId: string, citizenId: string): Promise<boolean>;
  count(proposalId: string): Promise<number>;
  /** Support counts of every proposal in the challenge, keyed by proposal id. */
  countsByChallenge(challengeId: string): Promise<Map<string, number>>;
  /** Supports stay counted but lose the citizen (erasure). */
  anonymise(citizenId: string): Promise<void>;
}
