import { seedDemo } from '../app/demo/seed-demo';
import { BALLOT_SALT_LENGTH, ballotContentHash } from '../core/audit/ballot-hash';
import { appendAudit } from '../core/audit/chain';
import type { BallotChoice } from '../core/model/ballot';
import { systemClock } from '../core/shared/clock';
import { randomIds } from '../core/shared/ids';
import type { Deps } from '../core/usecases/deps';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import type { MixPlan } from './telegram-mix';
import { initialConversation, localeOf } from './telegram-mix';
import { consentedTelegramCitizen } from './support';

/** The demo challenge in its voting phase (knapsack, five projects, budget €200,000). */
const VOTING = 'demo-mobility';
/** The demo challenge collecting supports. */
const SUPPORTS = 'demo-culture';

export interface TownOptions {
  /** Citizens with a Telegram identity (chat id `chatBase + i`) who already consented. */
  citizens: number;
  chatBase: number;
  newUserEvery: number;
  /** Shares of citizens who already voted, support a proposal, follow the voting challenge. */
  ballotShare?: number;
  supportShare?: number;
  followShare?: number;
}

export interface Town {
  plan: MixPlan;
  seedMs: number;
  counts: { citizens: number; ballots: number; supports: number; follows: number; conversations: number };
}

/** Every `1/share`-th citizen, spread evenly (and the same ones on every run). */
const picked = (i: number, share: number): boolean =>
  share > 0 && Math.floor(i * share) !== Math.floor((i + 1) * share);

/**
 * Writes a town into a new SQLite file: the demo municipality (challenges in every phase, projects
 * titled in four languages, through the real use cases), then `citizens` Telegram citizens in ONE
 * transaction through the store's ports. Through the ports, not raw SQL, so the rows are exactly
 * what the product writes; one transaction, because SQLite then commits once instead of 100,000
 * times (about 2 s for 100,000 citizens with their follows, as in bench/fanout.ts).
 *
 * Ballots are written like castBallot writes them (ballot, audit entry, automatic follows of the
 * chosen projects), minus its per-ballot checks, which would re-read the challenge and its projects
 * 30,000 times; the audit chain stays valid.
 */
export async function seedTown(file: string, o: TownOptions): Promise<Town> {
  const t0 = performance.now();
  const store = await SqliteStore.open(file);
  const deps: Deps = { store, clock: systemClock, ids: randomIds };
  try {
    await seedDemo(deps);
    const budget = (await store.challenges.get(VOTING))?.budget ?? 0;
    const projects = await store.proposals.listByChallenge(VOTING, ['accepted']);
    const byCost = [...projects].sort((a, b) => a.cost - b.cost);
    const [cheap, cheaper] = [byCost[0], byCost[1]];
    if (!cheap || !cheaper) throw new Error(`${VOTING} has fewer than two accepted projects`);
    const supportable = await store.proposals.listByChallenge(SUPPORTS, ['accepted']);
    const plan: MixPlan = {
      challengeId: VOTING,
      projectIds: projects.map((p) => p.id),
      ballot: [cheap.id, cheaper.id],
      citizens: o.citizens,
      chatBase: o.chatBase,
      newUserEvery: o.newUserEvery,
    };
    const counts = { citizens: 0, ballots: 0, supports: 0, follows: 0, conversations: 0 };
    const now = deps.clock.now();
    await store.transaction(async (tx) => {
      for (let i = 0; i < o.citizens; i++) {
        const citizen = consentedTelegramCitizen(`ct_bench_${i}`, String(o.chatBase + i), localeOf(i), now);
        await tx.citizens.create(citizen);
        counts.citizens++;
        const conv = initialConversation(plan, i, citizen.id, now);
        if (conv) {
          await tx.conversations.save(conv);
          counts.conversations++;
        }
        if (picked(i, o.ballotShare ?? 0)) {
          // A ballot within the budget: the cheapest project plus one more that still fits.
          const extra = projects[i % projects.length];
          const choices: BallotChoice[] = [{ projectId: cheap.id }];
          if (extra && extra.id !== cheap.id && extra.cost + cheap.cost <= budget)
            choices.push({ projectId: extra.id });
          const receipt = deps.ids.code(10);
          const salt = deps.ids.code(BALLOT_SALT_LENGTH);
          await tx.ballots.put({
            id: deps.ids.next('bl'),
            challengeId: VOTING,
            citizenId: citizen.id,
            voterRef: deps.ids.next('v'),
            choices,
            receipt,
            salt,
            castAt: now,
            updatedAt: now,
            meta: {},
          });
          await appendAudit(
            tx.audit,
            'ballot.cast',
            {
              challengeId: VOTING,
              receipt,
              contentHash: ballotContentHash(receipt, choices, salt),
              replaces: null,
            },
            now,
            receipt,
          );
          for (const c of choices) {
            const target = { kind: 'project' as const, id: c.projectId };
            await tx.follows.save({
              citizenId: citizen.id,
              target,
              auto: true,
              active: true,
              updatedAt: now,
            });
            counts.follows++;
          }
          counts.ballots++;
        }
        const supported = supportable[i % Math.max(1, supportable.length)];
        if (supported && picked(i, o.supportShare ?? 0)) {
          await tx.supports.add(supported.id, citizen.id, now);
          counts.supports++;
        }
        if (picked(i, o.followShare ?? 0)) {
          const target = { kind: 'challenge' as const, id: VOTING };
          await tx.follows.save({ citizenId: citizen.id, target, auto: false, active: true, updatedAt: now });
          counts.follows++;
        }
      }
    });
    return { plan, seedMs: Math.round(performance.now() - t0), counts };
  } finally {
    await store.close();
  }
}
