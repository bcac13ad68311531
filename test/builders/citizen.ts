import type { ChannelIdentity, Citizen } from '../../core/model/citizen';
import { atBase, nextSeq } from './sequence';

/** A reachable Telegram identity with a fresh external id. */
export function anIdentity(overrides: Partial<ChannelIdentity> = {}): ChannelIdentity {
  return {
    channel: 'telegram',
    externalId: `tg-${nextSeq()}`,
    linkedAt: atBase(),
    lastSeenAt: atBase(),
    unreachable: false,
    ...overrides,
  };
}

/** A consenting English-speaking citizen with one Telegram identity, not erased. */
export function aCitizen(overrides: Partial<Citizen> = {}): Citizen {
  const n = nextSeq();
  return {
    id: `ci_${n}`,
    identities: [anIdentity({ externalId: `tg-${n}` })],
    locale: 'en',
    consentAt: atBase(),
    verification: 'none',
    phoneHash: null,
    notifications: true,
    createdAt: atBase(),
    erasedAt: null,
    ...overrides,
  };
}
