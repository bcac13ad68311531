import type { MesState } from './mes-state';
import { Rational } from './rational';

/** Exact price per utility of a project and who pays all they have at that price. */
export interface ExactEval {
  rho: Rational;
  saturated: number[];
  unsaturatedUtility: number;
}

/** Groups whose float budget is this close (relative) to their share are decided in exact arithmetic. */
const NEAR = 1e-6;

/**
 * Exact MES evaluation of project `c`, or null when its supporters cannot afford it. `hint` (a float
 * estimate of rho) lets us decide most supporters in floats with a wide safety margin and sort only
 * the few near the threshold by their exact budget/utility ratio; if the exact answer lands away
 * from the hint, everything is redone exactly.
 */
export function exactEval(s: MesState, c: number, hint: number | null): ExactEval | null {
  const { projStart, projGroup, projUtil } = s.p.groups;
  const cost = Rational.of(s.p.cost[c] as number);
  const members: number[] = [];
  for (let j = projStart[c] as number; j < (projStart[c + 1] as number); j++)
    if (!s.zero[projGroup[j] as number]) members.push(j);
  const groupsOf = (js: number[]): number[] => js.map((j) => projGroup[j] as number);

  if (cost.isZero()) return { rho: Rational.ZERO, saturated: [], unsaturatedUtility: utility(s, members) };
  const money = s.sumBudgets(groupsOf(members));
  const afford = money.cmp(cost);
  if (afford < 0) return null;
  if (afford === 0) {
    // Exactly affordable: everyone pays all they have; rho is the largest budget/utility ratio.
    let rho = Rational.ZERO;
    for (const j of members) {
      const ratio = s.budgetOf(projGroup[j] as number).divInt(projUtil[j] as number);
      if (ratio.cmp(rho) > 0) rho = ratio;
    }
    return { rho, saturated: groupsOf(members), unsaturatedUtility: 0 };
  }

  const r = hint ?? estimate(s, c, members);
  if (r !== null && r > 0) {
    const near: number[] = [];
    const below: number[] = [];
    for (const j of members) {
      const g = projGroup[j] as number;
      const fg = s.budget(g);
      const ru = r * (projUtil[j] as number);
      if (Math.abs(fg - ru) <= NEAR * Math.max(fg, ru) + 1e3 * s.error(g)) near.push(j);
      else if (fg < ru) below.push(j);
    }
    const res = solve(s, c, cost, members, below, near);
    const got = res.rho.toNumber();
    if (Math.abs(got - r) <= 0.1 * NEAR * r) return res;
  }
  return solve(s, c, cost, members, [], members);
}

/**
 * Prefix algorithm on exact ratios: `below` certainly pay all, the others outside `near` certainly pay
 * the equal share; the `near` ones are sorted by budget/utility and saturated in order while the price
 * reaches their ratio.
 */
function solve(
  s: MesState,
  c: number,
  cost: Rational,
  members: number[],
  below: number[],
  near: number[],
): ExactEval {
  const { weight, projGroup, projUtil } = s.p.groups;
  const belowGroups = below.map((j) => projGroup[j] as number);
  let paid = s.sumBudgets(belowGroups);
  let uU = utility(s, members) - utility(s, below);
  const ranked = near
    .map((j) => {
      const g = projGroup[j] as number;
      const b = s.budgetOf(g);
      return { j, g, b, ratio: b.divInt(projUtil[j] as number) };
    })
    .sort((x, y) => x.ratio.cmp(y.ratio));
  const saturated = [...belowGroups];
  let rho = cost.sub(paid).divInt(uU);
  for (const x of ranked) {
    if (rho.cmp(x.ratio) < 0) break;
    const wu = (weight[x.g] as number) * (projUtil[x.j] as number);
    // Money strictly exceeds the cost, so someone always pays less than all they have.
    if (uU - wu <= 0) throw new Error(`MES: inconsistent exact evaluation of project ${c}`);
    paid = paid.add(x.b.mulInt(weight[x.g] as number));
    uU -= wu;
    saturated.push(x.g);
    rho = cost.sub(paid).divInt(uU);
  }
  return { rho, saturated, unsaturatedUtility: uU };
}

function utility(s: MesState, js: number[]): number {
  const { weight, projGroup, projUtil } = s.p.groups;
  let u = 0;
  for (const j of js) u += (weight[projGroup[j] as number] as number) * (projUtil[j] as number);
  return u;
}

/** Plain float fixed-point estimate of rho (no error bound), or null. */
function estimate(s: MesState, c: number, members: number[]): number | null {
  const { weight, projGroup, projUtil } = s.p.groups;
  const cost = s.p.cost[c] as number;
  let r = cost / utility(s, members);
  for (let pass = 0; pass < 64 && Number.isFinite(r); pass++) {
    let sB = 0;
    let uU = 0;
    for (const j of members) {
      const g = projGroup[j] as number;
      const w = weight[g] as number;
      const u = projUtil[j] as number;
      const fg = s.budget(g);
      if (fg < r * u) sB += w * fg;
      else uU += w * u;
    }
    const r2 = (cost - sB) / uU;
    if (!(r2 > r)) return r;
    r = r2;
  }
  return Number.isFinite(r) ? r : null;
}
