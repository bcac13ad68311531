import request from 'supertest';
import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../../app/http-app';
import { TelegramChannel } from '../../../bots/telegram/telegram-channel';
import { telegramWebhookRouter } from '../../../bots/telegram/telegram-webhook';
import { createTelegramClient } from '../../../bots/telegram/telegram-client';
import { TelegramSender } from '../../../bots/telegram/telegram-sender';
import { splitText } from '../../../bots/telegram/telegram-render';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import { FakeTelegram } from '../../fakes/fake-telegram';
import { engineOn } from '../dialog/support';

const SECRET = 'hook-secret-1';
const logger = pino({ level: 'silent' });
let deps: TestDeps;
let fake: FakeTelegram;
let app: Express;
let updateId = 1;

function channelFor(d: TestDeps) {
  return new TelegramChannel({
    token: fake.token,
    apiRoot: fake.root,
    engine: engineOn(d),
    stores: d.store,
    clock: d.clock,
    logger,
  });
}

beforeEach(async () => {
  deps = await makeDeps();
  fake = await new FakeTelegram().start();
  app = createHttpApp({
    deps,
    logger,
    isReady: () => true,
    channelRouters: [telegramWebhookRouter(channelFor(deps), SECRET, logger)],
  });
});
afterEach(async () => {
  await fake.stop();
  await deps.store.close();
});

const from = (id: number) => ({ id, is_bot: false, first_name: 'Maria', language_code: 'en' });
const chat = (id: number) => ({ id, type: 'private', first_name: 'Maria' });
const text = (id: number, t: string) => ({
  update_id: updateId++,
  message: { message_id: updateId, date: 1, chat: chat(id), from: from(id), text: t },
});
const press = (id: number, data: string, messageId = 1000) => ({
  update_id: updateId++,
  callback_query: {
    id: `cb${updateId}`,
    from: from(id),
    chat_instance: 'x',
    data,
    message: { message_id: messageId, date: 1, chat: chat(id), text: '...' },
  },
});

const post = (body: unknown, secret = SECRET) =>
  request(app)
    .post('/telegram/webhook')
    .set('X-Telegram-Bot-Api-Secret-Token', secret)
    .set('Content-Type', 'application/json')
    .send(typeof body === 'string' ? body : JSON.stringify(body));

