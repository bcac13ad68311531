/**
 * Exact rational numbers on BigInt. MES compares ratios of budgets; a float can flip a choice, so
 * every decision the fast float path cannot certify is settled here.
 */
export class Rational {
  /** Always reduced, denominator positive. */
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new RangeError('zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    this.n = g === 1n ? n : n / g;
    this.d = g === 1n ? d : d / g;
  }

  static readonly ZERO = new Rational(0n);

  static of(n: number | bigint, d: number | bigint = 1n): Rational {
    return new Rational(BigInt(n), BigInt(d));
  }

  add(o: Rational): Rational {
    return this.d === o.d
      ? new Rational(this.n + o.n, this.d)
      : new Rational(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Rational): Rational {
    return this.d === o.d
      ? new Rational(this.n - o.n, this.d)
      : new Rational(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Rational): Rational {
    return new Rational(this.n * o.n, this.d * o.d);
  }

  mulInt(k: number | bigint): Rational {
    return new Rational(this.n * BigInt(k), this.d);
  }

  div(o: Rational): Rational {
    return new Rational(this.n * o.d, this.d * o.n);
  }

  divInt(k: number | bigint): Rational {
    return new Rational(this.n, this.d * BigInt(k));
  }

  /** -1, 0 or 1. */
  cmp(o: Rational): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  /** Nearest double (to within an ulp), computed without overflowing for large numerators/denominators. */
  toNumber(): number {
    const { n, d } = this;
    if (n === 0n) return 0;
    const neg = n < 0n;
    const a = neg ? -n : n;
    // Divide in BigInt with ~64 significant bits in the quotient, then scale back by a power of two.
    const s = 64 - (bitLength(a) - bitLength(d));
    const q = s >= 0 ? (a << BigInt(s)) / d : a / (d << BigInt(-s));
    const v = scale2(Number(q), -s);
    return neg ? -v : v;
  }
}

/** x * 2^k without overflow in the intermediate power. */
function scale2(x: number, k: number): number {
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const bitLength = (x: bigint): number => x.toString(2).length;
