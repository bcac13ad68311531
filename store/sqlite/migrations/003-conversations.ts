import type { Migration } from './migration';

/**
 * Conversation state (one row per citizen, cascaded away if a citizen row is ever deleted) and the
 * keys of channel updates already processed, so retries and restarts never handle an update twice.
 */
export const conversations: Migration = {
  version: 3,
  name: 'conversations and processed updates',
  up: `
CREATE TABLE conversations (
  citizen_id TEXT PRIMARY KEY REFERENCES citizens (id) ON DELETE CASCADE,
  flow TEXT,
  step TEXT,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE processed_updates (
  key TEXT PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX processed_updates_by_time ON processed_updates (at);
`,
};
