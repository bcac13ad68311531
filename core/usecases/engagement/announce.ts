import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { notifyMany } from '../fanout';

/** Officials broadcast a message to a challenge's followers and voters. Returns how many were queued. */
export async function announce(
  deps: Deps,
  challengeId: string,
  text: string,
): Promise<Result<{ notified: number }>> {
  const body = text.trim();
  if (!body) return fail('INVALID_INPUT', 'the announcement is empty');
  return deps.store.transaction(async (tx) => {
    const ch = await tx.challenges.get(challengeId);
    if (!ch) return fail('NOT_FOUND', 'challenge not found', { challengeId });
    const followers = await tx.follows.followers({ kind: 'challenge', id: challengeId });
    const voters = (await tx.ballots.listByChallenge(challengeId))
      .map((b) => b.citizenId)
      .filter((id): id is string => !!id);
    const notified = await notifyMany(tx, deps, [...followers, ...voters], 'announcement', {
      challengeId,
      text: body,
    });
    return ok({ notified });
  });
}
