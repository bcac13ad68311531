import type { Migration } from './migration';

/** Phone verification looks up who already verified a number (one phone, one person). */
export const phoneHashIndex: Migration = {
  version: 6,
  name: 'citizens by phone hash',
  up: `CREATE INDEX citizens_by_phone ON citizens (phone_hash) WHERE phone_hash IS NOT NULL;`,
};
