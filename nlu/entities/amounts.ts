import { fold } from '../text/normalize';
import type { MoneyEntity, NumberEntity } from '../types';
import { CURRENCIES, NUMBER_MARKERS, SCALES } from './lexicon';
import type { Word } from './words';
import { wordAfter, wordBefore, wordsOf } from './words';

/**
 * Money and plain numbers. A number is money when a currency or a scale word goes with it
 * ("5.000 €", "€ 1 200", "5k", "2,5 χιλ.", "1.5 млн", "5 tis. Kč"), or when it is 1000 or more on
 * its own ("5000"): in a budgeting chat big numbers are costs, small ones are counts, project
 * numbers or points. Years (1900-2100 written bare) and numbers after "project"/"έργο"/"č." stay numbers.
 */

// Grouped thousands ("1 200", "5.000", "1,000,000", "12'500") before plain digits with an optional decimal part.
const NUMBER_RE = /(?<![\d.,])(\d{1,3}(?:([ .,'’])\d{3})(?:\2\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])/g;
const SYMBOL_BEFORE = /([€$£])\s?$/;
const SYMBOL_AFTER = /^\s?([€$£])/;

/** The value of a numeric literal; see the module comment for how separators are read. */
export function parseNumber(literal: string): number {
  const t = literal.replace(/['’ ]/g, '');
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // Both used: the last one is the decimal point ("1.234,5" and "1,234.5").
    const decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    return Number(t.split(thousands).join('').replace(decimal, '.'));
  }
  const sep = dots > 0 ? '.' : commas > 0 ? ',' : null;
  if (sep === null) return Number(t);
  const parts = t.split(sep);
  const groupsOfThree = parts.slice(1).every((p) => p.length === 3) && !/^0\d*$/.test(parts[0] ?? '');
  // "5.000" and "5,000" are thousands; "2,5", "1.5" and "0.500" are decimals.
  if (parts.length > 2 || groupsOfThree) return Number(parts.join(''));
  return Number(t.replace(',', '.'));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

// "project 12", "έργο 12", "č. 12", "no. 12", "#12", "№ 12" just before the number.
const MARKER_BEFORE = /(?:([\p{L}]+)\.?\s?|#|№\s?)$/u;

function isCounted(text: string, start: number): boolean {
  const m = MARKER_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  if (!m) return false;
  return m[1] === undefined || NUMBER_MARKERS.has(fold(m[1].toLowerCase()));
}

/** Money and number entities of `text`, skipping numbers inside `taken` spans (dates found first). */
export function extractAmounts(
  text: string,
  taken: readonly { start: number; end: number }[] = [],
  words: readonly Word[] = wordsOf(text),
): (MoneyEntity | NumberEntity)[] {
  const out: (MoneyEntity | NumberEntity)[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const literal = m[1] ?? '';
    let start = m.index ?? 0;
    let end = start + literal.length;
    if (taken.some((s) => start < s.end && end > s.start)) continue;
    // Clock times and ratios ("10:30", "3:1") are not amounts.
    if (text[start - 1] === ':' || text[end] === ':') continue;
    const value = parseNumber(literal);
    if (!Number.isFinite(value)) continue;

    let scale = 1;
    let currency: string | null = null;
    let scaled = false;
    const before = SYMBOL_BEFORE.exec(text.slice(Math.max(0, start - 2), start));
    if (before?.[1]) {
      currency = CURRENCIES[before[1]] ?? null;
      start -= before[0].length;
    }
    // A scale: attached single letters ("5k", "2m") or a word after a space ("2,5 χιλ.", "5 tis.").
    const next = wordAfter(words, text, end, 1);
    const nextScale = next ? SCALES[next.key] : undefined;
    if (next && nextScale && (next.key.length > 1 || next.start === end)) {
      scale = nextScale;
      scaled = true;
      end = next.end + (text[next.end] === '.' ? 1 : 0);
    }
    if (!currency) {
      const sym = SYMBOL_AFTER.exec(text.slice(end, end + 2));
      const word = wordAfter(words, text, end, 1);
      if (sym?.[1]) {
        currency = CURRENCIES[sym[1]] ?? null;
        end += sym[0].length;
      } else if (word && CURRENCIES[word.key]) {
        currency = CURRENCIES[word.key] ?? null;
        end = word.end + (text[word.end] === '.' && word.key === 'лв' ? 1 : 0);
      }
    }
    if (!currency) {
      // "EUR 500", "лв. 300": a currency word before the number.
      const prev = wordBefore(words, text, start, 1);
      if (prev && CURRENCIES[prev.key] && prev.key.length > 1) {
        currency = CURRENCIES[prev.key] ?? null;
        start = prev.start;
      }
    }
    const amount = round2(value * scale);
    const counted = isCounted(text, start);
    const year = !scaled && !currency && /^(19|20)\d\d$/.test(literal) && Number(literal) <= 2100;
    const isMoney = currency !== null || scaled || (!counted && !year && amount >= 1000);
    const span = { text: text.slice(start, end), start, end };
    out.push(
      isMoney
        ? { type: 'money', value: amount, currency, ...span }
        : { type: 'number', value: amount, ...span },
    );
  }
  return out;
}
