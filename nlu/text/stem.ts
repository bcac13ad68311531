import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { Locale } from '../../core/model/locale';

/**
 * Light stemming: strip the longest inflection ending, keeping a stem of at least 3 letters.
 * natural ships no Greek, Bulgarian or Czech stemmer; for an intent classifier a crude cut is
 * enough (ψηφίζω/ψηφίσω/ψηφοφορία, hlasovat/hlasuju/hlasování end up close), and character
 * n-grams in features.ts cover what the cut misses. Words are lower-cased and folded.
 */
const SUFFIXES: Record<Exclude<Locale, 'en'>, readonly string[]> = {
  el: [
    'ουμε',
    'ουνε',
    'ησουμε',
    'ησετε',
    'ησεις',
    'ηκαν',
    'ισαν',
    'ονται',
    'εται',
    'ομαι',
    'ουσα',
    'ουν',
    'εις',
    'ει',
    'ετε',
    'ατε',
    'αμε',
    'ανε',
    'ησα',
    'ηση',
    'ησω',
    'ισω',
    'ιση',
    'εσω',
    'ους',
    'ων',
    'ης',
    'ες',
    'ας',
    'ος',
    'οι',
    'ου',
    'ια',
    'ιο',
    'ισ',
    'α',
    'ε',
    'η',
    'ι',
    'ο',
    'ω',
    'σ',
    'υ',
  ],
  bg: [
    'ията',
    'ията',
    'ищата',
    'овете',
    'ните',
    'ите',
    'ата',
    'ото',
    'ият',
    'ия',
    'ът',
    'ят',
    'та',
    'то',
    'те',
    'ове',
    'ища',
    'ам',
    'ям',
    'аш',
    'яш',
    'ат',
    'ят',
    'ме',
    'ем',
    'им',
    'иш',
    'еш',
    'ва',
    'и',
    'а',
    'я',
    'о',
    'е',
    'у',
    'ю',
    'й',
  ],
  cs: [
    'ovani',
    'ovat',
    'ujeme',
    'ujete',
    'ujes',
    'uju',
    'uje',
    'ame',
    'ate',
    'ime',
    'ite',
    'eme',
    'ete',
    'ich',
    'ech',
    'ach',
    'emi',
    'ami',
    'ova',
    'ove',
    'ovi',
    'ou',
    'em',
    'um',
    'ho',
    'mu',
    'at',
    'it',
    'et',
    'a',
    'e',
    'i',
    'o',
    'u',
    'y',
  ],
};

// Longest first, so "ουμε" is tried before "ε".
const SORTED = Object.fromEntries(
  Object.entries(SUFFIXES).map(([l, list]) => [l, [...new Set(list)].sort((a, b) => b.length - a.length)]),
) as Record<Exclude<Locale, 'en'>, string[]>;

const MIN_STEM = 3;

/** The stem of one lower-cased, folded word. */
export function stem(word: string, locale: Locale): string {
  if (locale === 'en') return /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
  for (const suffix of SORTED[locale]) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) {
      return word.slice(0, word.length - suffix.length);
    }
  }
  return word;
}
