import type { SupportStore } from '../../core/ports/proposal-store';
import type { SqliteConnection } from './connection';
import { toMs } from './row-mapping';

const SQL = {
  // The conflict target names the partial unique index, so a duplicate is skipped, not an error.
  add: `INSERT INTO supports (proposal_id, citizen_id, at) VALUES (?, ?, ?)
        ON CONFLICT (proposal_id, citizen_id) WHERE citizen_id IS NOT NULL DO NOTHING`,
  has: 'SELECT 1 AS yes FROM supports WHERE proposal_id = ? AND citizen_id = ?',
  count: 'SELECT COUNT(*) AS n FROM supports WHERE proposal_id = ?',
  countsByChallenge: `SELECT p.id AS id, COUNT(s.id) AS n FROM proposals p
                      LEFT JOIN supports s ON s.proposal_id = p.id
                      WHERE p.challenge_id = ? GROUP BY p.id`,
  anonymise: 'UPDATE supports SET citizen_id = NULL WHERE citizen_id = ?',
} as const;

/** Supports; at most one per (proposal, citizen), kept with a NULL citizen after erasure. */
export class SqliteSupportStore implements SupportStore {
  constructor(private readonly conn: SqliteConnection) {}

  async add(proposalId: string, citizenId: string, at: Date): Promise<boolean> {
    return this.conn.run(SQL.add, proposalId, citizenId, toMs(at)).changes === 1;
  }

  async has(proposalId: string, citizenId: string): Promise<boolean> {
    return this.conn.get(SQL.has, proposalId, citizenId) !== undefined;
  }

  async count(proposalId: string): Promise<number> {
    return this.conn.get<{ n: number }>(SQL.count, proposalId)?.n ?? 0;
  }

  /** Every proposal of the challenge, including those with no support (count 0). */
  async countsByChallenge(challengeId: string): Promise<Map<string, number>> {
    const rows = this.conn.all<{ id: string; n: number }>(SQL.countsByChallenge, challengeId);
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  async anonymise(citizenId: string): Promise<void> {
    this.conn.run(SQL.anonymise, citizenId);
  }
}
