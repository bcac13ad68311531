import type { FaqEntry } from '../../core/model/faq';
import type { Locale } from '../../core/model/locale';
import type { FaqStore } from '../../core/ports/faq-store';
import type { FaqMatch } from '../types';
import { faqTerms } from './terms';
import { TfIdfIndex } from './tfidf';

/** Where FAQ entries come from: the store in the app, seed files or a list in tests. */
export type FaqSource = Pick<FaqStore, 'list'>;

/** A `faq` message gets the best entry from this similarity on. */
export const FAQ_MIN_SCORE = 0.2;
/** Other messages (a question to an official, or nothing understood) get an entry only from this on. */
export const FAQ_CONFIDENT_SCORE = 0.45;

/** Answer words count this much against question words: the question says what an entry is about. */
const ANSWER_WEIGHT = 0.2;
/** A challenge's own entry wins over a general one unless the general one fits clearly better. */
const OWN_BOOST = 1.15;

function buildIndex(entries: readonly FaqEntry[], locale: Locale): TfIdfIndex<FaqEntry> {
  return new TfIdfIndex(
    entries.map((e) => ({
      value: e,
      terms: [
        ...faqTerms(e.question, locale).map((term) => ({ term, weight: 1 })),
        ...faqTerms(e.answer, locale).map((term) => ({ term, weight: ANSWER_WEIGHT })),
      ],
    })),
  );
}

/**
 * FAQ retrieval per language: the challenge's own FAQ first, then the general one. Both are
 * indexed together (a challenge FAQ of three entries would make every shared word look rare) and
 * the challenge's entries get a boost, so they win unless a general entry fits clearly better.
 * Indexes are built from the source on first use and kept for `ttlMs`, so edits in the admin
 * panel show up within that time (or at once after `invalidate`), and no message waits for the store.
 */
export class FaqRetriever {
  private readonly cache = new Map<string, { at: number; index: Promise<TfIdfIndex<FaqEntry>> }>();

  constructor(
    private readonly source: FaqSource,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The best entry scoring at least `minScore`, the challenge's FAQ winning over the general one. */
  async search(
    text: string,
    locale: Locale,
    challengeId: string | null,
    minScore = FAQ_MIN_SCORE,
  ): Promise<FaqMatch | null> {
    const terms = faqTerms(text, locale);
    if (terms.length === 0) return null;
    const hit = (await this.index(challengeId, locale)).best(terms, (e) =>
      e.challengeId === null ? 1 : OWN_BOOST,
    );
    if (!hit || hit.score < minScore) return null;
    const { id, question, answer } = hit.value;
    return { id, question, answer, score: Math.round(Math.min(hit.score, 1) * 1000) / 1000 };
  }

  /** Forget built indexes (after an FAQ edit). */
  invalidate(): void {
    this.cache.clear();
  }

  private index(challengeId: string | null, locale: Locale): Promise<TfIdfIndex<FaqEntry>> {
    const key = `${challengeId ?? ''}\u0000${locale}`;
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.index;
    const index = Promise.all([
      this.source.list(null, locale),
      challengeId ? this.source.list(challengeId, locale) : Promise.resolve([]),
    ]).then(([general, own]) => buildIndex([...own, ...general], locale));
    // A failed load is not cached: the next message tries again.
    index.catch(() => this.cache.delete(key));
    this.cache.set(key, { at: this.now(), index });
    return index;
  }
}
