import type { Challenge } from '../../core/model/challenge';
import type { Locale } from '../../core/model/locale';
import type { PhaseSchedule } from '../../core/model/phase';
import type { BallotRule, OutcomeRule } from '../../core/model/rules';
import { unwrap } from '../../core/shared/result';
import { castBallot } from '../../core/usecases/ballots/cast-ballot';
import { giveConsent } from '../../core/usecases/citizens/profile';
import { identifyCitizen } from '../../core/usecases/citizens/identify';
import type { Deps } from '../../core/usecases/deps';
import { postUpdate } from '../../core/usecases/proposals/implementation';
import { publishResults } from '../../core/usecases/results/publish-results';
import { reviewProposal } from '../../core/usecases/proposals/review';
import { submitProposal } from '../../core/usecases/proposals/submit';
import { supportProposal } from '../../core/usecases/proposals/support';
import type { DemoProject } from './demo-texts';
import { DEMO } from './demo-texts';

const DAY = 86_400_000;
const LOCALES: Locale[] = ['el', 'bg', 'cs', 'en'];
export const DEMO_CITIZENS = 40;
const DEMO_STAFF = 'staff_demo';

/** A tiny seeded PRNG so the demo is the same on every machine. */
function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const at = (deps: Deps, when: Date): Deps => ({ ...deps, clock: { now: () => when } });

interface Spec {
  id: string;
  key: keyof typeof DEMO;
  domain: string;
  budget: number;
  schedule: PhaseSchedule;
  ballotRule: BallotRule;
  outcomeRule: OutcomeRule;
}

function specs(now: number): Spec[] {
  const d = (days: number): Date => new Date(now + days * DAY);
  const mes: OutcomeRule = { method: 'equal-shares', completion: 'add1' };
  return [
    {
      id: 'demo-mobility',
      key: 'mobility',
      domain: 'mobility',
      budget: 200000,
      ballotRule: { kind: 'knapsack' },
      outcomeRule: mes,
      schedule: { proposals: d(-60), review: d(-40), voting: d(-10), results: d(20), implementation: d(40) },
    },
    {
      id: 'demo-green',
      key: 'green',
      domain: 'environment',
      budget: 150000,
      ballotRule: { kind: 'knapsack' },
      outcomeRule: mes,
      schedule: {
        informing: d(-20),
        proposals: d(-5),
        review: d(25),
        supports: d(40),
        voting: d(60),
        results: d(90),
      },
    },
    {
      id: 'demo-culture',
      key: 'culture',
      domain: 'culture',
      budget: 60000,
      ballotRule: { kind: 'approval', min: 1, max: 3 },
      outcomeRule: { method: 'greedy' },
      schedule: { proposals: d(-50), review: d(-30), supports: d(-7), voting: d(14), results: d(40) },
    },
    {
      id: 'demo-playgrounds',
      key: 'playgrounds',
      domain: 'children',
      budget: 150000,
      ballotRule: { kind: 'knapsack' },
      outcomeRule: mes,
      schedule: {
        proposals: d(-300),
        review: d(-270),
        voting: d(-240),
        results: d(-210),
        implementation: d(-200),
      },
    },
    {
      id: 'demo-tourism',
      key: 'tourism',
      domain: 'tourism',
      budget: 80000,
      ballotRule: { kind: 'cumulative', points: 10, maxPerProject: 5 },
      outcomeRule: { method: 'greedy' },
      schedule: { informing: d(-2), proposals: d(10), review: d(40), voting: d(60), results: d(90) },
    },
  ];
}

/**
 * Loads a demo municipality through the real use cases (so the audit chain and follows are genuine):
 * one challenge in each of several phases, projects with titles in en/el/bg/cs, citizens and ballots.
 * Idempotent: a second run finds the demo and changes nothing.
 */
export async function seedDemo(
  deps: Deps,
): Promise<{ created: boolean; challenges: number; ballots: number }> {
  if (await deps.store.challenges.get('demo-tourism')) return { created: false, challenges: 5, ballots: 0 };
  const now = deps.clock.now().getTime();
  const rnd = prng(2025);
  const citizens: string[] = [];
  for (let i = 1; i <= DEMO_CITIZENS; i++) {
    const { citizen } = await identifyCitizen(deps, {
      channel: 'console',
      externalId: `demo-citizen-${i}`,
      locale: LOCALES[i % 4] as Locale,
    });
    unwrap(await giveConsent(deps, citizen.id));
    citizens.push(citizen.id);
  }
  let ballots = 0;
  for (const s of specs(now)) {
    const text = DEMO[s.key];
    const challenge: Challenge = {
      id: s.id,
      title: text.title,
      description: text.description,
      domain: s.domain,
      budget: s.budget,
      currency: 'EUR',
      schedule: s.schedule,
      forcedPhase: null,
      ballotRule: s.ballotRule,
      outcomeRule: s.outcomeRule,
      minVerification: 'none',
      resultsPublishedAt: null,
      meta: { demo: 'true' },
      createdAt: new Date(now),
      updatedAt: new Date(now),
    };
    await deps.store.challenges.save(challenge);
    const ids = await proposeAll(deps, s, text.projects, citizens);
    ballots += await playPhases(deps, s, ids, citizens, rnd);
  }
  return { created: true, challenges: 5, ballots };
}

