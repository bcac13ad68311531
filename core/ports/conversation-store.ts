import type { Conversation } from '../model/conversation';

/** Conversation state, one per citizen, shared by all channels and every app instance. */
export interface ConversationStore {
  get(citizenId: string): Promise<Conversation | null>;
  /** Inserts or replaces. */
  save(conversation: Conversation): Promise<void>;
  delete(citizenId: string): Promise<void>;
}

/**
 * Channel updates already handled (Telegram `update_id`, Viber `message_token`): platforms retry,
 * and a retried vote must not be processed twice, also across a restart or on another instance.
 */
export interface ProcessedUpdateStore {
  /** Records the key; returns false (and records nothing) when it was already recorded. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Forgets keys recorded before `before` (platforms stop retrying after a day); returns how many. */
  prune(before: Date): Promise<number>;
}
