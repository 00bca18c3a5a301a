import { describe, expect, it } from "vitest";
import * as C from "../../../../src/core/grading/math/complex.js";

describe("complex arithmetic", () => {
  it("divides, powers and roots on the principal branch", () => {
    expect(C.div(C.cx(1), C.cx(0, 1))).toEqual({ re: 0, im: -1 });
    expect(C.pow(C.cx(2), C.cx(10))).toEqual({ re: 1024, im: 0 });
    expect(C.pow(C.cx(0), C.cx(-1)).re).toBe(Number.POSITIVE_INFINITY);
    expect(C.root(C.cx(-8), C.cx(3))).toEqual({ re: -2, im: 0 });
    const i2 = C.root(C.neg(C.cx(4)), C.cx(2));
    expect(i2.re).toBeCloseTo(0, 12);
    expect(i2.im).toBeCloseTo(2, 12);
  });

  it("compares with a relative tolerance and never calls NaN finite", () => {
    expect(C.close(C.cx(1e12), C.cx(1e12 + 1), 1e-10)).toBe(true);
    expect(C.close(C.cx(1), C.cx(1.001), 1e-10)).toBe(false);
    expect(C.isFiniteComplex(C.cx(Number.NaN))).toBe(false);
    expect(C.real(Math.sin)(C.cx(0, 1)).re).toBeNaN();
  });
});
