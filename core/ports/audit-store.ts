import type { AuditEntry } from '../model/audit';

export interface AuditStore {
  /** The last entry, or null for an empty chain. */
  head(): Promise<AuditEntry | null>;
  /** Appends; `entry.seq` must be head.seq + 1 (a unique sequence makes a fork impossible). */
  append(entry: AuditEntry): Promise<void>;
  /** Entries with seq >= fromSeq in order, at most `limit`. */
  list(fromSeq: number, limit: number): Promise<AuditEntry[]>;
  /** Entries carrying this lookup key (ballot receipt), in order. */
  findByRef(ref: string): Promise<AuditEntry[]>;
}
