// Proleptic Gregorian calendar arithmetic as pure calculation (Date.UTC is used as a formula, never as a clock).

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export const MONTH_NAMES = [
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
] as const;

/** Monday first, the order the options are shown in. */
export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (negative before). Valid for years >= 100, where Date.UTC does not remap the year. */
export function dayNumber(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

export function fromDayNumber(days: number): CivilDate {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Index into WEEKDAYS (0 = Monday). 1970-01-01 was a Thursday. */
export function weekdayIndex(date: CivilDate): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** "March 3, 2023" */
export function formatDate(date: CivilDate): string {
  return `${MONTH_NAMES[date.month - 1]} ${date.day}, ${date.year}`;
}

/** Leap years in [from, to], both inclusive. */
export function leapYearsBetween(from: number, to: number): number {
  const upTo = (y: number) => Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  return upTo(to) - upTo(from - 1);
}

/** Whether the span of days after `from` up to and including `to` contains a February 29. */
export function spansLeapDay(from: CivilDate, to: CivilDate): boolean {
  for (let y = from.year; y <= to.year; y++) {
    if (!isLeapYear(y)) continue;
    const leap = dayNumber({ year: y, month: 2, day: 29 });
    if (leap > dayNumber(from) && leap <= dayNumber(to)) return true;
  }
  return false;
}
