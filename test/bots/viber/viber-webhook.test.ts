import type { Express } from 'express';
import pino from 'pino';
import { createHttpApp } from '../../../app/http-app';
import { ViberClient } from '../../../bots/viber/viber-client';
import type { ViberWebhookRouter } from '../../../bots/viber/viber-webhook';
import { viberWebhookRouter } from '../../../bots/viber/viber-webhook';
import { viberSignature } from '../../../bots/viber/viber-signature';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import { FakeViber } from '../../fakes/fake-viber';
import { engineOn } from '../dialog/support';
import { callback, conversationStarted, postCallback, recordingLogger, textMessage } from './support';

let deps: TestDeps;
let fake: FakeViber;
let log: ReturnType<typeof recordingLogger>;
let hook: ViberWebhookRouter;
let app: Express;

function hookFor(d: TestDeps): ViberWebhookRouter {
  return viberWebhookRouter({
    engine: engineOn(d),
    client: new ViberClient({ authToken: fake.token, apiRoot: fake.root }),
    stores: d.store,
    clock: d.clock,
    logger: log,
    authToken: fake.token,
    senderName: 'Agora',
  });
}

/** The real app, with the router mounted where the app mounts channel webhooks (before express.json). */
const appWith = (h: ViberWebhookRouter): Express =>
  createHttpApp({ deps, logger: pino({ level: 'silent' }), isReady: () => true, channelRouters: [h] });

beforeEach(async () => {
  deps = await makeDeps();
  fake = await new FakeViber().start();
  log = recordingLogger();
  hook = hookFor(deps);
  app = appWith(hook);
});
afterEach(async () => {
  await hook.drain();
  await fake.stop();
  await deps.store.close();
});

/** Posts a signed callback and waits for the replies it causes to reach the fake. */
async function post(raw: string, expected = 200) {
  const res = await postCallback(app, raw, fake.token).expect(expected);
  await hook.drain();
  return res;
}

/** The ActionBody of the button whose text contains `label` in the last keyboard sent to `user`. */
function actionBody(user: string, label: string): string {
  const buttons = fake.lastKeyboard(user);
  const b = buttons.find((x) => x.Text.includes(label));
  if (!b) throw new Error(`no button ${label} in ${JSON.stringify(buttons.map((x) => x.Text))}`);
  return b.ActionBody;
}

const identity = async (user: string) =>
  (await deps.store.citizens.findByIdentity('viber', user))?.identities.find((i) => i.channel === 'viber');

describe('POST /viber/webhook: signatures', () => {
  it('answers 403 without the signature, with a wrong one, or with one for other bytes; sends nothing', async () => {
    const raw = textMessage('u1', 'hi');
    const missing = await postCallback(app, raw, fake.token, null).expect(403);
    expect(missing.body).toEqual({ code: 'BAD_SIGNATURE', message: expect.any(String) });
    await postCallback(app, raw, fake.token, 'deadbeef').expect(403);
    await postCallback(app, raw, fake.token, viberSignature(raw, 'another-token')).expect(403);
    await postCallback(app, raw, fake.token, viberSignature(`${raw} `, fake.token)).expect(403);
    await postCallback(app, raw, fake.token, `${viberSignature(raw, fake.token)}00`).expect(403);
    await hook.drain();
    expect(fake.calls).toHaveLength(0);
    expect(await deps.store.citizens.count()).toBe(0);
  });

  it('accepts the HMAC-SHA256 of the raw bytes, whatever their formatting', async () => {
    // Pretty-printed JSON: re-serialising a parsed body would give other bytes and another HMAC.
    const raw = JSON.stringify(JSON.parse(textMessage('u2', 'hi')), null, 2);
    await post(raw);
    expect(fake.textsTo('u2').join('\n')).toMatch(/Agora/);
  });
});

