// Complex arithmetic on plain pairs, enough to evaluate MATH answers numerically (i, roots of negatives, e^{iπ}).

export interface Complex {
  re: number;
  im: number;
}

export const cx = (re: number, im = 0): Complex => ({ re, im });

export const add = (a: Complex, b: Complex): Complex => cx(a.re + b.re, a.im + b.im);
export const sub = (a: Complex, b: Complex): Complex => cx(a.re - b.re, a.im - b.im);
export const neg = (a: Complex): Complex => cx(-a.re, -a.im);
export const mul = (a: Complex, b: Complex): Complex =>
  b.im === 0 && a.im === 0 ? cx(a.re * b.re) : cx(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);

export function div(a: Complex, b: Complex): Complex {
  if (a.im === 0 && b.im === 0) return cx(a.re / b.re);
  const d = b.re * b.re + b.im * b.im;
  return cx((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
}

export const abs = (a: Complex): number => Math.hypot(a.re, a.im);

export function exp(a: Complex): Complex {
  const m = Math.exp(a.re);
  return a.im === 0 ? cx(m) : cx(m * Math.cos(a.im), m * Math.sin(a.im));
}

/** Principal natural logarithm; a negative zero imaginary part counts as zero (√-4 is 2i, not -2i). */
export function log(a: Complex): Complex {
  if (a.im === 0 && a.re > 0) return cx(Math.log(a.re));
  return cx(Math.log(abs(a)), Math.atan2(a.im === 0 ? 0 : a.im, a.re));
}

/** Principal power; real bases with real results stay exact in floating point (2^10 is 1024, not 1023.99..). */
export function pow(a: Complex, b: Complex): Complex {
  if (a.im === 0 && b.im === 0 && (a.re >= 0 || Number.isInteger(b.re))) return cx(a.re ** b.re);
  if (a.re === 0 && a.im === 0) return cx(b.re > 0 ? 0 : Number.NaN);
  return exp(mul(b, log(a)));
}

/** The real n-th root of a real number when it exists (∛-8 = -2), else the principal complex root. */
export function root(a: Complex, n: Complex): Complex {
  if (a.im === 0 && n.im === 0 && a.re < 0 && Number.isInteger(n.re) && n.re % 2 !== 0) {
    return cx(-((-a.re) ** (1 / n.re)));
  }
  return pow(a, div(cx(1), n));
}

/** Applies a real function to a real argument; NaN for complex arguments it cannot handle. */
export function real(f: (x: number) => number): (a: Complex) => Complex {
  return (a) => (a.im === 0 ? cx(f(a.re)) : cx(Number.NaN));
}

export const isFiniteComplex = (a: Complex): boolean => Number.isFinite(a.re) && Number.isFinite(a.im);

/** Relative closeness: |a - b| <= tol * max(1, |a|, |b|). */
export function close(a: Complex, b: Complex, tol: number): boolean {
  return abs(sub(a, b)) <= tol * Math.max(1, abs(a), abs(b));
}
