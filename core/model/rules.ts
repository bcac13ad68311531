/** How a citizen fills a ballot. */
export type BallotRule =
  /** Approve any projects whose total cost fits the budget; optionally spend at least a share of it. */
  | { kind: 'knapsack'; minBudgetShare?: number }
  /** Approve between `min` and `max` projects. */
  | { kind: 'approval'; min: number; max: number }
  /** Rank up to `maxRanks` projects, best first. */
  | { kind: 'ranked'; maxRanks: number }
  /** Distribute up to `points` points, at most `maxPerProject` on one project. */
  | { kind: 'cumulative'; points: number; maxPerProject?: number };

export type BallotKind = BallotRule['kind'];

export const COMPLETIONS = ['none', 'add1', 'add1-utilitarian', 'utilitarian'] as const;
export type Completion = (typeof COMPLETIONS)[number];

/** How the winners are computed from the ballots. */
export type OutcomeRule = { method: 'greedy' } | { method: 'equal-shares'; completion: Completion };

/** Returns a sentence naming what is wrong with a rule, or null when it is coherent. */
export function ruleProblem(rule: BallotRule): string | null {
  switch (rule.kind) {
    case 'knapsack':
      if (rule.minBudgetShare !== undefined && !(rule.minBudgetShare >= 0 && rule.minBudgetShare <= 1))
        return 'minBudgetShare must be between 0 and 1';
      return null;
    case 'approval':
      if (!Number.isInteger(rule.min) || !Number.isInteger(rule.max) || rule.min < 0 || rule.max < 1)
        return 'min and max must be whole numbers, max at least 1';
      return rule.min > rule.max ? 'min must not exceed max' : null;
    case 'ranked':
      return Number.isInteger(rule.maxRanks) && rule.maxRanks >= 1 ? null : 'maxRanks must be at least 1';
    case 'cumulative':
      if (!Number.isInteger(rule.points) || rule.points < 1) return 'points must be a whole number >= 1';
      if (
        rule.maxPerProject !== undefined &&
        (!Number.isInteger(rule.maxPerProject) || rule.maxPerProject < 1)
      )
        return 'maxPerProject must be a whole number >= 1';
      return null;
  }
}
