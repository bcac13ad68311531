import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelSender, SendOutcome } from '../bots/outbox/channel-sender';
import type { OutboxDispatcherOptions } from '../bots/outbox/dispatcher';
import { OutboxDispatcher } from '../bots/outbox/dispatcher';
import type { BallotRule, OutcomeRule } from '../core/model/rules';
import { systemClock } from '../core/shared/clock';
import { randomIds } from '../core/shared/ids';
import { unwrap } from '../core/shared/result';
import { createChallenge, forcePhase } from '../core/usecases/challenges/manage';
import { giveConsent } from '../core/usecases/citizens/profile';
import { identifyCitizen } from '../core/usecases/citizens/identify';
import type { Deps } from '../core/usecases/deps';
import { postUpdate } from '../core/usecases/proposals/implementation';
import { expandFanout } from '../core/usecases/fanout';
import { reviewProposal } from '../core/usecases/proposals/review';
import { submitProposal } from '../core/usecases/proposals/submit';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { consentedTelegramCitizen, writeResult } from './support';

/** One project update to this many Telegram followers, on a SQLite file like production's. */
export const FANOUT = {
  followers: 100_000,
  /** Rows dispatched against a high configured limit, to measure the dispatcher's own ceiling. */
  ceilingRows: 20_000,
  /**
   * The high limit, with the dispatcher options that carry it. A burst of 250 tokens (50 ms): a
   * claim blocks the process for 25-40 ms with a 100,000-row backlog (its query sorts every due
   * row), and without saved tokens that time would be lost for good. Batches of 1,000, because a
   * claim costs nearly as much for 100 rows as for 1,000.
   */
  ceiling: { limitPerSec: 5_000, burst: 250, batchSize: 1_000, concurrency: 32 },
  /** Seconds dispatched at Telegram's real 30/s. */
  realSeconds: 10,
} as const;

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const ms = (t0: bigint): number => round(Number(process.hrtime.bigint() - t0) / 1e6);

/** A Telegram-like API that accepts every message at once and notes when it did. */
class InstantTelegram implements ChannelSender {
  readonly channel = 'telegram' as const;
  readonly times: number[] = [];
  async send(): Promise<SendOutcome> {
    this.times.push(performance.now());
    return { ok: true };
  }
}

/** A project (accepted, so it can be followed and updated) and its author's id. */
async function aProject(deps: Deps): Promise<{ projectId: string; authorId: string }> {
  const challenge = unwrap(
    await createChallenge(deps, {
      title: { en: 'Fan-out bench' },
      description: {},
      domain: 'environment',
      budget: 100,
      currency: 'EUR',
      schedule: {},
      ballotRule: { kind: 'knapsack' } as BallotRule,
      outcomeRule: { method: 'greedy' } as OutcomeRule,
    }),
  );
  unwrap(await forcePhase(deps, challenge.id, 'proposals', 'staff_bench'));
  const { citizen } = await identifyCitizen(deps, { channel: 'console', externalId: 'author', locale: 'en' });
  unwrap(await giveConsent(deps, citizen.id));
  const p = unwrap(
    await submitProposal(deps, citizen.id, challenge.id, {
      title: { en: 'A new park' },
      description: {},
      cost: 10,
    }),
  );
  unwrap(await forcePhase(deps, challenge.id, 'review', 'staff_bench'));
  unwrap(await reviewProposal(deps, p.id, 'staff_bench', { action: 'accept' }));
  unwrap(await forcePhase(deps, challenge.id, 'implementation', 'staff_bench'));
  return { projectId: p.id, authorId: citizen.id };
}

/** `n` citizens with a Telegram identity each, all following the project, in one transaction. */
async function followers(deps: Deps, projectId: string, n: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const citizen = consentedTelegramCitizen(
        `ct_bench_${i}`,
        `${100_000_000 + i}`,
        (['en', 'el', 'bg', 'cs'] as const)[i % 4] ?? 'en',
        now,
      );
      await tx.citizens.create(citizen);
      await tx.follows.save({
        citizenId: citizen.id,
        target: { kind: 'project', id: projectId },
        auto: false,
        active: true,
        updatedAt: now,
      });
    }
  });
}

/** Runs a dispatcher until the sender has `sends` messages or `ms` have passed; the send times. */
async function dispatch(
  opts: OutboxDispatcherOptions,
  until: { sends?: number; ms: number },
): Promise<{ times: number[]; startedAt: number }> {
  const sender = new InstantTelegram();
  const d = new OutboxDispatcher({ ...opts, senders: [sender] });
  const startedAt = performance.now();
  d.start();
  while (performance.now() - startedAt < until.ms && sender.times.length < (until.sends ?? Infinity))
    await new Promise((r) => setTimeout(r, 20));
  await d.stop();
  return { times: sender.times, startedAt };
}

