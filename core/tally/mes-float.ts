import type { MesState } from './mes-state';
import { EPS } from './mes-state';

/**
 * Relative window inside which a float result is not trusted. Budget errors stay near 1e-13 of a
 * voter's budget (a few ulps per payment), so 1e-9 leaves a wide margin; anything closer goes exact.
 */
export const WINDOW = 1e-9;

export type FloatEval =
  | { kind: 'unaffordable' }
  /** The float path cannot certify the result; `hint` is its best estimate of rho, if any. */
  | { kind: 'uncertain'; hint: number | null }
  /**
   * rho is certainly in [lo, hi]. `ambiguous` is true when some supporter's budget is so close to
   * its share that whether it pays all it has cannot be decided in floats.
   */
  | { kind: 'ok'; r: number; lo: number; hi: number; ambiguous: boolean };

/**
 * Price per unit of utility (rho) at which the supporters of `c` can pay its cost: the least rho with
 * sum over supporters of min(budget, rho x utility) = cost. `lowerBound` must not exceed it (the
 * previous round's value does: budgets only shrink, so rho only grows).
 *
 * One pass gathers the supporters' budgets into a contiguous scratch array (the only pass with random
 * memory access); a fixed-point iteration from below then runs over the scratch: each step moves into
 * the "pays all" set those who cannot afford the current rho, which only raises rho, until the set
 * stops growing. The last step also proves an error bound, so the result is certain or flagged.
 */
export function floatEval(s: MesState, c: number, lowerBound = 0): FloatEval {
  const cost = s.p.cost[c] as number;
  if (cost === 0) return { kind: 'ok', r: 0, lo: 0, hi: 0, ambiguous: false };
  if (!s.touched[c]) {
    const quick = untouched(s, c, cost);
    if (quick) return quick;
  }
  // Any lower bound of rho works as a start; cost / total utility is one, the previous rho a better one.
  let r = Math.max(cost / (s.p.groups.projTotalUtility[c] as number), lowerBound);
  const st = gather(s, c, r);
  const errMoney = st.moneyErr + 4 * (st.n + 2) * EPS * (st.money + cost);
  const slack = st.money - cost;
  if (slack < -errMoney) return { kind: 'unaffordable' };
  if (slack <= errMoney) return { kind: 'uncertain', hint: null };
  // Fixed point from below: classify at r, solve for r2 with that pay-all set, repeat at r2 until
  // the set stops growing. The set found at a lower bound is part of the true one, so r2 is also one.
  let prevCount = -1;
  for (let pass = 0; pass < 64; pass++) {
    if (st.uU === 0) return { kind: 'uncertain', hint: r };
    const r2 = (cost - st.sB) / st.uU;
    if (st.count === prevCount || (pass === 0 && !(r2 > r))) return certify(st, cost, r, r2);
    prevCount = st.count;
    r = Math.max(r, r2);
    sweep(s, c, r, st);
  }
  return { kind: 'uncertain', hint: r };
}

/** Nobody among the supporters has paid yet: all hold the initial budget, so no pass is needed. */
function untouched(s: MesState, c: number, cost: number): FloatEval | null {
  const g = s.p.groups;
  const b0 = s.budgetPerVoterFloat;
  const e0 = s.initialErr;
  const r = cost / (g.projTotalUtility[c] as number);
  // Everyone affords the equal share: rho = cost / total utility, one correctly rounded division.
  if (b0 - e0 > r * (g.projMaxUtility[c] as number) * (1 + WINDOW)) {
    const d = 2 * EPS * r;
    return { kind: 'ok', r, lo: r - d, hi: r + d, ambiguous: false };
  }
  return null;
}

/** Sums over the supporters of one project, classified at one price r. */
interface Sweep {
  n: number;
  money: number;
  moneyErr: number;
  /** Pay-all set: how many, their money, their error. */
  count: number;
  sB: number;
  errS: number;
  /** Weight x utility of those paying the share. */
  uU: number;
  /** Weight x utility of those who certainly afford r (1 + WINDOW). */
  mTight: number;
  /** Budgets too close to their share to classify in floats. */
  ambiguous: boolean;
  errAmbiguous: number;
}

/**
 * The one pass with random memory access: copies budget and error of every supporter side by side
 * into the scratch (utility and weight are read in order from the project's own arrays) and
 * classifies them at r in the same go. Exhausted groups come along as [0, 0]: they pay all, i.e. nothing.
 */
