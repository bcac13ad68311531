/**
 * The outbox dispatcher: pushes the notifications the use cases wrote (in the same transaction as
 * the change that caused them) to the citizens' channels, within each platform's rate limits.
 *
 * Crash semantics — at-least-once, chosen on purpose:
 * - A batch is *leased* (`claimDue(now, batch, now + leaseMs)`), not taken: the rows stay `pending`
 *   with a lease, and nothing is deleted or marked before the platform has answered.
 * - A row is marked `sent` only after the platform accepted the message. If the process dies in
 *   between (SIGKILL, power loss, a hung sender), the row is still pending; when its lease runs out
 *   another dispatcher (or this one restarted) claims it and sends it again.
 * - So nothing is lost, and only rows of the batch(es) in flight can be sent twice: the messages the
 *   platform accepted but whose `markSent` never happened, i.e. the sends in progress at the crash
 *   (at most `concurrency` per batch, a few dozen with the defaults). DESIGN.md hopes for "nothing
 *   sent twice", but exactly-once is not possible here (Telegram and Viber take no idempotency key
 *   for a send), and at-most-once would lose messages on every crash; a citizen seeing one update
 *   twice after a rare crash is the lesser harm.
 * - No send starts later than `leaseMarginMs` before the lease ends, so a slow batch never sends a
 *   row that another dispatcher may already hold. Senders must therefore answer (or time out)
 *   within that margin, 15 s by default.
 */
import { setMaxListeners } from 'node:events';
import type { Channel, Citizen } from '../../core/model/citizen';
import type { Notification } from '../../core/model/notification';
import type { Stores } from '../../core/ports/store';
import type { Clock } from '../../core/shared/clock';
import type { Reply } from '../dialog/types';
import type { ChannelSender, SendOutcome } from './channel-sender';
import type { ChannelLimitsConfig } from './rate-limiter';
import { ChannelRateLimiter } from './rate-limiter';
import { renderNotification } from './render-notification';
import type { RetryPolicy } from './retry-policy';
import { DEFAULT_RETRY, isLastAttempt, retryDelayMs } from './retry-policy';

/** The part of a pino logger the dispatcher uses. */
export interface DispatcherLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type DispatcherStores = Pick<Stores, 'outbox' | 'citizens' | 'proposals' | 'challenges'>;

