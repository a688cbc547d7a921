import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addMonths,
  countsForMonth,
  daysInMonthOf,
  isMonthKey,
  monthBounds,
  monthGrid,
  monthOfDay,
  monthsBetween,
  monthsWithout,
  upcomingMonthsWithout,
  weekdayIndex,
  type PlannedReception,
} from '@shared/reception/months';

const monthArb = fc
  .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

function reception(date: string, status: PlannedReception['status'] = 'planned') {
  return { date, status, deletedAt: null };
}

describe('month keys', () => {
  it('recognises YYYY-MM only', () => {
    expect(isMonthKey('2026-11')).toBe(true);
    expect(isMonthKey('2026-13')).toBe(false);
    expect(isMonthKey('2026-1')).toBe(false);
    expect(isMonthKey('2026-11-01')).toBe(false);
  });

  it('adds months across year ends, both ways', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(() => addMonths('2026-00', 1)).toThrow(RangeError);
  });

  it('adding n then -n returns the month (property)', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: -400, max: 400 }), (month, n) => {
        expect(addMonths(addMonths(month, n), -n)).toBe(month);
        expect(isMonthKey(addMonths(month, n))).toBe(true);
      }),
    );
  });

  it('lists the months of a range, both ends included', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsBetween('2026-11', '2026-11')).toEqual(['2026-11']);
    expect(monthsBetween('2026-11', '2026-10')).toEqual([]);
  });

  it('knows month lengths, leap Februaries included', () => {
    expect(daysInMonthOf('2026-02')).toBe(28);
    expect(daysInMonthOf('2028-02')).toBe(29);
    expect(daysInMonthOf('2100-02')).toBe(28);
    expect(daysInMonthOf('2026-11')).toBe(30);
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthOfDay('2026-11-22')).toBe('2026-11');
  });
});

describe('month calendar grid', () => {
  it('November 2026 starts on a Sunday: the first week begins on Monday 26 October', () => {
    const weeks = monthGrid('2026-11');
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks[0]?.[6]).toBe('2026-11-01');
    expect(weeks.at(-1)?.[6]).toBe('2026-12-06');
    expect(weeks).toHaveLength(6);
  });

  it('February 2027 (Monday 1st, 28 days) fits in exactly four weeks', () => {
    const weeks = monthGrid('2027-02');
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]).toBe('2027-02-01');
    expect(weeks[3]?.[6]).toBe('2027-02-28');
  });

  it('every grid is whole Monday-to-Sunday weeks holding each day of the month once', () => {
    fc.assert(
      fc.property(monthArb, (month) => {
        const weeks = monthGrid(month);
        const days = weeks.flat();
        expect(weeks.every((w) => w.length === 7)).toBe(true);
        expect(weekdayIndex(days[0]!)).toBe(0);
        expect(weekdayIndex(days.at(-1)!)).toBe(6);
        expect(days.filter((d) => monthOfDay(d) === month)).toHaveLength(daysInMonthOf(month));
        expect(new Set(days).size).toBe(days.length);
      }),
    );
  });

  it('weekdays: Friday 20 November 2026, Sunday 22 November 2026', () => {
    expect(weekdayIndex('2026-11-20')).toBe(4);
    expect(weekdayIndex('2026-11-22')).toBe(6);
    expect(weekdayIndex('2026-11-23')).toBe(0);
  });
});

describe('months without a reception', () => {
  it('cancelled and deleted receptions do not count', () => {
    expect(countsForMonth(reception('2026-11-27'))).toBe(true);
    expect(countsForMonth(reception('2026-11-27', 'held'))).toBe(true);
    expect(countsForMonth(reception('2026-11-27', 'cancelled'))).toBe(false);
    expect(countsForMonth({ ...reception('2026-11-27'), deletedAt: '2026-11-21T10:00:00Z' })).toBe(
      false,
    );
  });

  it('finds the months with none', () => {
    const receptions = [
      reception('2026-11-27'),
      reception('2027-01-15', 'cancelled'),
      reception('2027-02-05', 'held'),
    ];
    expect(monthsWithout(receptions, monthsBetween('2026-11', '2027-02'))).toEqual([
      '2026-12',
      '2027-01',
    ]);
  });

  it('warns about this month and the next ones, never about past months', () => {
    const receptions = [reception('2026-12-10')];
    expect(upcomingMonthsWithout(receptions, '2026-11-22')).toEqual(['2026-11', '2027-01']);
    expect(upcomingMonthsWithout(receptions, '2026-11-22', 0)).toEqual(['2026-11']);
    expect(upcomingMonthsWithout([reception('2026-11-02', 'held')], '2026-11-22', 1)).toEqual([
      '2026-12',
    ]);
  });
});
