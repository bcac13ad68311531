import type { StaffMember, StaffRole } from '../../core/model/staff';
import type { StaffStore } from '../../core/ports/staff-store';
import type { SqliteConnection } from './connection';
import { toDate, toDateOrNull, toMs, toMsOrNull } from './row-mapping';

interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
}

const SQL = {
  get: 'SELECT * FROM staff WHERE id = ?',
  findByEmail: 'SELECT * FROM staff WHERE email_key = ?',
  list: 'SELECT * FROM staff ORDER BY created_at, rowid',
  save: `INSERT INTO staff (id, email, email_key, name, role, password_hash, failed_logins, locked_until, created_at)
         VALUES (@id, @email, @email_key, @name, @role, @password_hash, @failed_logins, @locked_until, @created_at)
         ON CONFLICT (id) DO UPDATE SET email = excluded.email, email_key = excluded.email_key,
           name = excluded.name, role = excluded.role, password_hash = excluded.password_hash,
           failed_logins = excluded.failed_logins, locked_until = excluded.locked_until,
           created_at = excluded.created_at`,
  count: 'SELECT COUNT(*) AS n FROM staff',
} as const;

/** E-mail addresses compare without case; the lookup key is folded here so it also covers non-ASCII letters. */
const emailKey = (email: string): string => email.toLowerCase();

/** Admin-panel accounts. An e-mail used by another member throws StoreConflict 'staff.email'. */
export class SqliteStaffStore implements StaffStore {
  constructor(private readonly conn: SqliteConnection) {}

  async get(id: string): Promise<StaffMember | null> {
    const row = this.conn.get<StaffRow>(SQL.get, id);
    return row ? toMember(row) : null;
  }

  async findByEmail(email: string): Promise<StaffMember | null> {
    const row = this.conn.get<StaffRow>(SQL.findByEmail, emailKey(email));
    return row ? toMember(row) : null;
  }

  async list(): Promise<StaffMember[]> {
    return this.conn.all<StaffRow>(SQL.list).map(toMember);
  }

  async save(m: StaffMember): Promise<void> {
    this.conn.run(SQL.save, {
      id: m.id,
      email: m.email,
      email_key: emailKey(m.email),
      name: m.name,
      role: m.role,
      password_hash: m.passwordHash,
      failed_logins: m.failedLogins,
      locked_until: toMsOrNull(m.lockedUntil),
      created_at: toMs(m.createdAt),
    });
  }

  async count(): Promise<number> {
    return this.conn.get<{ n: number }>(SQL.count)?.n ?? 0;
  }
}

function toMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as StaffRole,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: toDateOrNull(row.locked_until),
    createdAt: toDate(row.created_at),
  };
}
