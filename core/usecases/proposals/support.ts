import { phaseOf } from '../../model/challenge';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { participant } from '../eligibility';

/** A citizen supports an accepted proposal during the `supports` phase, once. Returns the new count. */
export async function supportProposal(
  deps: Deps,
  citizenId: string,
  proposalId: string,
): Promise<Result<{ supports: number }>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const p = await tx.proposals.get(proposalId);
    if (!p) return fail('NOT_FOUND', 'proposal not found', { proposalId });
    const ch = await tx.challenges.get(p.challengeId);
    if (!ch) return fail('NOT_FOUND', 'challenge not found');
    if (phaseOf(ch, now) !== 'supports')
      return fail('SUPPORTS_CLOSED', 'this challenge is not collecting supports now');
    if (p.status !== 'accepted') return fail('NOT_SUPPORTABLE', 'only accepted proposals can be supported');
    const who = await participant(tx, citizenId, ch);
    if (!who.ok) return who;
    // The unique (proposal, citizen) constraint decides, so two racing taps still count once.
    if (!(await tx.supports.add(proposalId, citizenId, now)))
      return fail('ALREADY_SUPPORTED', 'you already support this proposal');
    return ok({ supports: await tx.supports.count(proposalId) });
  });
}
