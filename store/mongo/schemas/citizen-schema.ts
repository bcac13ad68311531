import { Schema } from 'mongoose';
import type { Channel, VerificationLevel } from '../../../core/model/citizen';
import { CHANNELS, VERIFICATION_ORDER } from '../../../core/model/citizen';
import type { Locale } from '../../../core/model/locale';
import { LOCALES } from '../../../core/model/locale';
import { SCHEMA_OPTIONS } from '../schema-options';

/** A citizen's own fields; identities live in their own collection (see IdentityDoc). */
export interface CitizenDoc {
  _id: string;
  locale: Locale;
  consentAt: Date | null;
  verification: VerificationLevel;
  phoneHash: string | null;
  notifications: boolean;
  createdAt: Date;
  erasedAt: Date | null;
}

/**
 * One channel account. A collection of its own rather than an array in the citizen, so that
 * "one citizen per (channel, external id)" is a plain unique index (a unique index on an embedded
 * array does not stop one document holding the same pair twice) and an account can move between
 * citizens with one update.
 */
export interface IdentityDoc {
  channel: Channel;
  externalId: string;
  citizenId: string;
  linkedAt: Date;
  lastSeenAt: Date;
  unreachable: boolean;
  /** Insertion order: identities linked in the same millisecond keep their link order. */
  ord: number;
}

/**
 * A one-time link code; `_id` is the code's hash (the code itself is never stored). No TTL index:
 * expiry is judged at the `now` the caller passes (the domain's clock, not the server's), as in
 * the SQLite store; consuming deletes a code, expired or not.
 */
export interface LinkCodeDoc {
  _id: string;
  citizenId: string;
  expiresAt: Date;
}

export const citizenSchema = new Schema<CitizenDoc>(
  {
    _id: { type: String, required: true },
    locale: { type: String, enum: LOCALES, required: true },
    consentAt: { type: Date },
    verification: { type: String, enum: VERIFICATION_ORDER, required: true },
    phoneHash: { type: String },
    notifications: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    erasedAt: { type: Date },
  },
  { ...SCHEMA_OPTIONS, collection: 'citizens' },
);
// Participation counts (consenting, not erased) by first day.
citizenSchema.index({ createdAt: 1 }, { name: 'citizen_created' });
// Phone verification asks who already verified a number; only verified citizens have one.
citizenSchema.index(
  { phoneHash: 1 },
  { name: 'citizen_by_phone', partialFilterExpression: { phoneHash: { $type: 'string' } } },
);

export const identitySchema = new Schema<IdentityDoc>(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    externalId: { type: String, required: true },
    citizenId: { type: String, required: true },
    linkedAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    unreachable: { type: Boolean, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'identities' },
);
identitySchema.index({ channel: 1, externalId: 1 }, { name: 'identity_unique', unique: true });
identitySchema.index({ citizenId: 1, linkedAt: 1, ord: 1 }, { name: 'identity_by_citizen' });

export const linkCodeSchema = new Schema<LinkCodeDoc>(
  {
    _id: { type: String, required: true },
    citizenId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'link_codes' },
);