/** The callback data of the button whose label contains `label`, in the last message sent to `chatId`. */
function buttonData(chatId: number, label: string): string {
  const withKeyboard = fake
    .sentTo(String(chatId))
    .filter((c) => (c.body.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard);
  const last = withKeyboard[withKeyboard.length - 1];
  const rows = (last?.body.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
    .inline_keyboard;
  const b = rows.flat().find((x) => x.text.includes(label));
  if (!b) throw new Error(`no button ${label} in ${JSON.stringify(rows)}`);
  return b.callback_data;
}

describe('POST /telegram/webhook', () => {
  it('answers 401 without the secret token or with a wrong one, and sends nothing', async () => {
    await request(app).post('/telegram/webhook').send(text(1, 'hi')).expect(401);
    const r = await post(text(1, 'hi'), 'wrong').expect(401);
    expect(r.body.code).toBe('BAD_SECRET');
    expect(fake.calls).toHaveLength(0);
  });

  it('answers 200 to malformed bodies and to updates it ignores, without a crash', async () => {
    await post('{"update_id": 5, "message": ').expect(200);
    await post('[]').expect(200);
    await post({ hello: 'world' }).expect(200);
    await post({ update_id: 77, edited_message: { text: 'x' } }).expect(200);
    const group = text(9, 'hi');
    (group.message.chat as { type: string }).type = 'group';
    await post(group).expect(200);
    expect(fake.calls.filter((c) => c.method !== 'getMe')).toHaveLength(0);
  });

  it('processes a duplicate update_id once, also after a restart', async () => {
    const u = text(5, 'hi');
    await post(u).expect(200);
    await post(u).expect(200);
    const restarted = createHttpApp({
      deps,
      logger,
      isReady: () => true,
      channelRouters: [telegramWebhookRouter(channelFor(deps), SECRET, logger)],
    });
    await request(restarted)
      .post('/telegram/webhook')
      .set('X-Telegram-Bot-Api-Secret-Token', SECRET)
      .send(u)
      .expect(200);
    expect(fake.textsTo('5').filter((t) => t.includes('Agora'))).toHaveLength(1);
  });

  it('carries a whole vote: onboarding, ballot builder edited in place, receipt', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [30, 50], { budget: 100 });
    await post(text(7, 'hi')).expect(200);
    expect(fake.textsTo('7').join('\n')).toMatch(/Agora/);
    await post(press(7, buttonData(7, 'English'))).expect(200);
    await post(press(7, buttonData(7, 'I agree'))).expect(200);
    await post(text(7, '/vote')).expect(200);
    expect(fake.textsTo('7').at(-1)).toMatch(/€100 of €100 left/);
    await post(press(7, buttonData(7, '1. Project 1'), 1234)).expect(200);
    const edit = fake.calls.filter((c) => c.method === 'editMessageText').at(-1);
    expect(edit?.body).toMatchObject({ chat_id: '7', message_id: 1234 });
    expect(String(edit?.body.text)).toMatch(/€70 of €100 left/);
    expect(fake.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    await post(press(7, buttonData(7, 'Submit'))).expect(200);
    expect(fake.textsTo('7').at(-1)).toMatch(/receipt code is [2-9A-Z]{10}/);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    // Plain text only: nothing a citizen typed can become markup.
    expect(fake.calls.every((c) => c.body.parse_mode === undefined)).toBe(true);
  });

  it('accepts only the sender’s own contact for phone verification', async () => {
    await post(text(8, 'hi')).expect(200);
    await post(press(8, buttonData(8, 'English'))).expect(200);
    const contact = (userId: number) => ({
      update_id: updateId++,
      message: {
        message_id: 1,
        date: 1,
        chat: chat(8),
        from: from(8),
        contact: { phone_number: '+359888000000', first_name: 'M', user_id: userId },
      },
    });
    await post(contact(999)).expect(200);
    expect((await deps.store.citizens.findByIdentity('telegram', '8'))?.verification).toBe('none');
    await post(contact(8)).expect(200);
    expect((await deps.store.citizens.findByIdentity('telegram', '8'))?.verification).toBe('phone');
    // The same number on another Telegram account (a number moved to a new account): refused, politely.
    await post(text(9, 'hi')).expect(200);
    await post(press(9, buttonData(9, 'English'))).expect(200);
    const moved = { ...contact(9), update_id: updateId++ };
    moved.message = { ...moved.message, chat: chat(9), from: from(9) };
    await post(moved).expect(200);
    expect((await deps.store.citizens.findByIdentity('telegram', '9'))?.verification).toBe('none');
    expect(fake.sentTo('9').at(-1)?.body.text).toMatch(/already verified another account/);
  });

  it('marks a chat unreachable when the citizen blocked the bot', async () => {
    await post(text(11, 'hi')).expect(200);
    fake.block('11');
    await post(text(11, 'hello again')).expect(200);
    const c = await deps.store.citizens.findByIdentity('telegram', '11');
    expect(c?.identities[0]?.unreachable).toBe(true);
  });
});

describe('TelegramSender', () => {
  it('classifies 429 with retry_after, 403 and 5xx, and splits long texts', async () => {
    const sender = new TelegramSender(createTelegramClient(fake.token, fake.root));
    expect(await sender.send('1', [{ text: 'hello' }])).toEqual({ ok: true });
    fake.failNext(429, 'Too Many Requests: retry after 3', { retryAfter: 3 });
    expect(await sender.send('1', [{ text: 'x' }])).toMatchObject({
      ok: false,
      kind: 'retry',
      retryAfterMs: 3000,
    });
    fake.failNext(502, 'Bad Gateway');
    expect(await sender.send('1', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'retry' });
    fake.block('2');
    expect(await sender.send('2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'blocked' });
    const long = Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    const before = fake.calls.length;
    expect(await sender.send('3', [{ text: long }])).toEqual({ ok: true });
    const parts = fake.calls.slice(before).map((c) => String(c.body.text));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join('\n')).toBe(long);
    expect(splitText('a'.repeat(9000))).toHaveLength(3);
  });
});
