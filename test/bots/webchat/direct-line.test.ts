import WebSocket from 'ws';
import type { DirectLine } from 'botframework-directlinejs';
import { ConnectionStatus } from 'botframework-directlinejs';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import type { Running } from './support';
import {
  Inbox,
  buttonValue,
  directLineClient,
  generate,
  message,
  post,
  postBack,
  startWebchat,
} from './support';

let deps: TestDeps;
let srv: Running;
const clients: { dl: DirectLine; inbox: Inbox }[] = [];

beforeEach(async () => {
  deps = await makeDeps();
  srv = await startWebchat(deps);
});
afterEach(async () => {
  for (const c of clients.splice(0)) {
    c.inbox.stop();
    c.dl.end();
  }
  await srv.webchat.directLine.idle();
  await srv.close();
  await deps.store.close();
});

/** A browser's first visit: a token from tokens/generate, then the real client on it. */
async function connect(webSocket: boolean, ticket?: string) {
  const g = await generate(srv.domain, ticket ? { ticket } : {});
  expect(g.status).toBe(200);
  const dl = directLineClient({ domain: srv.domain, token: g.body.token, webSocket });
  const inbox = new Inbox(dl);
  clients.push({ dl, inbox });
  return { dl, inbox, ...g.body };
}

const api = (path: string, token: string | undefined, init: RequestInit = {}) =>
  fetch(`${srv.domain}${path}`, {
    ...init,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });

