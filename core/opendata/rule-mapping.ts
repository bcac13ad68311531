import type { BallotRule, OutcomeRule } from '../model/rules';
import { tallyOptionsForRule } from '../tally/meta-rule';
import { parseDecimal } from '../tally/decimal';
import type { PbElection, VoteType } from '../tally/pabulib-types';

/** A whole number from META text, or undefined. */
export function metaInt(text: string | undefined): number | undefined {
  const v = parseDecimal(text ?? '');
  return v !== null && Number.isInteger(v) ? v : undefined;
}

/**
 * How citizens filled the ballot, from `vote_type` and its META keys (Pabulib defaults where a key
 * is missing). The domain has no `scoring` ballot: scores are kept as cumulative points, with as many
 * points as the largest total any voter gave, and META keeps `vote_type;scoring` for the way back.
 */
export function ballotRuleFromMeta(e: PbElection): BallotRule {
  const m = e.meta;
  const projects = e.projects.length;
  const budget = parseDecimal(m.budget ?? '');
  const maxSumCost = parseDecimal(m.max_sum_cost ?? '');
  switch (e.voteType) {
    case 'approval':
    case 'choose-1': {
      if (maxSumCost !== null && maxSumCost === budget && budget > 0) {
        const minSumCost = parseDecimal(m.min_sum_cost ?? '');
        return minSumCost !== null && minSumCost > 0
          ? { kind: 'knapsack', minBudgetShare: Math.min(1, minSumCost / budget) }
          : { kind: 'knapsack' };
      }
      const dflt = e.voteType === 'choose-1' ? 1 : projects;
      const min = Math.max(0, metaInt(m.min_length) ?? 1);
      const max = Math.max(1, min, metaInt(m.max_length) ?? dflt);
      return { kind: 'approval', min, max };
    }
    case 'ordinal':
      return { kind: 'ranked', maxRanks: Math.max(1, metaInt(m.max_length) ?? projects) };
    case 'cumulative':
    case 'scoring': {
      const given = Math.max(
        1,
        ...e.votes.map((v) => Math.ceil((v.points ?? []).reduce((s, x) => s + Math.abs(x), 0))),
      );
      const declared = e.voteType === 'cumulative' ? metaInt(m.max_sum_points) : undefined;
      const points = Math.max(1, declared ?? given);
      const maxPoints = e.voteType === 'cumulative' ? metaInt(m.max_points) : undefined;
      return maxPoints !== undefined && maxPoints >= 1
        ? { kind: 'cumulative', points, maxPerProject: maxPoints }
        : { kind: 'cumulative', points };
    }
  }
}

/** The Pabulib `vote_type` that carries a ballot rule. */
export function voteTypeOf(rule: BallotRule): VoteType {
  switch (rule.kind) {
    case 'knapsack':
    case 'approval':
      return 'approval';
    case 'ranked':
      return 'ordinal';
    case 'cumulative':
      return 'cumulative';
  }
}

/**
 * Whether a raw `vote_type` describes ballots of this rule: `choose-1` is an approval of exactly one
 * project, `scoring` is kept as points.
 */
export function voteTypeAgrees(raw: string, rule: BallotRule): boolean {
  if (raw === 'choose-1') return rule.kind === 'approval' && rule.max === 1;
  return (raw === 'scoring' ? 'cumulative' : raw) === voteTypeOf(rule);
}

/**
 * META keys a ballot rule decides, with the value it implies and the Pabulib default (a key whose
 * value is the default is left out rather than added to a file that did not have it).
 */
export function ballotRuleKeys(
  rule: BallotRule,
  voteType: string,
  projects: number,
  budget: number,
): { key: string; value: number; dflt?: number }[] {
  switch (rule.kind) {
    case 'knapsack':
      return [
        { key: 'min_sum_cost', value: (rule.minBudgetShare ?? 0) * budget, dflt: 0 },
        { key: 'max_sum_cost', value: budget },
      ];
    case 'approval':
      return [
        { key: 'min_length', value: rule.min, dflt: 1 },
        { key: 'max_length', value: rule.max, dflt: voteType === 'choose-1' ? 1 : projects },
      ];
    case 'ranked':
      return [{ key: 'max_length', value: rule.maxRanks, dflt: projects }];
    case 'cumulative':
      if (voteType === 'scoring') return [];
      return [
        ...(rule.maxPerProject !== undefined ? [{ key: 'max_points', value: rule.maxPerProject }] : []),
        { key: 'max_sum_points', value: rule.points },
      ];
  }
}

/**
 * The outcome rule a META `rule` names. Rules we do not implement (`unknown`, threshold variants)
 * fall back to greedy, the rule almost every city uses; META keeps the original text.
 */
export function outcomeRuleFromMeta(rule: string | undefined): OutcomeRule {
  const t = tallyOptionsForRule(rule);
  if (!t || t.rule !== 'equal-shares') return { method: 'greedy' };
  return { method: 'equal-shares', completion: t.completion ?? 'none' };
}

export function metaRuleOf(rule: OutcomeRule): string {
  if (rule.method === 'greedy') return 'greedy';
  return rule.completion === 'none' ? 'equalshares' : `equalshares/${rule.completion}`;
}

export function ruleAgrees(raw: string, rule: OutcomeRule): boolean {
  const r = outcomeRuleFromMeta(raw);
  return (
    r.method === rule.method &&
    (r.method === 'greedy' || (rule.method === 'equal-shares' && r.completion === rule.completion))
  );
}
