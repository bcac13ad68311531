import type { Notification, NotificationKind } from '../model/notification';

/** Which rows `countByState` counts: of one kind, and/or whose payload has these top-level values. */
export interface OutboxMatch {
  kind?: NotificationKind;
  /** Keys are plain identifiers (letters, digits, `_`); values compare exactly (e.g. `{ updateId }`). */
  payload?: Readonly<Record<string, string | number>>;
}

export interface OutboxStore {
  enqueue(notifications: readonly Notification[]): Promise<void>;
  /**
   * Leases up to `limit` due notifications (pending, nextAttemptAt <= now, no live lease) until `leaseUntil`
   * and returns them, oldest first. Two dispatchers never hold the same row at once.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<Notification[]>;
  markSent(id: string, at: Date): Promise<void>;
  /** Schedules another attempt (attempts + 1) and clears the lease. */
  retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on the row (permanent refusal). */
  markDead(id: string, error: string): Promise<void>;
  get(id: string): Promise<Notification | null>;
  listByCitizen(citizenId: string): Promise<Notification[]>;
  /** Rows per state, every state present (zero included); only rows matching `match` when given. */
  countByState(match?: OutboxMatch): Promise<Record<'pending' | 'sent' | 'dead', number>>;
  removeByCitizen(citizenId: string): Promise<void>;
}
