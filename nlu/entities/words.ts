import { fold } from '../text/normalize';

/** A word of the cleaned text with its lookup key (lower-cased, accent-folded). */
export interface Word {
  key: string;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** The words of `text` with their offsets; numbers and symbols are not words. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    out.push({ key: fold(m[0].toLowerCase()), start, end: start + m[0].length });
  }
  return out;
}

/** The word starting at or after `from` with only spaces (at most `gap` characters) before it. */
export function wordAfter(words: readonly Word[], text: string, from: number, gap = 1): Word | undefined {
  const w = words.find((x) => x.start >= from);
  if (!w || w.start - from > gap || text.slice(from, w.start).trim() !== '') return undefined;
  return w;
}

/** The word ending at or before `to` with only spaces (at most `gap` characters) after it. */
export function wordBefore(words: readonly Word[], text: string, to: number, gap = 1): Word | undefined {
  let w: Word | undefined;
  for (const x of words) if (x.end <= to) w = x;
  if (!w || to - w.end > gap || text.slice(w.end, to).trim() !== '') return undefined;
  return w;
}
