import { ConversationLog, DEFAULT_LIMITS } from '../../../bots/webchat/conversation-log';
import type { NewActivity } from '../../../bots/webchat/conversation-log';
import { DirectLineTokens } from '../../../bots/webchat/direct-line-token';
import { DirectLineService, MAX_PENDING_TURNS } from '../../../bots/webchat/direct-line-service';
import { loadOrCreateKeyFile, resolveWebchatSecret } from '../../../bots/webchat/webchat-secret';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClock } from '../../support/deps';

const bot = (text: string): NewActivity => ({ type: 'message', text, from: { id: 'agora', role: 'bot' } });

describe('ConversationLog', () => {
  it('numbers activities, answers from a watermark, and keeps only the newest', () => {
    const clock = new TestClock();
    const log = new ConversationLog(clock, { ...DEFAULT_LIMITS, maxActivities: 3 });
    const c = log.open('c1', 'dl_a');
    if (!c) throw new Error('not opened');
    for (const t of ['1', '2', '3', '4', '5']) log.append(c, bot(t));
    expect(log.since(c, undefined)).toMatchObject({
      watermark: '5',
      activities: [{ text: '3' }, { text: '4' }, { text: '5' }],
    });
    expect(log.since(c, '4').activities.map((a) => a.text)).toEqual(['5']);
    expect(log.since(c, 'junk').activities).toHaveLength(3);
    const times = log.since(c, undefined).activities.map((a) => Date.parse(a.timestamp));
    expect(new Set(times).size).toBe(3); // strictly increasing although the clock stood still
    expect(log.since(c, undefined).activities[2]?.id).toBe('c1|0000005');
  });

  it('refuses another user’s conversation, evicts the least recently used, forgets idle ones', () => {
    const clock = new TestClock();
    const log = new ConversationLog(clock, { ...DEFAULT_LIMITS, maxConversations: 2, idleMs: 1000 });
    expect(log.open('c1', 'dl_a')).not.toBeNull();
    expect(log.open('c1', 'dl_b')).toBeNull();
    log.open('c2', 'dl_b');
    log.open('c1', 'dl_a'); // c1 is now the most recent
    log.open('c3', 'dl_c');
    expect([log.get('c1'), log.get('c2'), log.get('c3')].map(Boolean)).toEqual([true, false, true]);
    const closed: string[] = [];
    log.subscribe(log.get('c3')!, { push: () => undefined, close: (r) => closed.push(r) });
    clock.advance(2000);
    log.sweep();
    expect(log.get('c1')).toBeUndefined();
    expect(log.get('c3')).toBeDefined(); // someone is watching it
    expect(closed).toEqual([]);
  });

  it('holds proactive messages for an absent user, bounded and for a limited time', () => {
    const clock = new TestClock();
    const log = new ConversationLog(clock, { ...DEFAULT_LIMITS, maxHeld: 2, heldTtlMs: 10_000 });
    log.hold('dl_a', [bot('1'), bot('2'), bot('3')]);
    expect(log.heldFor('dl_a')).toBe(2);
    const c = log.open('c1', 'dl_a')!;
    expect(log.since(c, undefined).activities.map((a) => a.text)).toEqual(['2', '3']);
    expect(log.heldFor('dl_a')).toBe(0);
    log.hold('dl_b', [bot('old')]);
    clock.advance(20_000);
    log.sweep();
    expect(log.heldFor('dl_b')).toBe(0);
  });
});

describe('DirectLineTokens', () => {
  it('signs tokens that expire, and tickets that only the same key accepts', () => {
    const clock = new TestClock();
    const tokens = new DirectLineTokens(Buffer.alloc(32, 1), clock, 60);
    const { token } = tokens.issue('dl_a', 'c1');
    expect(tokens.verify(token)).toMatchObject({ ok: true, claims: { user: 'dl_a', conv: 'c1' } });
    expect(tokens.verify(`${token}x`)).toEqual({ ok: false, reason: 'signature' });
    expect(tokens.verify('a.b')).toEqual({ ok: false, reason: 'malformed' });
    const other = new DirectLineTokens(Buffer.alloc(32, 2), clock, 60);
    expect(other.verify(token)).toEqual({ ok: false, reason: 'signature' });
    expect(other.verifyTicket(tokens.issueTicket('dl_a'))).toBeNull();
    expect(tokens.verifyTicket(tokens.issueTicket('dl_a'))).toBe('dl_a');
    expect(tokens.verifyTicket(token)).toBeNull();
    clock.advance(61_000);
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('takes its key from a secret, a key file, the app password, or makes one', () => {
    expect(resolveWebchatSecret({ secret: 'x'.repeat(16) }).source).toBe('secret');
    expect(() => resolveWebchatSecret({ secret: 'short' })).toThrow(/16/);
    expect(resolveWebchatSecret({ appPassword: 'p' }).source).toBe('app-password');
    expect(resolveWebchatSecret({}).source).toBe('generated');
    const file = join(mkdtempSync(join(tmpdir(), 'agora-webchat-')), 'sub', 'webchat.key');
    const key = loadOrCreateKeyFile(file);
    expect(loadOrCreateKeyFile(file).equals(key)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('DirectLineService', () => {
  it('asks a client posting faster than the engine answers to slow down', async () => {
    const clock = new TestClock();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const engine = { handle: async () => (await gate, [{ text: 'ok' }]) };
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const service = new DirectLineService(
      engine,
      new DirectLineTokens(Buffer.alloc(32, 1), clock),
      new ConversationLog(clock),
      quiet,
    );
    const c = service.log.open('c1', 'dl_a')!;
    const post = (i: number) => service.receive(c, { type: 'message', text: `m${i}` });
    for (let i = 0; i < MAX_PENDING_TURNS; i++) expect(post(i)).toHaveProperty('id');
    expect(post(99)).toMatchObject({ status: 429 });
    release();
    await service.idle();
    expect(post(100)).toHaveProperty('id');
    await service.idle();
    expect(service.log.since(c, undefined).activities.filter((a) => a.text === 'ok')).toHaveLength(
      MAX_PENDING_TURNS + 1,
    );
  });
});
