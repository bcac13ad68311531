import type { Locale } from '../../../core/model/locale';

/** BCP 47 tags for Intl: the cities Agora is built for, and British English (day-month dates). */
const TAGS: Record<Locale, string> = { en: 'en-GB', el: 'el-GR', bg: 'bg-BG', cs: 'cs-CZ' };

export const localeTag = (l: Locale): string => TAGS[l];

/**
 * Intl formatters are costly to build (tens of microseconds each: locale data is resolved every
 * time) and a ballot screen formats a dozen amounts, so each one is built once per locale and
 * option set and reused; they are immutable. The chat benchmark measured the rebuilding at about a
 * tenth of the server's CPU per message.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

const numberFormat = (l: Locale, key: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(`n:${l}:${key}`, () => new Intl.NumberFormat(TAGS[l], options));

/** `50.000 €`, `€50,000`, `50 000 Kč`: whole amounts, the way each locale writes money. */
export function money(l: Locale, amount: number, currency: string): string {
  try {
    return numberFormat(l, `money:${currency}`, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    // An unknown currency code (imported data) must not break a reply. Not cached: the constructor
    // throws, so nothing was stored, and such codes are rare.
    return `${num(l, amount)} ${currency}`;
  }
}

export const num = (l: Locale, n: number): string => numberFormat(l, 'plain').format(n);

/** `3 March 2027` in the locale's words (city time zone is the server's; dates only, no hours). */
export const date = (l: Locale, d: Date): string =>
  cached(
    `d:${l}`,
    () => new Intl.DateTimeFormat(TAGS[l], { day: 'numeric', month: 'long', year: 'numeric' }),
  ).format(d);

export const percent = (l: Locale, p: number): string =>
  numberFormat(l, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(p / 100);
