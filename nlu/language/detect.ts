import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import { fold } from '../text/normalize';
import { scriptCounts } from '../text/script';
import { words } from '../text/tokenize';
import type { LanguageProfiles } from './profile';
import { letterNgrams } from './profile';

/** The detector's verdict on one message. */
export interface Detection {
  language: Locale;
  /** Posterior probability of `language`, 0 when the text has no letters at all. */
  confidence: number;
  /** True when the text alone did not decide (no letters, or the hint won a close call). */
  ambiguous: boolean;
}

/** Prior probability that a citizen writes in the locale they chose: the hint's weight against the text. */
export const HINT_PRIOR = 0.9;

/** Log-likelihood bonus per letter only Czech uses (ě š č ř ž ů ň ť ď): strong but not absolute evidence. */
const CZECH_LETTER_BONUS = 4;

// Addresses, mentions and bot commands are written the same in every language.
const NEUTRAL =
  /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|(?:^|\s)[/@#][\w-]+|\S+\.(?:com|org|net|eu|gr|bg|cz)\b\S*/giu;

/** The text without URLs, e-mail addresses, @mentions, #tags and /commands. */
export const stripNeutral = (text: string): string => text.replace(NEUTRAL, ' ');

/** Additive smoothing of n-gram counts. */
const ALPHA = 0.5;

/**
 * Language detection by character n-grams: a naive-Bayes model per language over 1-3-grams of the
 * accent-folded text, trained from the corpus plus its Greeklish and Latin-Bulgarian renderings.
 * Script decides most messages (Greek or Cyrillic letters weigh heavily: no other language has
 * them), Czech-only letters add evidence, and the citizen's chosen locale enters as a prior, so a
 * short or mixed message ("ok", "5000", "hi") keeps the citizen's language unless the text clearly
 * says otherwise.
 */
export class LanguageDetector {
  private readonly logp: Map<string, Float64Array>;
  private readonly unseen: Float64Array;
  private readonly evidence = new Map<string, { ll: Float64Array; known: number } | null>();

  constructor(readonly profiles: LanguageProfiles) {
    const { counts, totals, vocabulary } = profiles;
    this.unseen = Float64Array.from(LOCALES, (l) => Math.log(ALPHA / (totals[l] + ALPHA * vocabulary)));
    this.logp = new Map();
    LOCALES.forEach((l, i) => {
      for (const [g, n] of Object.entries(counts[l])) {
        let row = this.logp.get(g);
        if (!row) {
          row = Float64Array.from(this.unseen);
          this.logp.set(g, row);
        }
        row[i] = Math.log((n + ALPHA) / (totals[l] + ALPHA * vocabulary));
      }
    });
  }

  /** Log-likelihood per language (LOCALES order), or null when the text holds no letter n-gram we know. */
  likelihoods(text: string): Float64Array | null {
    const scores = new Float64Array(LOCALES.length);
    let known = 0;
    for (const w of words(fold(stripNeutral(text).toLowerCase()))) {
      const e = this.wordEvidence(w);
      if (!e) continue;
      known += e.known;
      for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) + (e.ll[i] ?? 0);
    }
    if (known === 0) return null;
    const czech = scriptCounts(text).czech;
    if (czech > 0) {
      const cs = LOCALES.indexOf('cs');
      scores[cs] = (scores[cs] ?? 0) + CZECH_LETTER_BONUS * Math.min(czech, 5);
    }
    return scores;
  }

  /**
   * The summed log-likelihoods of one word's n-grams, remembered per word: evidence adds up word
   * by word, and chat messages reuse a small vocabulary.
   */
  private wordEvidence(word: string): { ll: Float64Array; known: number } | null {
    let e = this.evidence.get(word);
    if (e !== undefined) return e;
    const ll = new Float64Array(LOCALES.length);
    let known = 0;
    for (const g of letterNgrams(word)) {
      const row = this.logp.get(g);
      if (!row) continue;
      known++;
      for (let i = 0; i < ll.length; i++) ll[i] = (ll[i] ?? 0) + (row[i] ?? 0);
    }
    e = known > 0 ? { ll, known } : null;
    if (this.evidence.size >= 50_000) this.evidence.clear();
    this.evidence.set(word, e);
    return e;
  }

  /** Posterior per language given an optional hint, or null for text without letters. */
  posterior(text: string, hint?: Locale, temperature = this.profiles.temperature): Float64Array | null {
    const ll = this.likelihoods(text);
    if (!ll) return null;
    const logPrior = (l: Locale): number =>
      hint === undefined ? 0 : Math.log(l === hint ? HINT_PRIOR : (1 - HINT_PRIOR) / (LOCALES.length - 1));
    const z = Float64Array.from(LOCALES, (l, i) => (ll[i] ?? 0) / temperature + logPrior(l));
    const max = Math.max(...z);
    let sum = 0;
    for (let i = 0; i < z.length; i++) {
      z[i] = Math.exp((z[i] ?? 0) - max);
      sum += z[i] ?? 0;
    }
    for (let i = 0; i < z.length; i++) z[i] = (z[i] ?? 0) / sum;
    return z;
  }

  /** The language of `text`; `hint` (the citizen's locale) wins whenever the text does not clearly disagree. */
  detect(text: string, hint?: Locale): Detection {
    const p = this.posterior(text, hint);
    if (!p) return { language: hint ?? 'en', confidence: 0, ambiguous: true };
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] ?? 0) > (p[best] ?? 0)) best = i;
    const language = LOCALES[best] ?? 'en';
    const confidence = p[best] ?? 0;
    // Ambiguous: the text alone would have said something else, or barely anything.
    const alone = hint === undefined ? p : this.posterior(text);
    let aloneBest = 0;
    if (alone)
      for (let i = 1; i < alone.length; i++) if ((alone[i] ?? 0) > (alone[aloneBest] ?? 0)) aloneBest = i;
    return { language, confidence, ambiguous: aloneBest !== best || confidence < 0.9 };
  }
}

/**
 * Picks the temperature that makes held-out posteriors honest (lowest log-loss): naive Bayes
 * multiplies correlated n-gram evidence and is far too sure of itself otherwise.
 */
export function tuneTemperature(
  folds: readonly { detector: LanguageDetector; heldOut: readonly { text: string; language: Locale }[] }[],
  candidates: readonly number[] = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25],
): number {
  // Likelihoods do not depend on the temperature: compute them once per held-out text.
  const scored: { ll: Float64Array; gold: number }[] = [];
  for (const { detector, heldOut } of folds) {
    for (const ex of heldOut) {
      const ll = detector.likelihoods(ex.text);
      if (ll) scored.push({ ll, gold: LOCALES.indexOf(ex.language) });
    }
  }
  let bestT = 1;
  let bestLoss = Infinity;
  for (const t of candidates) {
    let loss = 0;
    for (const { ll, gold } of scored) {
      let max = -Infinity;
      for (const x of ll) max = Math.max(max, x / t);
      let sum = 0;
      for (const x of ll) sum += Math.exp(x / t - max);
      loss -= (ll[gold] ?? 0) / t - max - Math.log(sum);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      bestT = t;
    }
  }
  return bestT;
}
