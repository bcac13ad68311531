import type { Channel } from './citizen';

export type NotificationKind =
  'proposal.reviewed' | 'project.update' | 'question.answered' | 'results.published' | 'announcement';

export type NotificationState = 'pending' | 'sent' | 'dead';

/**
 * A durable message in the outbox, written in the same transaction as the change that caused it.
 * The payload holds ids and values, not text: the channel renders it in the citizen's language.
 */
export interface Notification {
  id: string;
  citizenId: string;
  channel: Channel;
  externalId: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: Date;
  /** A dispatcher holds the row until then; after a crash the lease runs out and it is sent again. */
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}
