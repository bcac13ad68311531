import type { TallyProfile } from '../../../core/tally/profile';
import { Rational } from '../../../core/tally/rational';
import { tieOrder } from '../../../core/tally/tie-break';

/**
 * The Method of Equal Shares written the slow, obvious way (one exact budget per voter, BigInt
 * rationals everywhere, supporters sorted by budget/utility): equalshares.net's algorithm with
 * general utilities and our tie-break. The fast engine must agree with it on every input.
 */
export function referenceMes(p: TallyProfile, totalBudget: bigint): number[] {
  const { weight, groupStart, groupProject, groupUtil } = p.groups;
  // Expand groups back into individual voters.
  const voters: { util: Map<number, number> }[] = [];
  for (let g = 0; g < p.groups.count; g++) {
    const util = new Map<number, number>();
    for (let k = groupStart[g] as number; k < (groupStart[g + 1] as number); k++)
      util.set(groupProject[k] as number, groupUtil[k] as number);
    for (let i = 0; i < (weight[g] as number); i++) voters.push({ util });
  }
  const n = p.voters;
  if (n === 0) return [];
  const budget: Rational[] = Array.from({ length: n }, () => new Rational(totalBudget, BigInt(n)));
  const supporters = p.ids.map((_, c) =>
    voters.map((v, i) => i).filter((i) => (voters[i]?.util.get(c) ?? 0) > 0),
  );
  const remaining = new Set(p.ids.map((_, c) => c).filter((c) => (supporters[c] as number[]).length > 0));
  const selected: number[] = [];
  for (;;) {
    let best: { c: number; rho: Rational } | null = null;
    for (const c of [...remaining]) {
      const sup = supporters[c] as number[];
      const cost = Rational.of(p.cost[c] as number);
      const u = (i: number): number => voters[i]?.util.get(c) as number;
      const money = sup.reduce((s, i) => s.add(budget[i] as Rational), Rational.ZERO);
      if (money.cmp(cost) < 0) {
        remaining.delete(c);
        continue;
      }
      const sorted = [...sup].sort((a, b) =>
        (budget[a] as Rational).divInt(u(a)).cmp((budget[b] as Rational).divInt(u(b))),
      );
      let paid = Rational.ZERO;
      let denom = sup.reduce((s, i) => s + u(i), 0);
      let rho = cost.divInt(denom);
      for (const i of sorted) {
        rho = cost.sub(paid).divInt(denom);
        if (rho.mulInt(u(i)).cmp(budget[i] as Rational) > 0) {
          paid = paid.add(budget[i] as Rational);
          denom -= u(i);
        } else break;
      }
      if (!best || rho.cmp(best.rho) < 0 || (rho.cmp(best.rho) === 0 && tieOrder(p, c, best.c) < 0))
        best = { c, rho };
    }
    if (!best) break;
    const { c, rho } = best;
    for (const i of supporters[c] as number[]) {
      const pay = rho.mulInt(voters[i]?.util.get(c) as number);
      const b = budget[i] as Rational;
      budget[i] = pay.cmp(b) >= 0 ? Rational.ZERO : b.sub(pay);
    }
    selected.push(c);
    remaining.delete(c);
  }
  return selected;
}
