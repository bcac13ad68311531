import type { Channel, ChannelIdentity, Citizen } from '../model/citizen';

export interface CitizenStore {
  get(id: string): Promise<Citizen | null>;
  findByIdentity(channel: Channel, externalId: string): Promise<Citizen | null>;
  /** A citizen (not erased) whose verified phone has this hash: one phone verifies one person. */
  findByPhoneHash(phoneHash: string): Promise<Citizen | null>;
  /** Inserts the citizen and its identities. Throws StoreConflict if an identity is taken. */
  create(citizen: Citizen): Promise<void>;
  /** Saves the citizen's own fields (not identities). */
  update(citizen: Citizen): Promise<void>;
  /** Adds an identity, or moves it to this citizen if another one holds it. */
  attachIdentity(citizenId: string, identity: ChannelIdentity): Promise<void>;
  /** Removes every identity of the citizen (erasure). */
  removeIdentities(citizenId: string): Promise<void>;
  /** Records a visit; the account is reachable again (a citizen who writes has unblocked the bot). */
  touchIdentity(channel: Channel, externalId: string, at: Date): Promise<void>;
  markUnreachable(channel: Channel, externalId: string, unreachable: boolean): Promise<void>;
  count(): Promise<number>;
  /** Aggregate participation for the admin dashboard (counts only, no personal data). */
  participation(since: Date): Promise<Participation>;
}

/** Citizens who gave consent and are not erased: the people taking part. */
export interface Participation {
  /** How many there are. */
  total: number;
  /** Their identities per channel (someone on two channels counts on both). */
  byChannel: Partial<Record<Channel, number>>;
  /** How many of them first wrote on each UTC day (`YYYY-MM-DD`) from `since` on, oldest day first. */
  byDay: { day: string; count: number }[];
}

/** One-time codes that let a citizen link a second channel. Only a hash of the code is stored. */
export interface LinkCodeStore {
  put(codeHash: string, citizenId: string, expiresAt: Date): Promise<void>;
  /** Returns the citizen id and deletes the code, or null when unknown or expired at `now`. */
  consume(codeHash: string, now: Date): Promise<string | null>;
}
