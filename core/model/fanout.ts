import type { NotificationKind } from './notification';

/**
 * A notification to many citizens, expanded into outbox rows in chunks after the change committed:
 * an update to 100,000 followers must not hold the request (or the store) that posted it. The
 * recipients are fixed when the job is written (the followers at posting time).
 */
export interface FanoutJob {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  recipients: string[];
  /** Recipients before this index already have their outbox rows. */
  nextIndex: number;
  leaseUntil: Date | null;
  createdAt: Date;
  doneAt: Date | null;
}
