import { verifyAudit } from '../../../core/audit/verify';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { forcePhase } from '../../../core/usecases/challenges/manage';
import { follow } from '../../../core/usecases/engagement/follow';
import { computeResults } from '../../../core/usecases/results/compute-results';
import { publishResults } from '../../../core/usecases/results/publish-results';
import { exportChallenge } from '../../../core/usecases/opendata/export-challenge';
import { sha256Hex } from '../../../core/shared/hash';
import { unwrap } from '../../../core/shared/result';
import { writePabulib } from '../../../core/tally';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../../support/scenario';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const pick = (...ids: string[]) => ids.map((projectId) => ({ projectId }));

/**
 * The textbook case where the rules disagree: 6 voters want A1 and A2, 4 voters want B, every project
 * costs half the budget. Greedy gives the majority everything; Equal Shares (with add1 completion)
 * gives the minority its project.
 */
async function splitElection() {
  const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [50, 50, 50], {
    budget: 100,
    outcomeRule: { method: 'equal-shares', completion: 'add1' },
  });
  const [a1, a2, b] = projects as [string, string, string];
  const voters: string[] = [];
  for (let i = 0; i < 10; i++) {
    const v = await aCitizenIn(deps);
    voters.push(v);
    unwrap(await castBallot(deps, v, challenge.id, i < 6 ? pick(a1, a2) : pick(b)));
  }
  return { challenge, a1, a2, b, voters };
}

describe('computeResults', () => {
  it('counts stored ballots with the challenge rule, or another rule for comparison', async () => {
    const { challenge, a1, a2, b } = await splitElection();
    const mes = unwrap(await computeResults(deps.store, challenge.id)).results;
    expect(mes.selected).toEqual([a1, b]);
    expect(mes.totalCost).toBe(100);
    expect(mes.voters).toBe(10);
    expect(mes.publishedAt).toBeNull();
    const greedy = unwrap(await computeResults(deps.store, challenge.id, { method: 'greedy' })).results;
    expect(greedy.selected).toEqual([a1, a2]);
    // Selected first in selection order, then the rest by score.
    expect(greedy.projects.map((p) => [p.proposalId, p.votes, p.rank])).toEqual([
      [a1, 6, 1],
      [a2, 6, 2],
      [b, 4, null],
    ]);
  });

  it('answers NOT_FOUND for an unknown challenge', async () => {
    const r = await computeResults(deps.store, 'nope');
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });

  it('gives an empty outcome when nobody voted', async () => {
    const { challenge } = await aChallengeWithProjects(deps, 'results', [10, 20]);
    const r = unwrap(await computeResults(deps.store, challenge.id)).results;
    expect(r.selected).toEqual([]);
    expect(r.voters).toBe(0);
  });
});

describe('publishResults', () => {
  it('is refused while voting is open', async () => {
    const { challenge } = await splitElection();
    const r = await publishResults(deps, challenge.id, 'staff_1');
    expect(!r.ok && r.error.code).toBe('INVALID_TRANSITION');
  });

  it('sets statuses, records the counted file in the chain and tells voters and followers, once', async () => {
    const { challenge, a1, a2, b, voters } = await splitElection();
    const onlooker = await aCitizenIn(deps);
    unwrap(await follow(deps, onlooker, { kind: 'challenge', id: challenge.id }));
    unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_1'));
    const before = (await deps.store.outbox.countByState()).pending ?? 0;

    const r = unwrap(await publishResults(deps, challenge.id, 'staff_1'));
    expect(r.selected).toEqual([a1, b]);
    expect(r.publishedAt).toEqual(deps.clock.now());
    expect((await deps.store.proposals.get(a1))?.status).toBe('selected');
    expect((await deps.store.proposals.get(b))?.status).toBe('selected');
    expect((await deps.store.proposals.get(a2))?.status).toBe('not_selected');
    expect((await deps.store.challenges.get(challenge.id))?.resultsPublishedAt).toEqual(deps.clock.now());

    const head = await deps.store.audit.head();
    expect(head?.type).toBe('results.published');
    const exported = unwrap(await exportChallenge(deps.store, challenge.id));
    expect(head?.data.electionSha256).toBe(sha256Hex(writePabulib(exported.election)));
    expect(head?.data.selected).toEqual([a1, b]);

    const after = (await deps.store.outbox.countByState()).pending ?? 0;
    expect(after - before).toBe(voters.length + 1);
    expect((await verifyAudit(deps.store)).ok).toBe(true);

    const again = await publishResults(deps, challenge.id, 'staff_1');
    expect(!again.ok && again.error.code).toBe('INVALID_TRANSITION');
  });
});
