import type { CleanText } from '../text/normalize';
import type { Entity } from '../types';
import { extractAmounts } from './amounts';
import type { CalendarDay } from './calendar';
import { extractDates } from './dates';
import type { ReferenceIndex } from './references';
import { wordsOf } from './words';

/**
 * Every entity of a cleaned message, in text order, with spans pointing into what the citizen
 * typed. Dates go first so that "12.3.2027" is not also read as numbers; references are matched
 * on the whole text (a title may contain a number, "Prague 7").
 */
export function extractEntities(clean: CleanText, today: CalendarDay, references?: ReferenceIndex): Entity[] {
  const text = clean.text;
  const words = wordsOf(text);
  const dates = extractDates(text, today, words);
  const found: Entity[] = [
    ...dates,
    ...extractAmounts(text, dates, words),
    ...(references?.match(text) ?? []),
  ];
  return found
    .map((e) => {
      const { start, end } = clean.toOriginal(e.start, e.end);
      return { ...e, start, end, text: clean.original.slice(start, end) };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
