import { appendAudit } from '../../audit/chain';
import { importedBallotsDigest, importedReceipt } from '../../audit/imported-ballots';
import type { Challenge } from '../../model/challenge';
import { electionToDomain } from '../../opendata';
import { sha256Hex } from '../../shared/hash';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import { parsePabulib, PabulibError } from '../../tally';
import type { Deps } from '../deps';

export interface ImportSummary {
  challenge: Challenge;
  projects: number;
  ballots: number;
  fileSha256: string;
}

/**
 * Loads a Pabulib file as a challenge in the results phase, with its projects and anonymous ballots,
 * in one transaction: a malformed file (named line and reason) changes nothing. The chain records the
 * file's hash and a digest of the ballots, which vouches for ballots that have no receipt entry.
 */
export async function importElection(deps: Deps, text: string): Promise<Result<ImportSummary>> {
  let parsed;
  try {
    parsed = parsePabulib(text);
  } catch (e) {
    if (e instanceof PabulibError) return fail('INVALID_INPUT', e.message, { line: e.line });
    throw e;
  }
  const now = deps.clock.now();
  const { challenge, proposals, ballots } = electionToDomain(parsed, { ids: deps.ids, now });
  const stored = ballots.map((b) => ({ ...b, receipt: importedReceipt(challenge.id, b.voterRef) }));
  const fileSha256 = sha256Hex(text);
  await deps.store.transaction(async (tx) => {
    await tx.challenges.save(challenge);
    for (const p of proposals) await tx.proposals.save(p);
    for (const b of stored) await tx.ballots.put(b);
    await appendAudit(
      tx.audit,
      'election.imported',
      {
        challengeId: challenge.id,
        fileSha256,
        projects: proposals.length,
        ballots: stored.length,
        ballotsSha256: importedBallotsDigest(stored),
      },
      now,
    );
  });
  return ok({ challenge, projects: proposals.length, ballots: stored.length, fileSha256 });
}
