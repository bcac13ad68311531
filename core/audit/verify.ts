import type { AuditEntry } from '../model/audit';
import { GENESIS_HASH } from '../model/audit';
import type { Stores } from '../ports/store';
import { ballotContentHash } from './ballot-hash';
import { entryHash } from './chain';
import { IMPORT_RECEIPT_PREFIX, importedBallotsDigest } from './imported-ballots';

export interface VerifyReport {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first entry that does not hold, with the reason; null when all hold. */
  firstBad: { seq: number; reason: string } | null;
  ballotsChecked: number;
}

const PAGE = 1000;

/**
 * Recomputes the chain from the genesis and checks every stored ballot against the chain entry of its
 * receipt: an edit behind the product's back breaks either a hash link or a ballot's content hash.
 */
export async function verifyAudit(
  stores: Pick<Stores, 'audit' | 'ballots' | 'challenges'>,
): Promise<VerifyReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const latestByReceipt = new Map<string, AuditEntry>();
  const importByChallenge = new Map<string, AuditEntry>();
  for (let from = 1; ; from += PAGE) {
    const page = await stores.audit.list(from, PAGE);
    for (const e of page) {
      const bad = (reason: string): VerifyReport => ({
        ok: false,
        entries,
        headHash: prev,
        firstBad: { seq: e.seq, reason },
        ballotsChecked: 0,
      });
      if (e.seq !== expectedSeq) return bad(`sequence gap: expected ${expectedSeq}`);
      if (e.prevHash !== prev) return bad('previous-hash link broken');
      if (entryHash(prev, e) !== e.hash) return bad('content does not match its hash');
      if (typeof e.data.receipt === 'string') latestByReceipt.set(e.data.receipt, e);
      if (e.type === 'election.imported' && typeof e.data.challengeId === 'string')
        importByChallenge.set(e.data.challengeId, e);
      prev = e.hash;
      expectedSeq++;
      entries++;
    }
    if (page.length < PAGE) break;
  }
  let ballotsChecked = 0;
  const broken = (seq: number, reason: string): VerifyReport => ({
    ok: false,
    entries,
    headHash: prev,
    firstBad: { seq, reason },
    ballotsChecked,
  });
  for (const ch of await stores.challenges.list()) {
    const ballots = await stores.ballots.listByChallenge(ch.id);
    const imported = ballots.filter((b) => b.receipt.startsWith(IMPORT_RECEIPT_PREFIX));
    if (imported.length > 0) {
      // Imported ballots have no entry each: the import entry's digest vouches for all of them at once.
      const entry = importByChallenge.get(ch.id);
      if (!entry) return broken(0, `challenge ${ch.id} has imported ballots but no import entry`);
      if (
        entry.data.ballots !== imported.length ||
        entry.data.ballotsSha256 !== importedBallotsDigest(imported)
      )
        return broken(entry.seq, `imported ballots of challenge ${ch.id} were changed after the import`);
      ballotsChecked += imported.length;
    }
    for (const b of ballots) {
      if (b.receipt.startsWith(IMPORT_RECEIPT_PREFIX)) continue;
      ballotsChecked++;
      const e = latestByReceipt.get(b.receipt);
      if (!e) return broken(0, `ballot ${b.voterRef} (receipt ${b.receipt}) has no audit entry`);
      if (e.data.contentHash !== ballotContentHash(b.receipt, b.choices, b.salt))
        return broken(e.seq, `ballot with receipt ${b.receipt} was changed after it was recorded`);
    }
  }
  return { ok: true, entries, headHash: prev, firstBad: null, ballotsChecked };
}