export interface OutboxDispatcherOptions {
  store: DispatcherStores;
  clock: Clock;
  /** One per enabled channel; rows for another channel wait (`retry.noSenderMs`). */
  senders: readonly ChannelSender[];
  /** Per-channel overrides of DEFAULT_LIMITS (see rate-limiter.ts). */
  limits?: ChannelLimitsConfig;
  /** Rows claimed at once (default 100). */
  batchSize?: number;
  /** How long a claimed batch is ours (default 60 s): after a crash, the delay before it is sent again. */
  leaseMs?: number;
  /** No send starts closer than this to the end of the lease (default a quarter of it). */
  leaseMarginMs?: number;
  /**
   * Chats served at once within a batch (default 32): a slow or refused chat does not hold the
   * others, and enough sends are in flight to reach the limit through an API's latency.
   */
  concurrency?: number;
  /** Pause of `start()`'s loop when a batch was not full (default 500 ms). */
  pollMs?: number;
  retry?: Partial<RetryPolicy>;
  logger?: DispatcherLogger;
  /**
   * Waits `ms` of the clock's time, or less when `signal` aborts (stop()). Tests pass one that
   * moves a fake clock.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What one `runOnce` did to the rows it claimed. */
export interface DispatchStats {
  claimed: number;
  /** Accepted by the platform and marked sent. */
  sent: number;
  /** Scheduled for another attempt (failure, behind a failed row of the same chat, no sender). */
  retried: number;
  /** Refused for good by the platform (blocked, rejected) or failed too often. */
  dead: number;
  /** Nothing to send or nobody to send it to (citizen erased, identity gone or unreachable, target gone). */
  dropped: number;
  /** Not sent within this lease (rate limit, store error): left leased, they come back when it ends. */
  deferred: number;
}

/** Why the rest of a chat's rows in this batch are not sent now. */
type Halt =
  { kind: 'retry'; at: Date; error: string } | { kind: 'blocked'; error: string } | { kind: 'defer' };

interface Batch {
  leaseUntil: number;
  /** Epoch ms after which no send may start (lease end minus margin). */
  sendBy: number;
  citizens: Map<string, Promise<Citizen | null>>;
  /** What rendering reads, each record read once per batch: an update to 100,000 followers names one project. */
  lookups: Pick<Stores, 'proposals' | 'challenges'>;
  stats: DispatchStats;
}

/**
 * Batches of the start() loop running at once: the newest, plus older ones whose slowest chats are
 * still waiting out their limits. Bounds the sends in flight, hence the repeats after a crash.
 */
const MAX_BATCHES_IN_FLIGHT = 3;

const noop = (): void => {};
const silent: DispatcherLogger = { debug: noop, info: noop, warn: noop, error: noop };
/** How long stop() still waits for a rate-limit slot; rows due later stay leased for the next process. */
const STOP_GRACE_MS = 1000;

/** Every worker waiting for a slot listens to it: many listeners are expected, not a leak. */
function stopController(): AbortController {
  const c = new AbortController();
  setMaxListeners(0, c.signal);
  return c;
}

const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class OutboxDispatcher {
  private readonly store: DispatcherStores;
  private readonly clock: Clock;
  private readonly senders: ReadonlyMap<Channel, ChannelSender>;
  private readonly limiter: ChannelRateLimiter;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly leaseMarginMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly retry: RetryPolicy;
  private readonly logger: DispatcherLogger;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private loop: Promise<void> | null = null;
  private stopping = false;
  /** Aborted by stop(): cuts short the idle poll and the waits for rate-limit slots. */
  private stopSignal = stopController();
  /** The last work queued for each chat with rows in flight. */
  private readonly chats = new Map<string, Promise<void>>();
  /** Chats whose earlier rows are waiting, and until when (see `hold`). */
  private readonly holds = new Map<string, { halt: Halt; until: number }>();

  constructor(opts: OutboxDispatcherOptions) {
    this.store = opts.store;
    this.clock = opts.clock;
    this.senders = new Map(opts.senders.map((s) => [s.channel, s]));
    this.limiter = new ChannelRateLimiter(opts.clock, opts.limits);
    this.batchSize = opts.batchSize ?? 100;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.leaseMarginMs = opts.leaseMarginMs ?? this.leaseMs / 4;
    this.concurrency = opts.concurrency ?? 32;
    this.pollMs = opts.pollMs ?? 500;
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.logger = opts.logger ?? silent;
    this.sleep = opts.sleep ?? realSleep;
    if (!(this.batchSize >= 1 && this.concurrency >= 1 && this.leaseMarginMs < this.leaseMs))
      throw new Error('outbox dispatcher: batchSize and concurrency must be >= 1, leaseMarginMs < leaseMs');
  }

  /** Claims one batch of due rows and settles every one of them (sent, retried, dead, or left leased). */
  runOnce(): Promise<DispatchStats> {
    return this.runBatch(noop, noop);
  }

  /**
   * Runs batches until `stop()`: the next one is claimed as soon as every chat of the current one
   * has started (only its slowest chats are still sending), at once when it was full, after
   * `pollMs` otherwise. So one chat working through a backlog at 1/s never holds up the others.
   */
  start(): void {
    if (this.loop) return;
    this.loop = this.runLoop();
  }

  /**
   * Lets the batches in flight finish, then resolves: sends in progress complete and every claimed
   * row is settled, but a row whose rate-limit slot is more than a second away is left leased (it
   * comes back when the lease ends, for the next process) rather than holding up a shutdown.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    await this.loop;
    this.loop = null;
    this.stopping = false;
    this.stopSignal = stopController();
  }

  private async runLoop(): Promise<void> {
    const running = new Set<Promise<void>>();
    while (!this.stopping) {
      // Sending without waits (a generous limit, an in-process sender) never leaves the microtask
      // queue; let timers and I/O (the webhooks in the same process) run between batches.
      await this.sleep(0);
      let full = false;
      await new Promise<void>((tail) => {
        const batch: Promise<void> = this.runBatch((claimed) => (full = claimed >= this.batchSize), tail)
          // E.g. the database stayed locked longer than its busy timeout: try again at the next poll.
          .then(
            () => {},
            (err: unknown) => this.logger.error({ err }, 'outbox batch failed'),
          )
          .finally(() => {
            running.delete(batch);
            tail();
          });
        running.add(batch);
      });
      while (running.size >= MAX_BATCHES_IN_FLIGHT) await Promise.race(running);
      if (!full && !this.stopping) await this.sleep(this.pollMs, this.stopSignal.signal);
    }
    await Promise.all(running);
  }

  /** Claims and delivers one batch; `onClaimed` gets its size, `onTail` fires once every chat has started. */
  private async runBatch(onClaimed: (claimed: number) => void, onTail: () => void): Promise<DispatchStats> {
    const stats: DispatchStats = { claimed: 0, sent: 0, retried: 0, dead: 0, dropped: 0, deferred: 0 };
    const now = this.clock.now().getTime();
    const leaseUntil = now + this.leaseMs;
    const rows = await this.store.outbox.claimDue(new Date(now), this.batchSize, new Date(leaseUntil));
    stats.claimed = rows.length;
    onClaimed(rows.length);
    for (const [key, hold] of this.holds) if (hold.until <= now) this.holds.delete(key);
    const batch: Batch = {
      leaseUntil,
      sendBy: leaseUntil - this.leaseMarginMs,
      citizens: new Map(),
      lookups: { proposals: cachedGets(this.store.proposals), challenges: cachedGets(this.store.challenges) },
      stats,
    };
    // One chat's rows go in order, one after the other (also across overlapping batches); different
    // chats proceed side by side, so a chat waiting out its 1/s limit or a 429 does not hold the rest.
    await forEachConcurrently(
      [...groupByChat(rows)],
      this.concurrency,
      ([key, chat]) => this.inChatOrder(key, () => this.deliverChat(key, chat, batch)),
      onTail,
    );
    if (rows.length > 0) this.logger.debug({ ...stats }, 'outbox batch done');
    return stats;
  }

  /** Runs `work` after any earlier work for the same chat (from an overlapping batch) has finished. */
  private async inChatOrder(key: string, work: () => Promise<void>): Promise<void> {
    const run = (this.chats.get(key) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => {});
    this.chats.set(key, tail);
    try {
      await run;
    } finally {
      if (this.chats.get(key) === tail) this.chats.delete(key);
    }
  }

  private async deliverChat(key: string, rows: readonly Notification[], batch: Batch): Promise<void> {
    const held = this.holds.get(key);
    let halt: Halt | null = held && held.until > this.clock.now().getTime() ? held.halt : null;
    for (const n of rows) {
      try {
        if (halt) await this.applyHalt(n, halt, batch.stats);
        else if ((halt = await this.deliver(n, batch))) this.hold(key, halt, batch);
      } catch (err) {
        // A store call failed: the row keeps its lease and comes back when it ends (maybe sent
        // twice if the failure was markSent). Stop this chat here so its order is kept.
        this.logger.error({ err, notification: n.id }, 'outbox row not settled; it returns after its lease');
        batch.stats.deferred++;
        halt = { kind: 'defer' };
        this.hold(key, halt, batch);
      }
    }
  }

  /**
   * Remembers that the chat's earlier rows wait (until their retry time, or the end of the lease
   * they were left under), so its newer rows, even from a later batch, wait behind them and the
   * chat's messages keep their order. A blocked chat needs no hold: its identity is unreachable.
   */
  private hold(key: string, halt: Halt, batch: Batch): void {
    const until = halt.kind === 'retry' ? halt.at.getTime() : halt.kind === 'defer' ? batch.leaseUntil : 0;
    if (until > (this.holds.get(key)?.until ?? this.clock.now().getTime()))
      this.holds.set(key, { halt, until });
  }

  /** Sends one row and records the outcome; returns why the chat's next rows must not go now, if so. */
  private async deliver(n: Notification, batch: Batch): Promise<Halt | null> {
    const { stats } = batch;
    const citizen = await this.citizen(n.citizenId, batch);
    if (!citizen || citizen.erasedAt) return this.drop(n, 'citizen gone', stats);
    const identity = citizen.identities.find((i) => i.channel === n.channel && i.externalId === n.externalId);
    // Unlinked or moved to another citizen since the row was written: not theirs to receive.
    if (!identity) return this.drop(n, 'identity gone', stats);
    if (identity.unreachable) return this.drop(n, 'identity unreachable', stats);

    const sender = this.senders.get(n.channel);
    if (!sender) {
      const at = new Date(this.clock.now().getTime() + this.retry.noSenderMs);
      await this.store.outbox.retryLater(n.id, at, `no sender for channel ${n.channel}`);
      stats.retried++;
      return null;
    }

    let reply: Reply | null;
    try {
      // The payload holds ids and values: rendered now, in the language the citizen has now.
      reply = await renderNotification(n, citizen.locale, batch.lookups);
    } catch (err) {
      return this.settle(n, { ok: false, kind: 'retry', error: `render failed: ${errorText(err)}` }, stats);
    }
    if (!reply) return this.drop(n, 'target gone', stats);

    // The chat's own limit first, then a slot on the channel (see ChannelRateLimiter). A row that
    // cannot start before the lease ends stays leased and comes back then, without losing an attempt.
    let at: number | null = null;
    const chatReady = this.limiter.chatReadyAt(n.channel, n.externalId);
    if (chatReady <= batch.sendBy && (await this.sleepUntil(chatReady)))
      at = this.limiter.reserve(n.channel, n.externalId, batch.sendBy);
    if (at === null || !(await this.sleepUntil(at))) {
      stats.deferred++;
      return { kind: 'defer' };
    }
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(n.externalId, [reply]);
    } catch (err) {
      // A sender should classify its errors (network ones as `retry`); one that throws is retried.
      outcome = { ok: false, kind: 'retry', error: errorText(err) };
    }
    return this.settle(n, outcome, stats);
  }

