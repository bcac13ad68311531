import type { FollowTarget } from '../../model/follow';
import type { Stores } from '../../ports/store';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';

async function targetExists(tx: Stores, t: FollowTarget): Promise<boolean> {
  return t.kind === 'challenge'
    ? (await tx.challenges.get(t.id)) !== null
    : (await tx.proposals.get(t.id)) !== null;
}

async function setFollow(
  deps: Deps,
  citizenId: string,
  target: FollowTarget,
  active: boolean,
): Promise<Result<{ active: boolean }>> {
  return deps.store.transaction(async (tx) => {
    const c = await tx.citizens.get(citizenId);
    if (!c || c.erasedAt) return fail('NOT_FOUND', 'citizen not found');
    if (!(await targetExists(tx, target)))
      return fail('NOT_FOUND', `${target.kind} not found`, { id: target.id });
    await tx.follows.save({ citizenId, target, auto: false, active, updatedAt: deps.clock.now() });
    return ok({ active });
  });
}

/** Follow a challenge or project: its updates reach the citizen on their channel. */
export const follow = (
  deps: Deps,
  citizenId: string,
  target: FollowTarget,
): Promise<Result<{ active: boolean }>> => setFollow(deps, citizenId, target, true);

/** Stop following; kept as an inactive row so voting or proposing does not follow it again automatically. */
export const unfollow = (
  deps: Deps,
  citizenId: string,
  target: FollowTarget,
): Promise<Result<{ active: boolean }>> => setFollow(deps, citizenId, target, false);
