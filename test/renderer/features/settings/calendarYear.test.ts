import { describe, expect, it } from 'vitest';
import { createKzCalendar } from '@shared/calendar';
import { toCalendarOverrides } from '@shared/domain';
import {
  describeDaysOff,
  workingDayTotals,
  yearGrid,
} from '@renderer/features/settings/calendarYear';

/** domain.md, "Computed examples to test against". */
const DAYS_OFF_2026 = [
  '2026-01-01',
  '2026-01-02',
  '2026-01-07',
  '2026-03-09',
  '2026-03-23',
  '2026-03-24',
  '2026-03-25',
  '2026-05-01',
  '2026-05-07',
  '2026-05-11',
  '2026-05-27',
  '2026-07-06',
  '2026-08-31',
  '2026-10-26',
  '2026-12-16',
];

describe('days off of a year, described', () => {
  it('2026: the weekday days off of domain.md with their kind and holiday', () => {
    const days = describeDaysOff(createKzCalendar(), 2026);
    expect(days.map((d) => d.day)).toEqual(DAYS_OFF_2026);
    const byDay = Object.fromEntries(days.map((d) => [d.day, d]));
    expect(byDay['2026-01-01']).toMatchObject({ kind: 'holiday', holiday: 'newYear' });
    expect(byDay['2026-01-07']).toMatchObject({ kind: 'religious', holiday: 'orthodoxChristmas' });
    // 8 March 2026 is a Sunday: the day off moves to Monday 9 March.
    expect(byDay['2026-03-09']).toMatchObject({
      kind: 'moved_holiday',
      holiday: 'womensDay',
      movedFrom: '2026-03-08',
    });
    // Nauryz 21–22 March fall on Saturday and Sunday; 23 March is Nauryz itself.
    expect(byDay['2026-03-23']).toMatchObject({ kind: 'holiday', holiday: 'nauryz' });
    expect(byDay['2026-03-24']).toMatchObject({ kind: 'moved_holiday', movedFrom: '2026-03-21' });
    expect(byDay['2026-03-25']).toMatchObject({ kind: 'moved_holiday', movedFrom: '2026-03-22' });
    expect(byDay['2026-05-11']).toMatchObject({ kind: 'moved_holiday', holiday: 'victory' });
    expect(byDay['2026-05-27']).toMatchObject({ kind: 'religious', holiday: 'kurbanAit' });
    expect(byDay['2026-08-31']).toMatchObject({ holiday: 'constitution' });
    expect(byDay['2026-10-26']).toMatchObject({ holiday: 'republic' });
    expect(days.every((d) => !d.custom)).toBe(true);
  });

  it('an office transfer shows up as a removable day off; a working day cancels one', () => {
    const overrides = {
      extraDaysOff: ['2026-01-05'],
      extraWorkingDays: ['2026-03-25'],
      religiousDaysOff: [],
    };
    const cal = createKzCalendar(toCalendarOverrides({ 2026: overrides }));
    const days = describeDaysOff(cal, 2026, overrides);
    expect(days.find((d) => d.day === '2026-01-05')).toMatchObject({
      kind: 'transfer',
      holiday: null,
      custom: true,
    });
    expect(days.map((d) => d.day)).not.toContain('2026-03-25');
    // With one moved day cancelled the pairing is not guessed.
    expect(days.find((d) => d.day === '2026-03-24')).toMatchObject({ movedFrom: null });
  });

  it('a different Kurban Ait date replaces the expected one', () => {
    const overrides = { extraDaysOff: [], extraWorkingDays: [], religiousDaysOff: ['2026-05-26'] };
    const cal = createKzCalendar(toCalendarOverrides({ 2026: overrides }));
    const days = describeDaysOff(cal, 2026, overrides).map((d) => d.day);
    expect(days).toContain('2026-05-26');
    expect(days).not.toContain('2026-05-27');
  });
});

describe('month grid', () => {
  it('has every day of 2026 on a Monday-first week, with weekends and holidays', () => {
    const grid = yearGrid(createKzCalendar(), 2026);
    expect(grid).toHaveLength(12);
    expect(grid.reduce((n, m) => n + m.cells.length, 0)).toBe(365);
    // 1 January 2026 was a Thursday.
    expect(grid[0]?.offset).toBe(3);
    expect(grid[0]?.cells[2]).toMatchObject({ day: '2026-01-03', kind: 'weekend' });
    expect(grid[2]?.cells[8]).toMatchObject({ day: '2026-03-09', kind: 'moved_holiday' });
    const { total } = workingDayTotals(grid);
    expect(total).toBe(365 - 104 - DAYS_OFF_2026.length);
  });

  it('marks a working Saturday', () => {
    const cal = createKzCalendar({ extraWorkingDays: ['2026-01-10'] });
    const grid = yearGrid(cal, 2026);
    expect(grid[0]?.cells[9]).toMatchObject({ day: '2026-01-10', kind: 'extra_work' });
  });
});
