import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../app/demo/seed-demo';
import { systemClock } from '../../core/shared/clock';
import { randomIds } from '../../core/shared/ids';
import { SqliteStore } from '../../store/sqlite/sqlite-store';
import { FakeTelegram } from '../fakes/fake-telegram';
import { FakeViber } from '../fakes/fake-viber';
import type { AgoraProcess } from '../support/server-process';
import { memoryOf } from '../../bench/processes';
import { buildOnce, startAgora } from '../support/server-process';
import type { FuzzRequest } from './fuzz-targets';
import { fuzzBody, fuzzTargets, prng } from './fuzz-targets';

/**
 * Issue 10's fuzz against the running product: the real `agora start` process with Telegram, Viber and
 * the web chat on, thousands of seeded random and malformed requests on every webhook and public
 * endpoint, then oversized bodies everywhere. Nothing may answer 5xx, the process must stay up and
 * still serve a real citizen, and its memory must stay bounded (sampled from /proc between endpoints).
 * The server runs with a 128 MB heap: 4,000 rounds per endpoint (48,000 requests) kept RSS flat at about
 * 245 MB. FUZZ_ROUNDS raises the count for a longer local run.
 */
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 2000);
const CONCURRENCY = 8;
const TG_SECRET = 'fuzz-process-secret';
const VIBER_TOKEN = 'fuzz-process-viber-token';
const HEAP_CAP_MB = 128;
/** Growth allowed after warm-up: caches settle; a leak of 1 KB per request (24 MB here) would not fit. */
const RSS_GROWTH_LIMIT = 40 * 1024 * 1024;
const MB = (n: number): number => Math.round(n / 1024 / 1024);

let dir: string;
let telegram: FakeTelegram;
let viber: FakeViber;
let server: AgoraProcess;
const rss = (): number => memoryOf(server.child.pid!).rssMB * 1024 * 1024;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agora-fuzz-'));
  const db = join(dir, 'fuzz.db');
  const store = await SqliteStore.open(db);
  await seedDemo({ store, clock: systemClock, ids: randomIds });
  await store.close();
  telegram = await new FakeTelegram().start();
  viber = await new FakeViber(VIBER_TOKEN).start();
  buildOnce();
  server = await startAgora({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'info',
    // A capped heap makes a leak fail fast (out of memory) instead of hiding behind V8's lazy growth:
    // uncapped, RSS climbs with garbage that is simply not collected yet.
    NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}`,
    DATABASE_URL: `sqlite:${db}`,
    PUBLIC_URL: 'https://agora.example',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_API_ROOT: telegram.root,
    VIBER_AUTH_TOKEN: VIBER_TOKEN,
    VIBER_API_ROOT: viber.root,
  });
}, 120_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  const code = server ? (await server.exit).code : null;
  await telegram?.stop();
  await viber?.stop();
  rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
}, 30_000);

/** A request the server leaves unanswered counts as a failure (status 0), not a hung test. */
async function send(r: FuzzRequest): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(server.url + r.path, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    return { status: 0, text: String(err) };
  }
}

/** Runs `jobs` with a fixed number in flight, like a platform retrying on several connections. */
async function pool(count: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describe('fuzzing the running server process', () => {
  it(`answers ${ROUNDS} random and malformed requests per endpoint without a 5xx, with bounded memory`, async () => {
    const targets = fuzzTargets({ telegram: TG_SECRET, viber: VIBER_TOKEN });
    const samples: { after: string; rssMb: number }[] = [{ after: 'start', rssMb: MB(rss()) }];
    let warm = 0;
    const failures: string[] = [];
    for (const [t, target] of targets.entries()) {
      const r = prng(1000 + t);
      const bodies = Array.from({ length: ROUNDS }, () => fuzzBody(r));
      await pool(ROUNDS, async (i) => {
        const res = await send(target.request(bodies[i]!));
        if (res.status >= 500 || res.status === 0)
          failures.push(`${target.name} #${i}: ${res.status} ${res.text.slice(0, 120)}`);
      });
      samples.push({ after: target.name, rssMb: MB(rss()) });
      if (t === 0) warm = rss();
    }
    console.log(
      `fuzz: ${ROUNDS} × ${targets.length} endpoints, RSS MB ${samples.map((s) => `${s.after}=${s.rssMb}`).join(', ')}`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(server.child.exitCode).toBeNull();
    expect(rss() - warm).toBeLessThan(RSS_GROWTH_LIMIT);
  }, 300_000);

  it('refuses oversized bodies on every POST endpoint with a 4xx and stays healthy', async () => {
    const big = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(3 * 1024 * 1024) } });
    const statuses: Record<string, number> = {};
    for (const target of fuzzTargets({ telegram: TG_SECRET, viber: VIBER_TOKEN })) {
      const req = target.request(big);
      if (req.method !== 'POST') continue;
      statuses[target.name] = (await send(req)).status;
    }
    for (const [name, status] of Object.entries(statuses)) {
      expect([name, status >= 400 && status < 500]).toEqual([name, true]);
    }
    // The ones that read the body must say why: too large, not merely unauthorised.
    expect(statuses).toMatchObject({
      telegram: 413,
      viber: 413,
      'bot framework': 413,
      'direct line tokens': 413,
    });
    expect((await send({ method: 'GET', path: '/healthz', headers: {} })).status).toBe(200);
  }, 60_000);

  it('still serves a real citizen afterwards', async () => {
    const before = telegram.calls.length;
    const res = await send({
      method: 'POST',
      path: '/telegram/webhook',
      headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': TG_SECRET },
      body: JSON.stringify({
        update_id: 987_654_321,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 4242, type: 'private' },
          from: { id: 4242, is_bot: false, first_name: 'Eleni', language_code: 'el' },
          text: '/start',
        },
      }),
    });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (!telegram.calls.slice(before).some((c) => c.method === 'sendMessage' && c.chatId === '4242')) {
      if (Date.now() > deadline) throw new Error('no answer to /start after the fuzz');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 30_000);
});
