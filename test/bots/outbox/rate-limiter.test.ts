import type { RateLimit } from '../../../bots/outbox/rate-limiter';
import {
  ChannelRateLimiter,
  DEFAULT_LIMITS,
  TokenBuckets,
  resolveLimits,
} from '../../../bots/outbox/rate-limiter';
import { TestClock } from '../../support/deps';

/** The most reservations found in any half-open window of `perMs`. */
function busiestWindow(times: readonly number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= perMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('TokenBuckets', () => {
  const clock = new TestClock();
  const book = (b: TokenBuckets, limit: RateLimit, n: number, key = 'k') =>
    Array.from({ length: n }, () => b.reserve([{ key, limit }])!);

  it('spreads a count-per-window limit evenly, never more than count in a window', () => {
    const times = book(new TokenBuckets(clock), { count: 30, perMs: 1000 }, 100);
    const t0 = clock.now().getTime();
    expect(times[0]).toBe(t0);
    expect(times[1]! - times[0]!).toBeCloseTo(1000 / 30);
    expect(busiestWindow(times, 1000)).toBe(30);
    expect(times[99]! - t0).toBeCloseTo((99 * 1000) / 30, 0);
  });

  it('lets a burst go at once, then keeps to the rate: count + burst - 1 in a window at most', () => {
    const hour = 3_600_000;
    const limit = DEFAULT_LIMITS.viber.perChat[0]!; // 90/h, burst 10
    const times = book(new TokenBuckets(clock), limit, 300);
    const t0 = clock.now().getTime();
    expect(times.slice(0, 10).every((t) => t === t0)).toBe(true);
    expect(times[10]! - t0).toBeCloseTo(hour / 90, 0);
    expect(busiestWindow(times, hour)).toBe(99); // Viber: at most 100 per user per hour
  });

  it('books every bucket at the time all of them allow, or nothing after notAfter', () => {
    const b = new TokenBuckets(clock);
    const t0 = clock.now().getTime();
    const chat = { key: 'chat', limit: { count: 1, perMs: 1000 } };
    const all = { key: 'all', limit: { count: 10, perMs: 1000 } };
    expect(b.reserve([all, chat])).toBe(t0);
    expect(b.earliest([all, chat])).toBe(t0 + 1000);
    expect(b.earliest([all])).toBe(t0 + 100); // earliest books nothing
    expect(b.reserve([all, chat], t0 + 999)).toBeNull();
    expect(b.earliest([all])).toBe(t0 + 100);
    expect(b.reserve([all, chat])).toBe(t0 + 1000);
    expect(b.reserve([all])).toBe(t0 + 1100);
  });

  it('forgets buckets that are full again', () => {
    const c = new TestClock();
    const b = new TokenBuckets(c);
    for (let i = 0; i < 5000; i++) b.reserve([{ key: `chat${i}`, limit: { count: 1, perMs: 1000 } }]);
    expect(b.size).toBe(5000);
    c.advance(1000);
    for (let i = 0; i < 5000; i++) b.reserve([{ key: 'one', limit: { count: 1000, perMs: 1 } }]);
    expect(b.size).toBeLessThan(10);
  });
});

describe('ChannelRateLimiter', () => {
  it('has the limits of DESIGN.md by default', () => {
    expect(DEFAULT_LIMITS.telegram).toEqual({
      overall: [{ count: 30, perMs: 1000 }],
      perChat: [{ count: 1, perMs: 1000 }],
    });
    expect(DEFAULT_LIMITS.viber.overall).toEqual([{ count: 500, perMs: 10_000 }]);
    expect(DEFAULT_LIMITS.viber.perChat).toEqual([{ count: 90, perMs: 3_600_000, burst: 10 }]);
    expect(DEFAULT_LIMITS.webchat.perChat).toEqual([]);
  });

  it('keeps each chat to its own limit and the channel to its overall one', () => {
    const clock = new TestClock();
    const l = new ChannelRateLimiter(clock);
    const t0 = clock.now().getTime();
    expect(l.reserve('telegram', 'a')).toBe(t0);
    expect(l.chatReadyAt('telegram', 'a')).toBe(t0 + 1000);
    expect(l.reserve('telegram', 'b')).toBeCloseTo(t0 + 1000 / 30);
    expect(l.chatReadyAt('viber', 'a')).toBe(t0); // channels do not share buckets
    expect(l.reserve('viber', 'x')).toBe(t0);
    expect(l.reserve('viber', 'y')).toBe(t0 + 20); // 500 per 10 s
  });

  it('takes per-channel overrides and refuses impossible limits', () => {
    const l = resolveLimits({ telegram: { overall: [{ count: 5000, perMs: 1000 }] } });
    expect(l.telegram.overall).toEqual([{ count: 5000, perMs: 1000 }]);
    expect(l.telegram.perChat).toEqual(DEFAULT_LIMITS.telegram.perChat);
    expect(l.viber).toEqual(DEFAULT_LIMITS.viber);
    expect(() => resolveLimits({ viber: { perChat: [{ count: 5, perMs: 1000, burst: 0 }] } })).toThrow(
      /invalid rate limit/,
    );
    expect(() => resolveLimits({ viber: { overall: [{ count: 0, perMs: 1000 }] } })).toThrow();
  });
});