async function proposeAll(
  deps: Deps,
  s: Spec,
  projects: DemoProject[],
  citizens: string[],
): Promise<string[]> {
  const when = s.schedule.proposals;
  if (!when || projects.length === 0) return [];
  const inProposals = at(deps, new Date(when.getTime() + DAY));
  const ids: string[] = [];
  for (const [i, p] of projects.entries()) {
    const author = citizens[i % citizens.length] as string;
    const r = unwrap(
      await submitProposal(inProposals, author, s.id, { title: p.title, description: {}, cost: p.cost }),
    );
    ids.push(r.id);
  }
  const reviewAt = s.schedule.review;
  // Proposals still in their proposal phase stay partly unreviewed, as in a real call.
  const reviewing =
    reviewAt && reviewAt.getTime() <= deps.clock.now().getTime()
      ? at(deps, new Date(reviewAt.getTime() + DAY))
      : deps;
  for (const [i, id] of ids.entries()) {
    if (!reviewAt || reviewAt.getTime() > deps.clock.now().getTime()) {
      if (i === 1) unwrap(await reviewProposal(reviewing, id, DEMO_STAFF, { action: 'accept' }));
      continue;
    }
    unwrap(await reviewProposal(reviewing, id, DEMO_STAFF, { action: 'accept' }));
  }
  return ids;
}

async function playPhases(
  deps: Deps,
  s: Spec,
  ids: string[],
  citizens: string[],
  rnd: () => number,
): Promise<number> {
  const now = deps.clock.now().getTime();
  if (
    s.schedule.supports &&
    s.schedule.supports.getTime() <= now &&
    !(s.schedule.voting && s.schedule.voting.getTime() <= now)
  ) {
    for (const c of citizens.slice(0, 25)) {
      const id = ids[Math.floor(rnd() * ids.length)] as string;
      await supportProposal(deps, c, id); // a repeated pick is ALREADY_SUPPORTED: fine for a demo
    }
  }
  const voting = s.schedule.voting;
  if (!voting || voting.getTime() > now || ids.length === 0) return 0;
  const votingDeps = at(deps, new Date(Math.min(now, voting.getTime() + 5 * DAY)));
  const costs = await Promise.all(ids.map(async (id) => (await deps.store.proposals.get(id))?.cost ?? 0));
  let cast = 0;
  for (const c of citizens.slice(0, 30)) {
    const choices: { projectId: string }[] = [];
    let total = 0;
    for (const [i, id] of ids.entries()) {
      const cost = costs[i] ?? 0;
      if (rnd() < 0.5 && total + cost <= s.budget) {
        choices.push({ projectId: id });
        total += cost;
      }
    }
    if (choices.length === 0) choices.push({ projectId: ids[0] as string });
    unwrap(await castBallot(votingDeps, c, s.id, choices));
    cast++;
  }
  if (s.key === 'playgrounds') await buildPlaygrounds(deps, s);
  return cast;
}

/** The finished challenge: results published from its ballots, winners being built, with updates. */
async function buildPlaygrounds(deps: Deps, s: Spec): Promise<void> {
  const published = at(deps, new Date((s.schedule.results as Date).getTime() + DAY));
  const results = unwrap(await publishResults(published, s.id, DEMO_STAFF));
  const [first, second, third] = results.selected;
  if (!first) return;
  const building = at(deps, new Date((s.schedule.implementation as Date).getTime() + 30 * DAY));
  unwrap(
    await postUpdate(building, first, DEMO_STAFF, {
      text: 'Works started: ground levelled, equipment ordered.',
      status: 'in_progress',
      progress: 35,
    }),
  );
  unwrap(
    await postUpdate(deps, first, DEMO_STAFF, {
      text: 'Equipment installed; safety surface next.',
      progress: 60,
    }),
  );
  if (second)
    unwrap(
      await postUpdate(building, second, DEMO_STAFF, {
        text: 'Finished and open to everyone.',
        status: 'completed',
      }),
    );
  if (third)
    unwrap(
      await postUpdate(deps, third, DEMO_STAFF, {
        text: 'Design agreed with the youth council.',
        status: 'in_progress',
        progress: 10,
      }),
    );
}
