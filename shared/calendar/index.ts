// Working-day calendar of Kazakhstan. Every query goes through a per-year table computed
// once per calendar on first use: a day-kind array plus prefix sums of working days, so
// counting and adding working days costs a lookup and a binary search, not a day-by-day walk
// (the registry computes deadline badges for tens of thousands of appeals).

import {
  MAX_YEAR,
  MIN_YEAR,
  dayNumberFromParts,
  daysInYear,
  formatDay,
  isWeekendDayNumber,
  parseDay,
  parseDayParts,
  weekdayOfDayNumber,
} from './dates';
import {
  BUILT_IN_TRANSFERS,
  FIXED_RELIGIOUS_DAYS_OFF,
  KURBAN_AIT_FIRST_DAY,
  MOVABLE_HOLIDAYS,
} from './kzHolidays';

export { isValidDay } from './dates';

/** Per-year corrections an office keeps in settings. */
export type KzCalendarOverrides = {
  /** Extra days off from government transfer orders; added to the built-in ones. */
  extraDaysOff?: string[];
  /** Working days that would otherwise be off (working Saturdays, cancelled days off). */
  extraWorkingDays?: string[];
  /** Lunar religious days off of a year (Kurban Ait); replaces the built-in dates of that year. */
  religiousDaysOff?: Record<number, string[]>;
};

/** Why a day is not a working day. */
export type DayOffKind = 'weekend' | 'holiday' | 'moved_holiday' | 'religious' | 'transfer';

declare const workCalendarBrand: unique symbol;

/**
 * A working-day calendar. Create it with `createKzCalendar`; it is immutable and caches its
 * per-year tables, so keep one instance per set of overrides.
 */
export type WorkCalendar = {
  readonly [workCalendarBrand]: true;
  /** The normalised overrides the calendar was created with (sorted, without duplicates). */
  readonly overrides: {
    readonly extraDaysOff: readonly string[];
    readonly extraWorkingDays: readonly string[];
    readonly religiousDaysOff: Readonly<Record<number, readonly string[]>>;
  };
};

const WORKING = 0;
const KIND_CODES: readonly DayOffKind[] = [
  'weekend',
  'holiday',
  'moved_holiday',
  'religious',
  'transfer',
];
const WEEKEND = 1;
const HOLIDAY = 2;
const MOVED = 3;
const RELIGIOUS = 4;
const TRANSFER = 5;

type YearTable = {
  /** Day number of 1 January. */
  readonly start: number;
  /** 0 for a working day, else 1 + index in KIND_CODES. */
  readonly kinds: Uint8Array;
  /** cum[i] = number of working days among the first i days of the year. */
  readonly cum: Int32Array;
  readonly total: number;
};

type CalendarState = {
  readonly extraOff: ReadonlyMap<number, readonly number[]>;
  readonly extraWork: ReadonlyMap<number, readonly number[]>;
  readonly religious: ReadonlyMap<number, readonly number[]>;
  readonly years: Map<number, YearTable>;
};

// Kept outside the calendar object so the calendar stays plain, frozen data.
const states = new WeakMap<WorkCalendar, CalendarState>();

function groupByYear(days: Iterable<string>): Map<number, number[]> {
  const byYear = new Map<number, number[]>();
  for (const day of days) {
    const { year, month, day: d } = parseDayParts(day);
    const list = byYear.get(year);
    const dn = dayNumberFromParts(year, month, d);
    if (list === undefined) byYear.set(year, [dn]);
    else list.push(dn);
  }
  return byYear;
}

function normaliseDays(days: unknown, label: string): string[] {
  if (days === undefined) return [];
  if (!Array.isArray(days)) throw new RangeError(`${label} must be an array of YYYY-MM-DD dates`);
  for (const day of days) parseDay(day as string, `date in ${label}`);
  return [...new Set(days as string[])].sort();
}

