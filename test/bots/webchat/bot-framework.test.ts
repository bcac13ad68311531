import request from 'supertest';
import type { Express } from 'express';
import { createHttpApp } from '../../../app/http-app';
import type { Webchat } from '../../../bots/webchat/webchat';
import { buildWebchat } from '../../../bots/webchat/webchat';
import { classifyConnectorError } from '../../../bots/webchat/bot-framework-adapter';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import { FakeConnector } from '../../fakes/fake-connector';
import { engineOn } from '../dialog/support';
import { SECRET, silent } from './support';

let deps: TestDeps;
let fake: FakeConnector;
let webchat: Webchat;
let app: Express;
let seq = 0;

function appWith(extra: { appId?: string; appPassword?: string } = {}) {
  webchat = buildWebchat({
    engine: engineOn(deps),
    stores: deps.store,
    clock: deps.clock,
    logger: silent,
    secret: SECRET,
    ...extra,
  });
  return createHttpApp({ deps, logger: silent, isReady: () => true, channelRouters: webchat.routers });
}

beforeEach(async () => {
  deps = await makeDeps();
  fake = await new FakeConnector().start();
  app = appWith();
});
afterEach(async () => {
  webchat.stop();
  await fake.stop();
  await deps.store.close();
});

/** An activity as the Emulator (or an Azure channel) posts it to the bot. */
const activity = (fields: Record<string, unknown>, user = 'user-1', conversation = 'conv-1') => ({
  type: 'message',
  id: `act-${++seq}`,
  channelId: 'emulator',
  serviceUrl: fake.url,
  timestamp: new Date().toISOString(),
  from: { id: user, name: 'Maria', role: 'user' },
  recipient: { id: 'agora-bot', name: 'Agora', role: 'bot' },
  conversation: { id: conversation },
  locale: 'en-US',
  ...fields,
});

const postActivity = (body: object) => request(app).post('/api/messages').send(body);

type Action = { type: string; title: string; value: string };

/** The value of the button titled like `label` in the last reply: a suggested action or a hero card button. */
function pressable(label: string, conversation = 'conv-1'): string {
  const a = fake.last(conversation)?.activity as {
    suggestedActions?: { actions: Action[] };
    attachments?: { contentType: string; content?: { buttons?: Action[] } }[];
  };
  const actions = [
    ...(a.suggestedActions?.actions ?? []),
    ...(a.attachments ?? []).flatMap((x) => x.content?.buttons ?? []),
  ];
  const b = actions.find((x) => x.title.includes(label));
  if (!b) throw new Error(`no button ${label} in ${JSON.stringify(a)}`);
  expect(b.type).toBe('postBack');
  return b.value;
}

