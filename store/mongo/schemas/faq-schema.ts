import { Schema } from 'mongoose';
import type { Locale } from '../../../core/model/locale';
import { LOCALES } from '../../../core/model/locale';
import { SCHEMA_OPTIONS } from '../schema-options';

export interface FaqDoc {
  _id: string;
  /** Null for the general FAQ: always stored, so `{ challengeId: null }` finds exactly those. */
  challengeId: string | null;
  locale: Locale;
  question: string;
  answer: string;
  updatedAt: Date;
  /** Set on first save only: an edited entry keeps its place in the list. */
  ord: number;
}

export const faqSchema = new Schema<FaqDoc>(
  {
    _id: { type: String, required: true },
    challengeId: { type: String },
    locale: { type: String, enum: LOCALES, required: true },
    question: { type: String },
    answer: { type: String },
    updatedAt: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'faq_entries' },
);
faqSchema.index({ challengeId: 1, locale: 1, ord: 1 }, { name: 'faq_by_challenge' });