describe('POST /viber/webhook: what Viber may send', () => {
  it('answers 200 to malformed bodies and logs them, without a crash or a reply', async () => {
    for (const raw of ['{"event": "message", ', '[]', '"x"', '{"hello":"world"}', '{"event":"message"}', ''])
      await post(raw);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ bytes: expect.any(Number) }),
      'malformed viber callback ignored',
    );
    expect(log.warn.mock.calls.filter((c) => c[1] === 'malformed viber callback ignored')).toHaveLength(6);
    expect(fake.calls).toHaveLength(0);
  });

  it('answers 200 to the webhook check and to delivery events, doing nothing', async () => {
    await post(callback({ event: 'webhook', timestamp: 1, chat_hostname: 'SN-1' }));
    await post(callback({ event: 'delivered', timestamp: 1, user_id: 'u3' }));
    await post(callback({ event: 'seen', timestamp: 1, user_id: 'u3' }));
    await post(callback({ event: 'failed', timestamp: 1, user_id: 'u3', desc: 'failure description' }));
    expect(fake.calls).toHaveLength(0);
    expect(await deps.store.citizens.count()).toBe(0);
  });

  it('processes a duplicate message_token once, also after a restart', async () => {
    const raw = textMessage('u5', 'hi');
    await post(raw);
    await post(raw);
    const restarted = hookFor(deps);
    await postCallback(appWith(restarted), raw, fake.token).expect(200);
    await restarted.drain();
    expect(fake.textsTo('u5').filter((t) => t.includes('Agora'))).toHaveLength(1);
  });

  it('keeps 64-bit tokens apart that a JS number would merge', async () => {
    // 4912661846655238145 and ...146 are the same double: read as numbers, the second would be a "duplicate".
    expect(Number('4912661846655238145')).toBe(Number('4912661846655238146'));
    await post(textMessage('u6', 'hi', 4912661846655238145n));
    const before = fake.sentTo('u6').length;
    await post(textMessage('u6', '/help', 4912661846655238146n));
    expect(fake.sentTo('u6').length).toBeGreaterThan(before);
  });
});

describe('POST /viber/webhook: failures on our side', () => {
  it('refuses bodies over 100 kB with 413, before any processing', async () => {
    const raw = textMessage('u15', 'x'.repeat(150_000));
    const res = await postCallback(app, raw, fake.token).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await deps.store.citizens.count()).toBe(0);
  });

  it('answers 503 when the store cannot claim the token, so Viber retries and nothing is lost', async () => {
    const failing = viberWebhookRouter({
      engine: engineOn(deps),
      client: new ViberClient({ authToken: fake.token, apiRoot: fake.root }),
      stores: {
        citizens: deps.store.citizens,
        processedUpdates: {
          claim: () => Promise.reject(new Error('database is locked')),
          prune: () => Promise.resolve(0),
        },
      },
      clock: deps.clock,
      logger: log,
      authToken: fake.token,
      senderName: 'Agora',
    });
    const raw = textMessage('u16', 'hi');
    await postCallback(appWith(failing), raw, fake.token).expect(503);
    await failing.drain();
    expect(fake.calls).toHaveLength(0);
    // Once the store is back, Viber's retry of the same callback goes through.
    await post(raw);
    expect(fake.textsTo('u16').join('\n')).toMatch(/Agora/);
  });
});

describe('POST /viber/webhook: conversation_started', () => {
  it('answers an unsubscribed visitor with one welcome in the response body (send_message would be refused)', async () => {
    const res = await post(conversationStarted('u7', false));
    expect(res.body).toMatchObject({ type: 'text', sender: { name: 'Agora' } });
    expect(res.body.text).toMatch(/Agora/);
    expect(res.body.text).toMatch(/Which language/);
    const labels = (res.body.keyboard.Buttons as { Text: string }[]).map((b) => b.Text);
    expect(labels).toEqual(expect.arrayContaining(['English']));
    expect(fake.calls).toHaveLength(0);
  });

  it('sends the welcome through the API to a subscribed user', async () => {
    const res = await post(conversationStarted('u8', true));
    expect(res.text).toBe('');
    expect(fake.textsTo('u8').join('\n')).toMatch(/Agora/);
    expect(fake.lastKeyboard('u8').map((b) => b.Text)).toContain('English');
  });
});

