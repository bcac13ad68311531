import type { LinkCodeStore } from '../../core/ports/citizen-store';
import type { SqliteConnection } from './connection';
import { toMs } from './row-mapping';

const SQL = {
  put: `INSERT INTO link_codes (code_hash, citizen_id, expires_at) VALUES (?, ?, ?)
        ON CONFLICT (code_hash) DO UPDATE SET citizen_id = excluded.citizen_id, expires_at = excluded.expires_at`,
  // One statement: two concurrent consumers cannot both get the citizen id.
  consume: 'DELETE FROM link_codes WHERE code_hash = ? RETURNING citizen_id, expires_at',
} as const;

/** One-time link codes (hashed). Consuming deletes the code, expired or not. */
export class SqliteLinkCodeStore implements LinkCodeStore {
  constructor(private readonly conn: SqliteConnection) {}

  async put(codeHash: string, citizenId: string, expiresAt: Date): Promise<void> {
    this.conn.run(SQL.put, codeHash, citizenId, toMs(expiresAt));
  }

  async consume(codeHash: string, now: Date): Promise<string | null> {
    const row = this.conn.get<{ citizen_id: string; expires_at: number }>(SQL.consume, codeHash);
    return row && row.expires_at > toMs(now) ? row.citizen_id : null;
  }
}
