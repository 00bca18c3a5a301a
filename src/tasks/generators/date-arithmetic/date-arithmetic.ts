// Calendar questions: weekdays after N days, weekdays of dates, day counts, dates after N days, leap-year counts.
import type { Rng } from "../../../core/rng.js";
import type { Difficulty } from "../../../core/taxonomy.js";
import { fixedChoices, pickDistractors, shuffledChoices } from "../choices.js";
import { defineGenerator, drawUntil, type GeneratedBody } from "../generator.js";
import {
  addDays,
  type CivilDate,
  dayNumber,
  daysInMonth,
  formatDate,
  isLeapYear,
  leapYearsBetween,
  spansLeapDay,
  WEEKDAYS,
  weekdayIndex,
} from "./calendar.js";

type Draw = (rng: Rng, difficulty: Difficulty) => GeneratedBody | null;

const YEARS: Record<Difficulty, [number, number]> = {
  easy: [1990, 2035],
  medium: [1950, 2060],
  hard: [1800, 2150],
};

function randomDate(rng: Rng, year: number, months: [number, number] = [1, 12]): CivilDate {
  const month = rng.int(months[0], months[1]);
  return { year, month, day: rng.int(1, daysInMonth(year, month)) };
}

const weekdayBody = (question: string, weekday: number, adversarial: boolean): GeneratedBody => ({
  question,
  ...fixedChoices(WEEKDAYS, WEEKDAYS[weekday] as string),
  grader: "multiple_choice",
  adversarial,
});

const weekdayAfter: Draw = (rng, difficulty) => {
  const today = rng.int(0, 6);
  const [lo, hi] = { easy: [2, 60], medium: [61, 1000], hard: [1000, 20000] }[difficulty] as [number, number];
  const n = rng.int(lo, hi);
  const ago = difficulty === "hard" && rng.chance(0.5);
  const when = ago
    ? `was it ${n} days ago`
    : rng.pick([`will it be ${n} days from today`, `will it be in ${n} days`]);
  const question = `Today is a ${WEEKDAYS[today]}. What day of the week ${when}?`;
  return weekdayBody(question, (((today + (ago ? -n : n)) % 7) + 7) % 7, false);
};

/** Given one date's weekday, find another's; `trap` forces a span over February 29 of a leap year. */
function weekdayOfDate(rng: Rng, difficulty: Difficulty, trap = false): GeneratedBody | null {
  const [lo, hi] = YEARS[difficulty];
  let a: CivilDate;
  let b: CivilDate;
  if (trap) {
    const year = 4 * rng.int(Math.ceil(lo / 4), Math.floor(hi / 4));
    if (!isLeapYear(year)) return null;
    a = randomDate(rng, year, [1, 2]);
    b = randomDate(rng, year, [3, 12]);
  } else if (difficulty === "easy") {
    a = randomDate(rng, rng.int(lo, hi));
    b = { ...a, day: rng.int(1, daysInMonth(a.year, a.month)) };
  } else {
    a = randomDate(rng, rng.int(lo, hi));
    b = randomDate(rng, difficulty === "medium" ? a.year : a.year + rng.int(1, 30));
  }
  if (dayNumber(a) === dayNumber(b)) return null;
  const [first, second] = rng.chance(0.5) ? [a, b] : [b, a];
  const question = `${formatDate(first)} was a ${WEEKDAYS[weekdayIndex(first)]}. What day of the week was ${formatDate(second)}?`;
  return weekdayBody(question, weekdayIndex(second), trap);
}

/** Days from one date to a later one; `trap` asks for an inclusive count across a leap day. */
function daysBetween(rng: Rng, difficulty: Difficulty, trap = false): GeneratedBody | null {
  const [lo, hi] = YEARS[difficulty];
  const year = trap ? 4 * rng.int(Math.ceil(lo / 4), Math.floor(hi / 4)) : rng.int(lo, hi);
  const a = randomDate(rng, year, trap ? [1, 2] : [1, 12]);
  const b =
    difficulty === "easy"
      ? randomDate(rng, year, [a.month, Math.min(12, a.month + 1)])
      : randomDate(
          rng,
          difficulty === "medium" || trap ? year : year + rng.int(1, 8),
          trap ? [3, 12] : [1, 12],
        );
  const days = dayNumber(b) - dayNumber(a);
  if (days <= 0 || (trap && !spansLeapDay(a, b))) return null;
  const question = trap
    ? `A festival runs from ${formatDate(a)} to ${formatDate(b)}, including both the first and the last day. How many days does it last?`
    : `How many days after ${formatDate(a)} is ${formatDate(b)}?`;
  return { question, answer: String(trap ? days + 1 : days), grader: "numeric", adversarial: trap };
}

