import { describe, expect, it } from "vitest";
import {
  endsWithNegator,
  isNegated,
  opensNegated,
  startsWithVerdict,
} from "../../../src/core/grading/negation.js";

describe("endsWithNegator", () => {
  it.each([
    "not ",
    "It is not ",
    "The answer isn't ",
    "the answer isnt ",
    "anything except ",
    "anything but ",
    "other than ",
    "rather than ",
    "not equal to ",
    "x ≠ ",
    "neither ",
    "not (",
  ])("%j negates what follows", (text) => {
    expect(endsWithNegator(text)).toBe(true);
  });

  it.each([
    "",
    "I think ",
    "Not sure, but ",
    "It's not. ",
    "I'm not\n",
    "knot ",
    "exceptional ",
    "no fewer than ",
  ])("%j does not", (text) => {
    expect(endsWithNegator(text)).toBe(false);
  });
});

describe("startsWithVerdict", () => {
  it.each([" is wrong", " is incorrect.", " is not", " isn't right", ") is wrong", " was wrong"])(
    "%j calls what precedes it wrong",
    (text) => {
      expect(startsWithVerdict(text)).toBe(true);
    },
  );

  it.each(["", " is correct", ", which is not prime", " is the answer", " apples is wrong"])(
    "%j does not",
    (text) => {
      expect(startsWithVerdict(text)).toBe(false);
    },
  );

  it("allows one unit word when asked, but not a new clause", () => {
    expect(startsWithVerdict(" apples is wrong", true)).toBe(true);
    expect(startsWithVerdict(" which is not prime", true)).toBe(false);
  });
});

describe("isNegated and opensNegated", () => {
  it("combines both sides", () => {
    expect(isNegated("not ", "")).toBe(true);
    expect(isNegated("", " is wrong")).toBe(true);
    expect(isNegated("so ", ".")).toBe(false);
  });

  it("sees a negator opening an answer", () => {
    expect(opensNegated("not the rime of the ancient mariner")).toBe(true);
    expect(opensNegated("** Anything but Paris")).toBe(true);
    expect(opensNegated("nothing else")).toBe(false);
    expect(opensNegated("Paris, not Rome")).toBe(false);
  });
});
