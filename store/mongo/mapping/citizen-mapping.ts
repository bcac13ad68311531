import type { ChannelIdentity, Citizen } from '../../../core/model/citizen';
import type { CitizenDoc, IdentityDoc } from '../schemas/citizen-schema';
import { dateOrNull, textOrNull } from './json';

/** The citizen's own fields; identities are stored apart (`identityToDoc`). */
export function citizenToDoc(c: Citizen): CitizenDoc {
  return {
    _id: c.id,
    locale: c.locale,
    consentAt: c.consentAt,
    verification: c.verification,
    phoneHash: c.phoneHash,
    notifications: c.notifications,
    createdAt: c.createdAt,
    erasedAt: c.erasedAt,
  };
}

export function identityToDoc(citizenId: string, i: ChannelIdentity, ord: number): IdentityDoc {
  return {
    channel: i.channel,
    externalId: i.externalId,
    citizenId,
    linkedAt: i.linkedAt,
    lastSeenAt: i.lastSeenAt,
    unreachable: i.unreachable,
    ord,
  };
}

/** A citizen from its document and its identity documents (given in link order). */
export function citizenFromDoc(doc: CitizenDoc, identities: readonly IdentityDoc[]): Citizen {
  return {
    id: doc._id,
    identities: identities.map(identityFromDoc),
    locale: doc.locale,
    consentAt: dateOrNull(doc.consentAt),
    verification: doc.verification,
    phoneHash: textOrNull(doc.phoneHash),
    notifications: doc.notifications,
    createdAt: doc.createdAt,
    erasedAt: dateOrNull(doc.erasedAt),
  };
}

export function identityFromDoc(doc: IdentityDoc): ChannelIdentity {
  return {
    channel: doc.channel,
    externalId: doc.externalId,
    linkedAt: doc.linkedAt,
    lastSeenAt: doc.lastSeenAt,
    unreachable: doc.unreachable,
  };
}
