/**
 * One schema change. Applied once, in `version` order, inside a transaction together with its
 * record in `schema_migrations`. Never edit a released migration: append a new one.
 *
 * `foreign_keys` is ON while migrations run and cannot be switched inside a transaction; a table
 * rebuild must therefore copy rows in an order that keeps references valid.
 */
export interface Migration {
  /** Strictly increasing whole number, never reused. */
  version: number;
  name: string;
  /** SQL script (several statements allowed). */
  up: string;
}
