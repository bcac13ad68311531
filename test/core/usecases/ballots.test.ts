import { verifyAudit } from '../../../core/audit/verify';
import type { BallotRule } from '../../../core/model/rules';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { forcePhase } from '../../../core/usecases/challenges/manage';
import { unfollow } from '../../../core/usecases/engagement/follow';
import { reviewProposal } from '../../../core/usecases/proposals/review';
import { submitProposal } from '../../../core/usecases/proposals/submit';
import { unwrap } from '../../../core/shared/result';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../../support/scenario';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const pick = (...ids: string[]) => ids.map((projectId) => ({ projectId }));

async function voteOn(rule: BallotRule, costs: number[], budget = 100) {
  const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', costs, {
    ballotRule: rule,
    budget,
  });
  const voter = await aCitizenIn(deps);
  return { challenge, projects, voter };
}

describe('castBallot', () => {
  it('casts a knapsack ballot, returns a receipt and follows the chosen projects', async () => {
    const { challenge, projects, voter } = await voteOn({ kind: 'knapsack' }, [40, 50, 30]);
    const r = unwrap(await castBallot(deps, voter, challenge.id, pick(projects[0]!, projects[1]!)));
    expect(r.changed).toBe(false);
    expect(r.receipt).toMatch(/^[2-9A-Z]{10}$/);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    expect(await deps.store.follows.followers({ kind: 'project', id: projects[0]! })).toContain(voter);
    const [entry] = await deps.store.audit.findByRef(r.receipt);
    expect(entry?.type).toBe('ballot.cast');
    expect(JSON.stringify(entry?.data)).not.toContain(voter);
  });

  it('replaces the ballot on a second cast, with a new receipt, keeping one ballot', async () => {
    const { challenge, projects, voter } = await voteOn({ kind: 'knapsack' }, [40, 50]);
    const first = unwrap(await castBallot(deps, voter, challenge.id, pick(projects[0]!)));
    const second = unwrap(await castBallot(deps, voter, challenge.id, pick(projects[1]!)));
    expect(second.changed).toBe(true);
    expect(second.receipt).not.toBe(first.receipt);
    const ballots = await deps.store.ballots.listByChallenge(challenge.id);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]?.choices).toEqual(pick(projects[1]!));
    const [changed] = await deps.store.audit.findByRef(second.receipt);
    expect(changed?.type).toBe('ballot.changed');
    expect(changed?.data.replaces).toBe(first.receipt);
  });

  it('keeps exactly one ballot when 50 submissions for one citizen race', async () => {
    const { challenge, projects, voter } = await voteOn({ kind: 'knapsack' }, [10, 20, 30]);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => castBallot(deps, voter, challenge.id, pick(projects[i % 3]!))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(1);
    expect((await verifyAudit(deps.store)).ok).toBe(true);
  });

  it.each([
    ['EMPTY_BALLOT', { kind: 'knapsack' }, [10], () => []],
    ['OVER_BUDGET', { kind: 'knapsack' }, [60, 50], (p: string[]) => pick(p[0]!, p[1]!)],
    [
      'UNDER_MINIMUM_BUDGET',
      { kind: 'knapsack', minBudgetShare: 0.5 },
      [10, 60],
      (p: string[]) => pick(p[0]!),
    ],
    ['TOO_FEW_PROJECTS', { kind: 'approval', min: 2, max: 3 }, [10, 20], (p: string[]) => pick(p[0]!)],
    [
      'TOO_MANY_PROJECTS',
      { kind: 'approval', min: 1, max: 1 },
      [10, 20],
      (p: string[]) => pick(p[0]!, p[1]!),
    ],
    ['TOO_MANY_PROJECTS', { kind: 'ranked', maxRanks: 1 }, [10, 20], (p: string[]) => pick(p[1]!, p[0]!)],
    ['DUPLICATE_CHOICE', { kind: 'approval', min: 1, max: 3 }, [10], (p: string[]) => pick(p[0]!, p[0]!)],
    ['UNKNOWN_PROJECT', { kind: 'knapsack' }, [10], () => pick('pr_nope')],
    [
      'INVALID_POINTS',
      { kind: 'cumulative', points: 10 },
      [10],
      (p: string[]) => [{ projectId: p[0]!, points: 0 }],
    ],
    [
      'INVALID_POINTS',
      { kind: 'cumulative', points: 10, maxPerProject: 3 },
      [10],
      (p: string[]) => [{ projectId: p[0]!, points: 4 }],
    ],
    ['INVALID_POINTS', { kind: 'cumulative', points: 10 }, [10], (p: string[]) => pick(p[0]!)],
    [
      'POINTS_EXCEEDED',
      { kind: 'cumulative', points: 5 },
      [10, 20],
      (p: string[]) => [
        { projectId: p[0]!, points: 3 },
        { projectId: p[1]!, points: 3 },
      ],
    ],
  ] as const)('refuses with %s (%j)', async (code, rule, costs, choose) => {
    const { challenge, projects, voter } = await voteOn(rule as BallotRule, [...costs]);
    const r = await castBallot(deps, voter, challenge.id, choose(projects));
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    expect(await deps.store.ballots.countByChallenge(challenge.id)).toBe(0);
  });

  it('accepts ranked and cumulative ballots and keeps order and points', async () => {
    const ranked = await voteOn({ kind: 'ranked', maxRanks: 3 }, [10, 20, 30]);
    const r = unwrap(
      await castBallot(
        deps,
        ranked.voter,
        ranked.challenge.id,
        pick(ranked.projects[2]!, ranked.projects[0]!),
      ),
    );
    expect(r.ballot.choices.map((c) => c.projectId)).toEqual([ranked.projects[2], ranked.projects[0]]);
    const cum = await voteOn({ kind: 'cumulative', points: 10, maxPerProject: 6 }, [10, 20]);
    const c = unwrap(
      await castBallot(deps, cum.voter, cum.challenge.id, [
        { projectId: cum.projects[0]!, points: 6 },
        { projectId: cum.projects[1]!, points: 4 },
      ]),
    );
    expect(c.ballot.choices).toEqual([
      { projectId: cum.projects[0], points: 6 },
      { projectId: cum.projects[1], points: 4 },
    ]);
  });

  it('refuses a rejected project (PROJECT_NOT_ON_BALLOT)', async () => {
    const { challenge, voter } = await voteOn({ kind: 'knapsack' }, [10]);
    unwrap(await forcePhase(deps, challenge.id, 'proposals', 's'));
    const author = await aCitizenIn(deps);
    const p = unwrap(
      await submitProposal(deps, author, challenge.id, { title: { en: 'x' }, description: {}, cost: 5 }),
    );
    unwrap(await reviewProposal(deps, p.id, 's', { action: 'reject', reason: 'not legal' }));
    unwrap(await forcePhase(deps, challenge.id, 'voting', 's'));
    const r = await castBallot(deps, voter, challenge.id, pick(p.id));
    expect(r.ok ? 'ok' : r.error.code).toBe('PROJECT_NOT_ON_BALLOT');
  });

  it('refuses outside voting (VOTING_CLOSED), without consent, unverified, or for an unknown challenge', async () => {
    const { challenge, projects, voter } = await voteOn({ kind: 'knapsack' }, [10]);
    const noConsent = await aCitizenIn(deps, { consent: false });
    const c1 = await castBallot(deps, noConsent, challenge.id, pick(projects[0]!));
    expect(c1.ok ? 'ok' : c1.error.code).toBe('CONSENT_REQUIRED');
    expect((await castBallot(deps, voter, 'ch_nope', pick(projects[0]!))).ok).toBe(false);
    unwrap(await forcePhase(deps, challenge.id, 'results', 's'));
    const closed = await castBallot(deps, voter, challenge.id, pick(projects[0]!));
    expect(closed.ok ? 'ok' : closed.error.code).toBe('VOTING_CLOSED');

    const strict = await aChallengeWithProjects(deps, 'voting', [10], { minVerification: 'phone' });
    const unverified = await castBallot(deps, voter, strict.challenge.id, pick(strict.projects[0]!));
    expect(unverified.ok ? 'ok' : unverified.error.code).toBe('NOT_ELIGIBLE');
  });

  it('does not follow again a project the voter stopped following', async () => {
    const { challenge, projects, voter } = await voteOn({ kind: 'knapsack' }, [10, 20]);
    unwrap(await castBallot(deps, voter, challenge.id, pick(projects[0]!)));
    unwrap(await unfollow(deps, voter, { kind: 'project', id: projects[0]! }));
    unwrap(await castBallot(deps, voter, challenge.id, pick(projects[0]!, projects[1]!)));
    const followers = await deps.store.follows.followers({ kind: 'project', id: projects[0]! });
    expect(followers).not.toContain(voter);
    expect(await deps.store.follows.followers({ kind: 'project', id: projects[1]! })).toContain(voter);
  });
});
