export const LOCALES = ['en', 'el', 'bg', 'cs'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** Text in several languages; at least one must be present. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** The text in `locale`, else English, else any language present, else ''. */
export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en ?? Object.values(text).find((v) => v !== undefined && v !== '') ?? '';
}

export const hasAnyText = (text: LocalizedText): boolean =>
  Object.values(text).some((v) => typeof v === 'string' && v.trim() !== '');
