import type { FaqEntry } from '../../core/model/faq';
import { atBase, nextSeq } from './sequence';

/** A general-FAQ entry in English. */
export function aFaqEntry(overrides: Partial<FaqEntry> = {}): FaqEntry {
  const n = nextSeq();
  return {
    id: `faq_${n}`,
    challengeId: null,
    locale: 'en',
    question: `Question ${n}: who can vote?`,
    answer: `Answer ${n}: every resident aged 15 or more.`,
    updatedAt: atBase(),
    ...overrides,
  };
}
