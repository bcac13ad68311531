import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../app/http-app';
import { TelegramChannel } from '../../bots/telegram/telegram-channel';
import { telegramWebhookRouter } from '../../bots/telegram/telegram-webhook';
import { ViberClient } from '../../bots/viber/viber-client';
import { viberSignature } from '../../bots/viber/viber-signature';
import { viberWebhookRouter } from '../../bots/viber/viber-webhook';
import { buildWebchat } from '../../bots/webchat/webchat';
import { adminRouter } from '../../admin/panel';
import { seedDemo } from '../../app/demo/seed-demo';
import type { TestDeps } from '../support/deps';
import { makeDeps } from '../support/deps';
import { FakeTelegram } from '../fakes/fake-telegram';
import { FakeViber } from '../fakes/fake-viber';
import { engineOn } from '../bots/dialog/support';

const logger = pino({ level: 'silent' });
const TG_SECRET = 'fuzz-secret';
const VIBER_TOKEN = 'fuzz-viber-token';

/** A small seeded PRNG (mulberry32): the same bodies on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  'null',
  'true',
  '1e309',
  '-0',
  '"update_id"',
  '"message"',
  '"callback_query"',
  '"event"',
  '"chat"',
  '"text"',
  '"from"',
  '"data"',
  '\u0000',
  '\ud800',
  'Ω',
  'я',
  'ř',
  '💥',
  '<script>',
  '%00',
  '\\u0000',
  '9007199254740993',
  '"__proto__"',
  '"constructor"',
  ' ',
  '\n',
];

/** Random junk, truncated JSON, and well-formed JSON of the wrong shape, in roughly equal parts. */
function body(r: () => number): string {
  const kind = Math.floor(r() * 3);
  if (kind === 0)
    return Array.from({ length: Math.floor(r() * 60) }, () => PIECES[Math.floor(r() * PIECES.length)]).join(
      '',
    );
  const obj: Record<string, unknown> = {
    update_id: r() < 0.7 ? Math.floor(r() * 1e9) : 'x',
    event: ['message', 'conversation_started', 'subscribed', 'unsubscribed', 'delivered', 'x'][
      Math.floor(r() * 6)
    ],
    message:
      r() < 0.5
        ? {
            text: r() < 0.5 ? '/vote' : { nested: [1, 2] },
            chat: r() < 0.5 ? { id: 5, type: 'private' } : null,
          }
        : 'm',
    callback_query:
      r() < 0.3 ? { id: 'q', data: 'vt:'.padEnd(Math.floor(r() * 100), 'x'), message: {} } : undefined,
    sender: r() < 0.5 ? { id: 'v1', name: 'N' } : 7,
    message_token: r() < 0.5 ? Math.floor(r() * 1e15) : 'tok',
    type: 'message',
    text: 'Ω'.repeat(Math.floor(r() * 50)),
    __proto__: { polluted: true },
  };
  const json = JSON.stringify(obj);
  return kind === 1 ? json : json.slice(0, Math.floor(r() * json.length));
}

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

/** URL-safe text of a body (lone surrogates cannot be percent-encoded). */
const urlPart = (b: string, max: number): string =>
  encodeURIComponent(b.replace(/[\ud800-\udfff]/g, '?').slice(0, max)) || 'x';

/** Each endpoint with how to sign a body so the fuzz reaches the parser, not just the auth check. */
const ENDPOINTS: { name: string; send: (b: string) => request.Test }[] = [
  {
    name: 'telegram',
    send: (b) =>
      request(app)
        .post('/telegram/webhook')
        .set('X-Telegram-Bot-Api-Secret-Token', TG_SECRET)
        .set('Content-Type', 'application/json')
        .send(b),
  },
  { name: 'telegram unsigned', send: (b) => request(app).post('/telegram/webhook').send(b) },
  {
    name: 'viber',
    send: (b) =>
      request(app)
        .post('/viber/webhook')
        .set('X-Viber-Content-Signature', viberSignature(b, VIBER_TOKEN))
        .set('Content-Type', 'application/json')
        .send(b),
  },
  {
    name: 'viber unsigned',
    send: (b) => request(app).post('/viber/webhook').set('Content-Type', 'application/json').send(b),
  },
  {
    name: 'bot framework',
    send: (b) => request(app).post('/api/messages').set('Content-Type', 'application/json').send(b),
  },
  {
    name: 'direct line',
    send: (b) =>
      request(app)
        .post('/v3/directline/conversations/x/activities')
        .set('Authorization', 'Bearer x')
        .set('Content-Type', 'application/json')
        .send(b),
  },
  {
    name: 'direct line tokens',
    send: (b) =>
      request(app).post('/v3/directline/tokens/generate').set('Content-Type', 'application/json').send(b),
  },
  {
    name: 'admin login',
    send: (b) =>
      request(app).post('/admin/login').set('Content-Type', 'application/x-www-form-urlencoded').send(b),
  },
  {
    name: 'public api',
    send: (b) => request(app).get(`/api/v1/challenges?${urlPart(b, 500)}=1`),
  },
  {
    name: 'receipts',
    send: (b) => request(app).get(`/api/v1/audit/receipts/${urlPart(b, 200)}`),
  },
  {
    name: 'results',
    send: (b) =>
      request(app).get(`/api/v1/challenges/${urlPart(b, 100)}/results?format=${b.length % 2 ? 'pb' : 'zz'}`),
  },
];

describe('fuzzing every webhook and public endpoint', () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))(
    '%s: no 5xx for random and malformed bodies',
    async (_name, e) => {
      const r = prng(ENDPOINTS.indexOf(e) + 1);
      const statuses = new Map<number, number>();
      for (let i = 0; i < ROUNDS; i++) {
        const res = await e.send(body(r));
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
