import { describe, expect, it } from "vitest";
import { DIFFICULTIES, type Difficulty } from "../../../../src/core/taxonomy.js";
import {
  dayNumber,
  daysInMonth,
  isLeapYear,
  leapYearsBetween,
} from "../../../../src/tasks/generators/date-arithmetic/calendar.js";
import { dateArithmeticGenerator } from "../../../../src/tasks/generators/date-arithmetic/date-arithmetic.js";
import type { Task } from "../../../../src/tasks/task.js";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Howard Hinnant's days_from_civil: days since 1970-01-01, with no Date object involved. */
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 0 = Monday; 1970-01-01 was a Thursday. */
const weekdayOf = (days: number) => (((days + 3) % 7) + 7) % 7;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const DATE =
  /(January|February|March|April|May|June|July|August|September|October|November|December) (\d+), (\d+)/;
const DATES = new RegExp(DATE.source, "g");

function parseDate(text: string): number {
  const m = DATE.exec(text);
  if (!m) throw new Error(`no date in ${text}`);
  return daysFromCivil(Number(m[3]), MONTHS.indexOf(m[1] as string) + 1, Number(m[2]));
}

const chosen = (t: Task) => t.choices?.[t.answer_index ?? -1];

/** Re-derives the correct answer text (an option's text, or a number) from the question alone. */
function solve(t: Task): string {
  const q = t.question;
  const dates = [...q.matchAll(DATES)].map((m) => parseDate(m[0]));
  let m =
    /^Today is a (\w+)\. What day of the week (?:will it be (?:(\d+) days from today|in (\d+) days)|was it (\d+) days ago)\?$/.exec(
      q,
    );
  if (m) {
    const shift = m[4] ? -Number(m[4]) : Number(m[2] ?? m[3]);
    return WEEKDAYS[(((WEEKDAYS.indexOf(m[1] as string) + shift) % 7) + 7) % 7] as string;
  }
  m = /was a (\w+)\. What day of the week was /.exec(q);
  if (m) {
    expect(WEEKDAYS[weekdayOf(dates[0] as number)], `stated weekday in ${q}`).toBe(m[1]);
    return WEEKDAYS[weekdayOf(dates[1] as number)] as string;
  }
  if (/^How many days after /.test(q)) return String((dates[1] as number) - (dates[0] as number));
  if (/including both the first and the last day/.test(q))
    return String((dates[1] as number) - (dates[0] as number) + 1);
  m = /^What is the date (\d+) days after /.exec(q);
  if (m) {
    const target = (dates[0] as number) + Number(m[1]);
    const match = t.choices?.find((c) => parseDate(c) === target);
    if (!match) throw new Error(`correct date missing from options: ${q}`);
    return match;
  }
  m = /^How many leap years are there from (\d+) to (\d+),/.exec(q);
  if (m) {
    let count = 0;
    for (let y = Number(m[1]); y <= Number(m[2]); y++) if (leap(y)) count++;
    return String(count);
  }
  throw new Error(`unparsed: ${q}`);
}

describe("calendar helpers", () => {
  it("know the Gregorian leap rules and month lengths", () => {
    expect([1900, 2000, 2023, 2024, 2100, 1600].map(isLeapYear)).toEqual([
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(leapYearsBetween(1896, 1904)).toBe(2); // 1896 and 1904; 1900 is not a leap year
    expect(leapYearsBetween(1996, 2004)).toBe(3); // 2000 is
  });

  it("agree with an independent day count", () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [1600, 3, 1],
      [1900, 2, 28],
      [2000, 2, 29],
      [2150, 12, 31],
      [1850, 7, 4],
    ] as const) {
      expect(dayNumber({ year: y, month: m, day: d })).toBe(daysFromCivil(y, m, d));
    }
  });
});

describe("date-arithmetic", () => {
  it.each(DIFFICULTIES)("re-derives every %s answer from the question text", (difficulty) => {
    for (let i = 0; i < 1000; i++) {
      const t = dateArithmeticGenerator.generate(difficulty, i);
      const want = solve(t);
      if (t.grader === "multiple_choice") expect(chosen(t), t.question).toBe(want);
      else expect(t.answer, t.question).toBe(want);
    }
  });

  it("shows weekday options Monday to Sunday and date options that are all real dates", () => {
    for (let i = 0; i < 300; i++) {
      const t = dateArithmeticGenerator.generate("hard", i);
      if (t.choices?.length === 7) expect(t.choices).toEqual(WEEKDAYS);
      else if (t.choices) for (const c of t.choices) expect(c).toMatch(new RegExp(`^${DATE.source}$`));
    }
  });

  it("builds hard traps around leap days, inclusive counts and century years", () => {
    const traps = Array.from({ length: 1000 }, (_, i) => dateArithmeticGenerator.generate("hard", i)).filter(
      (t) => t.adversarial,
    );
    expect(traps.some((t) => /including both/.test(t.question))).toBe(true);
    const leapCounts = traps.filter((t) => /leap years/.test(t.question));
    expect(leapCounts.length).toBeGreaterThan(0);
    for (const t of leapCounts) {
      const [from, to] = (t.question.match(/\d{4}/g) ?? []).map(Number) as [number, number];
      expect([1700, 1800, 1900, 2100, 2200, 2300].some((c) => c >= from && c <= to)).toBe(true);
    }
  });

  it("offers the one-day-off lure in every date trap", () => {
    for (let i = 0; i < 1000; i++) {
      const t = dateArithmeticGenerator.generate("hard", i);
      if (!t.adversarial || !t.question.startsWith("What is the date")) continue;
      const correct = parseDate(chosen(t) as string);
      const year = Number(/, (\d{4})\?$/.exec(t.question)?.[1]);
      const lure = correct + (leap(year) ? 1 : -1); // a forgotten Feb 29, or one invented in a century year
      expect(t.choices?.map(parseDate), t.question).toContain(lure);
    }
  });

  it("spans more days as difficulty rises", () => {
    const span = (d: Difficulty) => {
      const spans = Array.from({ length: 400 }, (_, i) => {
        const q = dateArithmeticGenerator.generate(d, i).question;
        const dates = [...q.matchAll(DATES)].map((m) => parseDate(m[0]));
        if (dates.length >= 2) return Math.abs((dates[1] as number) - (dates[0] as number));
        const years = q.match(/\b\d{4}\b/g);
        if (/leap years/.test(q) && years) return 365 * (Number(years[1]) - Number(years[0]));
        return Number(/(\d+) days/.exec(q)?.[1] ?? 0);
      });
      return spans.reduce((a, b) => a + b, 0) / spans.length;
    };
    expect(span("medium")).toBeGreaterThan(2 * span("easy"));
    expect(span("hard")).toBeGreaterThan(2 * span("medium"));
  });
});
