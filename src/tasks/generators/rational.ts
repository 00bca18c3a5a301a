// Exact rational arithmetic on BigInt, so factors like 0.45359237 and shares like 2/7 round without float error.

export interface Rational {
  /** Numerator, carrying the sign. */
  readonly n: bigint;
  /** Denominator, always positive; the fraction is kept reduced. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** @example ratio(6, 4) // { n: 3n, d: 2n } */
export function ratio(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError("rational with a zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den) || 1n;
  return { n: num / g, d: den / g };
}

/** Parses a plain decimal literal exactly. @example decimal("0.3048") // 381/1250 */
export function decimal(text: string): Rational {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`not a plain decimal: ${text}`);
  const frac = m[3] ?? "";
  const n = BigInt(`${m[2]}${frac}`) * (m[1] === "-" ? -1n : 1n);
  return ratio(n, 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational): Rational => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => ratio(a.n * b.n, a.d * b.d);
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("division by zero");
  return ratio(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1. */
export function compare(a: Rational, b: Rational): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function toNumber(r: Rational): number {
  return Number(r.n) / Number(r.d);
}

/** Rounds half away from zero and prints exactly `places` decimals. @example toFixedExact(ratio(2, 3), 2) // "0.67" */
export function toFixedExact(r: Rational, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = r.n < 0n;
  const abs = negative ? -r.n : r.n;
  const rounded = (abs * scale * 2n + r.d) / (2n * r.d);
  let digits = rounded.toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, "0");
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return negative && rounded !== 0n ? `-${digits}` : digits;
}

/**
 * How far x * 10^places sits from a rounding tie (k + 1/2), in units of the last kept place: 0 is an exact
 * tie, 0.5 is as safe as it gets. Generators avoid near-ties so the rounding convention never decides the gold.
 */
export function distanceToTie(r: Rational, places: number): number {
  const scale = 10n ** BigInt(places);
  const abs = r.n < 0n ? -r.n : r.n;
  const rem = (abs * scale) % r.d;
  return Math.abs(Number((2n * rem - r.d) * 1_000_000n) / Number(2n * r.d)) / 1_000_000;
}

/** The shortest exact decimal text with at most `maxPlaces` decimals, or null. @example toDecimalString(ratio(7, 4)) // "1.75" */
export function toDecimalString(r: Rational, maxPlaces = 12): string | null {
  for (let places = 0; places <= maxPlaces; places++) {
    if ((r.n * 10n ** BigInt(places)) % r.d === 0n) return toFixedExact(r, places);
  }
  return null;
}

export function isInteger(r: Rational): boolean {
  return r.d === 1n;
}

/** r to a non-negative integer power. */
export function pow(r: Rational, exponent: number): Rational {
  let out = ratio(1);
  for (let i = 0; i < exponent; i++) out = mul(out, r);
  return out;
}
