import type { Locale } from '../../core/model/locale';
import { isLocale } from '../../core/model/locale';
import type { Proposal } from '../../core/model/proposal';
import { faqTerms } from '../../nlu/faq/terms';
import { TfIdfIndex } from '../../nlu/faq/tfidf';

/** From this cosine similarity on, two proposals are shown as a likely duplicate pair. */
export const DUPLICATE_SCORE = 0.35;

export interface LikelyDuplicate {
  of: Proposal;
  score: number;
}

/** Stemmed terms of every language a proposal is written in; the title counts more than the description. */
function terms(p: Proposal): { term: string; weight: number }[] {
  const out: { term: string; weight: number }[] = [];
  const add = (texts: Partial<Record<Locale, string>>, weight: number) => {
    for (const [l, t] of Object.entries(texts))
      if (isLocale(l) && t) for (const term of faqTerms(t, l)) out.push({ term, weight });
  };
  add(p.title, 1);
  add(p.description, 0.5);
  return out;
}

/**
 * For each proposal, the most similar other proposal of the same list when it looks like the same
 * idea (TF-IDF cosine over stemmed, transliterated words, so a Greek and a Greeklish proposal meet).
 */
export function likelyDuplicates(proposals: readonly Proposal[]): Map<string, LikelyDuplicate> {
  const index = new TfIdfIndex(proposals.map((p) => ({ value: p, terms: terms(p) })));
  const out = new Map<string, LikelyDuplicate>();
  for (const p of proposals) {
    const query = terms(p).map((t) => t.term);
    const best = index.best(query, (other) => (other.id === p.id ? 0 : 1));
    if (best && best.score >= DUPLICATE_SCORE)
      out.set(p.id, { of: best.value, score: Math.min(best.score, 1) });
  }
  return out;
}
