import type { TallyProfile } from './profile';
import { greedyOrder } from './tie-break';

/**
 * Greedy by support: take projects in `greedyOrder`, skipping any that no longer fits. With
 * `noSkip` (Wrocław's `greedy-no-skip`) stop at the first project that does not fit instead.
 * Projects nobody supports are never funded. Returns project indices in selection order.
 */
export function greedy(p: TallyProfile, noSkip = false): number[] {
  return greedyFill(p, [], noSkip);
}

/**
 * Adds projects to `already` in greedy order while they fit the budget: greedy itself from an empty
 * start, and the utilitarian completion after MES. Money is summed in BigInt: exact at any size.
 */
export function greedyFill(p: TallyProfile, already: readonly number[], noSkip = false): number[] {
  const chosen = [...already];
  const taken = new Set(already);
  let spent = totalCost(p, already);
  for (const c of greedyOrder(p)) {
    if (taken.has(c) || (p.support[c] as number) <= 0) continue;
    const cost = BigInt(p.cost[c] as number);
    if (spent + cost <= p.budget) {
      chosen.push(c);
      taken.add(c);
      spent += cost;
    } else if (noSkip) break;
  }
  return chosen;
}

/** Scaled total cost of a set of project indices. */
export function totalCost(p: TallyProfile, projects: readonly number[]): bigint {
  let s = 0n;
  for (const c of projects) s += BigInt(p.cost[c] as number);
  return s;
}
