import { setLocale } from '../../../core/usecases/citizens/profile';
import { systemClock } from '../../../core/shared/clock';
import { unwrap } from '../../../core/shared/result';
import type { OutboxDispatcherOptions } from '../../../bots/outbox/dispatcher';
import { OutboxDispatcher } from '../../../bots/outbox/dispatcher';
import { renderNotification } from '../../../bots/outbox/render-notification';
import { aNotification } from '../../builders';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { FakeSender, VirtualTime, anUpdate, projectWithFollowers } from './support';

let deps: TestDeps;
let telegram: FakeSender;
let vt: VirtualTime;

beforeEach(async () => {
  deps = await makeDeps();
  telegram = new FakeSender('telegram', deps.clock);
  vt = new VirtualTime(deps.clock);
});
afterEach(async () => {
  await deps.store.close();
});

const dispatcher = (opts: Partial<OutboxDispatcherOptions> = {}) =>
  new OutboxDispatcher({
    store: deps.store,
    clock: deps.clock,
    senders: [telegram],
    sleep: vt.sleep,
    ...opts,
  });

const rowsOf = async (citizenId: string) => deps.store.outbox.listByCitizen(citizenId);
const only = async (citizenId: string) => {
  const rows = await rowsOf(citizenId);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};
const at = (ms: number) => new Date(deps.clock.now().getTime() + ms);

