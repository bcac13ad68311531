import type { Migration } from './migration';

/**
 * The first schema. Dates are INTEGER epoch ms, JSON columns are TEXT. STRICT tables make a
 * mapping slip (a Date or boolean where a number belongs) fail loudly instead of storing junk.
 * Foreign keys point only at rows that are never deleted (erasure anonymises, it does not delete
 * citizens, challenges or proposals).
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up: `
CREATE TABLE citizens (
  id TEXT PRIMARY KEY,
  locale TEXT NOT NULL,
  consent_at INTEGER,
  verification TEXT NOT NULL,
  phone_hash TEXT,
  notifications INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  erased_at INTEGER
) STRICT;

CREATE TABLE identities (
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  citizen_id TEXT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  linked_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  unreachable INTEGER NOT NULL,
  PRIMARY KEY (channel, external_id)
) STRICT;
CREATE INDEX identities_by_citizen ON identities (citizen_id);

CREATE TABLE link_codes (
  code_hash TEXT PRIMARY KEY,
  citizen_id TEXT NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE challenges (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  domain TEXT NOT NULL,
  budget REAL NOT NULL,
  currency TEXT NOT NULL,
  schedule TEXT NOT NULL,
  forced_phase TEXT,
  ballot_rule TEXT NOT NULL,
  outcome_rule TEXT NOT NULL,
  min_verification TEXT NOT NULL,
  results_published_at INTEGER,
  meta TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX challenges_by_created ON challenges (created_at);

CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  challenge_id TEXT NOT NULL REFERENCES challenges (id),
  ref TEXT NOT NULL,
  author_id TEXT REFERENCES citizens (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  cost REAL NOT NULL,
  lat REAL,
  lng REAL,
  category TEXT,
  photo TEXT,
  status TEXT NOT NULL,
  rejection_reason TEXT,
  official_note TEXT,
  progress REAL NOT NULL,
  milestones TEXT NOT NULL,
  meta TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (challenge_id, ref)
) STRICT;
CREATE INDEX proposals_by_author ON proposals (author_id) WHERE author_id IS NOT NULL;

-- Anonymised rows keep counting with a NULL citizen, hence partial unique indexes below.
CREATE TABLE supports (
  id INTEGER PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposals (id),
  citizen_id TEXT REFERENCES citizens (id),
  at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX supports_one_per_citizen ON supports (proposal_id, citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX supports_by_proposal ON supports (proposal_id);
CREATE INDEX supports_by_citizen ON supports (citizen_id) WHERE citizen_id IS NOT NULL;

CREATE TABLE ballots (
  id TEXT PRIMARY KEY,
  challenge_id TEXT NOT NULL REFERENCES challenges (id),
  citizen_id TEXT REFERENCES citizens (id),
  voter_ref TEXT NOT NULL,
  choices TEXT NOT NULL,
  receipt TEXT NOT NULL UNIQUE,
  cast_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  meta TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX ballots_one_per_citizen ON ballots (challenge_id, citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX ballots_by_challenge ON ballots (challenge_id, cast_at);
CREATE INDEX ballots_by_citizen ON ballots (citizen_id) WHERE citizen_id IS NOT NULL;

-- The target is a challenge or a project, so it has no foreign key.
CREATE TABLE follows (
  citizen_id TEXT NOT NULL REFERENCES citizens (id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('challenge', 'project')),
  target_id TEXT NOT NULL,
  auto INTEGER NOT NULL,
  active INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (citizen_id, target_kind, target_id)
) STRICT;
CREATE INDEX follows_by_target ON follows (target_kind, target_id) WHERE active = 1;

CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  citizen_id TEXT REFERENCES citizens (id),
  challenge_id TEXT REFERENCES challenges (id),
  text TEXT NOT NULL,
  locale TEXT NOT NULL,
  status TEXT NOT NULL,
  answer TEXT,
  answered_by TEXT,
  answer_source TEXT,
  asked_at INTEGER NOT NULL,
  answered_at INTEGER
) STRICT;
CREATE INDEX questions_open ON questions (asked_at) WHERE status = 'open';
CREATE INDEX questions_by_citizen ON questions (citizen_id) WHERE citizen_id IS NOT NULL;

-- author_id is a staff id; no foreign key so imported history can name authors we do not have.
CREATE TABLE project_updates (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES proposals (id),
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  progress REAL,
  status TEXT,
  photo TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX project_updates_by_project ON project_updates (project_id, created_at);

CREATE TABLE ratings (
  id INTEGER PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES proposals (id),
  citizen_id TEXT REFERENCES citizens (id),
  stars REAL NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX ratings_one_per_citizen ON ratings (project_id, citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX ratings_by_citizen ON ratings (citizen_id) WHERE citizen_id IS NOT NULL;

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  citizen_id TEXT NOT NULL REFERENCES citizens (id),
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dead')),
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_by_citizen ON outbox (citizen_id);

-- seq as the primary key: two writers can never append the same link, so the chain cannot fork.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  ref TEXT
) STRICT;
CREATE INDEX audit_by_ref ON audit_log (ref) WHERE ref IS NOT NULL;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- email_key is the lower-cased email (folded in JS, so beyond ASCII too): one account per address.
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
`,
};
