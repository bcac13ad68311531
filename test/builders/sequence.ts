let counter = 0;

/** A counter shared by every builder, so each built object gets fresh ids, refs, receipts and e-mails. */
export const nextSeq = (): number => ++counter;

/** A fresh id with the same kind of prefix the app uses, e.g. `ci_7`. */
export const uniqueId = (prefix: string): string => `${prefix}_${nextSeq()}`;

/** The instant builders date things from, so tests read the same on every run. */
export const BASE_TIME = new Date('2025-03-01T09:00:00.000Z');

/** BASE_TIME shifted by `minutes` (negative for earlier). */
export const minutesFrom = (minutes: number): Date => new Date(BASE_TIME.getTime() + minutes * 60_000);

/** BASE_TIME shifted by `days` (negative for earlier). */
export const daysFrom = (days: number): Date => minutesFrom(days * 24 * 60);

/** A new Date at BASE_TIME: builders never share one Date object between the values they return. */
export const atBase = (): Date => new Date(BASE_TIME.getTime());
