// The working-day calendar of one year as the settings screen shows it: the weekday days off
// with their kind and name, and a month grid. Pure; everything comes from shared/calendar.

import { dayOffKind, daysOffInYear, type DayOffKind, type WorkCalendar } from '@shared/calendar';
import {
  dayNumberFromParts,
  daysInMonth,
  formatParts,
  isWeekendDayNumber,
  weekdayOfDayNumber,
} from '@shared/calendar/dates';
import { KURBAN_AIT_FIRST_DAY, MOVABLE_HOLIDAYS } from '@shared/calendar/kzHolidays';
import type { CalendarYearOverrides } from '@shared/domain';

export const HOLIDAY_NAMES = [
  'newYear',
  'womensDay',
  'nauryz',
  'unity',
  'defender',
  'victory',
  'capital',
  'constitution',
  'republic',
  'independence',
  'orthodoxChristmas',
  'kurbanAit',
] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

/** The holidays of the Law on holidays, by 'MM-DD' (Nauryz lasts three days). */
const HOLIDAY_BY_DATE: Readonly<Record<string, HolidayName>> = {
  '01-01': 'newYear',
  '01-02': 'newYear',
  '03-08': 'womensDay',
  '03-21': 'nauryz',
  '03-22': 'nauryz',
  '03-23': 'nauryz',
  '05-01': 'unity',
  '05-07': 'defender',
  '05-09': 'victory',
  '07-06': 'capital',
  '08-30': 'constitution',
  '10-25': 'republic',
  '12-16': 'independence',
  '01-07': 'orthodoxChristmas',
};

export interface DayOff {
  day: string;
  kind: DayOffKind;
  /** The holiday the day celebrates, or (for a moved day off) the one it was moved from. */
  holiday: HolidayName | null;
  /** For a moved day off: the weekend date of the holiday. */
  movedFrom: string | null;
  /** Added by the office (a transfer); can be removed in settings. */
  custom: boolean;
}

export const EMPTY_YEAR_OVERRIDES: CalendarYearOverrides = {
  extraDaysOff: [],
  extraWorkingDays: [],
  religiousDaysOff: [],
};

function isWeekend(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  return isWeekendDayNumber(dayNumberFromParts(y ?? 1, m ?? 1, d ?? 1));
}

/** The built-in (expected) first day of Kurban Ait of a year, if known. */
export function builtInKurbanAit(year: number): string | null {
  return KURBAN_AIT_FIRST_DAY[year] ?? null;
}

/**
 * Weekday days off of `year`, in order, with what they are. A moved day off is paired with
 * the weekend holiday it replaces: the calendar moves weekend holidays in date order to the
 * next free working days, so the n-th moved day belongs to the n-th weekend holiday (unless
 * the office cancelled one with a working day; then the pairing is not shown).
 */
export function describeDaysOff(
  calendar: WorkCalendar,
  year: number,
  overrides: CalendarYearOverrides = EMPTY_YEAR_OVERRIDES,
): DayOff[] {
  const days = daysOffInYear(calendar, year);
  const weekendHolidays = MOVABLE_HOLIDAYS.map(([m, d]) => formatParts(year, m, d)).filter(
    isWeekend,
  );
  const moved = days.filter((day) => dayOffKind(calendar, day) === 'moved_holiday');
  const paired = moved.length === weekendHolidays.length;
  const custom = new Set(overrides.extraDaysOff);
  return days.map((day) => {
    const kind = dayOffKind(calendar, day) ?? 'transfer';
    let holiday: HolidayName | null = HOLIDAY_BY_DATE[day.slice(5)] ?? null;
    let movedFrom: string | null = null;
    // The only religious days off are Orthodox Christmas (fixed) and Kurban Ait (lunar).
    if (kind === 'religious' && holiday === null) holiday = 'kurbanAit';
    if (kind === 'moved_holiday') {
      holiday = null;
      const from = paired ? weekendHolidays[moved.indexOf(day)] : undefined;
      if (from !== undefined) {
        movedFrom = from;
        holiday = HOLIDAY_BY_DATE[from.slice(5)] ?? null;
      }
    }
    if (kind === 'transfer') holiday = null;
    return { day, kind, holiday, movedFrom, custom: custom.has(day) };
  });
}

/** How a day looks in the month grid. */
export type CellKind = 'work' | DayOffKind | 'extra_work';

export interface MonthCell {
  day: string;
  date: number;
  kind: CellKind;
}

export interface MonthGrid {
  month: number;
  /** Blank cells before the 1st in a Monday-first week. */
  offset: number;
  cells: MonthCell[];
}

/** Twelve months of `year`, every day with its kind; weekends made working are marked. */
export function yearGrid(calendar: WorkCalendar, year: number): MonthGrid[] {
  const months: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = dayNumberFromParts(year, month, 1);
    const offset = (weekdayOfDayNumber(first) + 6) % 7;
    const cells: MonthCell[] = [];
    const length = daysInMonth(year, month);
    for (let date = 1; date <= length; date++) {
      const day = formatParts(year, month, date);
      const off = dayOffKind(calendar, day);
      const kind: CellKind = off ?? (isWeekendDayNumber(first + date - 1) ? 'extra_work' : 'work');
      cells.push({ day, date, kind });
    }
    months.push({ month, offset, cells });
  }
  return months;
}

/** Working days in each month of the year and in total (useful for checking an order). */
export function workingDayTotals(grid: readonly MonthGrid[]): { byMonth: number[]; total: number } {
  const byMonth = grid.map(
    (m) => m.cells.filter((c) => c.kind === 'work' || c.kind === 'extra_work').length,
  );
  return { byMonth, total: byMonth.reduce((a, b) => a + b, 0) };
}
