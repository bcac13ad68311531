export type AuditType =
  | 'ballot.cast'
  | 'ballot.changed'
  | 'phase.changed'
  | 'proposal.reviewed'
  | 'project.status'
  | 'results.published'
  | 'rules.changed'
  | 'citizen.erased'
  | 'election.imported';

/** One link of the hash chain: hash = SHA-256(prevHash + canonical JSON of {seq, at, type, data}). */
export interface AuditEntry {
  seq: number;
  at: string;
  type: AuditType;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** Lookup key (the ballot receipt for ballot entries). Part of `data`, copied out for indexing. */
  ref: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);
