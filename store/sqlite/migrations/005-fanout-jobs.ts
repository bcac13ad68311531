import type { Migration } from './migration';

/** Notifications to large audiences, expanded into outbox rows in chunks (see core/usecases/fanout.ts). */
export const fanoutJobs: Migration = {
  version: 5,
  name: 'fan-out jobs',
  up: `
CREATE TABLE fanout_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  recipients TEXT NOT NULL,
  next_index INTEGER NOT NULL,
  total INTEGER NOT NULL,
  lease_until INTEGER,
  created_at INTEGER NOT NULL,
  done_at INTEGER
) STRICT;
CREATE INDEX fanout_jobs_pending ON fanout_jobs (created_at) WHERE done_at IS NULL;
`,
};