/**
 * Sends per second from the `from`-th send to the last: n sends span n - 1 intervals. Starting
 * after the initial burst measures the rate the limiter sustains, not the tokens it started with.
 */
function rate(times: readonly number[], from = 0): { sends: number; seconds: number; perSec: number } {
  const first = times[from] ?? 0;
  const last = times[times.length - 1] ?? 0;
  const seconds = (last - first) / 1000;
  return {
    sends: times.length,
    seconds: round(seconds, 2),
    perSec: round((times.length - 1 - from) / seconds),
  };
}

/**
 * One official update to 100,000 followers: how long it takes to write the 100,000 outbox rows (the
 * request that posts it waits for that, not for the sending), then how fast the dispatcher sends
 * them. Telegram's real 30/s would need about an hour for 100,000, so the dispatcher's own ceiling
 * is measured against a high configured limit, and the real limit over a few seconds.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'agora-fanout-'));
  const store = await SqliteStore.open(join(dir, 'agora.sqlite'));
  try {
    const deps: Deps = { store, clock: systemClock, ids: randomIds };
    const { projectId, authorId } = await aProject(deps);
    await store.follows.removeByCitizen(authorId); // followers are exactly the bench's citizens

    let t0 = process.hrtime.bigint();
    await followers(deps, projectId, FANOUT.followers);
    const setupMs = ms(t0);

    // What the official's request waits for: the update and a fan-out job, not 100,000 rows.
    t0 = process.hrtime.bigint();
    const posted = unwrap(
      await postUpdate(deps, projectId, 'staff_bench', { text: 'Works start on Monday.' }),
    );
    const postMs = ms(t0);
    // The background expansion into one outbox row per follower (chunks of 1,000 per transaction).
    t0 = process.hrtime.bigint();
    const expanded = await expandFanout(deps);
    const enqueueMs = ms(t0);

    const base = { store, clock: systemClock, senders: [] };
    const c = FANOUT.ceiling;
    const against = async (
      perSec: number,
      burst: number,
      opts: Partial<OutboxDispatcherOptions>,
      rows: number,
    ) => {
      const limits = { telegram: { overall: [{ count: perSec, perMs: 1000, burst }] } };
      const { times } = await dispatch({ ...base, limits, ...opts }, { sends: rows, ms: 60_000 });
      const r = rate(times.slice(0, rows), burst);
      return {
        configuredPerSec: perSec,
        burst,
        ...opts,
        ...r,
        percentOfConfigured: round((100 * r.perSec) / perSec),
      };
    };
    const ceiling = await against(
      c.limitPerSec,
      c.burst,
      { batchSize: c.batchSize, concurrency: c.concurrency },
      FANOUT.ceilingRows,
    );
    // The same limit with the dispatcher's default options (batches of 100, no burst), for comparison.
    const ceilingDefaults = await against(c.limitPerSec, 1, {}, FANOUT.ceilingRows / 2);
    // What the dispatcher does with no limit in its way.
    const uncapped = await against(
      1_000_000,
      1,
      { batchSize: c.batchSize, concurrency: c.concurrency },
      FANOUT.ceilingRows / 2,
    );

    // Telegram's real limit and the default options; only the sends within the window count.
    const real = await dispatch(base, { ms: FANOUT.realSeconds * 1000 });
    const inWindow = real.times.filter((t) => t - real.startedAt <= FANOUT.realSeconds * 1000);
    const atThirty = rate(inWindow);

    return {
      node: process.version,
      followers: FANOUT.followers,
      setupMs,
      postUpdateMs: postMs,
      enqueue: {
        notified: posted.notified,
        rows: expanded,
        ms: enqueueMs,
        rowsPerSec: round(expanded / (enqueueMs / 1000)),
      },
      ceiling,
      ceilingDefaults,
      uncapped: { ...uncapped, configuredPerSec: null, burst: null, percentOfConfigured: null },
      telegram30: {
        configuredPerSec: 30,
        ...atThirty,
        percentOfConfigured: round((100 * atThirty.perSec) / 30),
      },
      outbox: await store.outbox.countByState(),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void run().then((result) => {
    console.log(JSON.stringify(result, null, 2));
    console.log(`\nwrote ${writeResult('fanout', result)}`);
  });
}
