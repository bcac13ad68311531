import type { Follow, FollowTarget } from '../../core/model/follow';
import type { FollowStore } from '../../core/ports/follow-store';
import type { SqliteConnection } from './connection';
import { toBool, toDate, toFlag, toMs } from './row-mapping';

interface FollowRow {
  citizen_id: string;
  target_kind: string;
  target_id: string;
  auto: number;
  active: number;
  updated_at: number;
}

const SQL = {
  get: 'SELECT * FROM follows WHERE citizen_id = ? AND target_kind = ? AND target_id = ?',
  save: `INSERT INTO follows (citizen_id, target_kind, target_id, auto, active, updated_at)
         VALUES (@citizen_id, @target_kind, @target_id, @auto, @active, @updated_at)
         ON CONFLICT (citizen_id, target_kind, target_id) DO UPDATE SET
           auto = excluded.auto, active = excluded.active, updated_at = excluded.updated_at`,
  followers: `SELECT citizen_id FROM follows WHERE target_kind = ? AND target_id = ? AND active = 1
              ORDER BY updated_at, rowid`,
  listByCitizen: 'SELECT * FROM follows WHERE citizen_id = ? ORDER BY updated_at, rowid',
  removeByCitizen: 'DELETE FROM follows WHERE citizen_id = ?',
} as const;

/** Follows, one row per (citizen, target kind, target id); inactive rows are kept (see Follow.active). */
export class SqliteFollowStore implements FollowStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(citizenId: string, target: FollowTarget): Promise<Follow | null> {
    const row = this.conn.get<FollowRow>(SQL.get, citizenId, target.kind, target.id);
    return row ? toFollow(row) : null;
  }

  async save(f: Follow): Promise<void> {
    this.conn.run(SQL.save, {
      citizen_id: f.citizenId,
      target_kind: f.target.kind,
      target_id: f.target.id,
      auto: toFlag(f.auto),
      active: toFlag(f.active),
      updated_at: toMs(f.updatedAt),
    });
  }

  async followers(target: FollowTarget): Promise<string[]> {
    return this.conn
      .all<{ citizen_id: string }>(SQL.followers, target.kind, target.id)
      .map((r) => r.citizen_id);
  }

  async listByCitizen(citizenId: string): Promise<Follow[]> {
    return this.conn.all<FollowRow>(SQL.listByCitizen, citizenId).map(toFollow);
  }

  async removeByCitizen(citizenId: string): Promise<void> {
    this.conn.run(SQL.removeByCitizen, citizenId);
  }
}

function toFollow(row: FollowRow): Follow {
  return {
    citizenId: row.citizen_id,
    target: { kind: row.target_kind as FollowTarget['kind'], id: row.target_id },
    auto: toBool(row.auto),
    active: toBool(row.active),
    updatedAt: toDate(row.updated_at),
  };
}
