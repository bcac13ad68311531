import type { TallyProfile } from './profile';
import { Rational } from './rational';

/** What a selection left behind, enough to recompute its exact price per utility later if needed. */
export interface Selection {
  /** Groups that paid their whole remaining budget (not counting groups already at 0). */
  saturated: Int32Array;
  /** Sum of weight x utility of the groups that paid the equal share: the denominator of rho. */
  unsaturatedUtility: number;
  /** Exact rho, once known (computed lazily: most selections never need it). */
  rho?: Rational;
}

export const EPS = 2 ** -52;

/**
 * The state of one MES run at a fixed total budget. Budgets are doubles for speed, each with a
 * proven bound on its error; the exact value of any budget can be rebuilt from the exact rho of the
 * projects the group paid for, so the float path never has to be trusted blindly.
 */
export class MesState {
  readonly budgetPerVoter: Rational;
  /** The same as a double. */
  readonly budgetPerVoterFloat: number;
  /** Initial error bound of every budget (the rounding of budget / voters). */
  readonly initialErr: number;
  /**
   * Interleaved per group: fe[2g] = float budget per voter, fe[2g+1] = upper bound on its error. One
   * array so the hot loop touches one cache line per group. The error is kept per group because a
   * payment moves the error of those who pay all they have onto the others' shares: the total error
   * is conserved instead of compounding, as a single global bound would.
   * A group that paid everything has fe = [0, 0] and behaves as "pays all" with nothing to give.
   */
  readonly fe: Float64Array;
  /** 1 once a group has paid its whole budget: its exact budget is then 0. */
  readonly zero: Uint8Array;
  /** Reusable work space for one evaluation: budget and error of each supporter, interleaved. */
  readonly scratch: Float64Array;
  /** Per project: 1 once some supporter has paid for something (its supporters' budgets differ). */
  readonly touched: Uint8Array;
  /** Selection rank of each project, -1 while unselected. */
  readonly rank: Int32Array;
  readonly selections: (Selection | undefined)[];
  readonly selected: number[] = [];

  /**
   * Starts a run. Pass the state of a previous run on the same profile as `reuse` to recycle its
   * arrays: add1 runs MES hundreds of times, and fresh megabyte-sized arrays each time mostly feed
   * the garbage collector.
   */
  constructor(
    readonly p: TallyProfile,
    totalBudget: bigint,
    reuse?: MesState,
  ) {
    const G = p.groups.count;
    const P = p.ids.length;
    // Without voters there are no groups to fund anything; avoid dividing by zero.
    this.budgetPerVoter = new Rational(totalBudget, BigInt(Math.max(1, p.voters)));
    const b0 = this.budgetPerVoter.toNumber();
    this.budgetPerVoterFloat = b0;
    // Never exactly 0: an error of exactly 0 marks an exhausted group.
    this.initialErr = Math.max(4 * EPS * b0, Number.MIN_VALUE);
    const recycle = reuse && reuse.p === p ? reuse : undefined;
    this.fe = recycle?.fe ?? new Float64Array(2 * G);
    for (let g = 0; g < G; g++) {
      this.fe[2 * g] = b0;
      this.fe[2 * g + 1] = this.initialErr;
    }
    this.zero = recycle?.zero.fill(0) ?? new Uint8Array(G);
    this.touched = recycle?.touched.fill(0) ?? new Uint8Array(P);
    this.rank = recycle?.rank.fill(-1) ?? new Int32Array(P).fill(-1);
    let most = 0;
    for (let c = 0; c < P; c++)
      most = Math.max(most, (p.groups.projStart[c + 1] as number) - (p.groups.projStart[c] as number));
    this.scratch = recycle?.scratch ?? new Float64Array(2 * most);
    this.selections = new Array<Selection | undefined>(P);
  }

  budget(g: number): number {
    return this.fe[2 * g] as number;
  }

  error(g: number): number {
    return this.fe[2 * g + 1] as number;
  }

  /** Marks a group as having paid all it had (budget and error exactly 0). */
  exhaust(g: number): void {
    this.zero[g] = 1;
    this.fe[2 * g] = 0;
    this.fe[2 * g + 1] = 0;
  }

  /** Exact rho of a selected project (memoised). */
  rhoOf(c: number): Rational {
    const s = this.selections[c];
    if (!s) throw new Error(`project ${c} is not selected`);
    if (!s.rho) {
      const paid = this.sumBudgets(s.saturated, this.rank[c] as number);
      s.rho = Rational.of(this.p.cost[c] as number)
        .sub(paid)
        .divInt(s.unsaturatedUtility);
    }
    return s.rho;
  }

  /**
   * Exact total budget (weight x per-voter budget) of non-zeroed groups, counting only payments for
   * projects selected before rank `before`. Sums integer coefficients per project first, so the
   * BigInt work is one multiplication per selected project, not one per group.
   */
  sumBudgets(groups: ArrayLike<number>, before = Infinity): Rational {
    const { weight, groupStart, groupProject, groupUtil } = this.p.groups;
    const coef = new Map<number, number>();
    let w = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as number;
      const wg = weight[g] as number;
      w += wg;
      for (let k = groupStart[g] as number; k < (groupStart[g + 1] as number); k++) {
        const c = groupProject[k] as number;
        const r = this.rank[c] as number;
        if (r >= 0 && r < before) coef.set(c, (coef.get(c) ?? 0) + wg * (groupUtil[k] as number));
      }
    }
    let total = this.budgetPerVoter.mulInt(w);
    for (const [c, k] of coef) total = total.sub(this.rhoOf(c).mulInt(k));
    return total;
  }

  /** Exact current per-voter budget of a group. */
  budgetOf(g: number): Rational {
    if (this.zero[g]) return Rational.ZERO;
    return this.sumBudgets([g]).divInt(this.p.groups.weight[g] as number);
  }
}
