import { joinTables, packTable } from '../../nlu/intent/packed';

describe('weight tables', () => {
  it('joins tables side by side, zeros where a table lacks a feature', () => {
    const bayes = packTable(
      new Map([
        ['a', [1, 2]],
        ['b', [3, 4]],
      ]),
      2,
    );
    const logistic = packTable(
      new Map([
        ['b', [5, 6, 7]],
        ['c', [8, 9, 10]],
      ]),
      3,
    );
    const { index, width, values } = joinTables([bayes, logistic]);
    expect(width).toBe(5);
    const row = (f: string): number[] => {
      const i = index.get(f) as number;
      return Array.from(values.subarray(i * width, (i + 1) * width));
    };
    expect(row('a')).toEqual([1, 2, 0, 0, 0]);
    expect(row('b')).toEqual([3, 4, 5, 6, 7]);
    expect(row('c')).toEqual([0, 0, 8, 9, 10]);
  });

  it('refuses a table whose numbers do not match its features', () => {
    expect(() => joinTables([{ features: ['a'], width: 2, values: new Float32Array(3) }])).toThrow(
      /wrong size/,
    );
  });
});