describe('self-hosted Direct Line with the real DirectLineJS client', () => {
  it('starts a conversation, sends, and receives by polling: a whole vote', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'voting', [30, 50], { budget: 100 });
    const { dl, inbox, user, conversationId } = await connect(false);
    expect(user.id).toMatch(/^dl_[A-Za-z0-9_-]{22}$/);

    const id = await post(dl, message(user.id, 'hi'));
    expect(id).toMatch(/\|0000001$/);
    const echo = await inbox.waitFor((a) => a.id === id, 'the echo of my message');
    expect(echo.from).toMatchObject({ id: user.id, role: 'user' });
    const languages = await inbox.fromBot(/Which language/);
    expect((languages as { replyToId?: string }).replyToId).toBe(id);

    await post(dl, postBack(user.id, buttonValue(languages, 'English')));
    const consent = await inbox.fromBot(/Do you agree/);
    await post(dl, postBack(user.id, buttonValue(consent, 'I agree')));
    await inbox.fromBot(/what you can do/);
    await post(dl, message(user.id, 'i want to vote'));
    const ballot = await inbox.fromBot(/€100 of €100 left/);
    await post(dl, postBack(user.id, buttonValue(ballot, '1. Project 1')));
    const redrawn = await inbox.fromBot(/€70 of €100 left/);
    await post(dl, postBack(user.id, buttonValue(redrawn, 'Submit')));
    await inbox.fromBot(/receipt code is [2-9A-Z]{10}/);

    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    expect(srv.webchat.directLine.log.get(conversationId)?.listeners.size).toBe(0);
    const citizen = await deps.store.citizens.findByIdentity('webchat', user.id);
    expect(citizen?.consentAt).not.toBeNull();
    // Pressed buttons travel as postBacks: the echo is flagged, so Web Chat hides it.
    expect(
      inbox.activities.filter(
        (a) => a.type === 'message' && a.from.role === 'user' && a.text?.startsWith('vt:'),
      ),
    ).toEqual([expect.objectContaining({ channelData: expect.objectContaining({ postBack: true }) })]);
  });

  it('receives through the WebSocket stream, proactive messages included', async () => {
    const { dl, inbox, user, conversationId } = await connect(true);
    await post(dl, message(user.id, 'hi'));
    await inbox.fromBot(/Which language/);
    // The replies came over the stream: one socket is open, and no poll was ever made.
    const conversation = srv.webchat.directLine.log.get(conversationId);
    expect(conversation?.listeners.size).toBe(1);
    expect(conversation?.lastPolledMs).toBe(Number.NEGATIVE_INFINITY);
    expect(srv.webchat.directLine.log.live(user.id)).toEqual([conversation]);
    const outcome = await srv.webchat.sender.send(user.id, [
      { text: 'Your question was answered', buttons: [[{ label: 'Open', payload: 'prj:x1' }]] },
    ]);
    expect(outcome).toEqual({ ok: true });
    const pushed = await inbox.fromBot(/question was answered/);
    expect(buttonValue(pushed, 'Open')).toBe('prj:x1');
  });

  it('keeps proactive messages for a user who is away, and shows them in their next conversation', async () => {
    const first = await connect(false);
    await post(first.dl, message(first.user.id, 'hi'));
    await first.inbox.fromBot(/Which language/);
    first.dl.end();
    deps.clock.advance(60_000);
    expect(srv.webchat.directLine.log.live(first.user.id)).toHaveLength(0);
    expect(await srv.webchat.sender.send(first.user.id, [{ text: 'Results are out' }])).toEqual({ ok: true });
    expect(srv.webchat.directLine.log.heldFor(first.user.id)).toBe(1);

    const again = await connect(true, first.ticket);
    expect(again.user.id).toBe(first.user.id);
    expect(again.conversationId).not.toBe(first.conversationId);
    await again.inbox.fromBot(/Results are out/);
  });

  it('gives a returning browser its citizen back only with its ticket', async () => {
    const first = await generate(srv.domain);
    const back = await generate(srv.domain, { ticket: first.body.ticket });
    expect(back.body.user.id).toBe(first.body.user.id);
    // Claiming an id is not enough: without the ticket a new citizen is made.
    const claim = await generate(srv.domain, { user: { id: first.body.user.id } });
    expect(claim.body.user.id).not.toBe(first.body.user.id);
    // A forged or altered ticket, or a conversation token shown as a ticket, is refused.
    const [h, p, s] = first.body.ticket.split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p ?? '', 'base64url').toString()), sub: 'dl_someoneelse' }),
    ).toString('base64url');
    expect((await generate(srv.domain, { ticket: `${h}.${forgedClaims}.${s}` })).status).toBe(403);
    expect((await generate(srv.domain, { ticket: first.body.token })).status).toBe(403);
    // The token carries the user in the `user` claim, where Web Chat reads it.
    const claims = JSON.parse(Buffer.from(first.body.token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ user: first.body.user.id, conv: first.body.conversationId });
  });

  it('scopes a token to its conversation: 403 on another, 401 without one', async () => {
    const a = await generate(srv.domain);
    const b = await generate(srv.domain);
    for (const t of [a.body.token, b.body.token])
      expect((await api('/conversations', t, { method: 'POST', body: '{}' })).status).toBe(201);

    const foreign = `/conversations/${b.body.conversationId}/activities`;
    const read = await api(foreign, a.body.token);
    expect(read.status).toBe(403);
    expect(await read.json()).toEqual({ error: { code: 'Forbidden', message: expect.any(String) } });
    const write = await api(foreign, a.body.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    expect(write.status).toBe(403);
    expect((await api(`/conversations/${b.body.conversationId}`, a.body.token)).status).toBe(403);
    expect((await api(foreign, undefined)).status).toBe(401);
    expect((await api(foreign, 'not.a.token')).status).toBe(403);

    // The stream checks the same scope at the upgrade.
    const ws = new WebSocket(
      `${srv.url.replace('http', 'ws')}/v3/directline/conversations/${b.body.conversationId}/stream?t=${a.body.token}`,
    );
    const refused = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(refused).toBe(403);
    // Nothing leaked into B, nothing was run for A's user.
    await srv.webchat.directLine.idle();
    const own = await api(foreign, b.body.token);
    expect(((await own.json()) as { activities: unknown[] }).activities).toEqual([]);
  });

  it('refuses an expired token with 403 and refreshes a valid one', async () => {
    const g = await generate(srv.domain);
    const path = `/conversations/${g.body.conversationId}/activities`;
    expect(g.body.expires_in).toBe(1800);
    expect((await api('/conversations', g.body.token, { method: 'POST' })).status).toBe(201);

    deps.clock.advance(20 * 60_000);
    const refreshed = await api('/tokens/refresh', g.body.token, { method: 'POST' });
    expect(refreshed.status).toBe(200);
    const fresh = (await refreshed.json()) as { token: string; conversationId: string };
    expect(fresh.conversationId).toBe(g.body.conversationId);

    deps.clock.advance(15 * 60_000);
    const expired = await api(path, g.body.token);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('TokenExpired');
    expect((await api('/tokens/refresh', g.body.token, { method: 'POST' })).status).toBe(403);
    expect((await api(path, fresh.token)).status).toBe(200);

    const dl = directLineClient({ domain: srv.domain, token: g.body.token, webSocket: false });
    const statuses: ConnectionStatus[] = [];
    dl.connectionStatus$.subscribe((s) => statuses.push(s));
    const inbox = new Inbox(dl);
    clients.push({ dl, inbox });
    // The real client cannot start on an expired token: it gives up instead of retrying forever.
    await new Promise((r) => setTimeout(r, 300));
    expect(statuses).toContain(ConnectionStatus.FailedToConnect);
    expect(statuses).not.toContain(ConnectionStatus.Online);
    expect(inbox.error).toBeDefined();
  });

  it('answers polls from a watermark, resumes a conversation, and drops a retried post', async () => {
    const g = await generate(srv.domain);
    const start = await api('/conversations', g.body.token, { method: 'POST', body: '{"locale":"el-GR"}' });
    const started = (await start.json()) as { streamUrl: string; token: string };
    expect(started.streamUrl).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${g.body.conversationId}/stream\\?t=`,
      ),
    );
    const path = `/conversations/${g.body.conversationId}/activities`;
    const send = () =>
      api(path, g.body.token, {
        method: 'POST',
        body: JSON.stringify({ type: 'message', text: 'hi', channelData: { clientActivityID: 'c-1' } }),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const first = await send();
    const retried = await send();
    expect(retried.id).toBe(first.id);
    await srv.webchat.directLine.idle();

    const all = (await (await api(path, g.body.token)).json()) as {
      activities: { id: string; text: string; from: { role: string } }[];
      watermark: string;
    };
    // One echo and the two onboarding messages, in Greek: the conversation's locale was the hint.
    expect(all.activities.map((a) => a.from.role)).toEqual(['user', 'bot', 'bot']);
    expect(all.activities[1]?.text).toMatch(/Agora/);
    expect(all.activities[2]?.text).toMatch(/γλώσσα/i);
    expect(all.watermark).toBe('3');
    const after = (await (await api(`${path}?watermark=2`, g.body.token)).json()) as {
      activities: unknown[];
    };
    expect(after.activities).toHaveLength(1);

    const resumed = await api(`/conversations/${g.body.conversationId}?watermark=2`, g.body.token);
    const r = (await resumed.json()) as { streamUrl: string; conversationId: string };
    expect(r.conversationId).toBe(g.body.conversationId);
    expect(r.streamUrl).toContain('watermark=2');
    // The same browser asking to continue this conversation gets it; a stranger gets a new one.
    const again = await generate(srv.domain, {
      ticket: g.body.ticket,
      conversationId: g.body.conversationId,
    });
    expect(again.body.conversationId).toBe(g.body.conversationId);
    const stranger = await generate(srv.domain, { conversationId: g.body.conversationId });
    expect(stranger.body.conversationId).not.toBe(g.body.conversationId);
  });

  it('answers malformed bodies and unknown routes in Direct Line’s error shape', async () => {
    const g = await generate(srv.domain);
    const path = `/conversations/${g.body.conversationId}/activities`;
    const bad = await api(path, g.body.token, { method: 'POST', body: '{"type": ' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BadArgument' } });
    expect((await api(path, g.body.token, { method: 'POST', body: '[]' })).status).toBe(400);
    const typing = await api(path, g.body.token, { method: 'POST', body: '{"type":"typing"}' });
    expect(typing.status).toBe(200);
    expect((await api('/nope', g.body.token)).status).toBe(404);
  });
});
