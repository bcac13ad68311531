import type { Conversation } from '../../core/model/conversation';
import type { ConversationStore, ProcessedUpdateStore } from '../../core/ports/conversation-store';
import type { SqliteConnection } from './connection';
import { fromJson, toDate, toJson, toMs } from './row-mapping';

interface ConversationRow {
  citizen_id: string;
  flow: string | null;
  step: string | null;
  data: string;
  updated_at: number;
}

const SQL = {
  get: 'SELECT * FROM conversations WHERE citizen_id = ?',
  save: `INSERT INTO conversations (citizen_id, flow, step, data, updated_at)
         VALUES (@citizen_id, @flow, @step, @data, @updated_at)
         ON CONFLICT (citizen_id) DO UPDATE SET
           flow = excluded.flow, step = excluded.step, data = excluded.data, updated_at = excluded.updated_at`,
  delete: 'DELETE FROM conversations WHERE citizen_id = ?',
  claim: 'INSERT INTO processed_updates (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
  prune: 'DELETE FROM processed_updates WHERE at < ?',
} as const;

export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(citizenId: string): Promise<Conversation | null> {
    const row = this.conn.get<ConversationRow>(SQL.get, citizenId);
    return row
      ? {
          citizenId: row.citizen_id,
          flow: row.flow,
          step: row.step,
          data: fromJson<Record<string, unknown>>(row.data),
          updatedAt: toDate(row.updated_at),
        }
      : null;
  }

  async save(c: Conversation): Promise<void> {
    this.conn.run(SQL.save, {
      citizen_id: c.citizenId,
      flow: c.flow,
      step: c.step,
      data: toJson(c.data),
      updated_at: toMs(c.updatedAt),
    });
  }

  async delete(citizenId: string): Promise<void> {
    this.conn.run(SQL.delete, citizenId);
  }
}

export class SqliteProcessedUpdateStore implements ProcessedUpdateStore {
  constructor(private readonly conn: SqliteConnection) {}

  async claim(key: string, at: Date): Promise<boolean> {
    return this.conn.run(SQL.claim, key, toMs(at)).changes === 1;
  }

  async prune(before: Date): Promise<number> {
    return this.conn.run(SQL.prune, toMs(before)).changes;
  }
}
