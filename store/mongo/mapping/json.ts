import type { LocalizedText } from '../../../core/model/locale';
import { LOCALES } from '../../../core/model/locale';

/**
 * A structured value (rule, payload, meta, conversation data) as the JSON it stands for: undefined
 * fields dropped, dates as ISO strings. The SQLite store keeps these as JSON text, so storing
 * exactly the JSON value here makes both stores give back the same thing.
 */
export const plainJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Text in several languages, rebuilt from a stored one: supported locales with a string only. */
export function toLocalizedText(stored: Partial<Record<string, unknown>> | null | undefined): LocalizedText {
  const text: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = stored?.[locale];
    if (typeof value === 'string') text[locale] = value;
  }
  return text;
}

/** Dates pass through; null stays null (a field never missing in a document we wrote). */
export const dateOrNull = (value: Date | null | undefined): Date | null => value ?? null;

/** Strings pass through; a missing field reads as null. */
export const textOrNull = (value: string | null | undefined): string | null => value ?? null;
