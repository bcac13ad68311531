import type { Notification } from '../../../core/model/notification';
import type { NotificationDoc } from '../schemas/outbox-schema';
import { dateOrNull, plainJson, textOrNull } from './json';

export function notificationToDoc(n: Notification, ord: number): NotificationDoc {
  return {
    _id: n.id,
    citizenId: n.citizenId,
    channel: n.channel,
    externalId: n.externalId,
    kind: n.kind,
    payload: plainJson(n.payload),
    state: n.state,
    attempts: n.attempts,
    nextAttemptAt: n.nextAttemptAt,
    leaseUntil: n.leaseUntil,
    lastError: n.lastError,
    createdAt: n.createdAt,
    sentAt: n.sentAt,
    ord,
  };
}

export function notificationFromDoc(doc: NotificationDoc): Notification {
  return {
    id: doc._id,
    citizenId: doc.citizenId,
    channel: doc.channel,
    externalId: doc.externalId,
    kind: doc.kind,
    payload: doc.payload,
    state: doc.state,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt,
    leaseUntil: dateOrNull(doc.leaseUntil),
    lastError: textOrNull(doc.lastError),
    createdAt: doc.createdAt,
    sentAt: dateOrNull(doc.sentAt),
  };
}
