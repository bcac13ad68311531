import { equalSharesWith } from '../../../core/tally/completion';
import { equalShares } from '../../../core/tally/mes';
import type { PbElection, VoteType } from '../../../core/tally/pabulib-types';
import { buildProfile } from '../../../core/tally/profile';
import { tally } from '../../../core/tally/tally';
import { seededRandom as prng } from '../../../core/shared/prng';
import { election, times } from './builders';
import { referenceMes } from './reference-mes';

const mes = (
  e: PbElection,
  completion: 'none' | 'add1' | 'utilitarian' | 'add1-utilitarian' = 'none',
): string[] => tally(e, { rule: 'equal-shares', completion }).selected;

describe('Method of Equal Shares', () => {
  it('gives a minority its share where greedy gives the majority everything', () => {
    // 10 voters own 10 each. The six of the majority can pay for x (60) but then have nothing left
    // for y; the four of the minority pay exactly for z.
    const e = election({
      budget: 100,
      projects: [
        ['x', 60],
        ['y', 40],
        ['z', 40],
      ],
      votes: [...times(6, ['x', 'y']), ...times(4, ['z'])],
    });
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['x', 'y']);
    expect(mes(e)).toEqual(['x', 'z']);
  });

  it('charges those who cannot pay the equal share all they have', () => {
    // 3 voters own 10 each. a (cost 24) is wanted by all three: 8 each. b (cost 6) by voter 1 and 2:
    // voter 1 and 2 have 2 left each, 4 in all: not enough. c (cost 4) by voter 3 alone: 2 left, no.
    const e = election({
      budget: 30,
      projects: [
        ['a', 24],
        ['b', 6],
        ['c', 4],
      ],
      votes: [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
      ],
    });
    expect(mes(e)).toEqual(['a']);
    // With 12 each (budget 36), 4 are left each: b costs 3 each, and voter 3 pays c with all 4 left.
    expect(equalShares(buildProfile(e), 36n)).toEqual([0, 1, 2]);
  });

  it('uses points as utilities for cumulative ballots', () => {
    // Voter 1 puts everything on a: a costs 10 and voter 1 owns 10. b is liked a little by two voters.
    const e = election({
      budget: 30,
      voteType: 'cumulative',
      projects: [
        ['a', 10],
        ['b', 20],
      ],
      votes: [[['a', 5]], [['b', 1]], [['b', 1]]],
    });
    expect(mes(e)).toEqual(['a', 'b']);
  });

  it('uses positional scores for ordinal ballots', () => {
    const e = election({
      budget: 20,
      voteType: 'ordinal',
      projects: [
        ['a', 10],
        ['b', 10],
        ['c', 10],
      ],
      votes: [
        ['a', 'b'],
        ['c', 'b'],
      ],
    });
    // a and c: score 2 from one voter each (rho 10/2); b: score 1 from both (rho 10/2): a three-way tie
    // broken by votes (b has 2), so b first; then a and c cannot be paid (each voter has 5 left).
    expect(mes(e)).toEqual(['b']);
  });

  describe('ties', () => {
    it('fewer votes loses', () => {
      // rho 6/3 = 2 for both: project 1 from one voter with 3 points, project 2 from two with 1 and 2.
      const e = election({
        budget: 30,
        voteType: 'cumulative',
        projects: [
          ['1', 6],
          ['2', 6],
        ],
        votes: [[['1', 3]], [['2', 1]], [['2', 2]]],
      });
      expect(mes(e)).toEqual(['2', '1']);
    });

    it('then the smaller project id as a string', () => {
      const e = election({
        budget: 200,
        projects: [
          ['9', 10],
          ['10', 20],
        ],
        votes: [
          ['9', '10'],
          ['9', '10'],
        ],
      });
      expect(mes(e)).toEqual(['10', '9']);
    });

    it('decides exact ties exactly, even where floats round differently', () => {
      // Budgets of 1/3 per voter: 0.1 + 0.2 style sums in floats, exact thirds in rationals.
      const e = election({
        budget: 1,
        projects: [
          ['a', 0.3],
          ['b', 0.6],
          ['c', 0.1],
        ],
        votes: [
          ['a', 'b', 'c'],
          ['a', 'b', 'c'],
          ['a', 'b', 'c'],
        ],
      });
      const p = buildProfile(e);
      expect(equalShares(p, p.budget)).toEqual(referenceMes(p, p.budget));
      expect(mes(e)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('completions', () => {
    // 4 voters own 25 each. A (50) by voters 1-2 takes all they have; C (20) by voter 4; B (30) by
    // voter 3 is out of reach at 25 per voter. 30 of the budget is left and B would fit.
    const e = election({
      budget: 100,
      projects: [
        ['A', 50],
        ['B', 30],
        ['C', 20],
      ],
      votes: [['A'], ['A'], ['B'], ['C']],
    });

    it('none: plain MES', () => {
      expect(mes(e, 'none')).toEqual(['A', 'C']);
    });

    it('add1: raises each voter budget by 1 until the outcome would overspend; B comes in at 30', () => {
      const r = equalSharesWith(buildProfile(e), 'add1');
      expect(r.selected.map((c) => e.projects[c]?.id)).toEqual(['A', 'B', 'C']);
      expect(r.voterBudget).toBe(120n); // 30 per voter
      expect(r.runs).toBe(6); // the run at 100, then 26, 27, 28, 29, 30 per voter
    });

    it('add1 keeps the last outcome that fits', () => {
      // With 3 voters and budget 90 (30 each): x (60) by voters 1-2 fits at 30 each; y (40) by voter 3
      // needs 40. Raising to 40 each would buy y too, 100 > 90: add1 stops and keeps {x}.
      const f = election({
        budget: 90,
        projects: [
          ['x', 60],
          ['y', 40],
        ],
        votes: [['x'], ['x'], ['y']],
      });
      expect(mes(f, 'add1')).toEqual(['x']);
    });

    it('utilitarian: MES, then greedy by votes with what is left', () => {
      expect(mes(e, 'utilitarian')).toEqual(['A', 'C', 'B']);
    });

    it('add1-utilitarian: add1, then greedy (nothing left to add here)', () => {
      expect(mes(e, 'add1-utilitarian')).toEqual(['A', 'B', 'C']);
      const f = election({
        budget: 90,
        projects: [
          ['x', 60],
          ['y', 40],
          ['z', 30],
        ],
        votes: [['x'], ['x'], ['y'], ['z']],
      });
      // add1 keeps {x, z}; y does not fit in what is left.
      expect(mes(f, 'add1-utilitarian')).toEqual(mes(f, 'add1'));
    });

    it('add1 stops when every supported project is in, even if an unsupported one would fit forever', () => {
      const f = election({
        budget: 100,
        projects: [
          ['a', 10],
          ['ghost', 5],
        ],
        votes: [['a']],
      });
      expect(mes(f, 'add1')).toEqual(['a']);
    });
  });

  it('selects free projects first and handles elections without voters', () => {
    const e = election({
      budget: 10,
      projects: [
        ['a', 10],
        ['free', 0],
      ],
      votes: [['a', 'free']],
    });
    expect(mes(e)).toEqual(['free', 'a']);
    expect(mes(election({ budget: 10, projects: [['a', 1]], votes: [] }), 'add1')).toEqual([]);
  });

  it('groups identical ballots without changing the outcome', () => {
    const e = election({
      budget: 100,
      projects: [
        ['x', 60],
        ['y', 40],
        ['z', 40],
      ],
      votes: [...times(6, ['x', 'y']), ...times(4, ['z'])],
    });
    expect(buildProfile(e).groups.count).toBe(2);
  });

  it('agrees with a plain exact implementation on 600 random small elections (ties included)', () => {
    const rnd = prng(2024);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    for (let t = 0; t < 200; t++) {
      const voteType = pick<VoteType>(['approval', 'ordinal', 'cumulative']);
      const ids = Array.from({ length: 2 + Math.floor(rnd() * 6) }, (_, i) => String(i + 1));
      const votes = Array.from({ length: 1 + Math.floor(rnd() * 20) }, () =>
        ids.filter(() => rnd() < 0.5).map((id) => [id, 1 + Math.floor(rnd() * 3)] as [string, number]),
      );
      const budget = pick([30, 50, 77, 100]);
      const e = election({
        budget,
        voteType,
        projects: ids.map((id) => [id, pick([10, 20, 30, 40, 60, 0])]),
        votes: voteType === 'cumulative' ? votes : votes.map((v) => v.map(([id]) => id)),
      });
      const p = buildProfile(e);
      for (const total of [BigInt(budget), BigInt(2 * budget + 1), BigInt(7 * e.votes.length)])
        expect({ t, total, selected: equalShares(p, total) }).toEqual({
          t,
          total,
          selected: referenceMes(p, total),
        });
    }
  });
});
