import type { Completion } from '../model/rules';
import { equalSharesWith } from './completion';
import { greedy, totalCost } from './greedy';
import type { PbElection } from './pabulib-types';
import type { TallyProfile } from './profile';
import { buildProfile } from './profile';

export type TallyRule = 'greedy' | 'greedy-no-skip' | 'equal-shares';

export interface TallyOptions {
  rule: TallyRule;
  /** MES completion; ignored by the greedy rules. Default `none`. */
  completion?: Completion;
}

export interface TallyResult {
  /** Project ids in selection order. */
  selected: string[];
  totalCost: number;
  budget: number;
}

/**
 * Computes the winners of an election. Pass a prepared `profile` when tallying the same election
 * several times (it groups the ballots once).
 */
export function tally(election: PbElection, opts: TallyOptions, profile?: TallyProfile): TallyResult {
  const p = profile ?? buildProfile(election);
  const chosen =
    opts.rule === 'equal-shares'
      ? equalSharesWith(p, opts.completion ?? 'none').selected
      : greedy(p, opts.rule === 'greedy-no-skip');
  return {
    selected: chosen.map((c) => p.ids[c] as string),
    totalCost: toMoney(totalCost(p, chosen), p.unit),
    budget: toMoney(p.budget, p.unit),
  };
}

const toMoney = (scaled: bigint, unit: bigint): number => Number(scaled) / Number(unit);
