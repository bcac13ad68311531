import { appendAudit } from '../../audit/chain';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';

/**
 * GDPR erasure. Personal data goes (identities, phone hash, questions, follows, pending notifications);
 * ballots, supports and ratings stay counted but lose the link to the person, so every published
 * tally can still be recomputed from the open data.
 */
export async function eraseCitizen(deps: Deps, citizenId: string): Promise<Result<{ erasedAt: Date }>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const c = await tx.citizens.get(citizenId);
    if (!c) return fail('NOT_FOUND', 'citizen not found');
    if (c.erasedAt) return ok({ erasedAt: c.erasedAt });
    await tx.ballots.anonymise(citizenId);
    await tx.supports.anonymise(citizenId);
    await tx.ratings.anonymise(citizenId);
    await tx.proposals.anonymiseAuthor(citizenId);
    await tx.follows.removeByCitizen(citizenId);
    await tx.questions.removeByCitizen(citizenId);
    await tx.outbox.removeByCitizen(citizenId);
    await tx.conversations.delete(citizenId);
    await tx.citizens.removeIdentities(citizenId);
    await tx.citizens.update({
      ...c,
      identities: [],
      phoneHash: null,
      consentAt: null,
      verification: 'none',
      notifications: false,
      erasedAt: now,
    });
    // The chain records that an erasure happened (not who): tallies stay explainable.
    await appendAudit(tx.audit, 'citizen.erased', {}, now);
    return ok({ erasedAt: now });
  });
}
