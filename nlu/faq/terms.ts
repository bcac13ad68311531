import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { Locale } from '../../core/model/locale';
import { skeletonOf } from '../intent/features';
import { fold } from '../text/normalize';
import { STOPWORDS } from '../text/stopwords';
import { words } from '../text/tokenize';

/** Prefixes kept of a Greek, Bulgarian or Czech word: crude stems that survive inflection. */
const SHORT = 4;
const LONG = 6;

/**
 * The terms FAQ retrieval compares: content words, lower-cased and folded, written as their
 * sound-alike Latin skeleton (so Greeklish meets Greek, Latin-letter Bulgarian meets Cyrillic) and
 * cut to stems: Porter for English; elsewhere the first four and the first six letters, both as
 * terms, so "ψηφίσει"/"ψήφοι" still share "psif" and "hlasování"/"hlasovat" share "hlasov" too.
 */
export function faqTerms(text: string, locale: Locale): string[] {
  const out: string[] = [];
  const stop = STOPWORDS[locale];
  for (const w of words(fold(text.toLowerCase()))) {
    if (!/^\p{L}/u.test(w) || stop.has(w)) continue;
    if (locale === 'en') {
      if (w.length > 1) out.push(/^[a-z]+$/.test(w) ? PorterStemmer.stem(w) : w);
      continue;
    }
    const sk = skeletonOf(w, locale);
    if (sk.length <= SHORT) {
      if (sk.length > 1) out.push(sk);
      continue;
    }
    out.push(`${sk.slice(0, SHORT)}-`, sk.slice(0, LONG));
  }
  return out;
}