  private async settle(n: Notification, outcome: SendOutcome, stats: DispatchStats): Promise<Halt | null> {
    if (outcome.ok) {
      await this.store.outbox.markSent(n.id, this.clock.now());
      stats.sent++;
      return null;
    }
    const log = { notification: n.id, channel: n.channel, attempts: n.attempts + 1, error: outcome.error };
    switch (outcome.kind) {
      case 'retry': {
        const at = new Date(
          this.clock.now().getTime() + retryDelayMs(this.retry, n.attempts, outcome.retryAfterMs),
        );
        if (isLastAttempt(this.retry, n.attempts)) {
          await this.store.outbox.markDead(
            n.id,
            `gave up after ${n.attempts + 1} attempts: ${outcome.error}`,
          );
          stats.dead++;
          this.logger.warn(log, 'outbox notification given up');
        } else {
          await this.store.outbox.retryLater(n.id, at, outcome.error);
          stats.retried++;
          this.logger.info({ ...log, nextAttemptAt: at }, 'outbox notification will be retried');
        }
        // The chat's later rows wait as long, so they neither hit the same 429 nor overtake this one.
        return { kind: 'retry', at, error: `waiting behind ${n.id}: ${outcome.error}` };
      }
      case 'blocked':
        // Unreachable first: from now on notify.ts writes no rows for this identity.
        await this.store.citizens.markUnreachable(n.channel, n.externalId, true);
        await this.store.outbox.markDead(n.id, outcome.error);
        stats.dead++;
        this.logger.info(log, 'citizen unreachable on this channel');
        return { kind: 'blocked', error: `identity unreachable: ${outcome.error}` };
      case 'rejected':
        await this.store.outbox.markDead(n.id, outcome.error);
        stats.dead++;
        this.logger.warn(log, 'outbox notification rejected by the platform');
        return null;
    }
  }

