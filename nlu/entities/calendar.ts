/**
 * Calendar days without clock times or time zones: relative dates ("tomorrow") are days in the
 * municipality's calendar, so "today" is taken in its time zone once and the rest is day arithmetic
 * on UTC dates, which has no daylight-saving gaps.
 */

/** A day as a UTC-midnight Date (only its year, month and day mean anything). */
export type CalendarDay = Date;

/** Today in `timeZone` (an IANA name; default: the process's zone). */
export function todayIn(now: Date, timeZone?: string): CalendarDay {
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return day(get('year'), get('month'), get('day'));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(key, f);
  }
  return f;
}

/** The day `year-month-day` (month 1-12), or null when there is no such day (31 February). */
export function validDay(year: number, month: number, dayOfMonth: number): CalendarDay | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const d = day(year, month, dayOfMonth);
  return d.getUTCMonth() === month - 1 ? d : null;
}

export const day = (year: number, month: number, dayOfMonth: number): CalendarDay =>
  new Date(Date.UTC(year, month - 1, dayOfMonth));

export const addDays = (d: CalendarDay, n: number): CalendarDay => new Date(d.getTime() + n * 86_400_000);

/** 0 = Monday ... 6 = Sunday (the European week). */
export const weekdayOf = (d: CalendarDay): number => (d.getUTCDay() + 6) % 7;

/** `YYYY-MM-DD`. */
export const isoDay = (d: CalendarDay): string => d.toISOString().slice(0, 10);
