import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { Corpus } from '../corpus/corpus';
import { fold } from '../text/normalize';
import { words } from '../text/tokenize';
import { cyrillicToLatin, greekToLatin } from '../text/translit';

/** Character n-gram counts per language: what the detector learned from the corpus (JSON, cached). */
export interface LanguageProfiles {
  /** n-gram -> count, per language. */
  counts: Record<Locale, Record<string, number>>;
  totals: Record<Locale, number>;
  /** Distinct n-grams over all languages (for smoothing). */
  vocabulary: number;
  /** Log-likelihoods are divided by this before the softmax (tuned on held-out folds of train). */
  temperature: number;
}

export const NGRAM_SIZES = [1, 2, 3, 4] as const;

/**
 * Letter 1-4-grams and whole words of a lower-cased, folded text, each word padded with spaces.
 * Digits and symbols carry no language.
 */
export function letterNgrams(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (!/^\p{L}/u.test(w)) continue;
    const padded = ` ${w} `;
    // The whole word too: "iskam" or "chci" settles Latin Bulgarian against Czech better than its letters.
    out.push(padded);
    for (const n of NGRAM_SIZES) {
      for (let i = 0; i + n <= padded.length; i++) {
        const g = padded.slice(i, i + n);
        if (g !== ' ') out.push(g);
      }
    }
  }
  return out;
}

// Greeklish writers vary: ω as w or o, θ as th or 8, χ as x, h or ch, η as i or h, ευ as ev or ef.
const GREEKLISH_VARIANTS: readonly ((latin: string, greek: string) => string)[] = [
  (latin) => latin,
  (_l, greek) => greekToLatin(greek.replace(/ω/g, 'w').replace(/η/g, 'h').replace(/θ/g, '8')),
  (latin) => latin.replace(/x/g, 'h').replace(/ou/g, 'u'),
  (_l, greek) =>
    greekToLatin(
      greek
        .replace(/ευ/g, 'ef')
        .replace(/αυ/g, 'af')
        .replace(/υ/g, 'i')
        .replace(/μπ/g, 'mp')
        .replace(/ω/g, 'w'),
    ),
];

// Bulgarian in Latin letters: the official transliteration and the chat one ("4" for ч, "6" for ш, "q" for я).
const LATIN_BULGARIAN_VARIANTS: readonly ((cyrillic: string) => string)[] = [
  (t) => cyrillicToLatin(t),
  (t) =>
    cyrillicToLatin(
      t
        .replace(/щ/g, '6t')
        .replace(/ж/g, 'j')
        .replace(/ч/g, '4')
        .replace(/ш/g, '6')
        .replace(/ъ/g, 'u')
        .replace(/я/g, 'q')
        .replace(/ю/g, 'iu')
        .replace(/ц/g, 'c')
        .replace(/й/g, 'i'),
    ),
  (t) => cyrillicToLatin(t.replace(/ъ/g, 'y').replace(/я/g, 'ia').replace(/ж/g, 'j')),
];

const isLatinOnly = (t: string): boolean => !/[\u0370-\u03ff\u0400-\u04ff]/u.test(t);

/**
 * Sample texts per language for the profiles: the corpus itself plus, for Greek and Bulgarian,
 * Latin-letter versions of every line (Greeklish and chat transliteration), because citizens often
 * type them that way. Latin lines of the Greek, Bulgarian and Czech files that are really English
 * (mostly words of the English corpus) are left out, so "thank you" does not teach Greek.
 */
export function profileSamples(corpus: Corpus): Record<Locale, string[]> {
  const english = new Set(corpus.en.flatMap((e) => words(fold(e.text.toLowerCase()))));
  const looksEnglish = (t: string): boolean => {
    const ws = words(t).filter((w) => /^\p{L}/u.test(w));
    return ws.length > 0 && ws.filter((w) => english.has(w)).length / ws.length >= 0.5;
  };
  const out = {} as Record<Locale, string[]>;
  for (const l of LOCALES) {
    const samples: string[] = [];
    for (const ex of corpus[l]) {
      const t = fold(ex.text.toLowerCase());
      if (l !== 'en' && isLatinOnly(t) && looksEnglish(t)) continue;
      samples.push(t);
      if (l === 'el' && !isLatinOnly(t)) {
        for (const variant of GREEKLISH_VARIANTS) samples.push(variant(greekToLatin(t), t));
      }
      if (l === 'bg' && !isLatinOnly(t))
        for (const variant of LATIN_BULGARIAN_VARIANTS) samples.push(variant(t));
    }
    out[l] = samples;
  }
  return out;
}

/** Counts n-grams of the samples (temperature left at 1; see tuneTemperature in detect.ts). */
export function buildProfiles(samples: Record<Locale, string[]>): LanguageProfiles {
  const counts = {} as Record<Locale, Record<string, number>>;
  const totals = {} as Record<Locale, number>;
  const all = new Set<string>();
  for (const l of LOCALES) {
    const c: Record<string, number> = {};
    let total = 0;
    for (const s of samples[l]) {
      for (const g of letterNgrams(s)) {
        c[g] = (c[g] ?? 0) + 1;
        total++;
        all.add(g);
      }
    }
    counts[l] = c;
    totals[l] = total;
  }
  return { counts, totals, vocabulary: all.size, temperature: 1 };
}