describe('POST /api/messages (botbuilder CloudAdapter, anonymous)', () => {
  it('answers through the activity’s serviceUrl and carries a whole vote', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [30, 50, 10, 20, 5, 5], {
      budget: 100,
    });
    const hi = activity({ text: 'hi' });
    await postActivity(hi).expect(200);
    expect(fake.textsTo('conv-1').join('\n')).toMatch(/Agora[\s\S]*Which language/);
    const first = fake.calls[0];
    expect(first?.replyToId).toBe(hi.id);
    expect(first?.authorization).toBeUndefined();
    expect(first?.activity).toMatchObject({
      type: 'message',
      textFormat: 'plain',
      from: { id: 'agora-bot' },
    });

    // Web Chat's postBack: the payload as text, flagged. Cards and other clients send `value`.
    await postActivity(activity({ text: pressable('English'), channelData: { postBack: true } })).expect(200);
    await postActivity(activity({ value: pressable('I agree') })).expect(200);
    await postActivity(activity({ text: '/vote' })).expect(200);
    // Nine buttons on the ballot: a hero card, since Azure channels cap suggested actions.
    const ballot = fake.last('conv-1')?.activity as { text: string; attachments: { contentType: string }[] };
    expect(ballot.text).toMatch(/€100 of €100 left/);
    expect(ballot.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
    await postActivity(activity({ value: { payload: pressable('1. Project 1') } })).expect(200);
    expect(fake.textsTo('conv-1').at(-1)).toMatch(/€70 of €100 left/);
    await postActivity(activity({ value: pressable('Submit') })).expect(200);
    expect(fake.textsTo('conv-1').at(-1)).toMatch(/receipt code is [2-9A-Z]{10}/);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    // The citizen is a webchat identity named after the Azure channel, never a bare id.
    expect(await deps.store.citizens.findByIdentity('webchat', 'emulator:user-1')).not.toBeNull();
  });

  it('handles a retried activity id once', async () => {
    const hi = activity({ text: 'hi' });
    await postActivity(hi).expect(200);
    const sent = fake.calls.length;
    await postActivity(hi).expect(200);
    expect(fake.calls).toHaveLength(sent);
  });

  it('refuses a serviceUrl off this machine while anonymous (it would be told where to send)', async () => {
    const r = await postActivity(
      activity({ text: 'hi', serviceUrl: 'http://169.254.169.254/latest/' }),
    ).expect(403);
    expect(r.body.error.code).toBe('Forbidden');
    expect(fake.calls).toHaveLength(0);
  });

  it('acknowledges non-message activities without a reply', async () => {
    await postActivity(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] })).expect(
      200,
    );
    await postActivity(activity({ type: 'typing' })).expect(200);
    expect(fake.calls).toHaveLength(0);
  });

  it('pushes proactive messages into the citizen’s last conversation and classifies failures', async () => {
    expect(await webchat.sender.send('emulator:user-2', [{ text: 'x' }])).toMatchObject({
      ok: false,
      kind: 'retry',
    });
    await postActivity(activity({ text: 'hi' }, 'user-2', 'conv-2')).expect(200);
    const before = fake.calls.length;
    expect(await webchat.sender.send('emulator:user-2', [{ text: 'Results are out' }])).toEqual({ ok: true });
    const pushed = fake.calls.slice(before);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ conversationId: 'conv-2', activity: { text: 'Results are out' } });
    fake.failNext(403);
    expect(await webchat.sender.send('emulator:user-2', [{ text: 'x' }])).toMatchObject({
      ok: false,
      kind: 'blocked',
    });
    fake.failNext(400);
    expect(await webchat.sender.send('emulator:user-2', [{ text: 'x' }])).toMatchObject({
      ok: false,
      kind: 'rejected',
    });
  });

  it('classifies connector errors: 5xx, 429 and network failures are retried', () => {
    // The connector client retries 5xx itself first (seconds); what still fails goes back to the outbox.
    const err = (statusCode?: number, retryAfter?: string) =>
      Object.assign(new Error('x'), {
        statusCode,
        response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
      });
    expect(classifyConnectorError(err(503))).toMatchObject({ ok: false, kind: 'retry' });
    expect(classifyConnectorError(err(429, '7'))).toEqual({
      ok: false,
      kind: 'retry',
      error: 'x',
      retryAfterMs: 7000,
    });
    expect(classifyConnectorError(err(undefined))).toMatchObject({ ok: false, kind: 'retry' });
    expect(classifyConnectorError(err(404))).toMatchObject({ ok: false, kind: 'blocked' });
    expect(classifyConnectorError(err(413))).toMatchObject({ ok: false, kind: 'rejected' });
  });
});

describe('POST /api/messages with MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD', () => {
  it('refuses activities without a valid Bot Framework token', async () => {
    // CloudAdapter reports every refused request on console.error; expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    webchat.stop();
    app = appWith({ appId: '00000000-0000-0000-0000-000000000001', appPassword: 'not-a-real-password' });
    expect(webchat.botFramework.anonymous).toBe(false);
    await postActivity(activity({ text: 'hi' })).expect(401);
    await request(app)
      .post('/api/messages')
      .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x')
      .send(activity({ text: 'hi' }))
      .expect(401);
    expect(fake.calls).toHaveLength(0);
    quiet.mockRestore();
  });
});
