import type { AuditEntry, AuditType } from '../model/audit';
import { GENESIS_HASH } from '../model/audit';
import type { AuditStore } from '../ports/audit-store';
import { canonicalJson } from '../shared/canonical-json';
import { sha256Hex } from '../shared/hash';

/** The hash of an entry: SHA-256 over the previous hash and the canonical JSON of its content. */
export function entryHash(prevHash: string, e: Pick<AuditEntry, 'seq' | 'at' | 'type' | 'data'>): string {
  return sha256Hex(prevHash + canonicalJson({ seq: e.seq, at: e.at, type: e.type, data: e.data }));
}

/**
 * Appends an entry after the current head. Call it inside the transaction of the change it records,
 * so the chain and the data can never disagree.
 */
export async function appendAudit(
  audit: AuditStore,
  type: AuditType,
  data: Record<string, unknown>,
  at: Date,
  ref: string | null = null,
): Promise<AuditEntry> {
  const head = await audit.head();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const iso = at.toISOString();
  // Round-trip through JSON so the stored data is exactly what gets hashed (no Dates, no undefined).
  const plain = JSON.parse(canonicalJson(data)) as Record<string, unknown>;
  const entry: AuditEntry = { seq, at: iso, type, data: plain, prevHash, hash: '', ref };
  entry.hash = entryHash(prevHash, entry);
  await audit.append(entry);
  return entry;
}
