import type { TallyOptions } from './tally';

/**
 * The tally a Pabulib META `rule` names, or null when we do not implement it (`unknown`, threshold
 * or custom greedy variants). The `-comparison` variants add a step (compare with greedy and keep
 * the one voters prefer) that we do not implement, so they are not mapped either.
 */
export function tallyOptionsForRule(rule: string | undefined): TallyOptions | null {
  switch (rule) {
    case 'greedy':
      return { rule: 'greedy' };
    case 'greedy-no-skip':
      return { rule: 'greedy-no-skip' };
    case 'equalshares':
      return { rule: 'equal-shares', completion: 'none' };
    case 'equalshares/add1':
      return { rule: 'equal-shares', completion: 'add1' };
    case 'equalshares/utilitarian':
      return { rule: 'equal-shares', completion: 'utilitarian' };
    case 'equalshares/add1-utilitarian':
      return { rule: 'equal-shares', completion: 'add1-utilitarian' };
    default:
      return null;
  }
}
