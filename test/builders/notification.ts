import type { Notification } from '../../core/model/notification';
import { atBase, nextSeq } from './sequence';

/** A pending Telegram notification, due at BASE_TIME, never tried. */
export function aNotification(overrides: Partial<Notification> = {}): Notification {
  const n = nextSeq();
  return {
    id: `no_${n}`,
    citizenId: `ci_${n}`,
    channel: 'telegram',
    externalId: `tg-${n}`,
    kind: 'project.update',
    payload: { projectId: `pr_${n}` },
    state: 'pending',
    attempts: 0,
    nextAttemptAt: atBase(),
    leaseUntil: null,
    lastError: null,
    createdAt: atBase(),
    sentAt: null,
    ...overrides,
  };
}
