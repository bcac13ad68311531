import type { FanoutJob } from '../../core/model/fanout';
import type { NotificationKind } from '../../core/model/notification';
import type { FanoutStore } from '../../core/ports/fanout-store';
import type { SqliteConnection } from './connection';
import { fromJson, toDate, toDateOrNull, toJson, toMs } from './row-mapping';

interface FanoutRow {
  id: string;
  kind: string;
  payload: string;
  recipients: string;
  next_index: number;
  total: number;
  lease_until: number | null;
  created_at: number;
  done_at: number | null;
}

const SQL = {
  create: `INSERT INTO fanout_jobs (id, kind, payload, recipients, next_index, total, lease_until, created_at, done_at)
           VALUES (@id, @kind, @payload, @recipients, @next_index, @total, @lease_until, @created_at, @done_at)`,
  next: `SELECT id FROM fanout_jobs WHERE done_at IS NULL AND (lease_until IS NULL OR lease_until <= ?)
         ORDER BY created_at, rowid LIMIT 1`,
  lease: 'UPDATE fanout_jobs SET lease_until = ? WHERE id = ?',
  get: 'SELECT * FROM fanout_jobs WHERE id = ?',
  advance: `UPDATE fanout_jobs SET next_index = @next_index,
              done_at = CASE WHEN @next_index >= total THEN @at ELSE NULL END,
              lease_until = CASE WHEN @next_index >= total THEN NULL ELSE lease_until END
            WHERE id = @id`,
  pending: 'SELECT COUNT(*) AS n FROM fanout_jobs WHERE done_at IS NULL',
} as const;

export class SqliteFanoutStore implements FanoutStore {
  constructor(private readonly conn: SqliteConnection) {}

  async create(j: FanoutJob): Promise<void> {
    this.conn.run(SQL.create, {
      id: j.id,
      kind: j.kind,
      payload: toJson(j.payload),
      recipients: toJson(j.recipients),
      next_index: j.nextIndex,
      total: j.recipients.length,
      lease_until: j.leaseUntil ? toMs(j.leaseUntil) : null,
      created_at: toMs(j.createdAt),
      done_at: j.doneAt ? toMs(j.doneAt) : null,
    });
  }

  async claim(now: Date, leaseUntil: Date): Promise<FanoutJob | null> {
    // One connection, statements run one at a time: select-then-lease cannot interleave in-process,
    // and across processes the lease UPDATE runs under SQLite's write lock.
    const row = this.conn.get<{ id: string }>(SQL.next, toMs(now));
    if (!row) return null;
    this.conn.run(SQL.lease, toMs(leaseUntil), row.id);
    return this.get(row.id);
  }

  async advance(id: string, nextIndex: number, at: Date): Promise<void> {
    this.conn.run(SQL.advance, { id, next_index: nextIndex, at: toMs(at) });
  }

  async get(id: string): Promise<FanoutJob | null> {
    const r = this.conn.get<FanoutRow>(SQL.get, id);
    return r
      ? {
          id: r.id,
          kind: r.kind as NotificationKind,
          payload: fromJson<Record<string, unknown>>(r.payload),
          recipients: fromJson<string[]>(r.recipients),
          nextIndex: r.next_index,
          leaseUntil: toDateOrNull(r.lease_until),
          createdAt: toDate(r.created_at),
          doneAt: toDateOrNull(r.done_at),
        }
      : null;
  }

  async countPending(): Promise<number> {
    return this.conn.get<{ n: number }>(SQL.pending)?.n ?? 0;
  }
}
