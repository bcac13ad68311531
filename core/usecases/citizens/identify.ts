import type { Channel, Citizen } from '../../model/citizen';
import type { Locale } from '../../model/locale';
import type { Deps } from '../deps';

export interface IdentifyInput {
  channel: Channel;
  externalId: string;
  /** The channel's language hint (e.g. Telegram's language_code), used only for a new citizen. */
  locale: Locale;
}

/** Finds the citizen behind a channel account, creating one on first contact; records the visit. */
export async function identifyCitizen(
  deps: Deps,
  input: IdentifyInput,
): Promise<{ citizen: Citizen; isNew: boolean }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const found = await tx.citizens.findByIdentity(input.channel, input.externalId);
    if (found) {
      await tx.citizens.touchIdentity(input.channel, input.externalId, now);
      return { citizen: found, isNew: false };
    }
    const citizen: Citizen = {
      id: deps.ids.next('ct'),
      identities: [
        {
          channel: input.channel,
          externalId: input.externalId,
          linkedAt: now,
          lastSeenAt: now,
          unreachable: false,
        },
      ],
      locale: input.locale,
      consentAt: null,
      verification: 'none',
      phoneHash: null,
      notifications: true,
      createdAt: now,
      erasedAt: null,
    };
    await tx.citizens.create(citizen);
    return { citizen, isNew: true };
  });
}
