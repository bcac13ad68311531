/**
 * Conversions between domain values and SQLite columns. Dates are INTEGER epoch milliseconds,
 * booleans INTEGER 0/1, structured values (texts, rules, payloads) JSON TEXT.
 */

export const toMs = (date: Date): number => date.getTime();

export const toMsOrNull = (date: Date | null): number | null => (date === null ? null : date.getTime());

export const toDate = (ms: number): Date => new Date(ms);

export const toDateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const toFlag = (value: boolean): number => (value ? 1 : 0);

export const toBool = (flag: number): boolean => flag !== 0;

export const toJson = (value: unknown): string => JSON.stringify(value);

/** Trusts the column: only this adapter writes it, always from a value of type T. */
export const fromJson = <T>(text: string): T => JSON.parse(text) as T;

/** A list as one JSON parameter, read in SQL with `json_each(?)` so one statement serves any length. */
export const toJsonList = (values: readonly string[]): string => JSON.stringify(values);

/** Converts a record of dates to a record of epoch ms (for JSON columns), skipping missing keys. */
export function datesToMs<K extends string>(record: Partial<Record<K, Date>>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [key, value] of Object.entries(record) as [K, Date | undefined][]) {
    if (value !== undefined) out[key] = value.getTime();
  }
  return out;
}

export function msToDates<K extends string>(record: Partial<Record<K, number>>): Partial<Record<K, Date>> {
  const out: Partial<Record<K, Date>> = {};
  for (const [key, value] of Object.entries(record) as [K, number | undefined][]) {
    if (value !== undefined) out[key] = new Date(value);
  }
  return out;
}

// Ordering: lists sorted by a time break ties by insertion order (`rowid`; an upsert keeps it), so
// rows written within one millisecond still come out in the order they were written.
