import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { VIBER_EVENT_TYPES, ViberApiError, ViberClient } from '../../../bots/viber/viber-client';
import { ACCOUNT_PROBLEM_RETRY_MS, ViberSender } from '../../../bots/viber/viber-sender';
import { MAX_TEXT } from '../../../bots/viber/viber-render';
import { FakeViber } from '../../fakes/fake-viber';

let fake: FakeViber;
let client: ViberClient;
let sender: ViberSender;

beforeEach(async () => {
  fake = await new FakeViber().start();
  client = new ViberClient({ authToken: fake.token, apiRoot: fake.root });
  sender = new ViberSender(client, { senderName: 'Agora — the participatory budget of Sofia' });
});
afterEach(() => fake.stop());

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('ViberClient', () => {
  it('posts JSON with the auth token, and reads 64-bit message tokens exactly', async () => {
    const r = await client.sendMessage({
      receiver: 'u1',
      sender: { name: 'Agora' },
      type: 'text',
      text: 'hi',
    });
    expect(r.message_token).toBe('5741311803571721000');
    expect(fake.calls[0]).toMatchObject({
      method: 'send_message',
      body: { receiver: 'u1', sender: { name: 'Agora' }, type: 'text', text: 'hi' },
    });
    expect((await client.getAccountInfo()).name).toBe('Agora');
  });

  it('registers the webhook without asking for names or photos', async () => {
    await client.setWebhook('https://agora.example/viber/webhook', VIBER_EVENT_TYPES);
    expect(fake.calls.at(-1)).toMatchObject({
      method: 'set_webhook',
      body: {
        url: 'https://agora.example/viber/webhook',
        event_types: ['failed', 'subscribed', 'unsubscribed', 'conversation_started'],
        send_name: false,
        send_photo: false,
      },
    });
  });

  it('turns a non-zero status in an HTTP 200 into a typed error', async () => {
    const wrong = new ViberClient({ authToken: 'not-the-token', apiRoot: `${fake.root}/` });
    const err = await wrong.getAccountInfo().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ViberApiError);
    expect(err).toMatchObject({
      kind: 'status',
      status: 2,
      statusMessage: 'invalidAuthToken',
      retryable: false,
    });
    fake.failNextWithStatus(12, { statusMessage: 'tooManyRequests' });
    await expect(client.getAccountInfo()).rejects.toMatchObject({ status: 12, retryable: true });
    fake.failNextWithHttp(503);
    await expect(client.getAccountInfo()).rejects.toMatchObject({
      kind: 'http',
      httpStatus: 503,
      retryable: true,
    });
  });

  it('gives up after its timeout, as a retryable network error', async () => {
    fake.delayMs = 300;
    const slow = new ViberClient({ authToken: fake.token, apiRoot: fake.root, timeoutMs: 50 });
    await expect(slow.getAccountInfo()).rejects.toMatchObject({ kind: 'network', retryable: true });
    fake.delayMs = 0;
  });
});

describe('ViberSender', () => {
  it('sends replies with the sender name (cut to 28 characters) and says ok', async () => {
    expect(sender.channel).toBe('viber');
    expect(await sender.send('u1', [{ text: 'hello' }])).toEqual({ ok: true });
    const [body] = fake.sentTo('u1');
    expect(body).toMatchObject({ receiver: 'u1', type: 'text', text: 'hello' });
    expect((body?.sender as { name: string }).name).toHaveLength(28);
  });

  it('classifies Viber statuses and HTTP failures', async () => {
    fake.failNextWithStatus(6, { statusMessage: 'receiverNotSubscribed' });
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'blocked' });
    fake.failNextWithStatus(5, { statusMessage: 'receiverNotRegistered' });
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'blocked' });
    fake.failNextWithHttp(429, { retryAfter: 3 });
    expect(await sender.send('u2', [{ text: 'x' }])).toEqual({
      ok: false,
      kind: 'retry',
      error: expect.stringContaining('429'),
      retryAfterMs: 3000,
    });
    fake.failNextWithHttp(500);
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'retry' });
    fake.failNextWithStatus(12);
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'retry' });
    fake.failNextWithStatus(3, { statusMessage: 'badData' });
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'rejected' });
    fake.failNextWithStatus(999);
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'rejected' });
    fake.failNextWithHttp(400);
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'rejected' });
    fake.failNextWithStatus(9, { statusMessage: 'publicAccountSuspended' });
    expect(await sender.send('u2', [{ text: 'x' }])).toMatchObject({
      ok: false,
      kind: 'retry',
      retryAfterMs: ACCOUNT_PROBLEM_RETRY_MS,
    });
    expect(await sender.send('u2', [{ text: 'x' }])).toEqual({ ok: true });
  });

  it('reports a refused connection as worth a retry', async () => {
    const down = new ViberSender(
      new ViberClient({ authToken: fake.token, apiRoot: `http://127.0.0.1:${await closedPort()}/pa` }),
      { senderName: 'Agora' },
    );
    expect(await down.send('u3', [{ text: 'x' }])).toMatchObject({ ok: false, kind: 'retry' });
  });

  it('splits a text over 7000 characters into several messages, keyboard on each', async () => {
    const long = Array.from({ length: 900 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    expect(
      await sender.send('u4', [{ text: long, buttons: [[{ label: 'Menu', payload: 'menu' }]] }]),
    ).toEqual({
      ok: true,
    });
    const texts = fake.textsTo('u4');
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.every((t) => t.length <= MAX_TEXT)).toBe(true);
    expect(texts.join('\n')).toBe(long);
    expect(fake.sentTo('u4').every((b) => b.keyboard)).toBe(true);
  });

  it('stops a batch at the first failure', async () => {
    fake.unsubscribe('u5');
    expect(await sender.send('u5', [{ text: 'one' }, { text: 'two' }])).toMatchObject({ kind: 'blocked' });
    expect(fake.sentTo('u5')).toHaveLength(1);
  });
});