describe('POST /viber/webhook: a whole vote', () => {
  it('onboards with keyboard taps, builds a ballot, submits it and gets a receipt', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [30, 50], { budget: 100 });
    const welcome = await post(conversationStarted('u9', false));
    const english = (welcome.body.keyboard.Buttons as { Text: string; ActionBody: string }[]).find(
      (b) => b.Text === 'English',
    );
    expect(english?.ActionBody).toMatch(/^agora:/);
    await post(textMessage('u9', english?.ActionBody ?? ''));
    await post(textMessage('u9', actionBody('u9', 'I agree')));
    await post(textMessage('u9', '/vote'));
    expect(fake.textsTo('u9').at(-1)).toMatch(/€100 of €100 left/);
    await post(textMessage('u9', actionBody('u9', '1. Project 1')));
    // Viber cannot edit a message: the redrawn ballot is a new one, with its keyboard.
    expect(fake.textsTo('u9').at(-1)).toMatch(/€70 of €100 left/);
    await post(textMessage('u9', actionBody('u9', 'Submit')));
    expect(fake.textsTo('u9').at(-1)).toMatch(/receipt code is [2-9A-Z]{10}/);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    // Every call carried the sender and the token; every tap button is silent and prefixed.
    for (const body of fake.sentTo('u9')) expect(body.sender).toEqual({ name: 'Agora' });
    const buttons = fake
      .sentTo('u9')
      .flatMap(
        (b) =>
          (b.keyboard as { Buttons: { ActionBody: string; Silent?: boolean }[] } | undefined)?.Buttons ?? [],
      );
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => b.ActionBody.startsWith('agora:') && b.Silent === true)).toBe(true);
  });

  it('takes typed text as text, not as a tap', async () => {
    await post(textMessage('u10', 'hi'));
    await post(textMessage('u10', actionBody('u10', 'English')));
    const c = await deps.store.citizens.findByIdentity('viber', 'u10');
    expect(c?.locale).toBe('en');
    // `agora:` followed by junk is a stale button, not a crash.
    await post(textMessage('u10', 'agora:no such thing!'));
    expect(fake.textsTo('u10').length).toBeGreaterThan(2);
  });
});

describe('POST /viber/webhook: reachability', () => {
  it('marks an unsubscribed user unreachable, and reachable again when they subscribe or write', async () => {
    await post(textMessage('u11', 'hi'));
    expect((await identity('u11'))?.unreachable).toBe(false);
    await post(callback({ event: 'unsubscribed', timestamp: 1, user_id: 'u11' }));
    expect((await identity('u11'))?.unreachable).toBe(true);
    await post(callback({ event: 'subscribed', timestamp: 1, user: { id: 'u11', api_version: 10 } }));
    expect((await identity('u11'))?.unreachable).toBe(false);
    await post(callback({ event: 'unsubscribed', timestamp: 1, user_id: 'u11' }));
    // Writing to the bot subscribes again (Viber sends no `subscribed` callback then).
    await post(textMessage('u11', 'hello'));
    expect((await identity('u11'))?.unreachable).toBe(false);
  });

  it('marks a user unreachable when Viber refuses a reply (status 6), and never answers 5xx for it', async () => {
    await post(textMessage('u12', 'hi'));
    fake.unsubscribe('u12');
    await post(textMessage('u12', 'hello again'));
    expect((await identity('u12'))?.unreachable).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'u12', kind: 'blocked' }),
      'viber reply not delivered',
    );
  });

  it('answers 200 even when Viber is down for the replies (logged, not a retry storm)', async () => {
    fake.failNextWithHttp(500, { count: 5 });
    await post(textMessage('u13', 'hi'));
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ userId: 'u13', kind: 'retry' }),
      'viber reply not delivered',
    );
    expect((await identity('u13'))?.unreachable).toBe(false);
  });
});

describe('POST /viber/webhook: other messages', () => {
  it('does not count a shared contact as the sender’s own phone', async () => {
    await post(textMessage('u14', 'hi'));
    await post(
      callback({
        event: 'message',
        timestamp: 1,
        sender: { id: 'u14', language: 'en' },
        message: { type: 'contact', contact: { name: 'Maria', phone_number: '+359888000000' } },
      }),
    );
    expect((await deps.store.citizens.findByIdentity('viber', 'u14'))?.verification).toBe('none');
    expect(fake.textsTo('u14').at(-1)).toMatch(/your own contact/);
  });
});
