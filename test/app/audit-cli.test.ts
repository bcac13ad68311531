import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../app/cli';
import { randomIds } from '../../core/shared/ids';
import { systemClock } from '../../core/shared/clock';
import { seedDemo } from '../../app/demo/seed-demo';
import { SqliteStore } from '../../store/sqlite/sqlite-store';
import { bufferIO } from '../support/cli';

describe('agora audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agora-audit-'));
  const db = join(dir, 'a.db');
  beforeAll(async () => {
    process.env.DATABASE_URL = `sqlite:${db}`;
    const store = await SqliteStore.open(db);
    await seedDemo({ store, clock: systemClock, ids: randomIds });
    await store.close();
  });
  afterAll(() => {
    delete process.env.DATABASE_URL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('says OK on an untouched chain', async () => {
    const io = bufferIO();
    expect(await runCli(['audit', 'verify'], io)).toBe(0);
    expect(io.out).toMatch(/Audit chain OK: \d+ entries, \d+ ballots checked/);
  });

  it('names the entry when a stored ballot is changed behind the product’s back', async () => {
    // A rogue edit with plain SQL, outside every use case.
    const raw = new Database(db);
    const row = raw
      .prepare("SELECT id, receipt, choices FROM ballots WHERE challenge_id = 'demo-mobility' LIMIT 1")
      .get() as {
      id: string;
      receipt: string;
      choices: string;
    };
    const choices = JSON.parse(row.choices) as { projectId: string }[];
    raw
      .prepare('UPDATE ballots SET choices = ? WHERE id = ?')
      .run(JSON.stringify(choices.slice(0, 1).concat(choices.slice(0, 1))), row.id);
    raw.close();
    const io = bufferIO();
    expect(await runCli(['audit', 'verify', '--json'], io)).toBe(1);
    const report = JSON.parse(io.out) as { ok: boolean; firstBad: { seq: number; reason: string } };
    expect(report.ok).toBe(false);
    expect(report.firstBad.reason).toContain(row.receipt);
    expect(report.firstBad.seq).toBeGreaterThan(0);
  });

  it('refuses an unknown sub-command', async () => {
    const io = bufferIO();
    expect(await runCli(['audit', 'fix'], io)).toBe(2);
  });
});
