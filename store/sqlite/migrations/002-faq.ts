import type { Migration } from './migration';

/**
 * FAQ entries, general (challenge_id NULL) and per challenge. Challenges are never deleted, so the
 * foreign key is safe; the index serves the bot's lookup by challenge and language.
 */
export const faqEntries: Migration = {
  version: 2,
  name: 'faq entries',
  up: `
CREATE TABLE faq_entries (
  id TEXT PRIMARY KEY,
  challenge_id TEXT REFERENCES challenges (id),
  locale TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX faq_entries_by_challenge ON faq_entries (challenge_id, locale);
`,
};
