import type { AuditEntry } from '../model/audit';
import { GENESIS_HASH } from '../model/audit';
import type { Stores } from '../ports/store';
import { ballotContentHash } from './ballot-hash';
import { entryHash } from './chain';

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
      prev = e.hash;
      expectedSeq++;
      entries++;
    }
    if (page.length < PAGE) break;
  }
  let ballotsChecked = 0;
  for (const ch of await stores.challenges.list()) {
    for (const b of await stores.ballots.listByChallenge(ch.id)) {
      ballotsChecked++;
      const e = latestByReceipt.get(b.receipt);
      const fail = (seq: number, reason: string): VerifyReport => ({
        ok: false,
        entries,
        headHash: prev,
        firstBad: { seq, reason },
        ballotsChecked,
      });
      // Imported ballots (Pabulib) carry no receipt entry: they are vouched for by the import entry.
      if (!e) {
        if (b.receipt.startsWith('import:')) continue;
        return fail(0, `ballot ${b.voterRef} (receipt ${b.receipt}) has no audit entry`);
      }
      if (e.data.contentHash !== ballotContentHash(b.receipt, b.choices))
        return fail(e.seq, `ballot with receipt ${b.receipt} was changed after it was recorded`);
    }
  }
  return { ok: true, entries, headHash: prev, firstBad: null, ballotsChecked };
}