function gather(s: MesState, c: number, r: number): Sweep {
  const { projStart, projGroup, projUtil, projWeight, projUniformUtility } = s.p.groups;
  const from = projStart[c] as number;
  const to = projStart[c + 1] as number;
  const fe = s.fe;
  const sfe = s.scratch;
  // Approval ballots give every supporter the same utility: skip reading it per entry.
  const uniform = projUniformUtility[c] as number;
  let money = 0;
  let moneyErr = 0;
  let count = 0;
  let sB = 0;
  let errS = 0;
  let uU = 0;
  let mTight = 0;
  let errAmbiguous = 0;
  let ambiguous = false;
  const rTight = r * (1 + WINDOW);
  for (let j = from, i = 0; j < to; j++, i += 2) {
    const g2 = 2 * (projGroup[j] as number);
    const fg = fe[g2] as number;
    const eg = fe[g2 + 1] as number;
    sfe[i] = fg;
    sfe[i + 1] = eg;
    const w = projWeight[j] as number;
    const u = uniform || (projUtil[j] as number);
    money += w * fg;
    moneyErr += w * eg;
    const ru = r * u;
    if (fg < ru) {
      count++;
      sB += w * fg;
      errS += w * eg;
    } else uU += w * u;
    if (fg - eg > rTight * u) mTight += w * u;
    else if (Math.abs(fg - ru) <= eg + WINDOW * ru + 4 * EPS * (fg + ru)) {
      ambiguous = true;
      errAmbiguous += w * eg;
    }
  }
  return { n: to - from, money, moneyErr, count, sB, errS, uU, mTight, ambiguous, errAmbiguous };
}

/** Reclassifies the gathered supporters at a new price r (sequential memory only). */
function sweep(s: MesState, c: number, r: number, st: Sweep): void {
  const { projStart, projUtil, projWeight, projUniformUtility } = s.p.groups;
  const from = projStart[c] as number;
  const to = projStart[c + 1] as number;
  const sfe = s.scratch;
  const uniform = projUniformUtility[c] as number;
  let count = 0;
  let sB = 0;
  let errS = 0;
  let uU = 0;
  let mTight = 0;
  let errAmbiguous = 0;
  let ambiguous = false;
  const rTight = r * (1 + WINDOW);
  for (let j = from, i = 0; j < to; j++, i += 2) {
    const fg = sfe[i] as number;
    const eg = sfe[i + 1] as number;
    const w = projWeight[j] as number;
    const u = uniform || (projUtil[j] as number);
    const ru = r * u;
    if (fg < ru) {
      count++;
      sB += w * fg;
      errS += w * eg;
    } else uU += w * u;
    if (fg - eg > rTight * u) mTight += w * u;
    else if (Math.abs(fg - ru) <= eg + WINDOW * ru + 4 * EPS * (fg + ru)) {
      ambiguous = true;
      errAmbiguous += w * eg;
    }
  }
  st.count = count;
  st.sB = sB;
  st.errS = errS;
  st.uU = uU;
  st.mTight = mTight;
  st.ambiguous = ambiguous;
  st.errAmbiguous = errAmbiguous;
}

/**
 * Proves how far r2 can be from the exact rho, using the sums of the pass that classified at r.
 * For the exact F(rho) = sum of min(budget, rho x utility), |F(r2) - cost| <= E (errors of those
 * paying all, of the undecided, and rounding), and F rises by at least mTight per unit of rho on
 * [r2 - WINDOW r2, r2 + WINDOW r2], so the exact rho is within E / mTight of r2.
 */
function certify(st: Sweep, cost: number, r: number, r2: number): FloatEval {
  const E = st.errS + st.errAmbiguous + 4 * (st.count + 4) * EPS * (cost + st.sB) + 4 * EPS * r2 * st.uU;
  if (st.mTight === 0) return { kind: 'uncertain', hint: r2 };
  const delta = E / st.mTight + Math.abs(r2 - r) + 4 * EPS * r2;
  if (delta > WINDOW * r2) return { kind: 'uncertain', hint: r2 };
  return { kind: 'ok', r: r2, lo: r2 - delta, hi: r2 + delta, ambiguous: st.ambiguous };
}
