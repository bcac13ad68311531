import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import type { Locale } from '../../core/model/locale';
import { fold } from '../text/normalize';
import { toLatin } from '../text/translit';
import type { ReferenceEntity } from '../types';

/** A project or challenge with its title in each language it has one in. */
export interface ReferenceTitles {
  type: 'project' | 'challenge';
  id: string;
  titles: Partial<Record<Locale, string | undefined>>;
}

/** Where titles come from (the store in the app, a fixed list in tests and benchmarks). */
export interface ReferenceSource {
  /** Titles of one challenge and its projects, or of every challenge and project when no id is given. */
  titles(challengeId?: string): Promise<ReferenceTitles[]>;
}

/** Below this a title is not reported (0..1, see `score`). */
export const MIN_REFERENCE_SCORE = 0.65;
/** Below this two words are different words. */
const MIN_WORD_SIMILARITY = 0.86;

// Words that say nothing about which title is meant, in their Latin (transliterated) form.
const STOPWORDS: ReadonlySet<string> = new Set(
  `the a an of for in on at to and with new my our this that project proposal idea is it what
   about from by ta o i oi tou tis ton tin sto sti stin ston stous gia kai me apo neo nea neos ena
   mia ergo protasi ti pos na za v vav s ot do pri po nov nova novo novi proekt proekta kak pro ve
   u se z k nove novy projekt projektu navrh jak co`.split(/\s+/),
);

const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

const keyCache = new Map<string, string>();

/** A word's matching key: lower-cased, accent-folded, in Latin letters, double letters single. */
export function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    key = toLatin(fold(word.toLowerCase())).replace(/(\p{L})\1+/gu, '$1');
    if (keyCache.size >= 50_000) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

interface TitleWord {
  key: string;
  weight: number;
}

interface IndexedTitle {
  entry: number;
  words: TitleWord[];
  total: number;
  maxWeight: number;
}

/**
 * Fuzzy title matching with natural's distances. Each title word is compared with the message's
 * words (Jaro-Winkler, with Damerau-Levenshtein keeping short words honest and a shared-stem rule for
 * inflections: "hřiště"/"hřištěm", "πάρκο"/"πάρκου"); all comparisons happen on a Latin
 * transliteration, so "Pagkrati" finds "Παγκράτι". A title scores by how much of its weight
 * (rarer words weigh more) the message covers, half and half with how distinctive its best
 * matched word is, so "the skate park" finds "Skate park in Žižkov" but "the park" finds nothing.
 */
export class ReferenceIndex {
  private readonly entries: ReferenceTitles[];
  private readonly titles: IndexedTitle[] = [];
  /** Title word -> titles using it. */
  private readonly byWord = new Map<string, number[]>();
  private readonly vocabulary: string[];
  /** Message word -> similar title words, remembered: chat messages reuse words a lot. */
  private readonly memo = new Map<string, [string, number][]>();

  constructor(entries: readonly ReferenceTitles[]) {
    this.entries = [...entries];
    const df = new Map<string, number>();
    const tokenized = this.entries.map((e) =>
      Object.values(e.titles)
        .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
        .map((t) => [...new Set(keysOf(t))]),
    );
    // Document frequency by the first letters, so "park", "parku" and "parko" count as one word.
    for (const perEntry of tokenized) {
      for (const key of new Set(perEntry.flat().map(dfKey))) df.set(key, (df.get(key) ?? 0) + 1);
    }
    const n = Math.max(this.entries.length, 1);
    tokenized.forEach((perEntry, entry) => {
      for (const keys of perEntry) {
        if (keys.length === 0) continue;
        const words = keys.map((key) => ({ key, weight: Math.log(1 + n / (df.get(dfKey(key)) ?? 1)) }));
        const total = words.reduce((s, w) => s + w.weight, 0);
        const id = this.titles.length;
        this.titles.push({ entry, words, total, maxWeight: Math.log(1 + n) });
        for (const w of words) {
          const list = this.byWord.get(w.key) ?? [];
          if (list[list.length - 1] !== id) list.push(id);
          this.byWord.set(w.key, list);
        }
      }
    });
    this.vocabulary = [...this.byWord.keys()];
  }

  get size(): number {
    return this.entries.length;
  }

