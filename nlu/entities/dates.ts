import { fold } from '../text/normalize';
import type { DateEntity } from '../types';
import type { CalendarDay } from './calendar';
import { addDays, isoDay, validDay, weekdayOf } from './calendar';
import { DAY_WORDS, IN_DAYS_BEFORE, MONTHS, RELATIVE_DAYS, RELATIVE_PHRASES, WEEKDAYS } from './lexicon';
import type { Word } from './words';
import { wordAfter, wordsOf } from './words';

/**
 * Dates, absolute and relative, resolved against `today` (a calendar day of the municipality):
 * `2027-03-12`, `12.3.2027`, `12/3/27`, `12/3`, `12.3.`, `12 March`, `12 Μαρτίου`, `12 март`,
 * `12. března`; today/tomorrow/yesterday in every language (σήμερα, αύριο, утре, zítra...),
 * "day after tomorrow", "next week" (its Monday), weekday names (the next such day after today)
 * and "in 3 days" / "σε 3 μέρες" / "след 3 дни" / "za 3 dny".
 *
 * Numbers are day-first everywhere (European usage; "12/3" is 12 March). A date without a year
 * is the nearest such day to today, so "12/3" in November means next March and in April last March.
 */

const ISO_RE = /(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/g;
const DMY_RE = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)/g;
// "12/3" and "12.3." (the Czech way); "12.3" without the last dot is a decimal number.
const DM_RE = /(?<![\d./-])(\d{1,2})(?:\/(\d{1,2})(?![\d/])|\.(\d{1,2})\.(?!\d))/g;
const DAY_MONTH_RE = /(?<![\d.])(\d{1,2})(?:\.|st|nd|rd|th|η|ης)?\s?([\p{L}]+)\.?(?:,?\s(\d{4}))?/gu;
const MONTH_DAY_RE = /([\p{L}]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?(?![\d.,:])(?:,?\s(\d{4}))?/gu;

interface Found {
  start: number;
  end: number;
  day: CalendarDay;
}

/** The year that puts day/month nearest to `today`. */
function nearestYear(today: CalendarDay, month: number, dayOfMonth: number): CalendarDay | null {
  const y = today.getUTCFullYear();
  let best: CalendarDay | null = null;
  for (const year of [y - 1, y, y + 1]) {
    const d = validDay(year, month, dayOfMonth);
    if (d && (!best || Math.abs(d.getTime() - today.getTime()) < Math.abs(best.getTime() - today.getTime())))
      best = d;
  }
  return best;
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

const monthOf = (word: string): number | undefined => MONTHS[fold(word.toLowerCase())];

function numericDates(text: string, today: CalendarDay, out: Found[]): void {
  const add = (start: number, end: number, day: CalendarDay | null): void => {
    if (day && !out.some((f) => start < f.end && end > f.start)) out.push({ start, end, day });
  };
  for (const m of text.matchAll(ISO_RE)) {
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, validDay(Number(m[1]), Number(m[2]), Number(m[3])));
  }
  for (const m of text.matchAll(DMY_RE)) {
    const d = validDay(fullYear(m[4] ?? ''), Number(m[3]), Number(m[1]));
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, d);
  }
  for (const m of text.matchAll(DM_RE)) {
    const month = Number(m[2] ?? m[3]);
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, nearestYear(today, month, Number(m[1])));
  }
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const month = monthOf(m[2] ?? '');
    if (!month) continue;
    const dayOfMonth = Number(m[1]);
    const d = m[3] ? validDay(Number(m[3]), month, dayOfMonth) : nearestYear(today, month, dayOfMonth);
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, d);
  }
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const month = monthOf(m[1] ?? '');
    if (!month) continue;
    const dayOfMonth = Number(m[2]);
    const d = m[3] ? validDay(Number(m[3]), month, dayOfMonth) : nearestYear(today, month, dayOfMonth);
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, d);
  }
}

function relativeDates(text: string, words: readonly Word[], today: CalendarDay, out: Found[]): void {
  const add = (start: number, end: number, day: CalendarDay): void => {
    if (!out.some((f) => start < f.end && end > f.start)) out.push({ start, end, day });
  };
  words.forEach((w, i) => {
    for (const p of RELATIVE_PHRASES) {
      if (!p.words.every((k, j) => words[i + j]?.key === k)) continue;
      const last = words[i + p.words.length - 1] as Word;
      const day = p.nextWeek ? addDays(today, 7 - weekdayOf(today)) : addDays(today, p.days ?? 0);
      add(w.start, last.end, day);
    }
  });
  for (const w of words) {
    const rel = RELATIVE_DAYS[w.key];
    if (rel !== undefined) add(w.start, w.end, addDays(today, rel));
    const wd = WEEKDAYS[w.key];
    if (wd !== undefined) add(w.start, w.end, addDays(today, ((wd - weekdayOf(today) + 6) % 7) + 1));
    if (IN_DAYS_BEFORE.has(w.key)) {
      // "in 3 days": the count right after the word, then a day word.
      const m = /^\s(\d{1,3})\s/.exec(text.slice(w.end, w.end + 6));
      if (!m) continue;
      const dayWord = wordAfter(words, text, w.end + m[0].length - 1, 1);
      if (dayWord && DAY_WORDS.has(dayWord.key)) add(w.start, dayWord.end, addDays(today, Number(m[1])));
    }
  }
}

/** Date entities of `text`, in text order. */
export function extractDates(
  text: string,
  today: CalendarDay,
  words: readonly Word[] = wordsOf(text),
): DateEntity[] {
  const found: Found[] = [];
  // Every numeric pattern needs a digit; most messages have none.
  if (/\d/.test(text)) numericDates(text, today, found);
  relativeDates(text, words, today, found);
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => ({
      type: 'date',
      value: isoDay(f.day),
      text: text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
    }));
}
