import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addMonths } from 'date-fns';
import {
  addMonthsClamped,
  dayNumberFromParts,
  daysInMonth,
  formatDay,
  formatLocalDateTime,
  isLeapYear,
  isValidDay,
  parseDay,
  parseLocalDateTime,
  parseTimeOfDay,
  partsFromDayNumber,
  weekdayOfDayNumber,
} from '@shared/calendar/dates';

const MS_PER_DAY = 86_400_000;

// Dates 0100-01-01 … 9999-12-31 expressed as day numbers, checked against Date.UTC below.
const dayNumberArb = fc.integer({
  min: dayNumberFromParts(100, 1, 1),
  max: dayNumberFromParts(9999, 12, 31),
});

describe('day numbers', () => {
  it('matches known anchors', () => {
    expect(dayNumberFromParts(1970, 1, 1)).toBe(0);
    expect(dayNumberFromParts(2000, 3, 1)).toBe(11017);
    expect(dayNumberFromParts(1969, 12, 31)).toBe(-1);
    expect(parseDay('2026-01-05')).toBe(Date.UTC(2026, 0, 5) / MS_PER_DAY);
  });

  it('agrees with Date.UTC and getUTCDay for every date from year 100 to 9999', () => {
    fc.assert(
      fc.property(dayNumberArb, (n) => {
        const date = new Date(n * MS_PER_DAY);
        const { year, month, day } = partsFromDayNumber(n);
        expect([year, month, day]).toEqual([
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        ]);
        expect(dayNumberFromParts(year, month, day)).toBe(n);
        expect(weekdayOfDayNumber(n)).toBe(date.getUTCDay());
        expect(formatDay(n)).toBe(date.toISOString().slice(0, 10));
        expect(parseDay(formatDay(n))).toBe(n);
      }),
    );
  });

  it('formats four-digit years with leading zeros and refuses years outside 1–9999', () => {
    expect(formatDay(dayNumberFromParts(1, 1, 1))).toBe('0001-01-01');
    expect(formatDay(dayNumberFromParts(9999, 12, 31))).toBe('9999-12-31');
    expect(() => formatDay(dayNumberFromParts(10000, 1, 1))).toThrow(RangeError);
    expect(() => formatDay(dayNumberFromParts(0, 12, 31))).toThrow(/outside 1–9999/);
  });
});

describe('validation of YYYY-MM-DD', () => {
  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-1-5',
    '2026-01-5',
    '26-01-05',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-00',
    '0000-01-01',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '2026/01/05',
    '',
  ])('rejects %j', (value) => {
    expect(isValidDay(value)).toBe(false);
    expect(() => parseDay(value)).toThrow(RangeError);
  });

  it('names the problem in the message', () => {
    expect(() => parseDay('2026-02-30')).toThrow(
      "Invalid date '2026-02-30': no such calendar date",
    );
    expect(() => parseDay('2026-1-5', 'registeredOn')).toThrow(
      "Invalid registeredOn '2026-1-5': expected the format YYYY-MM-DD",
    );
    expect(() => parseDay(20260105 as unknown as string)).toThrow(
      'Invalid date 20260105: expected the format YYYY-MM-DD',
    );
  });

  it('accepts real dates, leap days included', () => {
    for (const day of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) {
      expect(isValidDay(day)).toBe(true);
    }
    expect(isValidDay(null)).toBe(false);
    expect(isLeapYear(2024) && isLeapYear(2000) && !isLeapYear(1900) && !isLeapYear(2026)).toBe(
      true,
    );
    expect([1, 2, 4, 12].map((m) => daysInMonth(2028, m))).toEqual([31, 29, 30, 31]);
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-15', 0, '2026-05-15'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonthsClamped(day, months)).toBe(expected);
  });

  it('matches date-fns addMonths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberFromParts(1990, 1, 1), max: dayNumberFromParts(2090, 12, 31) }),
        fc.integer({ min: -24, max: 24 }),
        (n, months) => {
          const { year, month, day } = partsFromDayNumber(n);
          // Local noon: immune to any daylight-saving shift of the machine running the test.
          const expected = addMonths(new Date(year, month - 1, day, 12), months);
          const [y, m, d] = addMonthsClamped(formatDay(n), months).split('-').map(Number);
          expect([y, m, d]).toEqual([
            expected.getFullYear(),
            expected.getMonth() + 1,
            expected.getDate(),
          ]);
        },
      ),
    );
  });

  it('rejects fractional months and results outside the supported years', () => {
    expect(() => addMonthsClamped('2026-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonthsClamped('9999-12-01', 1)).toThrow(/outside/);
    expect(() => addMonthsClamped('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('local date-times', () => {
  it('parses with or without seconds and formats without them', () => {
    const noon = parseLocalDateTime('2026-03-20T12:00');
    expect(noon).toBe(parseDay('2026-03-20') * 1440 + 720);
    expect(parseLocalDateTime('2026-03-20T12:00:59')).toBe(noon);
    expect(parseLocalDateTime('2026-03-20T12:00:59.123')).toBe(noon);
    expect(formatLocalDateTime(noon)).toBe('2026-03-20T12:00');
    expect(formatLocalDateTime(parseLocalDateTime('2026-01-01T00:05'))).toBe('2026-01-01T00:05');
    expect(formatLocalDateTime(parseLocalDateTime('2025-12-31T23:59'))).toBe('2025-12-31T23:59');
  });

  it.each([
    '2026-03-20',
    '2026-03-20 12:00',
    '2026-03-20T24:00',
    '2026-03-20T12:60',
    '2026-03-20T12:00:60',
    '2026-03-20T12:00Z',
    '2026-03-20T12:00+05:00',
    '2026-02-30T12:00',
    '2026-03-20T9:00',
    '2026-03-20T12:00:00.',
    '2026-03-20T12:00:00.1234',
    '2026-03-20T12:00:00,5',
    '2026-03-20T12:00:0a',
    '2026-03-20T1a:00',
    '2026-03-20T12:00:00.1x',
    '2026-03-20T12:00:5',
    '2026-0x-20T12:00',
  ])('rejects %j', (value) => {
    expect(() => parseLocalDateTime(value)).toThrow(RangeError);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseLocalDateTime(undefined as unknown as string)).toThrow(
      'Invalid date-time undefined',
    );
    expect(() => parseTimeOfDay(900 as unknown as string)).toThrow('Invalid time 900');
  });

  it('parses clock times, 24:00 included as the end of the day', () => {
    expect(parseTimeOfDay('09:00')).toBe(540);
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    for (const bad of ['9:00', '24:01', '25:00', '12:60', '12-00', '']) {
      expect(() => parseTimeOfDay(bad)).toThrow(RangeError);
    }
  });
});
