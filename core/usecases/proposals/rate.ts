import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { participant } from '../eligibility';

/** A citizen rates a completed project 1-5 stars; a new rating replaces their old one. */
export async function rateProject(
  deps: Deps,
  citizenId: string,
  projectId: string,
  stars: number,
): Promise<Result<{ count: number; average: number | null }>> {
  if (!(Number.isInteger(stars) && stars >= 1 && stars <= 5))
    return fail('INVALID_RATING', 'a rating is 1 to 5 stars');
  return deps.store.transaction(async (tx) => {
    const p = await tx.proposals.get(projectId);
    if (!p) return fail('NOT_FOUND', 'project not found', { projectId });
    if (p.status !== 'completed') return fail('RATING_NOT_ALLOWED', 'only completed projects can be rated');
    const who = await participant(tx, citizenId);
    if (!who.ok) return who;
    await tx.ratings.put({ projectId, citizenId, stars, at: deps.clock.now() });
    return ok(await tx.ratings.summary(projectId));
  });
}
