import type { Rating } from '../../core/model/update';
import type { RatingStore } from '../../core/ports/update-store';
import type { SqliteConnection } from './connection';
import { toDate, toMs } from './row-mapping';

interface RatingRow {
  project_id: string;
  citizen_id: string | null;
  stars: number;
  at: number;
}

const SQL = {
  put: `INSERT INTO ratings (project_id, citizen_id, stars, at) VALUES (?, ?, ?, ?)
        ON CONFLICT (project_id, citizen_id) WHERE citizen_id IS NOT NULL DO UPDATE SET
          stars = excluded.stars, at = excluded.at`,
  summary: 'SELECT COUNT(*) AS count, AVG(stars) AS average FROM ratings WHERE project_id = ?',
  listByCitizen:
    'SELECT project_id, citizen_id, stars, at FROM ratings WHERE citizen_id = ? ORDER BY at, rowid',
  anonymise: 'UPDATE ratings SET citizen_id = NULL WHERE citizen_id = ?',
} as const;

/** Ratings: one per (project, citizen) by a partial unique index; anonymised ones keep counting. */
export class SqliteRatingStore implements RatingStore {
  constructor(private readonly conn: SqliteConnection) {}

  async put(r: Rating): Promise<void> {
    this.conn.run(SQL.put, r.projectId, r.citizenId, r.stars, toMs(r.at));
  }

  async summary(projectId: string): Promise<{ count: number; average: number | null }> {
    const row = this.conn.get<{ count: number; average: number | null }>(SQL.summary, projectId);
    return { count: row?.count ?? 0, average: row?.average ?? null };
  }

  async listByCitizen(citizenId: string): Promise<Rating[]> {
    return this.conn.all<RatingRow>(SQL.listByCitizen, citizenId).map(toRating);
  }

  async anonymise(citizenId: string): Promise<void> {
    this.conn.run(SQL.anonymise, citizenId);
  }
}

function toRating(row: RatingRow): Rating {
  return { projectId: row.project_id, citizenId: row.citizen_id, stars: row.stars, at: toDate(row.at) };
}
