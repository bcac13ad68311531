import type { Locale } from '../../../core/model/locale';

/** BCP 47 tags for Intl: the cities Agora is built for, and British English (day-month dates). */
const TAGS: Record<Locale, string> = { en: 'en-GB', el: 'el-GR', bg: 'bg-BG', cs: 'cs-CZ' };

export const localeTag = (l: Locale): string => TAGS[l];

/** `50.000 €`, `€50,000`, `50 000 Kč`: whole amounts, the way each locale writes money. */
export function money(l: Locale, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(TAGS[l], { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    // An unknown currency code (imported data) must not break a reply.
    return `${new Intl.NumberFormat(TAGS[l]).format(amount)} ${currency}`;
  }
}

export const num = (l: Locale, n: number): string => new Intl.NumberFormat(TAGS[l]).format(n);

/** `3 March 2027` in the locale's words (city time zone is the server's; dates only, no hours). */
export const date = (l: Locale, d: Date): string =>
  new Intl.DateTimeFormat(TAGS[l], { day: 'numeric', month: 'long', year: 'numeric' }).format(d);

export const percent = (l: Locale, p: number): string =>
  new Intl.NumberFormat(TAGS[l], { style: 'percent', maximumFractionDigits: 0 }).format(p / 100);
