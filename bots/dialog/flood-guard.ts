/**
 * Per-sender flood control: a token bucket per channel account. A citizen (or a script) sending
 * faster than a person can read is slowed down: the first refused message gets one polite sentence,
 * the rest of the burst gets nothing (answering each would only amplify the flood). Others are
 * unaffected. In-process: several instances each apply it to the traffic they receive.
 */
export class FloodGuard {
  private readonly buckets = new Map<string, { tokens: number; at: number; warned: boolean }>();

  constructor(
    /** Messages a sender may send in a burst. */
    private readonly burst = 12,
    /** Sustained messages per minute. */
    private readonly perMinute = 40,
    private readonly maxKeys = 100_000,
  ) {}

  /** `ok`: handle it; `warn`: refuse with the polite sentence; `drop`: refuse silently. */
  check(key: string, now: number): 'ok' | 'warn' | 'drop' {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      b = { tokens: this.burst, at: now, warned: false };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) * this.perMinute) / 60_000);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.warned = false;
      return 'ok';
    }
    if (b.warned) return 'drop';
    b.warned = true;
    return 'warn';
  }
}
