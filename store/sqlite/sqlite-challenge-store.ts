import type { Challenge } from '../../core/model/challenge';
import type { VerificationLevel } from '../../core/model/citizen';
import type { LocalizedText } from '../../core/model/locale';
import type { Phase, PhaseSchedule } from '../../core/model/phase';
import type { BallotRule, OutcomeRule } from '../../core/model/rules';
import type { ChallengeStore } from '../../core/ports/challenge-store';
import type { SqliteConnection } from './connection';
import {
  datesToMs,
  fromJson,
  msToDates,
  toDate,
  toDateOrNull,
  toJson,
  toMs,
  toMsOrNull,
} from './row-mapping';

interface ChallengeRow {
  id: string;
  title: string;
  description: string;
  domain: string;
  budget: number;
  currency: string;
  schedule: string;
  forced_phase: string | null;
  ballot_rule: string;
  outcome_rule: string;
  min_verification: string;
  results_published_at: number | null;
  meta: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS = `id, title, description, domain, budget, currency, schedule, forced_phase, ballot_rule, outcome_rule,
  min_verification, results_published_at, meta, created_at, updated_at`;

const SQL = {
  get: 'SELECT * FROM challenges WHERE id = ?',
  list: 'SELECT * FROM challenges ORDER BY created_at DESC, rowid DESC',
  // An upsert, not INSERT OR REPLACE: REPLACE deletes the row first, which foreign keys forbid.
  save: `INSERT INTO challenges (${COLUMNS})
         VALUES (@id, @title, @description, @domain, @budget, @currency, @schedule, @forced_phase, @ballot_rule,
           @outcome_rule, @min_verification, @results_published_at, @meta, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
           domain = excluded.domain, budget = excluded.budget, currency = excluded.currency,
           schedule = excluded.schedule, forced_phase = excluded.forced_phase, ballot_rule = excluded.ballot_rule,
           outcome_rule = excluded.outcome_rule, min_verification = excluded.min_verification,
           results_published_at = excluded.results_published_at, meta = excluded.meta,
           created_at = excluded.created_at, updated_at = excluded.updated_at`,
} as const;

/** Challenges; `list` is newest first (equal times: the one inserted last first). */
export class SqliteChallengeStore implements ChallengeStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(id: string): Promise<Challenge | null> {
    const row = this.conn.get<ChallengeRow>(SQL.get, id);
    return row ? toChallenge(row) : null;
  }

  async list(): Promise<Challenge[]> {
    return this.conn.all<ChallengeRow>(SQL.list).map(toChallenge);
  }

  async save(c: Challenge): Promise<void> {
    this.conn.run(SQL.save, {
      id: c.id,
      title: toJson(c.title),
      description: toJson(c.description),
      domain: c.domain,
      budget: c.budget,
      currency: c.currency,
      schedule: toJson(datesToMs(c.schedule)),
      forced_phase: c.forcedPhase,
      ballot_rule: toJson(c.ballotRule),
      outcome_rule: toJson(c.outcomeRule),
      min_verification: c.minVerification,
      results_published_at: toMsOrNull(c.resultsPublishedAt),
      meta: toJson(c.meta),
      created_at: toMs(c.createdAt),
      updated_at: toMs(c.updatedAt),
    });
  }
}

function toChallenge(row: ChallengeRow): Challenge {
  return {
    id: row.id,
    title: fromJson<LocalizedText>(row.title),
    description: fromJson<LocalizedText>(row.description),
    domain: row.domain,
    budget: row.budget,
    currency: row.currency,
    schedule: msToDates(fromJson<Record<string, number>>(row.schedule)) as PhaseSchedule,
    forcedPhase: row.forced_phase as Phase | null,
    ballotRule: fromJson<BallotRule>(row.ballot_rule),
    outcomeRule: fromJson<OutcomeRule>(row.outcome_rule),
    minVerification: row.min_verification as VerificationLevel,
    resultsPublishedAt: toDateOrNull(row.results_published_at),
    meta: fromJson<Record<string, string>>(row.meta),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