/** Month arithmetic as if every month had 30 days: a plausible wrong method. */
function thirtyDayMonths(date: CivilDate, n: number): CivilDate {
  const total = (date.month - 1) * 30 + (date.day - 1) + n;
  const year = date.year + Math.floor(total / 360);
  const month = Math.floor((total % 360) / 30) + 1;
  return { year, month, day: Math.min((total % 30) + 1, daysInMonth(year, month)) };
}

/** The date N days after another; `trap` spans a February 29 or a skipped century leap day. */
function dateAfter(rng: Rng, difficulty: Difficulty, trap = false): GeneratedBody | null {
  const [lo, hi] = YEARS[difficulty];
  const year = trap
    ? rng.pick([1800, 1900, 2100, 1996, 2004, 2008, 2012, 2016, 2020, 2024, 2028])
    : rng.int(lo, hi);
  const from = randomDate(rng, year, trap ? [1, 2] : [1, 12]);
  const n = trap ? rng.int(20, 300) : difficulty === "medium" ? rng.int(10, 200) : rng.int(200, 2000);
  const to = addDays(from, n);
  const endOfFebruary = dayNumber({ year, month: 3, day: 1 });
  if (trap && !(dayNumber(from) < endOfFebruary && dayNumber(to) >= endOfFebruary)) return null;
  const off = (k: number) => formatDate(addDays(to, k));
  // The trap's wrong answer: Feb 29 forgotten lands a day late; a leap day invented in 1900 lands a day early.
  const lure = off(isLeapYear(year) ? 1 : -1);
  const rest = pickDistractors(
    rng,
    formatDate(to),
    [off(1), off(-1), off(2), off(-2), formatDate(thirtyDayMonths(from, n))],
    3,
  );
  if (!rest) return null;
  const distractors = trap ? [lure, ...rest.filter((x) => x !== lure)].slice(0, 3) : rest;
  const question = `What is the date ${n} days after ${formatDate(from)}?`;
  return {
    question,
    ...shuffledChoices(rng, formatDate(to), distractors),
    grader: "multiple_choice",
    adversarial: trap,
  };
}

/** Leap years in a range of years; `trap` makes the range include a century year that is not a leap year. */
function leapYearCount(rng: Rng, _difficulty: Difficulty, trap = false): GeneratedBody | null {
  const from = trap ? rng.int(1600, 2350) : rng.int(1901, 2080);
  const to = from + (trap ? rng.int(30, 400) : rng.int(8, 80));
  const hasCentury = [1700, 1800, 1900, 2100, 2200, 2300].some((y) => y >= from && y <= to);
  if (trap ? !hasCentury : to > 2099) return null;
  const question = `How many leap years are there from ${from} to ${to}, counting both ${from} and ${to} if they are leap years?`;
  return { question, answer: String(leapYearsBetween(from, to)), grader: "numeric", adversarial: trap };
}

const POOLS: Record<Difficulty, readonly Draw[]> = {
  easy: [weekdayAfter, weekdayOfDate, daysBetween],
  medium: [weekdayAfter, weekdayOfDate, daysBetween, dateAfter, leapYearCount],
  hard: [weekdayAfter, weekdayOfDate, daysBetween, dateAfter],
};

const TRAPS: readonly Draw[] = [
  (r, d) => weekdayOfDate(r, d, true),
  (r, d) => daysBetween(r, d, true),
  (r, d) => dateAfter(r, d, true),
  (r, d) => leapYearCount(r, d, true),
];

export const dateArithmeticGenerator = defineGenerator(
  {
    name: "date-arithmetic",
    version: 1,
    domain: "logic",
    description:
      "Weekdays after N days, weekdays of dates, day counts, dates after N days and leap-year counts; hard adds leap-day and inclusive-count traps",
  },
  (rng, difficulty) => {
    // Decide the trap share once, so failed trap draws do not lower it.
    const pool = difficulty === "hard" && rng.chance(0.25) ? TRAPS : POOLS[difficulty];
    return drawUntil(rng, (r) => r.pick(pool)(r, difficulty));
  },
);
