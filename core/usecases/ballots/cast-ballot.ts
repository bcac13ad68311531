import { BALLOT_SALT_LENGTH, ballotContentHash } from '../../audit/ballot-hash';
import { appendAudit } from '../../audit/chain';
import type { Ballot, BallotChoice } from '../../model/ballot';
import { phaseOf } from '../../model/challenge';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { participant } from '../eligibility';
import { validateBallot } from './validate-ballot';

export interface CastResult {
  ballot: Ballot;
  /** The code the voter keeps to verify the ballot at /api/v1/audit/receipts/:code. */
  receipt: string;
  /** True when this replaced an earlier ballot of the same citizen. */
  changed: boolean;
}

/**
 * Casts or replaces a citizen's ballot while voting is open. The ballot, its audit entry and the
 * automatic follows of the chosen projects commit together; the store's unique (challenge, citizen)
 * constraint guarantees one ballot per citizen whatever the concurrency.
 */
export async function castBallot(
  deps: Deps,
  citizenId: string,
  challengeId: string,
  choices: readonly BallotChoice[],
): Promise<Result<CastResult>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const ch = await tx.challenges.get(challengeId);
    if (!ch) return fail('NOT_FOUND', 'challenge not found', { challengeId });
    if (phaseOf(ch, now) !== 'voting') return fail('VOTING_CLOSED', 'voting is not open for this challenge');
    const who = await participant(tx, citizenId, ch);
    if (!who.ok) return who;
    const projects = await tx.proposals.listByChallenge(challengeId);
    const valid = validateBallot(ch, projects, choices);
    if (!valid.ok) return valid;
    const previous = await tx.ballots.get(challengeId, citizenId);
    const receipt = deps.ids.code(10);
    const salt = deps.ids.code(BALLOT_SALT_LENGTH);
    const ballot = await tx.ballots.put({
      id: previous?.id ?? deps.ids.next('bl'),
      challengeId,
      citizenId,
      voterRef: previous?.voterRef ?? deps.ids.next('v'),
      choices: valid.value,
      receipt,
      salt,
      castAt: previous?.castAt ?? now,
      updatedAt: now,
      meta: previous?.meta ?? {},
    });
    await appendAudit(
      tx.audit,
      previous ? 'ballot.changed' : 'ballot.cast',
      {
        challengeId,
        receipt,
        contentHash: ballotContentHash(receipt, valid.value, salt),
        replaces: previous?.receipt ?? null,
      },
      now,
      receipt,
    );
    for (const c of valid.value) {
      const target = { kind: 'project' as const, id: c.projectId };
      // A citizen who stopped following keeps it stopped: voting again does not re-subscribe them.
      if (!(await tx.follows.get(citizenId, target)))
        await tx.follows.save({ citizenId, target, auto: true, active: true, updatedAt: now });
    }
    return ok({ ballot, receipt, changed: previous !== null });
  });
}
