/**
 * Exact decimal numbers for money and points. Pabulib writes `1234,5` or `1234.5`; tallies must not
 * round, so values become integers scaled by a power of ten before any arithmetic.
 */

const DECIMAL_RE = /^(-?)(\d+)(?:[.,](\d+))?$/;

/** Parses `12`, `12,5` or `12.5` (comma or dot as decimal separator); null when not a number. */
export function parseDecimal(text: string): number | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const value = Number(`${m[1]}${m[2]}.${m[3] ?? '0'}`);
  return Number.isFinite(value) ? value : null;
}

/** Digits after the decimal point of a finite number as JavaScript prints it (shortest round trip). */
export function decimalsOf(x: number): number {
  const s = plainDigits(x);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** `x * 10^scale` as an exact integer, read from the decimal digits of `x` (never a float product). */
export function toScaled(x: number, scale: number): bigint {
  const s = plainDigits(x);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [int = '0', frac = ''] = body.split('.');
  if (frac.length > scale) throw new RangeError(`${s} has more than ${scale} decimals`);
  const v = BigInt(int + frac.padEnd(scale, '0'));
  return neg ? -v : v;
}

/** Formats a number the Pabulib way: integers plain, decimals with `sep` (`,` for costs, `.` in lists). */
export function formatDecimal(x: number, sep: ',' | '.' = ','): string {
  const s = plainDigits(x);
  return sep === '.' ? s : s.replace('.', ',');
}

/** Decimal digits without exponent notation (String(1e21) is `1e+21`, String(1e-7) is `1e-7`). */
function plainDigits(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = String(x);
  if (!/e/i.test(s)) return s;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) throw new RangeError(`cannot read ${s}`);
  const digits = (m[2] as string) + (m[3] ?? '');
  const exp = Number(m[4]);
  const point = 1 + exp;
  if (point <= 0) return `${m[1]}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${m[1]}${digits}${'0'.repeat(point - digits.length)}`;
  return `${m[1]}${digits.slice(0, point)}.${digits.slice(point)}`;
}
