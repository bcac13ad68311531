import type { TallyProfile } from './profile';

/**
 * The tie-break DESIGN.md fixes: among equally good projects, fewer votes loses, then the larger
 * project id (compared as a string, by UTF-16 code units, so `"11"` comes before `"2"`) loses.
 * Negative when `a` wins. None of the shared Pabulib files depends on the id step for its outcome
 * (see the tally tests), so we keep the plain ascending order the design states.
 */
export function tieOrder(p: TallyProfile, a: number, b: number): number {
  const va = p.votes[a] as number;
  const vb = p.votes[b] as number;
  if (va !== vb) return vb - va;
  const ia = p.ids[a] as string;
  const ib = p.ids[b] as string;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Projects by greedy priority: more support first, then the tie-break. */
export function greedyOrder(p: TallyProfile): number[] {
  return p.ids
    .map((_, i) => i)
    .sort((a, b) => (p.support[b] as number) - (p.support[a] as number) || tieOrder(p, a, b));
}
