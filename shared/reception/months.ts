import type { ReceptionStatus } from '../domain/enums';

/**
 * Month arithmetic for the reception plan. The seed asks for at least one reception a month,
 * so the plan is read month by month: 'YYYY-MM' keys, Kazakhstan calendar dates as
 * 'YYYY-MM-DD' strings (no Date objects, so no host time zone can shift a day).
 */

export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parts(month: MonthKey): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month: ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

function key(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function isMonthKey(value: string): boolean {
  return MONTH.test(value);
}

/** The month a 'YYYY-MM-DD' day belongs to. */
export function monthOfDay(day: string): MonthKey {
  return day.slice(0, 7);
}

export function addMonths(month: MonthKey, n: number): MonthKey {
  const { year, month: m } = parts(month);
  const index = year * 12 + (m - 1) + n;
  return key(Math.floor(index / 12), (index % 12) + 1);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const months: MonthKey[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

export function daysInMonthOf(month: MonthKey): number {
  const { year, month: m } = parts(month);
  // Day 0 of the next month is this month's last day; UTC so the host zone cannot interfere.
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** First and last day of a month, for range queries on the `date` index. */
export function monthBounds(month: MonthKey): { first: string; last: string } {
  return {
    first: `${month}-01`,
    last: `${month}-${String(daysInMonthOf(month)).padStart(2, '0')}`,
  };
}

/** Day of the week of a calendar date: 0 Monday … 6 Sunday (weeks start on Monday in KZ). */
export function weekdayIndex(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const sunday0 = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return (sunday0 + 6) % 7;
}

function shiftDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/**
 * The weeks shown on a month calendar, Monday first: whole weeks, so the first and last
 * rows carry days of the neighbouring months (tell them apart with `monthOfDay`).
 */
export function monthGrid(month: MonthKey): string[][] {
  const { first, last } = monthBounds(month);
  let day = shiftDay(first, -weekdayIndex(first));
  const end = shiftDay(last, 6 - weekdayIndex(last));
  const weeks: string[][] = [];
  while (day <= end) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = shiftDay(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

export interface PlannedReception {
  date: string;
  status: ReceptionStatus;
  deletedAt: string | null;
}

/** A cancelled or deleted reception does not meet the "one a month" rule. */
export function countsForMonth(reception: PlannedReception): boolean {
  return reception.deletedAt === null && reception.status !== 'cancelled';
}

/** The months of `months` that have no planned or held reception. */
export function monthsWithout(
  receptions: readonly PlannedReception[],
  months: readonly MonthKey[],
): MonthKey[] {
  const covered = new Set(receptions.filter(countsForMonth).map((r) => monthOfDay(r.date)));
  return months.filter((m) => !covered.has(m));
}

/**
 * The months the office should be warned about: this month and the next `ahead` months
 * without a reception. Past months are history, not a to-do, so they are not included.
 */
export function upcomingMonthsWithout(
  receptions: readonly PlannedReception[],
  today: string,
  ahead = 2,
): MonthKey[] {
  const current = monthOfDay(today);
  return monthsWithout(receptions, monthsBetween(current, addMonths(current, ahead)));
}
