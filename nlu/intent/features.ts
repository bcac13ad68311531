import type { Locale } from '../../core/model/locale';
import { fold } from '../text/normalize';
import { stem } from '../text/stem';
import { words } from '../text/tokenize';
import { bulgarianSkeleton, greekSkeleton } from '../text/translit';

/** Feature-extraction settings (part of the model, so a cached model always matches its features). */
export interface FeatureOptions {
  /** Character n-gram sizes taken from each word's skeleton, e.g. [3, 4]. */
  charNgrams: readonly number[];
  /** Word bigrams of stems. */
  bigrams: boolean;
  /** The first word and whether the message asks a question: "who can vote?" is not "vote". */
  sentenceShape?: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { charNgrams: [3, 4], bigrams: true };

// Words that turn the next few words around: "stop following" and "don't send updates" mean
// unfollow although every other word says follow. Folded, lower-cased; Latin spellings included.
const NEGATIONS: Record<Locale, ReadonlySet<string>> = {
  en: new Set([
    'not',
    'no',
    "don't",
    'dont',
    "doesn't",
    'never',
    'stop',
    'quit',
    'without',
    "won't",
    'nothing',
  ]),
  el: new Set([
    'δεν',
    'δε',
    'μη',
    'μην',
    'οχι',
    'σταματα',
    'σταματησε',
    'παψε',
    'χωρισ',
    'den',
    'min',
    'oxi',
    'stamata',
  ]),
  bg: new Set(['не', 'няма', 'стига', 'спри', 'без', 'престани', 'ne', 'nyama', 'stiga', 'spri']),
  cs: new Set(['ne', 'nechci', 'prestan', 'prestante', 'dost', 'bez', 'zadne', 'zastav', 'nikdy']),
};

/** How many words after a negation carry its mark. */
const NEGATION_SCOPE = 3;

const collapseDoubles = (w: string): string => w.replace(/(\p{L})\1+/gu, '$1');

/** The sound-alike spelling a language's features use (Greeklish and Greek meet here, etc.). */
export function skeletonOf(word: string, locale: Locale): string {
  if (locale === 'el') return greekSkeleton(word);
  if (locale === 'bg') return bulgarianSkeleton(word);
  return collapseDoubles(word);
}

/** What a word contributes whatever its neighbours: computed once per word and language. */
interface WordInfo {
  stem: string;
  features: string[];
  negation: boolean;
  /** Czech negative prefix: the stem of the word without "ne" ("nesleduj" -> "sled"). */
  negatedStem: string | null;
}

// Bounded: the cache is for the hot vocabulary, not for every string ever seen.
const CACHE_LIMIT = 50_000;
const wordCache = new Map<string, WordInfo>();

function wordInfo(token: string, locale: Locale, charNgrams: readonly number[]): WordInfo {
  const key = `${locale}\u0000${charNgrams.join(',')}\u0000${token}`;
  let info = wordCache.get(key);
  if (info) return info;
  const s = stem(token, locale);
  const sk = skeletonOf(token, locale);
  const features = [`w:${token}`, `s:${s}`, `k:${sk}`];
  const padded = `<${sk}>`;
  for (const n of charNgrams) {
    for (let i = 0; i + n <= padded.length; i++) features.push(`c:${padded.slice(i, i + n)}`);
  }
  // Czech negates verbs with a prefix: "nesleduj", "neposílej".
  const czechNegative = locale === 'cs' && token.length >= 6 && token.startsWith('ne');
  info = {
    stem: s,
    features,
    negation: NEGATIONS[locale].has(token),
    negatedStem: czechNegative ? stem(token.slice(2), locale) : null,
  };
  if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
  wordCache.set(key, info);
  return info;
}

const NUMBER_RE = /^\p{N}+$/u;
const PICTOGRAPH_RE = /^\p{Extended_Pictographic}$/u;

/**
 * The features of a lower-cased message for `locale`'s classifier, as a set of strings:
 * folded words (`w:`), light stems (`s:`), stem bigrams (`b:`), the word skeleton (`k:`) and its
 * character n-grams (`c:`), which absorb typos, missing accents and Greeklish/Latin spellings;
 * numbers become one `n:#` feature and pictographs stay as `e:` features. Negated words get an
 * `x:` twin; with `sentenceShape`, the first words (`f:`) and a question mark (`q:`) are features too.
 *
 * (Marking words outside the training vocabulary, to help tell out-of-scope messages, was tried and
 * dropped: the unknown words of in-scope messages are mostly project names, and it cost accuracy.)
 */
export function intentFeatures(
  text: string,
  locale: Locale,
  opts: FeatureOptions = DEFAULT_FEATURES,
): string[] {
  const out = new Set<string>();
  const stems: string[] = [];
  let negated = 0;
  for (const token of words(fold(text))) {
    if (NUMBER_RE.test(token)) {
      out.add('n:#');
      stems.push('#');
      continue;
    }
    if (PICTOGRAPH_RE.test(token)) {
      out.add(`e:${token}`);
      continue;
    }
    const info = wordInfo(token, locale, opts.charNgrams);
    for (const f of info.features) out.add(f);
    if (negated > 0) {
      out.add(`x:${info.stem}`);
      negated--;
    }
    if (info.negation) {
      out.add('x:neg');
      negated = NEGATION_SCOPE;
    } else if (info.negatedStem !== null) {
      out.add('x:neg');
      out.add(`x:${info.negatedStem}`);
    }
    stems.push(info.stem);
  }
  if (opts.sentenceShape) {
    if (text.includes('?') || text.includes(';')) out.add('q:?');
    if (stems.length > 0) out.add(`f:${stems[0]}`);
    if (stems.length > 1) out.add(`f:${stems[0]} ${stems[1]}`);
  }
  if (opts.bigrams) {
    for (let i = 0; i + 1 < stems.length; i++) out.add(`b:${stems[i]} ${stems[i + 1]}`);
  }
  return [...out];
}
