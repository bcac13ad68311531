/** When a failed send is tried again, and when the outbox gives up on it. */
export interface RetryPolicy {
  /** Delay after the first failure; doubled after each further one. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
  /** A row failing this many times is marked dead (about 3.5 hours of trying with the defaults). */
  maxAttempts: number;
  /**
   * Delay for a row whose channel has no sender in this process: not a failure of the row (the
   * channel may be enabled at the next deployment), so it never makes the row dead on its own.
   */
  noSenderMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 5_000,
  maxMs: 3_600_000,
  maxAttempts: 12,
  noSenderMs: 600_000,
};

/**
 * The wait before the next attempt of a row that has failed `attempts` times before this failure:
 * 5 s, 10 s, 20 s... capped at an hour; a platform's own `retry_after` wins when it is longer
 * (sending earlier would only be refused again). No jitter: the rate limiter already spreads the
 * retried rows when they come due together.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, retryAfterMs?: number): number {
  const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempts, 40));
  return Math.max(backoff, retryAfterMs ?? 0);
}

/** Whether this failure, the `attempts + 1`-th, is the last one allowed. */
export const isLastAttempt = (policy: RetryPolicy, attempts: number): boolean =>
  attempts + 1 >= policy.maxAttempts;
