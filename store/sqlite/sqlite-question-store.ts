import type { Locale } from '../../core/model/locale';
import type { Question, QuestionStatus } from '../../core/model/question';
import type { QuestionStore } from '../../core/ports/question-store';
import type { SqliteConnection } from './connection';
import { toDate, toDateOrNull, toMs, toMsOrNull } from './row-mapping';

interface QuestionRow {
  id: string;
  citizen_id: string | null;
  challenge_id: string | null;
  text: string;
  locale: string;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answer_source: string | null;
  asked_at: number;
  answered_at: number | null;
}

const SQL = {
  get: 'SELECT * FROM questions WHERE id = ?',
  save: `INSERT INTO questions (id, citizen_id, challenge_id, text, locale, status, answer, answered_by, answer_source,
           asked_at, answered_at)
         VALUES (@id, @citizen_id, @challenge_id, @text, @locale, @status, @answer, @answered_by, @answer_source,
           @asked_at, @answered_at)
         ON CONFLICT (id) DO UPDATE SET citizen_id = excluded.citizen_id, challenge_id = excluded.challenge_id,
           text = excluded.text, locale = excluded.locale, status = excluded.status, answer = excluded.answer,
           answered_by = excluded.answered_by, answer_source = excluded.answer_source,
           asked_at = excluded.asked_at, answered_at = excluded.answered_at`,
  listOpen: `SELECT * FROM questions WHERE status = 'open' ORDER BY asked_at, rowid`,
  listByCitizen: 'SELECT * FROM questions WHERE citizen_id = ? ORDER BY asked_at, rowid',
  removeByCitizen: 'DELETE FROM questions WHERE citizen_id = ?',
} as const;

/** Citizens' questions; open ones are listed oldest first (the officials' inbox). */
export class SqliteQuestionStore implements QuestionStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(id: string): Promise<Question | null> {
    const row = this.conn.get<QuestionRow>(SQL.get, id);
    return row ? toQuestion(row) : null;
  }

  async save(q: Question): Promise<void> {
    this.conn.run(SQL.save, {
      id: q.id,
      citizen_id: q.citizenId,
      challenge_id: q.challengeId,
      text: q.text,
      locale: q.locale,
      status: q.status,
      answer: q.answer,
      answered_by: q.answeredBy,
      answer_source: q.answerSource,
      asked_at: toMs(q.askedAt),
      answered_at: toMsOrNull(q.answeredAt),
    });
  }

  async listOpen(): Promise<Question[]> {
    return this.conn.all<QuestionRow>(SQL.listOpen).map(toQuestion);
  }

  async listByCitizen(citizenId: string): Promise<Question[]> {
    return this.conn.all<QuestionRow>(SQL.listByCitizen, citizenId).map(toQuestion);
  }

  async removeByCitizen(citizenId: string): Promise<void> {
    this.conn.run(SQL.removeByCitizen, citizenId);
  }
}

function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    challengeId: row.challenge_id,
    text: row.text,
    locale: row.locale as Locale,
    status: row.status as QuestionStatus,
    answer: row.answer,
    answeredBy: row.answered_by,
    answerSource: row.answer_source as Question['answerSource'],
    askedAt: toDate(row.asked_at),
    answeredAt: toDateOrNull(row.answered_at),
  };
}
