import type { Completion } from '../model/rules';
import { greedyFill, totalCost } from './greedy';
import { equalShares, equalSharesRun } from './mes';
import type { TallyProfile } from './profile';

/** What an MES tally did, for reports and benchmarks. */
export interface MesOutcome {
  selected: number[];
  /** Total voter budget (scaled units) of the MES run whose outcome was kept. */
  voterBudget: bigint;
  /** MES runs performed (1 + add1 rounds). */
  runs: number;
}

/**
 * MES followed by a completion:
 * - `none`: plain MES with each voter owning budget / voters;
 * - `add1`: the equalshares.net / Pabulib variant (see `add1`);
 * - `utilitarian`: MES, then greedy by support with what is left of the budget;
 * - `add1-utilitarian`: add1, then the same greedy fill.
 */
export function equalSharesWith(p: TallyProfile, completion: Completion): MesOutcome {
  const base: MesOutcome =
    completion === 'add1' || completion === 'add1-utilitarian'
      ? add1(p)
      : { selected: equalShares(p, p.budget), voterBudget: p.budget, runs: 1 };
  if (completion === 'utilitarian' || completion === 'add1-utilitarian')
    return { ...base, selected: greedyFill(p, base.selected) };
  return base;
}

/**
 * add1 as on equalshares.net: run MES with the real budget; then, starting from the largest multiple
 * of the voter count not above it (each voter owning a whole currency unit), raise every voter's budget
 * by one unit, rerun MES from scratch, and keep the new outcome while its cost still fits the real
 * budget. Stop when the kept outcome is exhaustive (no unselected project fits in what is left), when
 * an outcome no longer fits, or when every supported project is already selected (more money cannot
 * change anything, which also ends the loop when an unsupported project would fit forever).
 */
export function add1(p: TallyProfile): MesOutcome {
  let state = equalSharesRun(p, p.budget);
  let selected = state.selected;
  let spent = totalCost(p, selected);
  let voterBudget = p.budget;
  const n = BigInt(p.voters);
  const step = n * p.unit;
  let budget = n === 0n ? p.budget : (p.budget / step) * step;
  let runs = 1;
  const supported = p.ids.filter(
    (_, c) => (p.groups.projStart[c + 1] as number) > (p.groups.projStart[c] as number),
  ).length;
  while (n > 0n && !exhaustive(p, selected, spent) && selected.length < supported) {
    budget += step;
    state = equalSharesRun(p, budget, state);
    const next = state.selected;
    runs++;
    const nextSpent = totalCost(p, next);
    if (nextSpent > p.budget) break;
    selected = next;
    spent = nextSpent;
    voterBudget = budget;
  }
  return { selected, voterBudget, runs };
}

function exhaustive(p: TallyProfile, selected: readonly number[], spent: bigint): boolean {
  const taken = new Set(selected);
  return p.cost.every((cost, c) => taken.has(c) || spent + BigInt(cost) > p.budget);
}
