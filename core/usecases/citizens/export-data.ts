import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';

/** Everything Agora holds about one citizen (GDPR art. 15/20), as plain JSON-ready data. */
export async function exportCitizenData(
  deps: Deps,
  citizenId: string,
): Promise<Result<Record<string, unknown>>> {
  const s = deps.store;
  const citizen = await s.citizens.get(citizenId);
  if (!citizen) return fail('NOT_FOUND', 'citizen not found');
  return ok({
    exportedAt: deps.clock.now().toISOString(),
    citizen,
    proposals: await s.proposals.listByAuthor(citizenId),
    // Without the salt: handed to a buyer, it would turn the receipt into a proof of the vote.
    ballots: (await s.ballots.listByCitizen(citizenId)).map(({ salt: _secret, ...b }) => b),
    follows: await s.follows.listByCitizen(citizenId),
    questions: await s.questions.listByCitizen(citizenId),
    ratings: await s.ratings.listByCitizen(citizenId),
    notifications: await s.outbox.listByCitizen(citizenId),
  });
}
