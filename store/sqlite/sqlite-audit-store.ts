import type { AuditEntry, AuditType } from '../../core/model/audit';
import type { AuditStore } from '../../core/ports/audit-store';
import { StoreConflict } from '../../core/ports/store';
import type { SqliteConnection } from './connection';
import { fromJson, toJson } from './row-mapping';

interface AuditRow {
  seq: number;
  at: string;
  type: string;
  data: string;
  prev_hash: string;
  hash: string;
  ref: string | null;
}

const SQL = {
  head: 'SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1',
  lastSeq: 'SELECT MAX(seq) AS seq FROM audit_log',
  append: `INSERT INTO audit_log (seq, at, type, data, prev_hash, hash, ref)
           VALUES (@seq, @at, @type, @data, @prev_hash, @hash, @ref)`,
  list: 'SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?',
  findByRef: 'SELECT * FROM audit_log WHERE ref = ? ORDER BY seq',
} as const;

/**
 * The audit chain, append-only (triggers refuse UPDATE and DELETE). The first entry has seq 1 and
 * each next one head.seq + 1; any other seq throws StoreConflict 'audit.seq'.
 */
export class SqliteAuditStore implements AuditStore {
  constructor(private readonly conn: SqliteConnection) {}

  async head(): Promise<AuditEntry | null> {
    const row = this.conn.get<AuditRow>(SQL.head);
    return row ? toEntry(row) : null;
  }

  async append(entry: AuditEntry): Promise<void> {
    this.conn.atomic(() => {
      const expected = (this.conn.get<{ seq: number | null }>(SQL.lastSeq)?.seq ?? 0) + 1;
      if (entry.seq !== expected) {
        throw new StoreConflict(
          `audit entry seq ${entry.seq} does not follow the head (expected ${expected})`,
          'audit.seq',
        );
      }
      this.conn.run(SQL.append, {
        seq: entry.seq,
        at: entry.at,
        type: entry.type,
        data: toJson(entry.data),
        prev_hash: entry.prevHash,
        hash: entry.hash,
        ref: entry.ref,
      });
    });
  }

  async list(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    if (limit <= 0) return []; // SQLite reads a negative LIMIT as "no limit"
    return this.conn.all<AuditRow>(SQL.list, fromSeq, limit).map(toEntry);
  }

  async findByRef(ref: string): Promise<AuditEntry[]> {
    return this.conn.all<AuditRow>(SQL.findByRef, ref).map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    type: row.type as AuditType,
    data: fromJson<Record<string, unknown>>(row.data),
    prevHash: row.prev_hash,
    hash: row.hash,
    ref: row.ref,
  };
}
