import { phaseOf } from '../../../core/model/challenge';
import { phaseAt, phaseEndsAt } from '../../../core/model/phase';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { createChallenge, forcePhase, updateChallenge } from '../../../core/usecases/challenges/manage';
import { unwrap } from '../../../core/shared/result';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects, aCitizenIn, challengeInput } from '../../support/scenario';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps(new Date('2026-03-02T10:00:00Z'));
});
afterEach(() => deps.store.close());

const D = (iso: string) => new Date(iso);

describe('challenges', () => {
  it('derives the phase from the dates, skipping phases with no date', () => {
    const schedule = {
      proposals: D('2026-03-01'),
      review: D('2026-03-10'),
      voting: D('2026-03-20'),
      results: D('2026-04-01'),
    };
    expect(phaseAt(schedule, D('2026-02-01'))).toBe('draft');
    expect(phaseAt(schedule, D('2026-03-05'))).toBe('proposals');
    expect(phaseAt(schedule, D('2026-03-25'))).toBe('voting');
    expect(phaseAt(schedule, D('2027-01-01'))).toBe('results');
    expect(phaseEndsAt(schedule, D('2026-03-25'))).toEqual(D('2026-04-01'));
    expect(phaseEndsAt(schedule, D('2027-01-01'))).toBeNull();
  });

  it('follows the clock, and a forced phase wins until cleared', async () => {
    const c = unwrap(
      await createChallenge(
        deps,
        challengeInput({ schedule: { proposals: D('2026-03-01'), voting: D('2026-03-20') } }),
      ),
    );
    expect(phaseOf(c, deps.clock.now())).toBe('proposals');
    deps.clock.set(D('2026-03-21'));
    expect(phaseOf(c, deps.clock.now())).toBe('voting');
    const forced = unwrap(await forcePhase(deps, c.id, 'results', 'staff_1'));
    expect(phaseOf(forced, deps.clock.now())).toBe('results');
    const cleared = unwrap(await forcePhase(deps, c.id, null, 'staff_1'));
    expect(phaseOf(cleared, deps.clock.now())).toBe('voting');
    const head = await deps.store.audit.head();
    expect(head?.type).toBe('phase.changed');
    expect(head?.data).toMatchObject({ challengeId: c.id, from: 'results', to: 'voting' });
  });

  it.each([
    [{ title: {} }, 'title'],
    [{ budget: 0 }, 'budget'],
    [{ currency: 'euro' }, 'currency'],
    [{ domain: ' ' }, 'domain'],
    [{ schedule: { voting: D('2026-03-01'), proposals: D('2026-03-10') } }, 'schedule'],
    [{ ballotRule: { kind: 'approval' as const, min: 3, max: 2 } }, 'ballotRule'],
    [{ ballotRule: { kind: 'cumulative' as const, points: 0 } }, 'ballotRule'],
    [{ ballotRule: { kind: 'knapsack' as const, minBudgetShare: 2 } }, 'ballotRule'],
  ])('refuses invalid input %j naming %s', async (bad, field) => {
    const r = await createChallenge(deps, challengeInput(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toContain(field);
    }
  });

  it('locks budget and rules once the first ballot exists, but not the texts', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10]);
    const base = challengeInput({ schedule: challenge.schedule });
    unwrap(await updateChallenge(deps, challenge.id, { ...base, budget: 200 })); // no ballot yet: allowed
    const voter = await aCitizenIn(deps);
    unwrap(await castBallot(deps, voter, challenge.id, [{ projectId: projects[0]! }]));
    const locked = await updateChallenge(deps, challenge.id, { ...base, budget: 300 });
    expect(locked.ok ? 'ok' : locked.error.code).toBe('RULES_LOCKED');
    const rule = await updateChallenge(deps, challenge.id, {
      ...base,
      budget: 200,
      ballotRule: { kind: 'approval', min: 1, max: 2 },
    });
    expect(rule.ok ? 'ok' : rule.error.code).toBe('RULES_LOCKED');
    const outcome = await updateChallenge(deps, challenge.id, {
      ...base,
      budget: 200,
      outcomeRule: { method: 'equal-shares', completion: 'add1' },
    });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('RULES_LOCKED');
    const text = unwrap(
      await updateChallenge(deps, challenge.id, { ...base, budget: 200, title: { en: 'Renamed' } }),
    );
    expect(text.title.en).toBe('Renamed');
    expect(code(await updateChallenge(deps, 'ch_nope', base))).toBe('NOT_FOUND');
    expect(code(await forcePhase(deps, 'ch_nope', 'voting', 's'))).toBe('NOT_FOUND');
  });
});

function code<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): string {
  return r.ok ? 'ok' : r.error.code;
}
