import type { Channel, ChannelIdentity, Citizen, VerificationLevel } from '../../core/model/citizen';
import type { Locale } from '../../core/model/locale';
import type { CitizenStore, Participation } from '../../core/ports/citizen-store';
import type { SqliteConnection } from './connection';
import { toBool, toDate, toDateOrNull, toFlag, toMs, toMsOrNull } from './row-mapping';

interface CitizenRow {
  id: string;
  locale: string;
  consent_at: number | null;
  verification: string;
  phone_hash: string | null;
  notifications: number;
  created_at: number;
  erased_at: number | null;
}

interface IdentityRow {
  channel: string;
  external_id: string;
  linked_at: number;
  last_seen_at: number;
  unreachable: number;
}

const SQL = {
  get: 'SELECT * FROM citizens WHERE id = ?',
  // Link order, so the oldest account comes first wherever identities are listed.
  identities: 'SELECT * FROM identities WHERE citizen_id = ? ORDER BY linked_at, rowid',
  holder: 'SELECT citizen_id FROM identities WHERE channel = ? AND external_id = ?',
  byPhone:
    'SELECT id FROM citizens WHERE phone_hash = ? AND erased_at IS NULL ORDER BY created_at, id LIMIT 1',
  insert: `INSERT INTO citizens (id, locale, consent_at, verification, phone_hash, notifications, created_at, erased_at)
           VALUES (@id, @locale, @consent_at, @verification, @phone_hash, @notifications, @created_at, @erased_at)`,
  update: `UPDATE citizens SET locale = @locale, consent_at = @consent_at, verification = @verification,
             phone_hash = @phone_hash, notifications = @notifications, created_at = @created_at, erased_at = @erased_at
           WHERE id = @id`,
  insertIdentity: `INSERT INTO identities (channel, external_id, citizen_id, linked_at, last_seen_at, unreachable)
                   VALUES (@channel, @external_id, @citizen_id, @linked_at, @last_seen_at, @unreachable)`,
  attachIdentity: `INSERT INTO identities (channel, external_id, citizen_id, linked_at, last_seen_at, unreachable)
                   VALUES (@channel, @external_id, @citizen_id, @linked_at, @last_seen_at, @unreachable)
                   ON CONFLICT (channel, external_id) DO UPDATE SET citizen_id = excluded.citizen_id,
                     linked_at = excluded.linked_at, last_seen_at = excluded.last_seen_at,
                     unreachable = excluded.unreachable`,
  removeIdentities: 'DELETE FROM identities WHERE citizen_id = ?',
  // A citizen who writes from an account can be reached there again (they unblocked the bot).
  touch: 'UPDATE identities SET last_seen_at = ?, unreachable = 0 WHERE channel = ? AND external_id = ?',
  unreachable: 'UPDATE identities SET unreachable = ? WHERE channel = ? AND external_id = ?',
  count: 'SELECT COUNT(*) AS n FROM citizens',
  participants: 'SELECT COUNT(*) AS n FROM citizens WHERE erased_at IS NULL AND consent_at IS NOT NULL',
  byChannel: `SELECT i.channel AS key, COUNT(*) AS n FROM identities i JOIN citizens c ON c.id = i.citizen_id
              WHERE c.erased_at IS NULL AND c.consent_at IS NOT NULL GROUP BY i.channel ORDER BY i.channel`,
  byDay: `SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS key, COUNT(*) AS n FROM citizens
          WHERE erased_at IS NULL AND consent_at IS NOT NULL AND created_at >= ? GROUP BY key ORDER BY key`,
} as const;

/** Citizens and their channel identities; (channel, external id) is the identities primary key. */
export class SqliteCitizenStore implements CitizenStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(id: string): Promise<Citizen | null> {
    return this.load(id);
  }

  async findByIdentity(channel: Channel, externalId: string): Promise<Citizen | null> {
    const holder = this.conn.get<{ citizen_id: string }>(SQL.holder, channel, externalId);
    return holder ? this.load(holder.citizen_id) : null;
  }

  async findByPhoneHash(phoneHash: string): Promise<Citizen | null> {
    const row = this.conn.get<{ id: string }>(SQL.byPhone, phoneHash);
    return row ? this.load(row.id) : null;
  }

  async create(citizen: Citizen): Promise<void> {
    this.conn.atomic(() => {
      this.conn.run(SQL.insert, citizenParams(citizen));
      for (const identity of citizen.identities) {
        this.conn.run(SQL.insertIdentity, identityParams(citizen.id, identity));
      }
    });
  }

  async update(citizen: Citizen): Promise<void> {
    this.conn.run(SQL.update, citizenParams(citizen));
  }

  async attachIdentity(citizenId: string, identity: ChannelIdentity): Promise<void> {
    this.conn.run(SQL.attachIdentity, identityParams(citizenId, identity));
  }

  async removeIdentities(citizenId: string): Promise<void> {
    this.conn.run(SQL.removeIdentities, citizenId);
  }

  async touchIdentity(channel: Channel, externalId: string, at: Date): Promise<void> {
    this.conn.run(SQL.touch, toMs(at), channel, externalId);
  }

  async markUnreachable(channel: Channel, externalId: string, unreachable: boolean): Promise<void> {
    this.conn.run(SQL.unreachable, toFlag(unreachable), channel, externalId);
  }

  async count(): Promise<number> {
    return this.conn.get<{ n: number }>(SQL.count)?.n ?? 0;
  }

  async participation(since: Date): Promise<Participation> {
    const byChannel: Participation['byChannel'] = {};
    for (const r of this.conn.all<{ key: Channel; n: number }>(SQL.byChannel)) byChannel[r.key] = r.n;
    const byDay = this.conn
      .all<{ key: string; n: number }>(SQL.byDay, toMs(since))
      .map((r) => ({ day: r.key, count: r.n }));
    const total = this.conn.get<{ n: number }>(SQL.participants)?.n ?? 0;
    return { total, byChannel, byDay };
  }

  private load(id: string): Citizen | null {
    const row = this.conn.get<CitizenRow>(SQL.get, id);
    if (!row) return null;
    return toCitizen(row, this.conn.all<IdentityRow>(SQL.identities, id));
  }
}

function citizenParams(c: Citizen) {
  return {
    id: c.id,
    locale: c.locale,
    consent_at: toMsOrNull(c.consentAt),
    verification: c.verification,
    phone_hash: c.phoneHash,
    notifications: toFlag(c.notifications),
    created_at: toMs(c.createdAt),
    erased_at: toMsOrNull(c.erasedAt),
  };
}

function identityParams(citizenId: string, i: ChannelIdentity) {
  return {
    channel: i.channel,
    external_id: i.externalId,
    citizen_id: citizenId,
    linked_at: toMs(i.linkedAt),
    last_seen_at: toMs(i.lastSeenAt),
    unreachable: toFlag(i.unreachable),
  };
}

function toCitizen(row: CitizenRow, identities: IdentityRow[]): Citizen {
  return {
    id: row.id,
    identities: identities.map(toIdentity),
    locale: row.locale as Locale,
    consentAt: toDateOrNull(row.consent_at),
    verification: row.verification as VerificationLevel,
    phoneHash: row.phone_hash,
    notifications: toBool(row.notifications),
    createdAt: toDate(row.created_at),
    erasedAt: toDateOrNull(row.erased_at),
  };
}

function toIdentity(row: IdentityRow): ChannelIdentity {
  return {
    channel: row.channel as Channel,
    externalId: row.external_id,
    linkedAt: toDate(row.linked_at),
    lastSeenAt: toDate(row.last_seen_at),
    unreachable: toBool(row.unreachable),
  };
}