  /** References in `text`, best first, at most `limit`, each id once. */
  match(text: string, limit = 3, minScore = MIN_REFERENCE_SCORE): ReferenceEntity[] {
    if (this.titles.length === 0) return [];
    const words: { key: string; start: number; end: number }[] = [];
    for (const m of text.matchAll(WORD_RE)) {
      const key = wordKey(m[0]);
      if (!isKey(key)) continue;
      const start = m.index ?? 0;
      words.push({ key, start, end: start + m[0].length });
    }
    // Best similarity, and where in the message, for every title word the message resembles.
    const hits = new Map<string, { sim: number; at: number }>();
    words.forEach((w, at) => {
      for (const [titleWord, sim] of this.similar(w.key)) {
        const prev = hits.get(titleWord);
        if (!prev || sim > prev.sim) hits.set(titleWord, { sim, at });
      }
    });
    const best = new Map<number, { score: number; first: number; last: number }>();
    const seen = new Set<number>();
    for (const titleWord of hits.keys()) {
      for (const t of this.byWord.get(titleWord) ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        const title = this.titles[t] as IndexedTitle;
        let covered = 0;
        let matched = 0;
        let distinct = 0;
        let first = Infinity;
        let last = -1;
        for (const w of title.words) {
          const h = hits.get(w.key);
          if (!h) continue;
          covered += w.weight * h.sim;
          matched++;
          distinct = Math.max(distinct, (w.weight / title.maxWeight) * h.sim);
          first = Math.min(first, h.at);
          last = Math.max(last, h.at);
        }
        const coverage = covered / title.total;
        const score = 0.5 * coverage + 0.5 * distinct;
        // One word of a longer title is not enough ("Prague" is not "Greener Prague 7").
        const enough = coverage >= 0.5 || matched >= 2;
        const prev = best.get(title.entry);
        if (enough && score >= minScore && (!prev || score > prev.score))
          best.set(title.entry, { score, first, last });
      }
    }
    return [...best]
      .sort((a, b) => b[1].score - a[1].score)
      .slice(0, limit)
      .map(([entry, m]) => {
        const e = this.entries[entry] as ReferenceTitles;
        const start = words[m.first]?.start ?? 0;
        const end = words[m.last]?.end ?? start;
        return {
          type: e.type,
          id: e.id,
          score: Math.round(m.score * 1000) / 1000,
          text: text.slice(start, end),
          start,
          end,
        };
      });
  }

  /** Title words similar to a message word, with their similarity. */
  private similar(key: string): [string, number][] {
    let out = this.memo.get(key);
    if (out) return out;
    out = [];
    for (const candidate of this.vocabulary) {
      const sim = wordSimilarity(key, candidate);
      if (sim >= MIN_WORD_SIMILARITY) out.push([candidate, sim]);
    }
    // Bounded: a flood of unique junk words must not grow the process.
    if (this.memo.size > 20_000) this.memo.clear();
    this.memo.set(key, out);
    return out;
  }
}

const dfKey = (key: string): string => key.slice(0, 4);

// Numbers count ("Prague 7"); one-letter words and stopwords do not.
const isKey = (key: string): boolean => (key.length >= 2 || /^\d+$/.test(key)) && !STOPWORDS.has(key);

function keysOf(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(WORD_RE)) {
    const key = wordKey(m[0]);
    if (isKey(key)) out.push(key);
  }
  return out;
}

/** 0..1 similarity of two word keys. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // Cheap rejections first: this runs for every word against every title word once.
  if (a[0] !== b[0] || Math.abs(a.length - b.length) > 4) return 0;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return 0;
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  // One is the other with an inflection ending: "hriste"/"hristem", "parko"/"parkou", "park"/"parka".
  if (prefix >= 4 && prefix >= shorter - 1 && Math.max(a.length, b.length) - prefix <= 3) return 0.95;
  const jw = JaroWinklerDistance(a, b);
  if (jw < MIN_WORD_SIMILARITY) return 0;
  // Jaro-Winkler is generous with short words ("park"/"part"): no edit under five letters, then
  // one per four letters (a swap of neighbours, the commonest typo, is one edit).
  const edits = DamerauLevenshteinDistance(a, b, { restricted: true });
  return edits <= Math.floor((shorter - 1) / 4) ? jw : 0;
}
