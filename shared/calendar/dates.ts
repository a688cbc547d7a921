// Calendar arithmetic on 'YYYY-MM-DD' strings through integer day numbers (days since
// 1970-01-01 in the proleptic Gregorian calendar). No Date objects: the host's time zone
// must never shift a Kazakh calendar date, and the office laptop may be set to any zone.

/** Smallest and largest supported years: four-digit years only. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const TIME_RE = /^(\d{2}):(\d{2})$/;
const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const LETTER_T = 84;

export const MINUTES_PER_DAY = 1440;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export type DateParts = { year: number; month: number; day: number };

export function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// Parsing is hand-rolled rather than done with regular expressions: dates are parsed several
// times per appeal row when the registry computes its deadline badges.
function digitsAt(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = value.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Reads 'YYYY-MM-DD' at the start of `value`, or null when the shape is wrong. */
function leadingDay(value: string): [number, number, number] | null {
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year < 0 || month < 0 || day < 0 ? null : [year, month, day];
}

/** Splits 'YYYY-MM-DD' into numbers, or null when the shape is wrong (not the values). */
function splitDay(value: unknown): [number, number, number] | null {
  return typeof value === 'string' && value.length === 10 ? leadingDay(value) : null;
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD'. */
export function isValidDay(value: unknown): value is string {
  const parts = splitDay(value);
  return parts !== null && validParts(parts[0], parts[1], parts[2]);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** Parses 'YYYY-MM-DD' into its parts; throws a RangeError for anything else. */
export function parseDayParts(value: string, label = 'date'): DateParts {
  const parts = splitDay(value);
  if (parts === null) {
    throw new RangeError(`Invalid ${label} ${quote(value)}: expected the format YYYY-MM-DD`);
  }
  const [year, month, day] = parts;
  if (!validParts(year, month, day)) {
    throw new RangeError(`Invalid ${label} ${quote(value)}: no such calendar date`);
  }
  return { year, month, day };
}

/** Parses 'YYYY-MM-DD' into a day number; throws a RangeError for anything else. */
export function parseDay(value: string, label = 'date'): number {
  const { year, month, day } = parseDayParts(value, label);
  return dayNumberFromParts(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export function formatParts(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Formats a day number as 'YYYY-MM-DD'; throws outside years 0001–9999. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Date out of range: year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return formatParts(year, month, day);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const wd = weekdayOfDayNumber(dayNumber);
  return wd === 0 || wd === 6;
}

/**
 * Adds calendar months with date-fns `addMonths` semantics: the day of month is kept, or
 * clamped to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonthsClamped(value: string, months: number): string {
  if (!Number.isInteger(months)) {
    throw new RangeError(`Invalid number of months ${months}: expected an integer`);
  }
  const { year, month, day } = parseDayParts(value);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new RangeError(`Date out of range: year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return formatParts(y, mo, Math.min(day, daysInMonth(y, mo)));
}

/**
 * A local wall-clock moment as minutes since 1970-01-01T00:00 local time. Kazakhstan has a
 * single zone without daylight saving, so clock hours can be added arithmetically.
 */
export type LocalMinutes = number;

/** Splits 'YYYY-MM-DDTHH:mm[:ss[.fff]]' into numbers, or null when the shape is wrong. */
function splitDateTime(value: unknown): [number, number, number, number, number, number] | null {
  if (typeof value !== 'string') return null;
  const { length } = value;
  const shapeOk =
    value.charCodeAt(10) === LETTER_T &&
    value.charCodeAt(13) === COLON &&
    (length === 16 ||
      (length >= 19 &&
        value.charCodeAt(16) === COLON &&
        (length === 19 ||
          (length >= 21 &&
            length <= 23 &&
            value.charCodeAt(19) === DOT &&
            digitsAt(value, 20, length - 20) >= 0))));
  const day = shapeOk ? leadingDay(value) : null;
  if (day === null) return null;
  const hours = digitsAt(value, 11, 2);
  const minutes = digitsAt(value, 14, 2);
  const seconds = length >= 19 ? digitsAt(value, 17, 2) : 0;
  return hours < 0 || minutes < 0 || seconds < 0 ? null : [...day, hours, minutes, seconds];
}

/** Parses 'YYYY-MM-DDTHH:mm', optionally with ':ss' and fractions; seconds are dropped. */
export function parseLocalDateTime(value: string, label = 'date-time'): LocalMinutes {
  const parts = splitDateTime(value);
  if (parts === null) {
    throw new RangeError(
      `Invalid ${label} ${quote(value)}: expected the local format YYYY-MM-DDTHH:mm`,
    );
  }
  const [year, month, day, hours, minutes, seconds] = parts;
  if (!validParts(year, month, day) || hours > 23 || minutes > 59 || seconds > 59) {
    throw new RangeError(`Invalid ${label} ${quote(value)}: no such date or time`);
  }
  return dayNumberFromParts(year, month, day) * MINUTES_PER_DAY + hours * 60 + minutes;
}

/** Formats local minutes as 'YYYY-MM-DDTHH:mm'. */
export function formatLocalDateTime(value: LocalMinutes): string {
  const dayNumber = Math.floor(value / MINUTES_PER_DAY);
  const minuteOfDay = value - dayNumber * MINUTES_PER_DAY;
  return `${formatDay(dayNumber)}T${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** Adds clock hours to a local date-time 'YYYY-MM-DDTHH:mm' (no calendar: hours run on weekends too). */
export function addHours(localDateTime: string, hours: number): string {
  return formatLocalDateTime(parseLocalDateTime(localDateTime) + hours * 60);
}

/** Parses a clock time 'HH:mm' (00:00–23:59, or 24:00 for the end of the day) into minutes. */
export function parseTimeOfDay(value: string, label = 'time'): number {
  const m = typeof value === 'string' ? TIME_RE.exec(value) : null;
  const hours = m === null ? NaN : Number(m[1]);
  const minutes = m === null ? NaN : Number(m[2]);
  const total = hours * 60 + minutes;
  if (!(minutes <= 59 && total <= MINUTES_PER_DAY)) {
    throw new RangeError(`Invalid ${label} ${quote(value)}: expected the format HH:mm`);
  }
  return total;
}
