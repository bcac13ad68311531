import type { FaqEntry } from '../../../core/model/faq';
import type { FaqDoc } from '../schemas/faq-schema';
import { textOrNull } from './json';

export function faqToDoc(e: FaqEntry, ord: number): FaqDoc {
  return {
    _id: e.id,
    challengeId: e.challengeId,
    locale: e.locale,
    question: e.question,
    answer: e.answer,
    updatedAt: e.updatedAt,
    ord,
  };
}

export function faqFromDoc(doc: FaqDoc): FaqEntry {
  return {
    id: doc._id,
    challengeId: textOrNull(doc.challengeId),
    locale: doc.locale,
    question: doc.question,
    answer: doc.answer,
    updatedAt: doc.updatedAt,
  };
}
