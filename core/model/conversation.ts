/**
 * Where a citizen is in a conversation with the bot, on any channel. Persisted after every message
 * so a restart mid-journey loses nothing; `updatedAt` lets the engine expire a stale journey politely.
 */
export interface Conversation {
  citizenId: string;
  /** The journey in progress (`propose`, `vote`, ...) and its step; null when at the main menu. */
  flow: string | null;
  step: string | null;
  /** What the journey has collected so far (a draft proposal, a ballot being built, a page number). */
  data: Record<string, unknown>;
  updatedAt: Date;
}
