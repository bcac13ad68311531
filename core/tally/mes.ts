import type { ExactEval } from './mes-exact';
import { exactEval } from './mes-exact';
import type { FloatEval } from './mes-float';
import { floatEval } from './mes-float';
import { EPS, MesState } from './mes-state';
import type { TallyProfile } from './profile';
import type { Rational } from './rational';
import { tieOrder } from './tie-break';

interface Candidate {
  c: number;
  lo: number;
  hi: number;
  float: Extract<FloatEval, { kind: 'ok' }> | null;
  exact: ExactEval | null;
}

/**
 * Method of Equal Shares with a fixed total budget (each voter owns total / voters). Each round
 * selects the project whose supporters can pay for it at the lowest price per unit of utility rho
 * (utility = cost for approval ballots, points or positional score otherwise), charging each supporter
 * min(budget, rho x utility). Exact: float results are used only when their proven error interval
 * decides; overlaps (including true ties) are settled with BigInt rationals, then by `tieOrder`.
 * Returns project indices in selection order.
 */
export function equalShares(p: TallyProfile, totalBudget: bigint, reuse?: MesState): number[] {
  return equalSharesRun(p, totalBudget, reuse).selected;
}

/** `equalShares`, returning the run's state so the next run can recycle its arrays. */
export function equalSharesRun(p: TallyProfile, totalBudget: bigint, reuse?: MesState): MesState {
  const s = new MesState(p, totalBudget, reuse);
  if (p.voters === 0) return s;
  const { projStart } = p.groups;
  // rho of a project only grows as budgets shrink, so the last lower bound stays valid: projects
  // whose bound is already worse than the best price found this round need no re-evaluation.
  const lowerBound = new Float64Array(p.ids.length);
  let remaining = p.ids
    .map((_, c) => c)
    .filter((c) => (projStart[c + 1] as number) > (projStart[c] as number));
  while (remaining.length > 0) {
    remaining.sort((a, b) => (lowerBound[a] as number) - (lowerBound[b] as number));
    const evaluated: Candidate[] = [];
    const dropped = new Set<number>();
    let bestHi = Infinity;
    for (const c of remaining) {
      if ((lowerBound[c] as number) > bestHi) break;
      const cand = evaluate(s, c, lowerBound[c] as number);
      if (!cand) {
        dropped.add(c); // budgets only shrink: unaffordable now means unaffordable for the rest of the run
        continue;
      }
      lowerBound[c] = cand.lo;
      evaluated.push(cand);
      bestHi = Math.min(bestHi, cand.hi);
    }
    if (evaluated.length === 0) break;
    const winner = pickWinner(
      s,
      evaluated.filter((x) => x.lo <= bestHi),
    );
    charge(s, winner);
    remaining = remaining.filter((c) => c !== winner.c && !dropped.has(c));
  }
  return s;
}

function evaluate(s: MesState, c: number, lowerBound: number): Candidate | null {
  const ev = floatEval(s, c, lowerBound);
  if (ev.kind === 'unaffordable') return null;
  if (ev.kind === 'ok') return { c, lo: ev.lo, hi: ev.hi, float: ev, exact: null };
  const exact = exactEval(s, c, ev.hint);
  return exact ? fromExact(c, exact) : null;
}

function fromExact(c: number, exact: ExactEval): Candidate {
  const r = exact.rho.toNumber();
  return { c, lo: r - 4 * EPS * r, hi: r + 4 * EPS * r, float: null, exact };
}

/** One contender wins outright; several overlapping intervals are compared exactly. */
function pickWinner(s: MesState, contenders: Candidate[]): Candidate {
  if (contenders.length === 1) return contenders[0] as Candidate;
  let best: { cand: Candidate; rho: Rational } | null = null;
  for (const cand of contenders) {
    const exact = cand.exact ?? exactEval(s, cand.c, cand.float?.r ?? null);
    if (!exact) throw new Error(`MES: project ${cand.c} became unaffordable in exact arithmetic`);
    cand.exact = exact;
    const order = best ? exact.rho.cmp(best.rho) || tieOrder(s.p, cand.c, best.cand.c) : -1;
    if (order < 0) best = { cand, rho: exact.rho };
  }
  return (best as { cand: Candidate }).cand;
}

/** Charges the supporters of the winner and records what exact recomputation will need. */
function charge(s: MesState, w: Candidate): void {
  const { weight, projStart, projGroup, projUtil, coSupported } = s.p.groups;
  const c = w.c;
  if (!w.exact && w.float?.ambiguous) w.exact = exactEval(s, c, w.float.r);
  let r: number;
  let delta: number;
  const saturated: number[] = [];
  let unsaturatedUtility = 0;
  if (w.exact) {
    r = w.exact.rho.toNumber();
    delta = 4 * EPS * r;
    for (const g of w.exact.saturated) s.exhaust(g);
    saturated.push(...w.exact.saturated);
    unsaturatedUtility = w.exact.unsaturatedUtility;
  } else {
    const fl = w.float as Extract<FloatEval, { kind: 'ok' }>;
    r = fl.r;
    delta = Math.max(fl.hi - r, r - fl.lo);
  }
  const fe = s.fe;
  for (let j = projStart[c] as number; j < (projStart[c + 1] as number); j++) {
    const g = projGroup[j] as number;
    if (s.zero[g]) continue;
    const u = projUtil[j] as number;
    const pay = r * u;
    const fg = fe[2 * g] as number;
    if (!w.exact && fg < pay) {
      // Certain (not ambiguous): this group cannot afford its share and pays all it has.
      s.exhaust(g);
      saturated.push(g);
      continue;
    }
    if (!w.exact) unsaturatedUtility += (weight[g] as number) * u;
    fe[2 * g] = fg - pay;
    // The share is off by at most delta x utility, plus rounding of the product and the difference.
    fe[2 * g + 1] = (fe[2 * g + 1] as number) + delta * u + 4 * EPS * (fg + pay);
  }
  for (const other of coSupported[c] as Int32Array) s.touched[other] = 1;
  s.rank[c] = s.selected.length;
  s.selected.push(c);
  s.selections[c] = {
    saturated: Int32Array.from(saturated),
    unsaturatedUtility,
    ...(w.exact ? { rho: w.exact.rho } : {}),
  };
}
