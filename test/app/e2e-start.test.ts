import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/agora.js');

/**
 * End to end through the real entry point (bin/agora.js, which builds dist/ if it is stale):
 * `agora demo`, then `agora start`, then the demo challenges over HTTP, then SIGTERM.
 */
describe('agora demo + agora start (end to end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agora-e2e-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, PORT: '0', LOG_LEVEL: 'info' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the demo challenges and stops gracefully on SIGTERM', async () => {
    const demo = spawnSync(process.execPath, [BIN, 'demo'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);

    const server = spawn(process.execPath, [BIN, 'start'], { env });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 60_000);
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /"port":(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      server.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/challenges?lang=cs`);
      const body = (await res.json()) as {
        total: number;
        items: { id: string; title: string; phase: string }[];
      };
      expect(body.total).toBe(5);
      expect(body.items.map((c) => c.id).sort()).toContain('demo-mobility');
      expect(body.items.find((c) => c.id === 'demo-mobility')).toMatchObject({
        title: 'Bezpečné ulice pro všechny',
        phase: 'voting',
      });
      // The web chat is always on, and talks through the self-hosted Direct Line.
      const page = await fetch(`http://127.0.0.1:${port}/chat`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
      const token = await fetch(`http://127.0.0.1:${port}/v3/directline/tokens/generate`, { method: 'POST' });
      expect(token.status).toBe(200);
      expect(await token.json()).toMatchObject({
        conversationId: expect.any(String),
        token: expect.any(String),
      });
      const admin = await fetch(`http://127.0.0.1:${port}/admin`, { redirect: 'manual' });
      expect(admin.status).toBe(303);
      expect(admin.headers.get('location')).toMatch(/\/admin\/login/);
      const openapi = await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`);
      expect(((await openapi.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      const results = await fetch(`http://127.0.0.1:${port}/api/v1/challenges/demo-playgrounds/results`);
      expect(results.status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 180_000);
});
