import type { Channel } from '../../core/model/citizen';
import type { Clock } from '../../core/shared/clock';

/**
 * A token bucket: `count` tokens per `perMs`, evenly (30 per 1000 ms is one every 33.4 ms), holding
 * at most `burst` (default 1) saved up. So sends keep to count/perMs on average, and any window of
 * `perMs` holds at most `count + burst - 1` of them: with burst 1, exactly "at most `count` in any
 * `perMs`", the way platforms state their limits.
 */
export interface RateLimit {
  count: number;
  perMs: number;
  burst?: number;
}

/** What one channel allows: limits over all its chats together, and limits for each chat alone. */
export interface ChannelLimits {
  overall: readonly RateLimit[];
  perChat: readonly RateLimit[];
}

export type ChannelLimitsConfig = Partial<Record<Channel, Partial<ChannelLimits>>>;

const HOUR = 3_600_000;

/**
 * From DESIGN.md "Channel limits to honour". Telegram: about 30 messages/s overall and 1/s per chat
 * (its 20/min per group does not apply: Agora talks to people one to one). Viber: 500 requests per
 * 10 s, i.e. 50/s evenly (one receiver per request; `broadcast_message` is not used), and at most 100
 * unanswered messages per user per hour. We cannot see which were answered, so every push counts:
 * 10 may go at once, then one per 40 s (90/h), which never puts more than 99 in an hour. Web chat
 * and console are our own: generous.
 */
export const DEFAULT_LIMITS: Readonly<Record<Channel, ChannelLimits>> = {
  telegram: { overall: [{ count: 30, perMs: 1000 }], perChat: [{ count: 1, perMs: 1000 }] },
  viber: { overall: [{ count: 500, perMs: 10_000 }], perChat: [{ count: 90, perMs: HOUR, burst: 10 }] },
  webchat: { overall: [{ count: 100, perMs: 1000 }], perChat: [] },
  console: { overall: [{ count: 100, perMs: 1000 }], perChat: [] },
};

/** The defaults with the configured channels' `overall` / `perChat` replaced. */
export function resolveLimits(config: ChannelLimitsConfig = {}): Record<Channel, ChannelLimits> {
  const out = { ...DEFAULT_LIMITS };
  for (const [channel, limits] of Object.entries(config) as [Channel, Partial<ChannelLimits>][]) {
    out[channel] = { ...DEFAULT_LIMITS[channel], ...limits };
    for (const l of [...out[channel].overall, ...out[channel].perChat]) checkLimit(l);
  }
  return out;
}

function checkLimit(l: RateLimit): void {
  const burst = l.burst ?? 1;
  if (!(l.count > 0 && l.perMs > 0 && Number.isInteger(burst) && burst >= 1))
    throw new Error(`invalid rate limit ${JSON.stringify(l)}: need count > 0, perMs > 0, whole burst >= 1`);
}

interface Bucket {
  /** Microseconds between two tokens, rounded up (whole numbers add up exactly; 1000/30 ms does not). */
  interval: number;
  /** How far ahead of now the bucket may be booked, in µs: (burst - 1) intervals. */
  tolerance: number;
}

const bucketOf = (l: RateLimit): Bucket => {
  const burst = l.burst ?? 1;
  const interval = Math.ceil((l.perMs * 1000) / l.count);
  return { interval, tolerance: (burst - 1) * interval };
};

type Entry = { key: string; limit: RateLimit };

/**
 * Token buckets keyed by string, kept as the "theoretical arrival time" of the next token (GCRA, the
 * virtual-scheduling form of a token bucket): one number per key, no timer. Sends *reserve* a slot
 * that may lie in the future and the caller sleeps until then, so many sends can wait at once (a
 * 5,000/s limit is not capped by the 1 ms timer resolution) and time comes from the injected clock.
 * A key whose bucket is full again is forgotten, so a million chats seen once cost nothing later.
 * Times are epoch ms outside, whole µs inside.
 */
export class TokenBuckets {
  private readonly due = new Map<string, number>();
  private sinceSweep = 0;

  constructor(private readonly clock: Clock) {}

  /** The earliest time (epoch ms, never before now) every bucket has a token. Books nothing. */
  earliest(entries: readonly Entry[]): number {
    return this.earliestUs(entries) / 1000;
  }

  /**
   * Books one token in every bucket at the earliest time all of them have one, and returns that time
   * (epoch ms, never before now); booking them at the same instant keeps each limit true of the
   * moment the send really happens. When that time is after `notAfter`, books nothing and returns null.
   * A bucket booked later than its own earliest time loses the tokens in between, so callers first
   * wait for their sparse buckets (see ChannelRateLimiter).
   */
  reserve(entries: readonly Entry[], notAfter = Infinity): number | null {
    const at = this.earliestUs(entries);
    if (at / 1000 > notAfter) return null;
    for (const e of entries)
      this.due.set(e.key, Math.max(this.due.get(e.key) ?? at, at) + bucketOf(e.limit).interval);
    if (++this.sinceSweep >= Math.max(1000, this.due.size)) this.sweep();
    return at / 1000;
  }

  private nowUs(): number {
    return this.clock.now().getTime() * 1000;
  }

  private earliestUs(entries: readonly Entry[]): number {
    let at = this.nowUs();
    for (const e of entries) {
      const due = this.due.get(e.key);
      if (due !== undefined) at = Math.max(at, due - bucketOf(e.limit).tolerance);
    }
    return at;
  }

  /** How many keys are remembered (for tests: idle ones are dropped). */
  get size(): number {
    return this.due.size;
  }

  private sweep(): void {
    this.sinceSweep = 0;
    const now = this.nowUs();
    for (const [key, due] of this.due) if (due <= now) this.due.delete(key);
  }
}

/**
 * The limits of every channel on one set of buckets. A send first waits until its chat's own limits
 * allow it (`chatReadyAt`), *then* books the channel-wide slot (`reserve`): booking both at once
 * would hold a channel slot a second ahead for a chat at 1/s, and nobody else could use the
 * channel meanwhile.
 */
export class ChannelRateLimiter {
  private readonly limits: Record<Channel, ChannelLimits>;
  private readonly buckets: TokenBuckets;

  constructor(clock: Clock, config?: ChannelLimitsConfig) {
    this.limits = resolveLimits(config);
    this.buckets = new TokenBuckets(clock);
  }

  /** When the chat's own limits next allow a message (epoch ms). Books nothing. */
  chatReadyAt(channel: Channel, externalId: string): number {
    return this.buckets.earliest(this.chatEntries(channel, externalId));
  }

  /** Books a message to `externalId` on `channel`: the epoch ms it may go, or null if after `notAfter`. */
  reserve(channel: Channel, externalId: string, notAfter?: number): number | null {
    return this.buckets.reserve(
      [
        ...this.limits[channel].overall.map((limit, i) => ({ key: `${channel}#${i}`, limit })),
        ...this.chatEntries(channel, externalId),
      ],
      notAfter,
    );
  }

  limitsFor(channel: Channel): ChannelLimits {
    return this.limits[channel];
  }

  get trackedKeys(): number {
    return this.buckets.size;
  }

  private chatEntries(channel: Channel, externalId: string): Entry[] {
    return this.limits[channel].perChat.map((limit, i) => ({ key: `${channel}#${i}:${externalId}`, limit }));
  }
}
