import http from 'node:http';
import autocannon from 'autocannon';
import type { UpdateMix } from './telegram-mix';
import { seededRandom } from '../core/shared/prng';

/** Where updates are posted: a Telegram webhook with its secret token. */
export interface Target {
  port: number;
  path: string;
  secret: string;
}

export interface LoadFigures {
  seconds: number;
  /** Responses received (any status). */
  responses: number;
  updatesPerSec: number;
  non2xx: number;
  errors: number;
  /** Latency in ms, exact percentiles of every response (not a histogram's buckets). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Exact percentile (nearest rank) of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function figures(latencies: number[], seconds: number, non2xx: number, errors: number): LoadFigures {
  const s = Float64Array.from(latencies).sort();
  const arr = Array.from(s);
  return {
    seconds: round(seconds, 2),
    responses: latencies.length,
    updatesPerSec: round(latencies.length / seconds),
    non2xx,
    errors,
    p50: round(percentile(arr, 50), 2),
    p90: round(percentile(arr, 90), 2),
    p99: round(percentile(arr, 99), 2),
    max: round(arr[arr.length - 1] ?? NaN, 2),
  };
}

const headers = (t: Target): Record<string, string> => ({
  'content-type': 'application/json',
  'x-telegram-bot-api-secret-token': t.secret,
});

/**
 * autocannon against the webhook: `connections` requests in flight for `seconds`, each body the
 * mix's next update. `overallRate` caps the rate (see `autocannonAtRate`). Latencies are taken from
 * autocannon's per-response event (exact, in ms) rather than its histogram, which keeps whole
 * milliseconds and, with a rate, adds synthetic samples for coordinated omission.
 */
export function autocannonRun(
  target: Target,
  mix: UpdateMix,
  o: { connections: number; seconds?: number; amount?: number; overallRate?: number },
): Promise<LoadFigures & { autocannon: { p50: number; p99: number; timeouts: number } }> {
  const latencies: number[] = [];
  let non2xx = 0;
  const request = (): autocannon.Request => ({
    method: 'POST',
    path: target.path,
    headers: headers(target),
    // Called for every request: each carries a new update_id (the server drops repeats).
    setupRequest: (req) => ({ ...req, body: mix.next() }),
  });
  const started = performance.now();
  let lastResponse = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${target.port}`,
        connections: o.connections,
        ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
        ...(o.overallRate ? { overallRate: o.overallRate } : {}),
        timeout: 30,
        // autocannon shares the `requests` objects between its connections, so each connection's
        // first request would carry the same update: each connection gets a list of its own. The
        // shared one is built once per connection and never sent, so it must not take an update.
        setupClient: (client) => client.setRequests([request()]),
        requests: [{ method: 'POST', path: target.path, headers: headers(target), body: '{}' }],
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        // A run of `amount` updates ends at its last response: autocannon itself only notices the
        // end on its next 1-second tick. A timed run lasts its duration (with a rate, the last
        // second's burst ends early in that second).
        const end = o.amount && lastResponse ? lastResponse : performance.now();
        const seconds = (end - started) / 1000;
        resolve({
          ...figures(latencies, seconds, non2xx, result.errors),
          autocannon: { p50: result.latency.p50, p99: result.latency.p99, timeouts: result.timeouts },
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      lastResponse = performance.now();
      latencies.push(ms);
      if (statusCode < 200 || statusCode > 299) non2xx++;
    });
  });
}

/**
 * Open-loop load at a fixed mean rate: updates arrive as a Poisson process (independent citizens
 * tapping at random moments), each sent at its planned time whatever the server is doing, over a
 * keep-alive pool as Telegram's webhook delivery uses. Latency counts from the planned send time,
 * so a server (or a generator) falling behind shows up in the figures instead of slowing the
 * arrivals down (no coordinated omission).
 */
export async function paced(
  target: Target,
  mix: UpdateMix,
  o: { rate: number; seconds: number; seed?: number; maxSockets?: number },
): Promise<LoadFigures & { lateSendsMs: number; sendsLateOver5ms: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 100 });
  const rnd = seededRandom(o.seed ?? 1);
  const plan: number[] = [];
  for (let t = 0; ;) {
    t += (-Math.log(1 - rnd()) * 1000) / o.rate;
    if (t >= o.seconds * 1000) break;
    plan.push(t);
  }
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  // How late the generator itself sent (starved of CPU by the processes it shares the cores
  // with): a run with many late sends measured the machine more than the server.
  let lateMax = 0;
  let lateOver5 = 0;
  const inflight = new Set<Promise<void>>();
  const send = (due: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const body = mix.next();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: target.path,
          method: 'POST',
          agent,
          headers: { ...headers(target), 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const t0 = performance.now();
  let i = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = performance.now();
      while (i < plan.length && t0 + (plan[i] as number) <= now) {
        const due = t0 + (plan[i] as number);
        lateMax = Math.max(lateMax, now - due);
        if (now - due > 5) lateOver5++;
        const p = send(due);
        inflight.add(p);
        void p.then(() => inflight.delete(p));
        i++;
      }
      if (i >= plan.length) return done();
      setTimeout(tick, Math.max(0, t0 + (plan[i] as number) - performance.now()));
    };
    tick();
  });
  await Promise.all(inflight);
  agent.destroy();
  const seconds = (performance.now() - t0) / 1000;
  return {
    ...figures(latencies, seconds, non2xx, errors),
    // Planned rate, not the measured one: the run ends when the last response is in.
    updatesPerSec: round(plan.length / o.seconds),
    lateSendsMs: round(lateMax, 2),
    sendsLateOver5ms: lateOver5,
  };
}
