import type { Locale } from './locale';

/**
 * One question and answer of an FAQ, in one language. `challengeId` null is the general FAQ (how
 * participatory budgeting works); otherwise the entry belongs to that challenge's own FAQ, which the
 * bot searches first. Officials edit entries in the admin panel; each save refreshes `updatedAt`.
 */
export interface FaqEntry {
  id: string;
  challengeId: string | null;
  locale: Locale;
  question: string;
  answer: string;
  updatedAt: Date;
}
