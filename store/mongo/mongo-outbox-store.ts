import type { Notification, NotificationState } from '../../core/model/notification';
import type { OutboxMatch, OutboxStore } from '../../core/ports/outbox-store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { notificationFromDoc, notificationToDoc } from './mapping/notification-mapping';
import type { NotificationDoc } from './schemas/outbox-schema';

const PAYLOAD_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The notification outbox. Lists and claims are oldest first (createdAt, then insertion order). */
export class MongoOutboxStore implements OutboxStore {
  constructor(private readonly c: MongoContext) {}

  /** All rows or none: several documents, so one transaction (the caller's, if open). */
  async enqueue(notifications: readonly Notification[]): Promise<void> {
    if (notifications.length === 0) return;
    const docs = notifications.map((n) => notificationToDoc(n, this.c.order.next()));
    await this.c.scope.atomic((session) => this.c.models.outbox.insertMany(docs, { session }));
  }

  /**
   * Leases due rows one at a time with findOneAndUpdate, whose filter repeats the "due and not
   * leased" condition: of two dispatchers going for the same row, the server lets one update it and
   * the other's filter no longer matches. Candidates are read oldest first, a page at a time, and a
   * row lost to another dispatcher is simply skipped. Each update names the row by `_id` and
   * `citizenId`, the outbox's shard key when it is sharded (findOneAndUpdate needs it there).
   */
  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<Notification[]> {
    const { outbox } = this.c.models;
    const due = {
      state: 'pending' as const,
      nextAttemptAt: { $lte: now },
      $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }],
    };
    const claimed: Notification[] = [];
    while (claimed.length < limit) {
      const candidates = await outbox
        .find({ ...due, _id: { $nin: claimed.map((n) => n.id) } }, { _id: 1, citizenId: 1 }, inScope(this.c))
        .sort({ createdAt: 1, ord: 1 })
        .limit(limit - claimed.length)
        .lean<Pick<NotificationDoc, '_id' | 'citizenId'>[]>();
      if (candidates.length === 0) break;
      for (const { _id, citizenId } of candidates) {
        const leased = await outbox
          .findOneAndUpdate(
            { ...due, _id, citizenId },
            { $set: { leaseUntil } },
            { ...inScope(this.c), new: true },
          )
          .lean<NotificationDoc>();
        if (leased) claimed.push(notificationFromDoc(leased));
      }
    }
    return claimed;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.c.models.outbox.updateOne(
      { _id: id },
      { $set: { state: 'sent', sentAt: at, leaseUntil: null } },
      inScope(this.c),
    );
  }

  async retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.c.models.outbox.updateOne(
      { _id: id },
      { $inc: { attempts: 1 }, $set: { nextAttemptAt, lastError: error, leaseUntil: null } },
      inScope(this.c),
    );
  }

  async markDead(id: string, error: string): Promise<void> {
    await this.c.models.outbox.updateOne(
      { _id: id },
      { $set: { state: 'dead', lastError: error, leaseUntil: null } },
      inScope(this.c),
    );
  }

  async get(id: string): Promise<Notification | null> {
    const doc = await this.c.models.outbox.findById(id, null, inScope(this.c)).lean<NotificationDoc>();
    return doc ? notificationFromDoc(doc) : null;
  }

  async listByCitizen(citizenId: string): Promise<Notification[]> {
    const docs = await this.c.models.outbox
      .find({ citizenId }, null, inScope(this.c))
      .sort({ createdAt: 1, ord: 1 })
      .lean<NotificationDoc[]>();
    return docs.map(notificationFromDoc);
  }

  async countByState(match: OutboxMatch = {}): Promise<Record<NotificationState, number>> {
    const counts: Record<NotificationState, number> = { pending: 0, sent: 0, dead: 0 };
    const rows = await this.c.models.outbox
      .aggregate<{ _id: NotificationState; n: number }>([
        { $match: outboxMatch(match) },
        { $group: { _id: '$state', n: { $sum: 1 } } },
      ])
      .session(this.c.scope.session() ?? null);
    for (const row of rows) counts[row._id] = row.n;
    return counts;
  }

  async removeByCitizen(citizenId: string): Promise<void> {
    await this.c.models.outbox.deleteMany({ citizenId }, inScope(this.c));
  }
}

/**
 * The $match of `countByState`. Keys are checked (no operator or path can be smuggled in); values
 * compare with $eq inside $expr, i.e. exactly, as SQLite's json_extract does (a plain match would
 * also accept an array containing the value).
 */
export function outboxMatch(match: OutboxMatch): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (match.kind) filter.kind = match.kind;
  const equalities = Object.entries(match.payload ?? {}).map(([key, value]) => {
    if (!PAYLOAD_KEY.test(key)) throw new Error(`outbox payload key must be an identifier: ${key}`);
    return { $eq: [`$payload.${key}`, { $literal: value }] };
  });
  if (equalities.length > 0) filter.$expr = { $and: equalities };
  return filter;
}
