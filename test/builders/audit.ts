import type { AuditEntry } from '../../core/model/audit';
import { GENESIS_HASH } from '../../core/model/audit';
import { entryHash } from '../../core/audit/chain';
import { BASE_TIME } from './sequence';

/**
 * A phase-change entry with a correct hash for its fields (unless `hash` is given). Defaults to the
 * first link (seq 1 after the genesis hash); chain further entries with `anAuditEntryAfter`.
 */
export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  const base: Omit<AuditEntry, 'hash'> = {
    seq: 1,
    at: BASE_TIME.toISOString(),
    type: 'phase.changed',
    data: { challengeId: 'ch_1', phase: 'voting' },
    prevHash: GENESIS_HASH,
    ref: null,
    ...overrides,
  };
  return { ...base, hash: overrides.hash ?? entryHash(base.prevHash, base) };
}

/** The entry that follows `previous` in the chain. */
export const anAuditEntryAfter = (previous: AuditEntry, overrides: Partial<AuditEntry> = {}): AuditEntry =>
  anAuditEntry({ seq: previous.seq + 1, prevHash: previous.hash, ...overrides });
