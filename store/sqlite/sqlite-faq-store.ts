import type { FaqEntry } from '../../core/model/faq';
import type { Locale } from '../../core/model/locale';
import type { FaqStore } from '../../core/ports/faq-store';
import type { SqliteConnection } from './connection';
import { toDate, toMs } from './row-mapping';

interface FaqRow {
  id: string;
  challenge_id: string | null;
  locale: string;
  question: string;
  answer: string;
  updated_at: number;
}

const SQL = {
  get: 'SELECT * FROM faq_entries WHERE id = ?',
  // `IS` rather than `=`, so that a NULL parameter selects the general FAQ.
  list: 'SELECT * FROM faq_entries WHERE challenge_id IS ? ORDER BY rowid',
  listLocale: 'SELECT * FROM faq_entries WHERE challenge_id IS ? AND locale = ? ORDER BY rowid',
  upsert: `INSERT INTO faq_entries (id, challenge_id, locale, question, answer, updated_at)
           VALUES (@id, @challenge_id, @locale, @question, @answer, @updated_at)
           ON CONFLICT (id) DO UPDATE SET challenge_id = excluded.challenge_id, locale = excluded.locale,
             question = excluded.question, answer = excluded.answer, updated_at = excluded.updated_at`,
  delete: 'DELETE FROM faq_entries WHERE id = ?',
} as const;

/** FAQ entries; lists keep the order entries were first saved in (an upsert keeps its rowid). */
export class SqliteFaqStore implements FaqStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(id: string): Promise<FaqEntry | null> {
    const row = this.conn.get<FaqRow>(SQL.get, id);
    return row ? toFaqEntry(row) : null;
  }

  async list(challengeId: string | null, locale?: Locale): Promise<FaqEntry[]> {
    const rows =
      locale === undefined
        ? this.conn.all<FaqRow>(SQL.list, challengeId)
        : this.conn.all<FaqRow>(SQL.listLocale, challengeId, locale);
    return rows.map(toFaqEntry);
  }

  async upsert(e: FaqEntry): Promise<void> {
    this.conn.run(SQL.upsert, {
      id: e.id,
      challenge_id: e.challengeId,
      locale: e.locale,
      question: e.question,
      answer: e.answer,
      updated_at: toMs(e.updatedAt),
    });
  }

  async delete(id: string): Promise<boolean> {
    return this.conn.run(SQL.delete, id).changes > 0;
  }
}

function toFaqEntry(row: FaqRow): FaqEntry {
  return {
    id: row.id,
    challengeId: row.challenge_id,
    locale: row.locale as Locale,
    question: row.question,
    answer: row.answer,
    updatedAt: toDate(row.updated_at),
  };
}
