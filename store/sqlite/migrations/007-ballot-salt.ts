import type { Migration } from './migration';

/**
 * The secret each ballot's content hash is salted with (see core/audit/ballot-hash.ts). Ballots
 * recorded before keep an empty salt, which means the unsalted hash their chain entries carry.
 */
export const ballotSalt: Migration = {
  version: 7,
  name: 'ballot salt',
  up: `ALTER TABLE ballots ADD COLUMN salt TEXT NOT NULL DEFAULT '';`,
};
