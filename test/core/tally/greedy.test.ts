import { tally } from '../../../core/tally/tally';
import { election, times } from './builders';

describe('greedy', () => {
  it('takes projects by votes and skips what no longer fits', () => {
    const e = election({
      budget: 100,
      projects: [
        ['a', 70],
        ['b', 50],
        ['c', 30],
      ],
      votes: [...times(3, ['a']), ...times(2, ['b']), ['c']],
    });
    expect(tally(e, { rule: 'greedy' })).toEqual({ selected: ['a', 'c'], totalCost: 100, budget: 100 });
  });

  it('greedy-no-skip stops at the first project that does not fit', () => {
    const e = election({
      budget: 100,
      projects: [
        ['a', 70],
        ['b', 50],
        ['c', 30],
      ],
      votes: [...times(3, ['a']), ...times(2, ['b']), ['c']],
    });
    expect(tally(e, { rule: 'greedy-no-skip' }).selected).toEqual(['a']);
  });

  it('ranks cumulative ballots by points, not by voters', () => {
    const e = election({
      budget: 10,
      voteType: 'cumulative',
      projects: [
        ['a', 10],
        ['b', 10],
      ],
      votes: [[['a', 9]], [['b', 4]], [['b', 4]]],
    });
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['a']);
  });

  it('ranks ordinal ballots by positional score k, k-1, ..., 1', () => {
    // a: 3 + 1 = 4; b: 2 + 3 = 5; c: 1 + 2 = 3.
    const e = election({
      budget: 10,
      voteType: 'ordinal',
      projects: [
        ['a', 5],
        ['b', 5],
        ['c', 5],
      ],
      votes: [
        ['a', 'b', 'c'],
        ['b', 'c', 'a'],
      ],
    });
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['b', 'a']);
  });

  it('breaks equal support by votes: the project with fewer voters loses', () => {
    const e = election({
      budget: 6,
      voteType: 'cumulative',
      projects: [
        ['1', 6],
        ['2', 6],
      ],
      votes: [[['1', 3]], [['2', 1]], [['2', 2]]],
    });
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['2']);
  });

  it('then by project id as a string: "10" comes before "9"', () => {
    const e = election({
      budget: 10,
      projects: [
        ['9', 10],
        ['10', 10],
      ],
      votes: [['9', '10']],
    });
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['10']);
  });

  it('never funds a project nobody voted for', () => {
    const e = election({
      budget: 100,
      projects: [
        ['a', 10],
        ['b', 10],
      ],
      votes: [['a']],
    });
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['a']);
  });

  it('keeps decimal costs exact', () => {
    const e = election({
      budget: 0.3,
      projects: [
        ['a', 0.1],
        ['b', 0.2],
      ],
      votes: [['a', 'b']],
    });
    // 0.1 + 0.2 > 0.3 in floating point; in cents it is exactly 0.3.
    expect(tally(e, { rule: 'greedy' })).toEqual({ selected: ['a', 'b'], totalCost: 0.3, budget: 0.3 });
  });
});
