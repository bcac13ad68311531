import type { LocalizedText } from '../../core/model/locale';
import type { Milestone, Proposal, ProposalStatus } from '../../core/model/proposal';
import type { ProposalStore } from '../../core/ports/proposal-store';
import type { SqliteConnection } from './connection';
import { fromJson, toDate, toDateOrNull, toJson, toJsonList, toMs, toMsOrNull } from './row-mapping';

interface ProposalRow {
  id: string;
  challenge_id: string;
  ref: string;
  author_id: string | null;
  title: string;
  description: string;
  cost: number;
  lat: number | null;
  lng: number | null;
  category: string | null;
  photo: string | null;
  status: string;
  rejection_reason: string | null;
  official_note: string | null;
  progress: number;
  milestones: string;
  meta: string;
  created_at: number;
  updated_at: number;
}

type StoredMilestone = { title: string; due: number | null; done: boolean };

// A ref is numeric when it is all digits. Numeric refs come first in numeric order, then the rest as strings.
const NOT_NUMERIC = `(ref = '' OR ref GLOB '*[^0-9]*')`;

const SQL = {
  get: 'SELECT * FROM proposals WHERE id = ?',
  getByRef: 'SELECT * FROM proposals WHERE challenge_id = ? AND ref = ?',
  listByChallenge: `SELECT * FROM proposals
                    WHERE challenge_id = @challenge_id
                      AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
                    ORDER BY ${NOT_NUMERIC}, CASE WHEN ${NOT_NUMERIC} THEN NULL ELSE CAST(ref AS INTEGER) END, ref`,
  listByAuthor: 'SELECT * FROM proposals WHERE author_id = ? ORDER BY created_at, rowid',
  save: `INSERT INTO proposals (id, challenge_id, ref, author_id, title, description, cost, lat, lng, category, photo,
           status, rejection_reason, official_note, progress, milestones, meta, created_at, updated_at)
         VALUES (@id, @challenge_id, @ref, @author_id, @title, @description, @cost, @lat, @lng, @category, @photo,
           @status, @rejection_reason, @official_note, @progress, @milestones, @meta, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET challenge_id = excluded.challenge_id, ref = excluded.ref,
           author_id = excluded.author_id, title = excluded.title, description = excluded.description,
           cost = excluded.cost, lat = excluded.lat, lng = excluded.lng, category = excluded.category,
           photo = excluded.photo, status = excluded.status, rejection_reason = excluded.rejection_reason,
           official_note = excluded.official_note, progress = excluded.progress, milestones = excluded.milestones,
           meta = excluded.meta, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  nextRef: `SELECT COALESCE(MAX(CAST(ref AS INTEGER)), 0) + 1 AS next FROM proposals
            WHERE challenge_id = ? AND NOT ${NOT_NUMERIC}`,
  anonymiseAuthor: 'UPDATE proposals SET author_id = NULL WHERE author_id = ?',
} as const;

/** Proposals (projects). `(challenge_id, ref)` is unique: a clash throws StoreConflict 'proposal.ref'. */
export class SqliteProposalStore implements ProposalStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(id: string): Promise<Proposal | null> {
    const row = this.conn.get<ProposalRow>(SQL.get, id);
    return row ? toProposal(row) : null;
  }

  async getByRef(challengeId: string, ref: string): Promise<Proposal | null> {
    const row = this.conn.get<ProposalRow>(SQL.getByRef, challengeId, ref);
    return row ? toProposal(row) : null;
  }

  async listByChallenge(challengeId: string, statuses?: readonly ProposalStatus[]): Promise<Proposal[]> {
    const filter = statuses === undefined ? null : toJsonList(statuses);
    return this.conn
      .all<ProposalRow>(SQL.listByChallenge, { challenge_id: challengeId, statuses: filter })
      .map(toProposal);
  }

  async listByAuthor(authorId: string): Promise<Proposal[]> {
    return this.conn.all<ProposalRow>(SQL.listByAuthor, authorId).map(toProposal);
  }

  async save(p: Proposal): Promise<void> {
    const milestones: StoredMilestone[] = p.milestones.map((m) => ({
      title: m.title,
      due: toMsOrNull(m.due),
      done: m.done,
    }));
    this.conn.run(SQL.save, {
      id: p.id,
      challenge_id: p.challengeId,
      ref: p.ref,
      author_id: p.authorId,
      title: toJson(p.title),
      description: toJson(p.description),
      cost: p.cost,
      lat: p.location?.lat ?? null,
      lng: p.location?.lng ?? null,
      category: p.category,
      photo: p.photo,
      status: p.status,
      rejection_reason: p.rejectionReason,
      official_note: p.officialNote,
      progress: p.progress,
      milestones: toJson(milestones),
      meta: toJson(p.meta),
      created_at: toMs(p.createdAt),
      updated_at: toMs(p.updatedAt),
    });
  }

  async nextRef(challengeId: string): Promise<string> {
    return String(this.conn.get<{ next: number }>(SQL.nextRef, challengeId)?.next ?? 1);
  }

  async anonymiseAuthor(authorId: string): Promise<void> {
    this.conn.run(SQL.anonymiseAuthor, authorId);
  }
}

function toProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    challengeId: row.challenge_id,
    ref: row.ref,
    authorId: row.author_id,
    title: fromJson<LocalizedText>(row.title),
    description: fromJson<LocalizedText>(row.description),
    cost: row.cost,
    location: row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng },
    category: row.category,
    photo: row.photo,
    status: row.status as ProposalStatus,
    rejectionReason: row.rejection_reason,
    officialNote: row.official_note,
    progress: row.progress,
    milestones: fromJson<StoredMilestone[]>(row.milestones).map(toMilestone),
    meta: fromJson<Record<string, string>>(row.meta),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

const toMilestone = (m: StoredMilestone): Milestone => ({
  title: m.title,
  due: toDateOrNull(m.due),
  done: m.done,
});
