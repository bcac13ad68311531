import type { Channel } from '../../core/model/citizen';
import type { Reply } from '../dialog/types';

/**
 * What a platform said to one send. `retry`: try again later (429 with its `retry_after`, 5xx,
 * network); `blocked`: the citizen refused the bot for good (blocked it, unsubscribed), so the
 * identity is marked unreachable; `rejected`: this message can never be sent (malformed), drop it.
 */
export type SendOutcome =
  | { ok: true }
  | { ok: false; kind: 'retry'; error: string; retryAfterMs?: number }
  | { ok: false; kind: 'blocked'; error: string }
  | { ok: false; kind: 'rejected'; error: string };

/** Pushes messages the citizen did not ask for just now (updates, answers, results) on one channel. */
export interface ChannelSender {
  readonly channel: Channel;
  send(externalId: string, replies: readonly Reply[]): Promise<SendOutcome>;
}
