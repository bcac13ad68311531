import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

/**
 * Brings the schema up to date: applies, in order, every migration not yet recorded in
 * `schema_migrations`, each in its own BEGIN IMMEDIATE transaction. The check happens inside that
 * transaction, so two processes opening the same file at once cannot both apply a migration.
 * Returns the versions applied by this call.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  assertOrdered(migrations);
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY,
       name TEXT NOT NULL,
       applied_at INTEGER NOT NULL
     ) STRICT`,
  );
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applyOne = db.transaction((migration: Migration): boolean => {
    if (isApplied.get(migration.version)) return false;
    db.exec(migration.up);
    record.run(migration.version, migration.name, Date.now());
    return true;
  });
  return migrations.filter((migration) => applyOne.immediate(migration)).map((m) => m.version);
}

/** Versions recorded as applied, ascending. */
export function appliedVersions(db: Database.Database): number[] {
  return db
    .prepare('SELECT version FROM schema_migrations ORDER BY version')
    .pluck()
    .all()
    .map((v) => Number(v));
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, i) => {
    const previous = migrations[i - 1];
    if (!Number.isInteger(migration.version) || migration.version < 1)
      throw new Error(`migration "${migration.name}": version must be a whole number >= 1`);
    if (previous && migration.version <= previous.version)
      throw new Error(
        `migration ${migration.version} must come after ${previous.version}: keep them ordered`,
      );
  });
}
