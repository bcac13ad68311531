import type { Locale } from './locale';

export const CHANNELS = ['telegram', 'viber', 'webchat', 'console'] as const;
export type Channel = (typeof CHANNELS)[number];

export type VerificationLevel = 'none' | 'phone' | 'code';
export const VERIFICATION_ORDER: readonly VerificationLevel[] = ['none', 'phone', 'code'];

/** One account of a citizen on one messaging channel. */
export interface ChannelIdentity {
  channel: Channel;
  externalId: string;
  linkedAt: Date;
  lastSeenAt: Date;
  /** Set after a permanent refusal (bot blocked): nothing more is sent there. */
  unreachable: boolean;
}

export interface Citizen {
  id: string;
  identities: ChannelIdentity[];
  locale: Locale;
  consentAt: Date | null;
  verification: VerificationLevel;
  /** SHA-256 of the normalised phone number; the number itself is never stored. */
  phoneHash: string | null;
  notifications: boolean;
  createdAt: Date;
  /** GDPR erasure time; an erased citizen keeps only this row, without identities. */
  erasedAt: Date | null;
}

export const meetsVerification = (has: VerificationLevel, needs: VerificationLevel): boolean =>
  VERIFICATION_ORDER.indexOf(has) >= VERIFICATION_ORDER.indexOf(needs);

/** The identity a notification goes to: the reachable one used most recently. */
export function primaryIdentity(c: Citizen): ChannelIdentity | null {
  const reachable = c.identities.filter((i) => !i.unreachable);
  reachable.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  return reachable[0] ?? null;
}
