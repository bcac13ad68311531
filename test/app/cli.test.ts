import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../app/cli';
import { SqliteStore } from '../../store/sqlite/sqlite-store';
import { verifyAudit } from '../../core/audit/verify';
import { phaseOf } from '../../core/model/challenge';
import { bufferIO } from '../support/cli';

describe('agora CLI', () => {
  it('prints help listing the commands', async () => {
    const io = bufferIO();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const c of ['agora start', 'agora demo', 'agora tally']) expect(io.out).toContain(c);
  });

  it('refuses an unknown command with exit code 2', async () => {
    const io = bufferIO();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err).toContain('unknown command "frobnicate"');
  });

  it('reports a configuration error naming the variable, without a stack trace', async () => {
    const io = bufferIO();
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://nope';
    try {
      expect(await runCli(['demo'], io)).toBe(78);
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }
    expect(io.err).toContain('DATABASE_URL');
    expect(io.err).not.toContain('    at ');
  });

  describe('demo', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agora-demo-'));
    const db = join(dir, 'demo.db');
    beforeAll(() => {
      process.env.DATABASE_URL = `sqlite:${db}`;
    });
    afterAll(() => {
      delete process.env.DATABASE_URL;
      rmSync(dir, { recursive: true, force: true });
    });

    it('loads challenges in several phases, with four languages, citizens and ballots; twice loads once', async () => {
      const io = bufferIO();
      expect(await runCli(['demo'], io)).toBe(0);
      expect(io.out).toContain('Demo loaded');
      const again = bufferIO();
      expect(await runCli(['demo'], again)).toBe(0);
      expect(again.out).toContain('already loaded');

      const store = await SqliteStore.open(db);
      try {
        const all = await store.challenges.list();
        expect(all).toHaveLength(5);
        const phases = new Set(all.map((c) => phaseOf(c, new Date())));
        expect(phases.size).toBeGreaterThanOrEqual(4);
        for (const c of all) expect(Object.keys(c.title).sort()).toEqual(['bg', 'cs', 'el', 'en']);
        expect(await store.ballots.countByChallenge('demo-mobility')).toBeGreaterThan(10);
        expect(await store.citizens.count()).toBe(40);
        expect((await verifyAudit(store)).ok).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
});
