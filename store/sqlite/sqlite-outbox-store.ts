import type { Channel } from '../../core/model/citizen';
import type { Notification, NotificationKind, NotificationState } from '../../core/model/notification';
import type { OutboxMatch, OutboxStore } from '../../core/ports/outbox-store';
import type { SqliteConnection } from './connection';
import { fromJson, toDate, toDateOrNull, toJson, toJsonList, toMs, toMsOrNull } from './row-mapping';

interface NotificationRow {
  id: string;
  citizen_id: string;
  channel: string;
  external_id: string;
  kind: string;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

const SQL = {
  insert: `INSERT INTO outbox (id, citizen_id, channel, external_id, kind, payload, state, attempts, next_attempt_at,
             lease_until, last_error, created_at, sent_at)
           VALUES (@id, @citizen_id, @channel, @external_id, @kind, @payload, @state, @attempts, @next_attempt_at,
             @lease_until, @last_error, @created_at, @sent_at)`,
  due: `SELECT id FROM outbox
        WHERE state = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
        ORDER BY created_at, rowid LIMIT @limit`,
  lease: 'UPDATE outbox SET lease_until = ? WHERE id IN (SELECT value FROM json_each(?))',
  leased: 'SELECT * FROM outbox WHERE id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid',
  markSent: `UPDATE outbox SET state = 'sent', sent_at = ?, lease_until = NULL WHERE id = ?`,
  retryLater: `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease_until = NULL
               WHERE id = ?`,
  markDead: `UPDATE outbox SET state = 'dead', last_error = ?, lease_until = NULL WHERE id = ?`,
  get: 'SELECT * FROM outbox WHERE id = ?',
  listByCitizen: 'SELECT * FROM outbox WHERE citizen_id = ? ORDER BY created_at, rowid',
  countByState: 'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state',
  removeByCitizen: 'DELETE FROM outbox WHERE citizen_id = ?',
} as const;

/** The notification outbox. Lists and claims are oldest first (created_at, then insertion order). */
export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly conn: SqliteConnection) {}

  async enqueue(notifications: readonly Notification[]): Promise<void> {
    this.conn.atomic(() => {
      for (const n of notifications) this.conn.run(SQL.insert, notificationParams(n));
    });
  }

  /**
   * Select, lease and read back in one BEGIN IMMEDIATE transaction: it holds the database write
   * lock, so a dispatcher in another process cannot pick the same rows in between.
   */
  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<Notification[]> {
    if (limit <= 0) return []; // SQLite reads a negative LIMIT as "no limit"
    return this.conn.atomic(() => {
      const ids = this.conn.all<{ id: string }>(SQL.due, { now: toMs(now), limit }).map((r) => r.id);
      if (ids.length === 0) return [];
      const list = toJsonList(ids);
      this.conn.run(SQL.lease, toMs(leaseUntil), list);
      return this.conn.all<NotificationRow>(SQL.leased, list).map(toNotification);
    });
  }

  async markSent(id: string, at: Date): Promise<void> {
    this.conn.run(SQL.markSent, toMs(at), id);
  }

  async retryLater(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    this.conn.run(SQL.retryLater, toMs(nextAttemptAt), error, id);
  }

  async markDead(id: string, error: string): Promise<void> {
    this.conn.run(SQL.markDead, error, id);
  }

  async get(id: string): Promise<Notification | null> {
    const row = this.conn.get<NotificationRow>(SQL.get, id);
    return row ? toNotification(row) : null;
  }

  async listByCitizen(citizenId: string): Promise<Notification[]> {
    return this.conn.all<NotificationRow>(SQL.listByCitizen, citizenId).map(toNotification);
  }

  async countByState(match: OutboxMatch = {}): Promise<Record<NotificationState, number>> {
    const counts: Record<NotificationState, number> = { pending: 0, sent: 0, dead: 0 };
    const { sql, params } = countQuery(match);
    for (const row of this.conn.all<{ state: NotificationState; n: number }>(sql, ...params)) {
      counts[row.state] = row.n;
    }
    return counts;
  }

  async removeByCitizen(citizenId: string): Promise<void> {
    this.conn.run(SQL.removeByCitizen, citizenId);
  }
}

const PAYLOAD_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The count statement for a match; keys become JSON paths (checked), values stay parameters. */
function countQuery(match: OutboxMatch): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (match.kind) {
    where.push('kind = ?');
    params.push(match.kind);
  }
  for (const [key, value] of Object.entries(match.payload ?? {})) {
    if (!PAYLOAD_KEY.test(key)) throw new Error(`outbox payload key must be an identifier: ${key}`);
    where.push('json_extract(payload, ?) = ?');
    params.push(`$.${key}`, value);
  }
  if (where.length === 0) return { sql: SQL.countByState, params };
  return {
    sql: `SELECT state, COUNT(*) AS n FROM outbox WHERE ${where.join(' AND ')} GROUP BY state`,
    params,
  };
}

function notificationParams(n: Notification) {
  return {
    id: n.id,
    citizen_id: n.citizenId,
    channel: n.channel,
    external_id: n.externalId,
    kind: n.kind,
    payload: toJson(n.payload),
    state: n.state,
    attempts: n.attempts,
    next_attempt_at: toMs(n.nextAttemptAt),
    lease_until: toMsOrNull(n.leaseUntil),
    last_error: n.lastError,
    created_at: toMs(n.createdAt),
    sent_at: toMsOrNull(n.sentAt),
  };
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    channel: row.channel as Channel,
    externalId: row.external_id,
    kind: row.kind as NotificationKind,
    payload: fromJson<Record<string, unknown>>(row.payload),
    state: row.state as NotificationState,
    attempts: row.attempts,
    nextAttemptAt: toDate(row.next_attempt_at),
    leaseUntil: toDateOrNull(row.lease_until),
    lastError: row.last_error,
    createdAt: toDate(row.created_at),
    sentAt: toDateOrNull(row.sent_at),
  };
}