describe('OutboxDispatcher', () => {
  it('delivers every due notification and marks it sent', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 3);
    expect(await anUpdate(deps, projectId, 'The benches are in')).toBe(3);

    const stats = await dispatcher().runOnce();

    expect(stats).toEqual({ claimed: 3, sent: 3, retried: 0, dead: 0, dropped: 0, deferred: 0 });
    expect(telegram.sent.map((m) => m.externalId).sort()).toEqual(['chat1', 'chat2', 'chat3']);
    expect(telegram.sent[0]!.text).toContain('The benches are in');
    for (const c of citizens) {
      const row = await only(c.id);
      expect(row.state).toBe('sent');
      expect(row.leaseUntil).toBeNull();
      // Marked when the platform accepted it (the 30/s limit spaces the three sends).
      expect(row.sentAt!.getTime()).toBe(telegram.sent.find((m) => m.externalId === c.externalId)!.at);
    }
    expect(await deps.store.outbox.countByState()).toEqual({ pending: 0, sent: 3, dead: 0 });
    expect((await dispatcher().runOnce()).claimed).toBe(0);
  });

  it('renders in the language the citizen has when sending, not when the row was written', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1, { locale: 'en' });
    await anUpdate(deps, projectId, 'Έργα ξεκίνησαν');
    unwrap(await setLocale(deps, citizens[0]!.id, 'el'));

    await dispatcher().runOnce();

    const row = await only(citizens[0]!.id);
    const greek = await renderNotification(row, 'el', deps.store);
    const english = await renderNotification(row, 'en', deps.store);
    expect(greek!.text).not.toEqual(english!.text);
    expect(telegram.sent.map((m) => m.text)).toEqual([greek!.text]);
  });

  it('honours retry_after on a 429 for that chat while the other chats of the batch are sent', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 3);
    await anUpdate(deps, projectId, 'first');
    await anUpdate(deps, projectId, 'second');
    telegram.script = (chat, nth) =>
      chat === 'chat2' && nth === 0
        ? { ok: false, kind: 'retry', error: '429 Too Many Requests', retryAfterMs: 30_000 }
        : { ok: true };
    const d = dispatcher();
    const t0 = deps.clock.now().getTime();

    const stats = await d.runOnce();

    // chat2's first row was refused; its second waits behind it without being tried (order kept).
    expect(stats).toMatchObject({ claimed: 6, sent: 4, retried: 2 });
    expect(telegram.callsTo('chat1')).toBe(2);
    expect(telegram.callsTo('chat3')).toBe(2);
    expect(telegram.callsTo('chat2')).toBe(1);
    const [first, second] = await rowsOf(citizens[1]!.id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastError: '429 Too Many Requests' });
    // retry_after (30 s) is longer than the first backoff step (5 s), so it wins.
    const refusedAt = telegram.sent.find((m) => m.externalId === 'chat2')!.at;
    expect(refusedAt - t0).toBeLessThan(1000);
    expect(first!.nextAttemptAt.getTime()).toBe(refusedAt + 30_000);
    expect(second!.nextAttemptAt.getTime()).toBe(refusedAt + 30_000);

    deps.clock.set(new Date(refusedAt + 29_999));
    expect((await d.runOnce()).claimed).toBe(0);
    deps.clock.set(new Date(refusedAt + 30_000));
    expect(await d.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    const toChat2 = telegram.sent.filter((m) => m.externalId === 'chat2').map((m) => m.text);
    expect(toChat2).toHaveLength(3);
    expect(toChat2[1]).toContain('first');
    expect(toChat2[2]).toContain('second');
    expect((await rowsOf(citizens[1]!.id)).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('a newer message to a chat waiting out a 429 waits behind the refused one, keeping their order', async () => {
    const { projectId } = await projectWithFollowers(deps, 1);
    await anUpdate(deps, projectId, 'first');
    telegram.script = (_chat, nth) =>
      nth === 0 ? { ok: false, kind: 'retry', error: '429', retryAfterMs: 30_000 } : { ok: true };
    const d = dispatcher();
    await d.runOnce();

    deps.clock.advance(1000);
    await anUpdate(deps, projectId, 'second'); // due now, while 'first' waits for its retry time
    expect(await d.runOnce()).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
    expect(telegram.sent).toHaveLength(1);

    deps.clock.advance(30_000);
    expect(await d.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect(telegram.sent.map((m) => m.text.match(/first|second/)?.[0])).toEqual(['first', 'first', 'second']);
  });

  it('backs off exponentially on server errors and gives up after the last attempt', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    await anUpdate(deps, projectId);
    telegram.script = () => ({ ok: false, kind: 'retry', error: '502 Bad Gateway' });
    const d = dispatcher({ retry: { maxAttempts: 4 } });
    const t0 = deps.clock.now().getTime();

    const waits: number[] = [];
    let last = t0;
    for (let i = 0; i < 3; i++) {
      expect(await d.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      const row = await only(citizens[0]!.id);
      expect(row).toMatchObject({ state: 'pending', attempts: i + 1, lastError: '502 Bad Gateway' });
      waits.push(row.nextAttemptAt.getTime() - last);
      deps.clock.set(row.nextAttemptAt);
      last = row.nextAttemptAt.getTime();
    }
    expect(waits).toEqual([5_000, 10_000, 20_000]);

    expect(await d.runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    const row = await only(citizens[0]!.id);
    expect(row.state).toBe('dead');
    expect(row.lastError).toBe('gave up after 4 attempts: 502 Bad Gateway');
  });

  it('caps the backoff at an hour', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    await anUpdate(deps, projectId);
    const row = await only(citizens[0]!.id);
    for (let i = 0; i < 10; i++) await deps.store.outbox.retryLater(row.id, deps.clock.now(), 'earlier');
    telegram.script = () => ({ ok: false, kind: 'retry', error: '500' });

    await dispatcher().runOnce();

    expect((await only(citizens[0]!.id)).nextAttemptAt).toEqual(at(3_600_000));
  });

  it('a blocked bot kills the row, marks the identity unreachable, and nothing more goes there', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 2);
    await anUpdate(deps, projectId, 'one');
    await anUpdate(deps, projectId, 'two');
    telegram.script = (chat) =>
      chat === 'chat1'
        ? { ok: false, kind: 'blocked', error: '403 Forbidden: bot was blocked by the user' }
        : { ok: true };

    const stats = await dispatcher().runOnce();

    expect(stats).toMatchObject({ claimed: 4, sent: 2, dead: 1, dropped: 1 });
    expect(telegram.callsTo('chat1')).toBe(1);
    const rows = await rowsOf(citizens[0]!.id);
    expect(rows.map((r) => r.state)).toEqual(['dead', 'dead']);
    expect(rows[0]!.lastError).toContain('403');
    const citizen = await deps.store.citizens.get(citizens[0]!.id);
    expect(citizen!.identities).toEqual([
      expect.objectContaining({ externalId: 'chat1', unreachable: true }),
    ]);

    // notify.ts writes rows to reachable identities only: the next update skips chat1 entirely.
    expect(await anUpdate(deps, projectId, 'three')).toBe(1);
    expect(await rowsOf(citizens[0]!.id)).toHaveLength(2);
    await dispatcher().runOnce();
    expect(telegram.callsTo('chat1')).toBe(1);
  });

  it('after a block, the citizen’s other channel takes over', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    const id = citizens[0]!.id;
    deps.clock.advance(-60_000); // the Viber account was used less recently than Telegram
    await deps.store.citizens.attachIdentity(id, {
      channel: 'viber',
      externalId: 'vb1',
      linkedAt: deps.clock.now(),
      lastSeenAt: deps.clock.now(),
      unreachable: false,
    });
    deps.clock.advance(60_000);
    await anUpdate(deps, projectId, 'one');
    expect((await only(id)).channel).toBe('telegram');
    telegram.script = () => ({ ok: false, kind: 'blocked', error: '403' });
    const viber = new FakeSender('viber', deps.clock);

    await dispatcher({ senders: [telegram, viber] }).runOnce();
    await anUpdate(deps, projectId, 'two');
    await dispatcher({ senders: [telegram, viber] }).runOnce();

    expect(telegram.sent).toHaveLength(1);
    expect(viber.sent.map((m) => m.externalId)).toEqual(['vb1']);
    expect(viber.sent[0]!.text).toContain('two');
  });

  it('a message the platform rejects is dropped; the chat’s next one still goes', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    await anUpdate(deps, projectId, 'one');
    await anUpdate(deps, projectId, 'two');
    telegram.script = (_chat, nth) =>
      nth === 0
        ? { ok: false, kind: 'rejected', error: '400 Bad Request: can’t parse entities' }
        : { ok: true };

    expect(await dispatcher().runOnce()).toMatchObject({ sent: 1, dead: 1 });
    expect((await rowsOf(citizens[0]!.id)).map((r) => r.state)).toEqual(['dead', 'sent']);
  });

  it('a sender that throws is treated as a failure worth retrying', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    await anUpdate(deps, projectId);
    telegram.script = () => {
      throw new Error('socket hang up');
    };

    expect(await dispatcher().runOnce()).toMatchObject({ retried: 1 });
    expect(await only(citizens[0]!.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'socket hang up',
    });
  });

  it('drops rows whose citizen was erased or whose project is gone', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 2);
    await anUpdate(deps, projectId);
    // Erasure normally deletes pending rows; this one races it (erased after the row was claimable).
    const c = (await deps.store.citizens.get(citizens[0]!.id))!;
    await deps.store.citizens.update({ ...c, erasedAt: deps.clock.now() });
    await deps.store.outbox.enqueue([
      aNotification({
        id: 'nt_gone',
        citizenId: citizens[1]!.id,
        externalId: 'chat2',
        payload: { projectId: 'pr_deleted' },
        nextAttemptAt: deps.clock.now(),
        createdAt: at(1),
      }),
    ]);

    const stats = await dispatcher().runOnce();

    expect(stats).toMatchObject({ claimed: 3, sent: 1, dropped: 2 });
    expect(telegram.sent.map((m) => m.externalId)).toEqual(['chat2']);
    expect(await only(citizens[0]!.id)).toMatchObject({ state: 'dead', lastError: 'citizen gone' });
    expect(await deps.store.outbox.get('nt_gone')).toMatchObject({ state: 'dead', lastError: 'target gone' });
  });

  it('a row for a channel without a sender waits ten minutes and goes once the channel is enabled', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1, { channel: 'viber', prefix: 'vb' });
    await anUpdate(deps, projectId);

    expect(await dispatcher().runOnce()).toMatchObject({ claimed: 1, retried: 1, dead: 0 });
    const row = await only(citizens[0]!.id);
    expect(row).toMatchObject({ state: 'pending', lastError: 'no sender for channel viber' });
    expect(row.nextAttemptAt).toEqual(at(600_000));

    deps.clock.advance(600_000);
    const viber = new FakeSender('viber', deps.clock);
    expect(await dispatcher({ senders: [viber] }).runOnce()).toMatchObject({ sent: 1 });
    expect(viber.sent.map((m) => m.externalId)).toEqual(['vb1']);
  });

  it('a row whose identity moved to another citizen is not sent to the new owner', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    await anUpdate(deps, projectId);
    const other = (await deps.store.citizens.get(citizens[0]!.id))!;
    await deps.store.citizens.create({ ...other, id: 'ct_other', identities: [] });
    await deps.store.citizens.attachIdentity('ct_other', other.identities[0]!);

    expect(await dispatcher().runOnce()).toMatchObject({ dropped: 1 });
    expect(await only(citizens[0]!.id)).toMatchObject({ state: 'dead', lastError: 'identity gone' });
    expect(telegram.sent).toHaveLength(0);
  });

  it('keeps Telegram at 1/s per chat and 30/s overall, advancing a fake clock', async () => {
    const { projectId, citizens } = await projectWithFollowers(deps, 61);
    const busy = citizens[0]!;
    // 100 notifications to one chat first (they fill the first batch), then one to each of 60 others.
    await deps.store.outbox.enqueue(
      Array.from({ length: 100 }, (_, i) =>
        aNotification({
          id: `nt_busy_${String(i).padStart(3, '0')}`,
          citizenId: busy.id,
          externalId: busy.externalId,
          payload: { projectId, text: `#${i}` },
          nextAttemptAt: deps.clock.now(),
          createdAt: deps.clock.now(),
        }),
      ),
    );
    deps.clock.advance(1);
    await anUpdate(deps, projectId, 'for everyone'); // 61 rows; the busy chat gets one more
    const t0 = deps.clock.now().getTime();
    const d = dispatcher();

    d.start();
    while ((await deps.store.outbox.countByState()).pending > 0) await vt.sleep(1000);
    await d.stop();

    expect(await deps.store.outbox.countByState()).toEqual({ pending: 0, sent: 161, dead: 0 });
    const toBusy = telegram.sent.filter((m) => m.externalId === busy.externalId);
    expect(toBusy).toHaveLength(101);
    // In order: the 100 queued first, then the update.
    expect(toBusy.map((m) => m.text.match(/#\d+|for everyone/)?.[0])).toEqual([
      ...Array.from({ length: 100 }, (_, i) => `#${i}`),
      'for everyone',
    ]);
    for (let i = 1; i < toBusy.length; i++)
      expect(toBusy[i]!.at - toBusy[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    // No window of one second holds more than 30 sends.
    const times = telegram.sent.map((m) => m.at).sort((a, b) => a - b);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000);
    // The busy chat did not hold up the others: their 60 messages went within about 2 s (60 at 30/s).
    const others = telegram.sent.filter((m) => m.externalId !== busy.externalId).map((m) => m.at - t0);
    expect(others).toHaveLength(60);
    expect(Math.max(...others)).toBeLessThan(3_000);
    // The busy chat ran at its limit (but for waiting out a lease when its rows outran one).
    expect(toBusy[100]!.at - t0).toBeLessThan(100_000 + 60_000);
  });

  it('stop() does not wait out long rate-limit slots: those rows stay leased for the next process', async () => {
    deps.clock.set(new Date()); // real time: this dispatcher sleeps for real
    const { projectId, citizens } = await projectWithFollowers(deps, 1);
    for (const text of ['one', 'two', 'three']) await anUpdate(deps, projectId, text);
    const d = new OutboxDispatcher({
      store: deps.store,
      clock: systemClock,
      senders: [telegram],
      limits: { telegram: { perChat: [{ count: 1, perMs: 60_000 }] } },
    });
    telegram.script = () => ({ ok: true });
    d.start();
    while (telegram.sent.length === 0) await new Promise((r) => setTimeout(r, 5));

    const t0 = Date.now();
    await d.stop();

    expect(Date.now() - t0).toBeLessThan(1000);
    const rows = await rowsOf(citizens[0]!.id);
    expect(rows.map((r) => r.state)).toEqual(['sent', 'pending', 'pending']);
    expect(rows[1]!.leaseUntil).not.toBeNull();
    expect(rows[1]!.attempts).toBe(0);
  });

  it('stop() lets the batch in flight finish', async () => {
    const { projectId } = await projectWithFollowers(deps, 5);
    await anUpdate(deps, projectId);
    const d = dispatcher();
    d.start();
    await new Promise((r) => setImmediate(r));
    await d.stop();
    expect(await deps.store.outbox.countByState()).toEqual({ pending: 0, sent: 5, dead: 0 });
  });
});