  /** The fate of a row behind a halted one of the same chat; it was not tried itself. */
  private async applyHalt(n: Notification, halt: Halt, stats: DispatchStats): Promise<void> {
    switch (halt.kind) {
      case 'retry':
        await this.store.outbox.retryLater(n.id, halt.at, halt.error);
        stats.retried++;
        return;
      case 'blocked':
        await this.store.outbox.markDead(n.id, halt.error);
        stats.dropped++;
        return;
      case 'defer':
        stats.deferred++;
        return;
    }
  }

  private async drop(n: Notification, reason: string, stats: DispatchStats): Promise<null> {
    await this.store.outbox.markDead(n.id, reason);
    stats.dropped++;
    return null;
  }

  /** Loaded once per batch: a citizen often has several rows in one. */
  private citizen(id: string, batch: Batch): Promise<Citizen | null> {
    let c = batch.citizens.get(id);
    if (!c) batch.citizens.set(id, (c = this.store.citizens.get(id)));
    return c;
  }

  /**
   * Waits for a slot; false when stop() came and the slot is more than STOP_GRACE_MS away. Never
   * early: a timer may fire a little before its time, so the clock is checked again; slots are
   * fractional (30/s is every 33.3 ms) and clocks count whole milliseconds, so the wait is rounded up.
   */
  private async sleepUntil(at: number): Promise<boolean> {
    for (let wait = at - this.clock.now().getTime(); wait > 0; wait = at - this.clock.now().getTime()) {
      if (this.stopping && wait > STOP_GRACE_MS) return false;
      await this.sleep(Math.ceil(wait), this.stopping ? undefined : this.stopSignal.signal);
    }
    return true;
  }
}

/** The port with `get(id)` remembered: a view for one batch, whose lease bounds how stale it can be. */
function cachedGets<T extends { get(id: string): Promise<unknown> }>(port: T): T {
  const seen = new Map<string, Promise<unknown>>();
  const get = (id: string): Promise<unknown> => {
    let found = seen.get(id);
    if (!found) seen.set(id, (found = port.get(id)));
    return found;
  };
  return new Proxy(port, {
    get: (target, prop, receiver) => (prop === 'get' ? get : Reflect.get(target, prop, receiver)),
  });
}

/** Rows by (channel, chat), each group in claim order (oldest first). */
function groupByChat(rows: readonly Notification[]): Map<string, Notification[]> {
  const chats = new Map<string, Notification[]>();
  for (const n of rows) {
    const key = `${n.channel}\u0000${n.externalId}`;
    const list = chats.get(key);
    if (list) list.push(n);
    else chats.set(key, [n]);
  }
  return chats;
}

/** Runs `fn` on every item with at most `limit` running at once; `onAllStarted` when the last has begun. */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  onAllStarted: () => void,
): Promise<void> {
  let next = 0;
  if (items.length === 0) onAllStarted();
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      if (next === items.length) onAllStarted();
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
