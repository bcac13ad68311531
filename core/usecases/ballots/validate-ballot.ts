import type { BallotChoice } from '../../model/ballot';
import type { Challenge } from '../../model/challenge';
import type { Proposal } from '../../model/proposal';
import { ON_BALLOT } from '../../model/proposal';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';

/**
 * Checks a ballot against the challenge's rule and the projects on offer. Pure: the ballot builder of the
 * bots calls it on every step to explain what is wrong before the citizen submits.
 * Returns the normalised choices (points only where the rule uses them).
 */
export function validateBallot(
  challenge: Pick<Challenge, 'ballotRule' | 'budget'>,
  projects: readonly Proposal[],
  choices: readonly BallotChoice[],
): Result<BallotChoice[]> {
  if (choices.length === 0) return fail('EMPTY_BALLOT', 'choose at least one project');
  const byId = new Map(projects.map((p) => [p.id, p]));
  const seen = new Set<string>();
  let cost = 0;
  for (const c of choices) {
    const p = byId.get(c.projectId);
    if (!p)
      return fail('UNKNOWN_PROJECT', 'a chosen project is not part of this challenge', {
        projectId: c.projectId,
      });
    if (!ON_BALLOT.includes(p.status))
      return fail('PROJECT_NOT_ON_BALLOT', 'a chosen project is not on the ballot', {
        projectId: c.projectId,
      });
    if (seen.has(c.projectId))
      return fail('DUPLICATE_CHOICE', 'a project is chosen twice', { projectId: c.projectId });
    seen.add(c.projectId);
    cost += p.cost;
  }
  const rule = challenge.ballotRule;
  const n = choices.length;
  switch (rule.kind) {
    case 'knapsack': {
      if (cost > challenge.budget)
        return fail('OVER_BUDGET', 'the chosen projects cost more than the budget', {
          total: cost,
          budget: challenge.budget,
        });
      const min = (rule.minBudgetShare ?? 0) * challenge.budget;
      if (cost < min)
        return fail('UNDER_MINIMUM_BUDGET', 'choose projects for a larger part of the budget', {
          total: cost,
          minimum: min,
        });
      return ok(choices.map((c) => ({ projectId: c.projectId })));
    }
    case 'approval':
      if (n < rule.min)
        return fail('TOO_FEW_PROJECTS', `choose at least ${rule.min} projects`, { min: rule.min, chosen: n });
      if (n > rule.max)
        return fail('TOO_MANY_PROJECTS', `choose at most ${rule.max} projects`, { max: rule.max, chosen: n });
      return ok(choices.map((c) => ({ projectId: c.projectId })));
    case 'ranked':
      if (n > rule.maxRanks)
        return fail('TOO_MANY_PROJECTS', `rank at most ${rule.maxRanks} projects`, {
          max: rule.maxRanks,
          chosen: n,
        });
      return ok(choices.map((c) => ({ projectId: c.projectId })));
    case 'cumulative': {
      let total = 0;
      for (const c of choices) {
        const pts = c.points;
        if (pts === undefined || !Number.isInteger(pts) || pts < 1)
          return fail('INVALID_POINTS', 'give each chosen project a whole number of points', {
            projectId: c.projectId,
          });
        if (rule.maxPerProject !== undefined && pts > rule.maxPerProject)
          return fail('INVALID_POINTS', `at most ${rule.maxPerProject} points per project`, {
            max: rule.maxPerProject,
          });
        total += pts;
      }
      if (total > rule.points)
        return fail('POINTS_EXCEEDED', `you have ${rule.points} points to give`, {
          total,
          points: rule.points,
        });
      return ok(choices.map((c) => ({ projectId: c.projectId, points: c.points as number })));
    }
  }
}
