import { decimalsOf, formatDecimal, parseDecimal, toScaled } from '../../../core/tally/decimal';
import { Rational } from '../../../core/tally/rational';

describe('decimal', () => {
  it('reads a comma or a dot as decimal separator', () => {
    expect(parseDecimal('1234,5')).toBe(1234.5);
    expect(parseDecimal('1234.5')).toBe(1234.5);
    expect(parseDecimal(' 42 ')).toBe(42);
    expect(parseDecimal('-3')).toBe(-3);
    for (const bad of ['', 'abc', '1,2,3', '1e5', '12a', ',5']) expect(parseDecimal(bad)).toBeNull();
  });

  it('scales to exact integers from the decimal digits', () => {
    expect(toScaled(0.1, 2)).toBe(10n);
    expect(toScaled(1234.5, 1)).toBe(12345n);
    expect(toScaled(1e21, 0)).toBe(10n ** 21n);
    expect(toScaled(1e-7, 7)).toBe(1n);
    expect(decimalsOf(30.25)).toBe(2);
    expect(() => toScaled(0.125, 2)).toThrow(RangeError);
  });

  it('formats costs with a comma and list items with a dot', () => {
    expect(formatDecimal(1234.5)).toBe('1234,5');
    expect(formatDecimal(1234.5, '.')).toBe('1234.5');
    expect(formatDecimal(100)).toBe('100');
  });
});

describe('Rational', () => {
  it('reduces, compares and converts exactly', () => {
    const third = Rational.of(1, 3);
    expect(third.add(third).add(third).cmp(Rational.of(1))).toBe(0);
    expect(Rational.of(2, -4)).toEqual(Rational.of(-1, 2));
    expect(Rational.of(1, 3).cmp(Rational.of(333333, 1000000))).toBe(1);
    expect(Rational.of(1, 3).toNumber()).toBe(1 / 3);
    expect(new Rational(10n ** 400n + 1n, 3n * 10n ** 400n).toNumber()).toBe(1 / 3);
    expect(new Rational(1n, 10n ** 400n).toNumber()).toBe(0);
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
  });
});
