import type { Ballot, BallotChoice } from '../../core/model/ballot';
import type { BallotStore } from '../../core/ports/ballot-store';
import type { SqliteConnection } from './connection';
import { fromJson, toDate, toJson, toMs } from './row-mapping';

interface BallotRow {
  id: string;
  challenge_id: string;
  citizen_id: string | null;
  voter_ref: string;
  choices: string;
  receipt: string;
  salt: string;
  cast_at: number;
  updated_at: number;
  meta: string;
}

const SQL = {
  get: 'SELECT * FROM ballots WHERE challenge_id = ? AND citizen_id = ?',
  getByReceipt: 'SELECT * FROM ballots WHERE receipt = ?',
  // One statement, so no read-then-write window: the partial unique index on (challenge, citizen)
  // turns a second ballot into an update of the first (keeping its id); a re-put of the same id
  // (e.g. an anonymised or imported ballot) updates that row.
  put: `INSERT INTO ballots (id, challenge_id, citizen_id, voter_ref, choices, receipt, salt, cast_at, updated_at, meta)
        VALUES (@id, @challenge_id, @citizen_id, @voter_ref, @choices, @receipt, @salt, @cast_at, @updated_at, @meta)
        ON CONFLICT (challenge_id, citizen_id) WHERE citizen_id IS NOT NULL DO UPDATE SET
          voter_ref = excluded.voter_ref, choices = excluded.choices, receipt = excluded.receipt,
          salt = excluded.salt, cast_at = excluded.cast_at, updated_at = excluded.updated_at, meta = excluded.meta
        ON CONFLICT (id) DO UPDATE SET
          challenge_id = excluded.challenge_id, citizen_id = excluded.citizen_id, voter_ref = excluded.voter_ref,
          choices = excluded.choices, receipt = excluded.receipt, salt = excluded.salt, cast_at = excluded.cast_at,
          updated_at = excluded.updated_at, meta = excluded.meta
        RETURNING *`,
  listByChallenge: 'SELECT * FROM ballots WHERE challenge_id = ? ORDER BY cast_at, rowid',
  countByChallenge: 'SELECT COUNT(*) AS n FROM ballots WHERE challenge_id = ?',
  anonymise: 'UPDATE ballots SET citizen_id = NULL WHERE citizen_id = ?',
  listByCitizen: 'SELECT * FROM ballots WHERE citizen_id = ? ORDER BY cast_at, rowid',
} as const;

/**
 * Ballots: one per (challenge, citizen) by a partial unique index; receipts unique.
 * Lists are in cast order, then insertion order.
 */
export class SqliteBallotStore implements BallotStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(challengeId: string, citizenId: string): Promise<Ballot | null> {
    const row = this.conn.get<BallotRow>(SQL.get, challengeId, citizenId);
    return row ? toBallot(row) : null;
  }

  async getByReceipt(receipt: string): Promise<Ballot | null> {
    const row = this.conn.get<BallotRow>(SQL.getByReceipt, receipt);
    return row ? toBallot(row) : null;
  }

  /** Returns the ballot as stored: the id is the existing row's when the citizen had voted already. */
  async put(b: Ballot): Promise<Ballot> {
    const row = this.conn.get<BallotRow>(SQL.put, {
      id: b.id,
      challenge_id: b.challengeId,
      citizen_id: b.citizenId,
      voter_ref: b.voterRef,
      choices: toJson(b.choices),
      receipt: b.receipt,
      salt: b.salt,
      cast_at: toMs(b.castAt),
      updated_at: toMs(b.updatedAt),
      meta: toJson(b.meta),
    });
    if (!row) throw new Error(`ballot ${b.id} was not stored`);
    return toBallot(row);
  }

  async listByChallenge(challengeId: string): Promise<Ballot[]> {
    return this.conn.all<BallotRow>(SQL.listByChallenge, challengeId).map(toBallot);
  }

  async countByChallenge(challengeId: string): Promise<number> {
    return this.conn.get<{ n: number }>(SQL.countByChallenge, challengeId)?.n ?? 0;
  }

  async anonymise(citizenId: string): Promise<void> {
    this.conn.run(SQL.anonymise, citizenId);
  }

  async listByCitizen(citizenId: string): Promise<Ballot[]> {
    return this.conn.all<BallotRow>(SQL.listByCitizen, citizenId).map(toBallot);
  }
}

function toBallot(row: BallotRow): Ballot {
  return {
    id: row.id,
    challengeId: row.challenge_id,
    citizenId: row.citizen_id,
    voterRef: row.voter_ref,
    choices: fromJson<BallotChoice[]>(row.choices).map(toChoice),
    receipt: row.receipt,
    salt: row.salt,
    castAt: toDate(row.cast_at),
    updatedAt: toDate(row.updated_at),
    meta: fromJson<Record<string, string>>(row.meta),
  };
}

// Rebuilt field by field so a choice never carries more than the domain type says.
const toChoice = (c: BallotChoice): BallotChoice =>
  c.points === undefined ? { projectId: c.projectId } : { projectId: c.projectId, points: c.points };
