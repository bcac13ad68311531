import type { ProposalStatus } from '../../core/model/proposal';
import type { ProjectUpdate } from '../../core/model/update';
import type { UpdateStore } from '../../core/ports/update-store';
import type { SqliteConnection } from './connection';
import { toDate, toMs } from './row-mapping';

interface UpdateRow {
  id: string;
  project_id: string;
  author_id: string;
  text: string;
  progress: number | null;
  status: string | null;
  photo: string | null;
  created_at: number;
}

const SQL = {
  save: `INSERT INTO project_updates (id, project_id, author_id, text, progress, status, photo, created_at)
         VALUES (@id, @project_id, @author_id, @text, @progress, @status, @photo, @created_at)
         ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, author_id = excluded.author_id,
           text = excluded.text, progress = excluded.progress, status = excluded.status, photo = excluded.photo,
           created_at = excluded.created_at`,
  listByProject: 'SELECT * FROM project_updates WHERE project_id = ? ORDER BY created_at DESC, rowid DESC',
} as const;

/** Officials' progress updates on projects, newest first (equal times: the one inserted last first). */
export class SqliteUpdateStore implements UpdateStore {
  constructor(private readonly conn: SqliteConnection) {}

  async save(u: ProjectUpdate): Promise<void> {
    this.conn.run(SQL.save, {
      id: u.id,
      project_id: u.projectId,
      author_id: u.authorId,
      text: u.text,
      progress: u.progress,
      status: u.status,
      photo: u.photo,
      created_at: toMs(u.createdAt),
    });
  }

  async listByProject(projectId: string): Promise<ProjectUpdate[]> {
    return this.conn.all<UpdateRow>(SQL.listByProject, projectId).map(toUpdate);
  }
}

function toUpdate(row: UpdateRow): ProjectUpdate {
  return {
    id: row.id,
    projectId: row.project_id,
    authorId: row.author_id,
    text: row.text,
    progress: row.progress,
    status: row.status as ProposalStatus | null,
    photo: row.photo,
    createdAt: toDate(row.created_at),
  };
}
