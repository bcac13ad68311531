import { StoreConflict } from '../../core/ports/store';

/**
 * Unique indexes by name, and the constraint name `StoreConflict` reports for each: the same names
 * the SQLite adapter uses, so callers can tell conflicts apart whatever the store.
 */
export const CONSTRAINTS: Readonly<Record<string, string>> = {
  identity_unique: 'identity',
  proposal_ref_unique: 'proposal.ref',
  ballot_citizen_unique: 'ballot.citizen',
  ballot_receipt_unique: 'ballot.receipt',
  staff_email_unique: 'staff.email',
  support_citizen_unique: 'support.citizen',
  rating_citizen_unique: 'rating.citizen',
  follow_unique: 'follow',
};

const DUPLICATE_KEY = 11000;

interface ServerErrorShape {
  code?: unknown;
  message?: unknown;
  hasErrorLabel?: (label: string) => boolean;
}

const shape = (error: unknown): ServerErrorShape =>
  typeof error === 'object' && error !== null ? (error as ServerErrorShape) : {};

/** A write refused by a unique index (E11000). Read by shape: the driver's classes may come from another copy. */
export const isDuplicateKey = (error: unknown): boolean => shape(error).code === DUPLICATE_KEY;

/**
 * An error `withTransaction` retries the whole transaction for (a write conflict with another
 * transaction, a failover): it must reach the driver untouched, never turned into a StoreConflict.
 */
export const isTransient = (error: unknown): boolean =>
  shape(error).hasErrorLabel?.('TransientTransactionError') === true;

/** The StoreConflict for a duplicate-key error, naming the constraint; null for any other error. */
export function asStoreConflict(error: unknown): StoreConflict | null {
  if (!isDuplicateKey(error) || isTransient(error)) return null;
  const message = String(shape(error).message ?? 'duplicate key');
  const match = /collection: \S+?\.(\S+) index: (\S+) dup key/.exec(message);
  const index = match?.[2] ?? 'unknown';
  // A duplicate `_id` is a second row with the same primary key, named like SQLite's `table.id`.
  const constraint = CONSTRAINTS[index] ?? (index === '_id_' ? `${match?.[1] ?? 'document'}.id` : index);
  const conflict = new StoreConflict(message, constraint);
  conflict.cause = error;
  return conflict;
}

/** Runs `fn`, turning a broken uniqueness rule into the port's StoreConflict. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asStoreConflict(error) ?? error;
  }
}
