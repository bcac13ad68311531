import type { Challenge } from '../model/challenge';
import type { Citizen } from '../model/citizen';
import { meetsVerification } from '../model/citizen';
import type { Stores } from '../ports/store';
import type { Result } from '../shared/result';
import { fail, ok } from '../shared/result';

/** Loads a citizen who may take part: exists, not erased, consented, verified enough for the challenge. */
export async function participant(
  tx: Stores,
  citizenId: string,
  challenge?: Challenge,
): Promise<Result<Citizen>> {
  const c = await tx.citizens.get(citizenId);
  if (!c) return fail('NOT_FOUND', 'citizen not found', { citizenId });
  if (c.erasedAt) return fail('CITIZEN_ERASED', 'this account was erased');
  if (!c.consentAt) return fail('CONSENT_REQUIRED', 'please accept the privacy notice first');
  if (challenge && !meetsVerification(c.verification, challenge.minVerification))
    return fail('NOT_ELIGIBLE', 'this challenge needs a verified account', {
      needs: challenge.minVerification,
    });
  return ok(c);
}