export function createKzCalendar(overrides: KzCalendarOverrides = {}): WorkCalendar {
  const extraDaysOff = normaliseDays(overrides.extraDaysOff, 'extraDaysOff');
  const extraWorkingDays = normaliseDays(overrides.extraWorkingDays, 'extraWorkingDays');
  const clash = extraDaysOff.find((day) => extraWorkingDays.includes(day));
  if (clash !== undefined) {
    throw new RangeError(`${clash} is listed both in extraDaysOff and in extraWorkingDays`);
  }

  const religiousDaysOff: Record<number, readonly string[]> = {};
  const religious = new Map<number, number[]>();
  for (const [key, days] of Object.entries(overrides.religiousDaysOff ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new RangeError(`Invalid year '${key}' in religiousDaysOff`);
    }
    const list = normaliseDays(days, `religiousDaysOff[${year}]`);
    const stray = list.find((day) => parseDayParts(day).year !== year);
    if (stray !== undefined) {
      throw new RangeError(`religiousDaysOff[${year}] contains ${stray}, a date of another year`);
    }
    religiousDaysOff[year] = Object.freeze(list);
    religious.set(
      year,
      list.map((day) => parseDay(day)),
    );
  }

  // User working days cancel built-in transfers too (that is how an order is corrected).
  const offDays = [...BUILT_IN_TRANSFERS.extraDaysOff, ...extraDaysOff].filter(
    (day) => !extraWorkingDays.includes(day),
  );
  const workDays = [...BUILT_IN_TRANSFERS.extraWorkingDays, ...extraWorkingDays];

  const calendar = Object.freeze({
    overrides: Object.freeze({
      extraDaysOff: Object.freeze(extraDaysOff),
      extraWorkingDays: Object.freeze(extraWorkingDays),
      religiousDaysOff: Object.freeze(religiousDaysOff),
    }),
  }) as WorkCalendar;
  states.set(calendar, {
    extraOff: groupByYear(offDays),
    extraWork: groupByYear(workDays),
    religious,
    years: new Map(),
  });
  return calendar;
}

function stateOf(cal: WorkCalendar): CalendarState {
  const state = states.get(cal);
  if (state === undefined) throw new TypeError('Not a calendar made by createKzCalendar');
  return state;
}

function religiousDayNumbers(state: CalendarState, year: number): number[] {
  const days = FIXED_RELIGIOUS_DAYS_OFF.map(([m, d]) => dayNumberFromParts(year, m, d));
  const lunar = state.religious.get(year);
  if (lunar !== undefined) return [...days, ...lunar];
  const kurban = KURBAN_AIT_FIRST_DAY[year];
  return kurban === undefined ? days : [...days, parseDay(kurban)];
}

function buildYear(state: CalendarState, year: number): YearTable {
  const start = dayNumberFromParts(year, 1, 1);
  const length = daysInYear(year);
  const firstWeekday = weekdayOfDayNumber(start);
  const isWeekend = (i: number): boolean => {
    const wd = (firstWeekday + i) % 7;
    return wd === 0 || wd === 6;
  };

  const holiday = new Uint8Array(length);
  const religious = new Uint8Array(length);
  const moved = new Uint8Array(length);
  const holidayIdx = MOVABLE_HOLIDAYS.map(([m, d]) => dayNumberFromParts(year, m, d) - start);
  for (const i of holidayIdx) holiday[i] = 1;
  for (const dn of religiousDayNumbers(state, year)) religious[dn - start] = 1;

  // Chronological order matters: with 21–23 March on Sat–Mon, the first moved day takes
  // Tuesday and the second one Wednesday. The last holiday is 16 December, so a moved day
  // always stays inside the year.
  for (const h of holidayIdx) {
    if (!isWeekend(h)) continue;
    let c = h + 1;
    while (isWeekend(c) || holiday[c] === 1 || religious[c] === 1 || moved[c] === 1) c++;
    moved[c] = 1;
  }

  const kinds = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    if (holiday[i] === 1) kinds[i] = HOLIDAY;
    else if (religious[i] === 1) kinds[i] = RELIGIOUS;
    else if (moved[i] === 1) kinds[i] = MOVED;
    else if (isWeekend(i)) kinds[i] = WEEKEND;
  }
  for (const dn of state.extraOff.get(year) ?? []) {
    if (kinds[dn - start] === WORKING) kinds[dn - start] = TRANSFER;
  }
  for (const dn of state.extraWork.get(year) ?? []) kinds[dn - start] = WORKING;

  const cum = new Int32Array(length + 1);
  let count = 0;
  for (let i = 0; i < length; i++) {
    if (kinds[i] === WORKING) count++;
    cum[i + 1] = count;
  }
  return { start, kinds, cum, total: count };
}

