import { appendAudit } from '../../audit/chain';
import { phaseOf } from '../../model/challenge';
import type { Proposal } from '../../model/proposal';
import { TRANSITIONS } from '../../model/proposal';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { notifyCitizens } from '../notify';

export type ReviewDecision =
  | { action: 'accept'; note?: string }
  | { action: 'reject'; reason: string }
  | { action: 'edit_cost'; cost: number; note?: string };

const LOCKED_PHASES = ['voting', 'results', 'implementation', 'closed'];

/**
 * An official accepts, rejects (with a reason) or corrects the cost of a proposal. Not once voting has
 * begun: the ballot must not change under the voters. The author is told, in the same transaction.
 */
export async function reviewProposal(
  deps: Deps,
  proposalId: string,
  staffId: string,
  decision: ReviewDecision,
): Promise<Result<Proposal>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const p = await tx.proposals.get(proposalId);
    if (!p) return fail('NOT_FOUND', 'proposal not found', { proposalId });
    const ch = await tx.challenges.get(p.challengeId);
    if (!ch) return fail('NOT_FOUND', 'challenge not found');
    if (LOCKED_PHASES.includes(phaseOf(ch, now)))
      return fail('INVALID_TRANSITION', 'proposals cannot be reviewed once voting has begun');
    let next: Proposal;
    if (decision.action === 'reject') {
      if (!decision.reason.trim()) return fail('INVALID_INPUT', 'a rejection needs a reason');
      if (!TRANSITIONS[p.status].includes('rejected'))
        return fail('INVALID_TRANSITION', `cannot reject a ${p.status} proposal`);
      next = { ...p, status: 'rejected', rejectionReason: decision.reason.trim() };
    } else if (decision.action === 'accept') {
      if (p.status !== 'accepted' && !TRANSITIONS[p.status].includes('accepted'))
        return fail('INVALID_TRANSITION', `cannot accept a ${p.status} proposal`);
      next = {
        ...p,
        status: 'accepted',
        rejectionReason: null,
        officialNote: decision.note ?? p.officialNote,
      };
    } else {
      if (!(Number.isFinite(decision.cost) && decision.cost > 0 && decision.cost <= ch.budget))
        return fail('INVALID_INPUT', 'cost must be positive and within the budget', { budget: ch.budget });
      next = { ...p, cost: decision.cost, officialNote: decision.note ?? p.officialNote };
    }
    next = { ...next, updatedAt: now };
    await tx.proposals.save(next);
    await appendAudit(
      tx.audit,
      'proposal.reviewed',
      {
        proposalId,
        challengeId: p.challengeId,
        action: decision.action,
        status: next.status,
        cost: next.cost,
        by: staffId,
      },
      now,
    );
    if (p.authorId)
      await notifyCitizens(tx, deps, [p.authorId], 'proposal.reviewed', {
        proposalId,
        status: next.status,
        reason: next.rejectionReason,
        cost: next.cost,
      });
    return ok(next);
  });
}
