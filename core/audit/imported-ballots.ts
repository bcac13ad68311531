import type { Ballot } from '../model/ballot';
import { canonicalJson } from '../shared/canonical-json';
import { sha256Hex } from '../shared/hash';

/** Receipt prefix of imported ballots: they have no voter to hand a code to. */
export const IMPORT_RECEIPT_PREFIX = 'import:';

export const importedReceipt = (challengeId: string, voterRef: string): string =>
  `${IMPORT_RECEIPT_PREFIX}${challengeId}:${voterRef}`;

/**
 * One hash over all ballots of an import, recorded in its `election.imported` entry: imported ballots
 * have no entry of their own, so this is what makes an edit of any of them visible to `audit verify`.
 * Sorted by voter ref so the digest does not depend on storage order.
 */
export function importedBallotsDigest(ballots: readonly Pick<Ballot, 'voterRef' | 'choices'>[]): string {
  const rows = ballots
    .map((b) => [b.voterRef, b.choices] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256Hex(canonicalJson(rows));
}
