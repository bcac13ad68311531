import type { Channel, Citizen } from '../../model/citizen';
import { sha256Hex } from '../../shared/hash';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';

export const LINK_CODE_TTL_MS = 15 * 60 * 1000;
const codeHash = (code: string): string => sha256Hex(`link:${code.trim().toUpperCase()}`);

/** Issues a one-time code (valid 15 minutes) the citizen types on another channel to link it. */
export async function createLinkCode(
  deps: Deps,
  citizenId: string,
): Promise<Result<{ code: string; expiresAt: Date }>> {
  const c = await deps.store.citizens.get(citizenId);
  if (!c || c.erasedAt) return fail('NOT_FOUND', 'citizen not found');
  const code = deps.ids.code(8);
  const expiresAt = new Date(deps.clock.now().getTime() + LINK_CODE_TTL_MS);
  await deps.store.linkCodes.put(codeHash(code), citizenId, expiresAt);
  return ok({ code, expiresAt });
}

/**
 * Moves the channel account (`channel`, `externalId`) onto the citizen who issued `code`.
 * The account being linked must not carry activity of its own (a ballot or a proposal would otherwise
 * silently change hands); the citizen is told to link from a fresh account instead.
 */
export async function linkWithCode(
  deps: Deps,
  channel: Channel,
  externalId: string,
  code: string,
): Promise<Result<Citizen>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const ownerId = await tx.linkCodes.consume(codeHash(code), now);
    if (!ownerId) return fail('LINK_CODE_INVALID', 'this code is unknown or has expired');
    const owner = await tx.citizens.get(ownerId);
    if (!owner || owner.erasedAt) return fail('LINK_CODE_INVALID', 'this code is unknown or has expired');
    const current = await tx.citizens.findByIdentity(channel, externalId);
    if (current && current.id === owner.id) return ok(owner);
    if (current) {
      const busy =
        (await tx.ballots.listByCitizen(current.id)).length > 0 ||
        (await tx.proposals.listByAuthor(current.id)).length > 0;
      if (busy) return fail('LINK_ACCOUNT_HAS_ACTIVITY', 'this account already voted or proposed on its own');
    }
    await tx.citizens.attachIdentity(owner.id, {
      channel,
      externalId,
      linkedAt: now,
      lastSeenAt: now,
      unreachable: false,
    });
    if (current && current.identities.length <= 1) {
      // The empty shell left behind holds no identity any more; erase it so it holds nothing at all.
      await tx.follows.removeByCitizen(current.id);
      await tx.questions.removeByCitizen(current.id);
      await tx.outbox.removeByCitizen(current.id);
      await tx.citizens.update({ ...current, erasedAt: now, phoneHash: null, consentAt: null });
    }
    const updated = await tx.citizens.get(owner.id);
    return ok(updated ?? owner);
  });
}
