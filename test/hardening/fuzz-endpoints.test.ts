import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { TelegramChannel } from '../../bots/telegram/telegram-channel';
import { telegramWebhookRouter } from '../../bots/telegram/telegram-webhook';
import { ViberClient } from '../../bots/viber/viber-client';
import { viberWebhookRouter } from '../../bots/viber/viber-webhook';
import { buildWebchat } from '../../bots/webchat/webchat';
import { adminRouter } from '../../admin/panel';
import { seedDemo } from '../../app/demo/seed-demo';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { FakeTelegram } from '../fakes/fake-telegram';
import { FakeViber } from '../fakes/fake-viber';
import { engineOn } from '../bots/dialog/support';
import type { FuzzRequest } from './fuzz-targets';
import { fuzzBody, fuzzTargets, prng } from './fuzz-targets';

const logger = pino({ level: 'silent' });
const TG_SECRET = 'fuzz-secret';
const VIBER_TOKEN = 'fuzz-viber-token';

let deps: TestDeps;
let telegram: FakeTelegram;
let viber: FakeViber;
let app: Express;
let stopWebchat: () => void;

beforeAll(async () => {
  deps = await makeDeps();
  await seedDemo({ store: deps.store, clock: deps.clock, ids: deps.ids });
  telegram = await new FakeTelegram().start();
  viber = await new FakeViber(VIBER_TOKEN).start();
  const engine = engineOn(deps);
  const tg = new TelegramChannel({
    token: telegram.token,
    apiRoot: telegram.root,
    engine,
    stores: deps.store,
    clock: deps.clock,
    logger,
  });
  const client = new ViberClient({ authToken: VIBER_TOKEN, apiRoot: viber.root });
  const webchat = buildWebchat({
    engine,
    stores: deps.store,
    clock: deps.clock,
    logger,
    secret: 'fuzz-webchat-secret-0123456789abcdef',
  });
  stopWebchat = () => webchat.stop();
  app = createHttpApp({
    deps,
    logger,
    isReady: () => true,
    channelRouters: [
      telegramWebhookRouter(tg, TG_SECRET, logger),
      viberWebhookRouter({
        engine,
        client,
        stores: deps.store,
        clock: deps.clock,
        logger,
        authToken: VIBER_TOKEN,
        senderName: 'Agora',
      }),
      ...webchat.routers,
    ],
    admin: adminRouter({ deps, logger, publicUrl: 'http://localhost' }),
  });
}, 60_000);

afterAll(async () => {
  stopWebchat();
  await telegram.stop();
  await viber.stop();
  await deps.store.close();
});

const ROUNDS = 300;

const TARGETS = fuzzTargets({ telegram: TG_SECRET, viber: VIBER_TOKEN });

/** The same request through supertest. */
function send(r: FuzzRequest): request.Test {
  const t = (r.method === 'GET' ? request(app).get(r.path) : request(app).post(r.path)).set(r.headers);
  return r.body === undefined ? t : t.send(r.body);
}

describe('fuzzing every webhook and public endpoint', () => {
  it.each(TARGETS.map((e) => [e.name, e] as const))(
    '%s: no 5xx for random and malformed bodies',
    async (_name, e) => {
      const r = prng(TARGETS.indexOf(e) + 1);
      const statuses = new Map<number, number>();
      for (let i = 0; i < ROUNDS; i++) {
        const res = await send(e.request(fuzzBody(r)));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500)
          throw new Error(`${e.name}: ${res.status} for body #${i}: ${res.text.slice(0, 200)}`);
      }
      expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    },
    120_000,
  );

  it('answers broken percent-encoding in paths and queries without a 5xx', async () => {
    for (const path of [
      '/api/v1/challenges/%E0%A4%A/results',
      '/api/v1/audit/receipts/%',
      '/api/v1/challenges?lang=%ZZ',
    ]) {
      const res = await request(app).get(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    // Anonymous: the panel sends everyone to its login page first.
    expect((await request(app).get('/admin/%C0')).status).toBeLessThan(500);
  });

  it('answers an oversized body with 413, not a crash, and stays healthy with bounded memory', async () => {
    const before = process.memoryUsage().rss;
    const big = 'x'.repeat(2 * 1024 * 1024);
    const t = await request(app)
      .post('/telegram/webhook')
      .set('X-Telegram-Bot-Api-Secret-Token', TG_SECRET)
      .send(big);
    expect(t.status).toBe(413);
    const v = await request(app).post('/viber/webhook').set('X-Viber-Content-Signature', 'x').send(big);
    expect([403, 413]).toContain(v.status);
    await request(app).get('/healthz').expect(200);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });
});