function tableFor(state: CalendarState, year: number): YearTable {
  let table = state.years.get(year);
  if (table === undefined) {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new RangeError(`Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
    }
    table = buildYear(state, year);
    state.years.set(year, table);
  }
  return table;
}

type Located = { table: YearTable; year: number; index: number };

function locate(state: CalendarState, day: string, label: string): Located {
  const { year, month, day: d } = parseDayParts(day, label);
  const table = tableFor(state, year);
  return { table, year, index: dayNumberFromParts(year, month, d) - table.start };
}

/** Working days of the year up to and including the located day. */
function countThrough({ table, index }: Located): number {
  return table.cum[index + 1] ?? 0;
}

export function isWorkingDay(cal: WorkCalendar, day: string): boolean {
  const { table, index } = locate(stateOf(cal), day, 'date');
  return table.kinds[index] === WORKING;
}

/** Why `day` is a day off, or null for a working day. */
export function dayOffKind(cal: WorkCalendar, day: string): DayOffKind | null {
  const { table, index } = locate(stateOf(cal), day, 'date');
  const code = table.kinds[index] ?? WORKING;
  return code === WORKING ? null : (KIND_CODES[code - 1] ?? null);
}

/**
 * The n-th working day after `day` (n = 0 returns `day` itself, even when it is a day off:
 * a term of zero days ends where it starts).
 */
export function addWorkingDays(cal: WorkCalendar, day: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Invalid number of working days ${n}: expected an integer ≥ 0`);
  }
  const state = stateOf(cal);
  const located = locate(state, day, 'date');
  if (n === 0) return day;
  let { table, year } = located;
  let target = countThrough(located) + n;
  while (target > table.total) {
    target -= table.total;
    year++;
    if (year > MAX_YEAR)
      throw new RangeError(`${n} working days after ${day} is beyond ${MAX_YEAR}`);
    table = tableFor(state, year);
  }
  // Smallest index whose running count reaches the target; it is a working day by construction.
  let lo = 0;
  let hi = table.kinds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table.cum[mid + 1] ?? 0) >= target) hi = mid;
    else lo = mid + 1;
  }
  return formatDay(table.start + lo);
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(cal: WorkCalendar, day: string): string {
  return addWorkingDays(cal, day, 1);
}

/**
 * Number of working days d with from < d ≤ to; negative (and symmetric) when to < from.
 * For every day d and n ≥ 0: workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n.
 */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  const state = stateOf(cal);
  const a = locate(state, from, 'start date');
  const b = locate(state, to, 'end date');
  if (a.year === b.year) return countThrough(b) - countThrough(a);
  const [lo, hi] = a.year < b.year ? [a, b] : [b, a];
  let count = lo.table.total - countThrough(lo) + countThrough(hi);
  for (let year = lo.year + 1; year < hi.year; year++) count += tableFor(state, year).total;
  // 0 - count rather than -count: a -0 would fail Object.is / toBe comparisons downstream.
  return a.year < b.year ? count : 0 - count;
}

/** The days off of `year` that fall on Monday–Friday, in order (for the settings screen). */
export function daysOffInYear(cal: WorkCalendar, year: number): string[] {
  const table = tableFor(stateOf(cal), year);
  const result: string[] = [];
  table.kinds.forEach((kind, i) => {
    const dn = table.start + i;
    if (kind !== WORKING && !isWeekendDayNumber(dn)) result.push(formatDay(dn));
  });
  return result;
}
