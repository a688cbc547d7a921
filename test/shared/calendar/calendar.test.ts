import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  createKzCalendar,
  dayOffKind,
  daysOffInYear,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from '@shared/calendar';
import { dayNumberFromParts, formatDay, parseDay } from '@shared/calendar/dates';

const cal = createKzCalendar();

const days = (year: number, list: string[]): string[] => list.map((md) => `${year}-${md}`);

// Day-by-day reference implementations, deliberately naive, to check the prefix-sum tables.
function naiveAdd(c: WorkCalendar, day: string, n: number): string {
  let dn = parseDay(day);
  for (let left = n; left > 0;) {
    dn++;
    if (isWorkingDay(c, formatDay(dn))) left--;
  }
  return formatDay(dn);
}

function naiveBetween(c: WorkCalendar, from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  let count = 0;
  for (let dn = Math.min(a, b) + 1; dn <= Math.max(a, b); dn++) {
    if (isWorkingDay(c, formatDay(dn))) count++;
  }
  return a <= b ? count : 0 - count;
}

const dayArb = (fromYear: number, toYear: number) =>
  fc
    .integer({
      min: dayNumberFromParts(fromYear, 1, 1),
      max: dayNumberFromParts(toYear, 12, 31),
    })
    .map(formatDay);

const day2024to2030 = dayArb(2024, 2030);
const nArb = fc.integer({ min: 0, max: 200 });

describe('weekday days off, exactly as listed in domain.md', () => {
  it('2025', () => {
    // 3 Jan: government transfer of the day off of Sunday 5 Jan. 8 Mar (Sat) → Mon 10 Mar.
    // Nauryz: Fri 21, with Sat 22 and Sun 23 moved to Mon 24 and Tue 25. 6 Jun: Kurban Ait.
    // 6 Jul (Sun) → 7 Jul; 30 Aug (Sat) → 1 Sep; 25 Oct (Sat) → 27 Oct.
    expect(daysOffInYear(cal, 2025)).toEqual(
      days(2025, [
        '01-01',
        '01-02',
        '01-03',
        '01-07',
        '03-10',
        '03-21',
        '03-24',
        '03-25',
        '05-01',
        '05-07',
        '05-09',
        '06-06',
        '07-07',
        '09-01',
        '10-27',
        '12-16',
      ]),
    );
  });

  it('2026', () => {
    // 8 Mar (Sun) → 9 Mar. Nauryz: Sat 21 and Sun 22 → Tue 24 and Wed 25 (Mon 23 is Nauryz
    // itself). 9 May (Sat) → 11 May. 27 May: Kurban Ait. 30 Aug (Sun) → 31 Aug;
    // 25 Oct (Sun) → 26 Oct.
    expect(daysOffInYear(cal, 2026)).toEqual(
      days(2026, [
        '01-01',
        '01-02',
        '01-07',
        '03-09',
        '03-23',
        '03-24',
        '03-25',
        '05-01',
        '05-07',
        '05-11',
        '05-27',
        '07-06',
        '08-31',
        '10-26',
        '12-16',
      ]),
    );
  });
});

describe('holidays moved off weekends (computed by hand)', () => {
  it('2027', () => {
    // 1 Jan Fri, 2 Jan Sat → Mon 4 Jan. 7 Jan Thu. 8 Mar Mon.
    // Nauryz: Sun 21 → first weekday not a holiday is Wed 24 (22, 23 are Nauryz).
    // 1 May Sat → Mon 3 May. 7 May Fri. 9 May Sun → Mon 10 May.
    // Kurban Ait Sun 16 May: religious, not moved. 6 Jul Tue, 30 Aug Mon, 25 Oct Mon, 16 Dec Thu.
    expect(daysOffInYear(cal, 2027)).toEqual(
      days(2027, [
        '01-01',
        '01-04',
        '01-07',
        '03-08',
        '03-22',
        '03-23',
        '03-24',
        '05-03',
        '05-07',
        '05-10',
        '07-06',
        '08-30',
        '10-25',
        '12-16',
      ]),
    );
    expect(isWorkingDay(cal, '2027-05-17')).toBe(true);
    expect(dayOffKind(cal, '2027-05-16')).toBe('religious');
  });

  it('2028', () => {
    // 1 Jan Sat, 2 Jan Sun → Mon 3 and Tue 4 Jan. 7 Jan Fri. 8 Mar Wed. Nauryz Tue–Thu.
    // 1 May Mon. Kurban Ait Fri 5 May. 7 May Sun → Mon 8 May. 9 May Tue.
    // 6 Jul Thu, 30 Aug Wed, 25 Oct Wed. 16 Dec Sat → Mon 18 Dec.
    expect(daysOffInYear(cal, 2028)).toEqual(
      days(2028, [
        '01-03',
        '01-04',
        '01-07',
        '03-08',
        '03-21',
        '03-22',
        '03-23',
        '05-01',
        '05-05',
        '05-08',
        '05-09',
        '07-06',
        '08-30',
        '10-25',
        '12-18',
      ]),
    );
  });

  it('2029 and 2030: religious days on a weekend stay there', () => {
    // 2029: 7 Jan Sun (not moved); 7 May Mon; Kurban Ait Tue 24 Apr; 16 Dec Sun → Mon 17 Dec.
    expect(daysOffInYear(cal, 2029)).toEqual(
      days(2029, [
        '01-01',
        '01-02',
        '03-08',
        '03-21',
        '03-22',
        '03-23',
        '04-24',
        '05-01',
        '05-07',
        '05-09',
        '07-06',
        '08-30',
        '10-25',
        '12-17',
      ]),
    );
    // 2030: Kurban Ait Sat 13 Apr (not moved); Nauryz Thu–Sat → Mon 25 Mar; 6 Jul Sat → 8 Jul.
    expect(daysOffInYear(cal, 2030)).toEqual(
      days(2030, [
        '01-01',
        '01-02',
        '01-07',
        '03-08',
        '03-21',
        '03-22',
        '03-25',
        '05-01',
        '05-07',
        '05-09',
        '07-08',
        '08-30',
        '10-25',
        '12-16',
      ]),
    );
  });

  it('labels why a day is off', () => {
    expect(dayOffKind(cal, '2026-03-23')).toBe('holiday');
    expect(dayOffKind(cal, '2026-03-21')).toBe('holiday');
    expect(dayOffKind(cal, '2026-03-24')).toBe('moved_holiday');
    expect(dayOffKind(cal, '2026-01-07')).toBe('religious');
    expect(dayOffKind(cal, '2025-01-03')).toBe('transfer');
    expect(dayOffKind(cal, '2026-01-10')).toBe('weekend');
    expect(dayOffKind(cal, '2026-01-08')).toBeNull();
  });

  it('knows no Kurban Ait outside 2024–2030', () => {
    const lunar = (year: number) =>
      daysOffInYear(cal, year).filter(
        (d) => dayOffKind(cal, d) === 'religious' && !d.endsWith('-01-07'),
      );
    expect(lunar(2023)).toEqual([]);
    expect(lunar(2031)).toEqual([]);
    expect(lunar(2029)).toEqual(['2029-04-24']);
    expect(dayOffKind(cal, '2031-01-07')).toBe('religious');
  });
});

describe('overrides', () => {
  it('adds extra days off and working Saturdays', () => {
    const c = createKzCalendar({
      extraDaysOff: ['2026-01-05'],
      extraWorkingDays: ['2026-01-10'],
    });
    expect(isWorkingDay(c, '2026-01-05')).toBe(false);
    expect(dayOffKind(c, '2026-01-05')).toBe('transfer');
    expect(isWorkingDay(c, '2026-01-10')).toBe(true);
    expect(daysOffInYear(c, 2026).slice(0, 4)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-07',
    ]);
    // Fri 9 Jan + 1 working day is now Saturday 10 Jan.
    expect(addWorkingDays(c, '2026-01-09', 1)).toBe('2026-01-10');
    expect(workingDaysBetween(c, '2026-01-02', '2026-01-12')).toBe(
      workingDaysBetween(cal, '2026-01-02', '2026-01-12'),
    );
    // An extra day off on a weekend changes nothing.
    expect(dayOffKind(createKzCalendar({ extraDaysOff: ['2026-01-11'] }), '2026-01-11')).toBe(
      'weekend',
    );
    // The default calendar is untouched.
    expect(isWorkingDay(cal, '2026-01-05')).toBe(true);
  });

  it('lets a working day cancel the built-in 2025 transfer', () => {
    const c = createKzCalendar({ extraWorkingDays: ['2025-01-03'] });
    expect(isWorkingDay(c, '2025-01-03')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-03')).toBe(false);
  });

  it('replaces the lunar religious days of a year and keeps 7 January', () => {
    const c = createKzCalendar({
      religiousDaysOff: { 2026: ['2026-05-26'], 2031: ['2031-03-28'] },
    });
    expect(isWorkingDay(c, '2026-05-26')).toBe(false);
    expect(isWorkingDay(c, '2026-05-27')).toBe(true);
    expect(isWorkingDay(c, '2026-01-07')).toBe(false);
    expect(isWorkingDay(c, '2031-03-28')).toBe(false);
    expect(isWorkingDay(cal, '2031-03-28')).toBe(true);
    expect(createKzCalendar({ religiousDaysOff: { 2025: [] } }).overrides.religiousDaysOff).toEqual(
      { 2025: [] },
    );
    expect(isWorkingDay(createKzCalendar({ religiousDaysOff: { 2025: [] } }), '2025-06-06')).toBe(
      true,
    );
  });

  it('moves a weekend holiday past a religious day', () => {
    // 2027: Sun 21 Mar would move to Wed 24; a religious day there pushes it to Thu 25.
    const c = createKzCalendar({ religiousDaysOff: { 2027: ['2027-03-24'] } });
    expect(dayOffKind(c, '2027-03-24')).toBe('religious');
    expect(dayOffKind(c, '2027-03-25')).toBe('moved_holiday');
    expect(isWorkingDay(c, '2027-03-26')).toBe(true);
  });

  it('normalises the overrides it keeps', () => {
    const c = createKzCalendar({ extraDaysOff: ['2026-02-03', '2026-01-05', '2026-02-03'] });
    expect(c.overrides.extraDaysOff).toEqual(['2026-01-05', '2026-02-03']);
    expect(c.overrides.extraWorkingDays).toEqual([]);
    expect(Object.isFrozen(c) && Object.isFrozen(c.overrides.extraDaysOff)).toBe(true);
  });

  it('rejects invalid overrides', () => {
    expect(() => createKzCalendar({ extraDaysOff: ['2026-02-30'] })).toThrow(
      "Invalid date in extraDaysOff '2026-02-30'",
    );
    expect(() => createKzCalendar({ extraWorkingDays: ['2026-1-10'] })).toThrow(RangeError);
    expect(() =>
      createKzCalendar({ extraDaysOff: ['2026-01-05'], extraWorkingDays: ['2026-01-05'] }),
    ).toThrow('2026-01-05 is listed both in extraDaysOff and in extraWorkingDays');
    expect(() => createKzCalendar({ religiousDaysOff: { 2026: ['2027-05-16'] } })).toThrow(
      'religiousDaysOff[2026] contains 2027-05-16, a date of another year',
    );
    expect(() =>
      createKzCalendar({ religiousDaysOff: { 0: ['2026-05-27'] } as Record<number, string[]> }),
    ).toThrow("Invalid year '0'");
    expect(() => createKzCalendar({ extraDaysOff: '2026-01-05' as unknown as string[] })).toThrow(
      'extraDaysOff must be an array',
    );
  });
});

describe('queries and input validation', () => {
  it('adds working days across holidays and years', () => {
    expect(addWorkingDays(cal, '2026-03-20', 1)).toBe('2026-03-26');
    expect(addWorkingDays(cal, '2026-03-20', 15)).toBe('2026-04-15');
    // Wed 31 Dec, then 1–2 Jan off and a weekend: Mon 5, Tue 6.
    expect(addWorkingDays(cal, '2025-12-30', 3)).toBe('2026-01-06');
    expect(addWorkingDays(cal, '2026-03-22', 0)).toBe('2026-03-22');
    expect(nextWorkingDay(cal, '2026-03-21')).toBe('2026-03-26');
    // Fri 1 Jan 2027 off, weekend, Mon 4 Jan takes the day off of Saturday 2 Jan.
    expect(nextWorkingDay(cal, '2026-12-31')).toBe('2027-01-05');
    expect(addWorkingDays(cal, '2026-01-01', 2000)).toBe(naiveAdd(cal, '2026-01-01', 2000));
  });

  it('counts working days in (from, to], negative backwards', () => {
    expect(workingDaysBetween(cal, '2026-03-20', '2026-04-15')).toBe(15);
    expect(workingDaysBetween(cal, '2026-04-15', '2026-03-20')).toBe(-15);
    expect(workingDaysBetween(cal, '2026-03-20', '2026-03-25')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-20', '2026-03-20')).toBe(0);
    // Across a year boundary with no working day in between: +0, never -0.
    expect(workingDaysBetween(cal, '2027-01-03', '2026-12-31')).toBe(0);
    // 2026 has 365 − 104 weekend days − 15 weekday days off = 246 working days.
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(246);
    expect(workingDaysBetween(cal, '2023-12-31', '2030-12-31')).toBe(
      naiveBetween(cal, '2023-12-31', '2030-12-31'),
    );
  });

  it('rejects invalid days and counts', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow("Invalid date '2026-02-30'");
    expect(() => addWorkingDays(cal, '2026-1-5', 1)).toThrow(RangeError);
    expect(() => nextWorkingDay(cal, '2026-13-01')).toThrow(RangeError);
    expect(() => workingDaysBetween(cal, '2026-01-05', '2026-02-29')).toThrow(
      "Invalid end date '2026-02-29'",
    );
    expect(() => workingDaysBetween(cal, 'today', '2026-02-27')).toThrow('Invalid start date');
    for (const n of [-1, 1.5, Number.NaN, Infinity]) {
      expect(() => addWorkingDays(cal, '2026-01-05', n)).toThrow(RangeError);
    }
    expect(() => addWorkingDays(cal, '2026-02-30', 0)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '9999-12-30', 5)).toThrow(/beyond 9999/);
    expect(() => daysOffInYear(cal, 2026.5)).toThrow(RangeError);
    expect(() => daysOffInYear(cal, 10000)).toThrow('Year 10000 is outside');
    expect(() => isWorkingDay({} as WorkCalendar, '2026-01-05')).toThrow(TypeError);
  });
});

describe('properties over 2024–2030', () => {
  it('addWorkingDays(d, n) for n ≥ 1 is a working day after d and agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(day2024to2030, fc.integer({ min: 1, max: 200 }), (d, n) => {
        const r = addWorkingDays(cal, d, n);
        expect(isWorkingDay(cal, r)).toBe(true);
        expect(r > d).toBe(true);
        expect(r).toBe(naiveAdd(cal, d, n));
      }),
    );
  });

  it('adding is associative: add(add(d, n), m) === add(d, n + m) for all n, m ≥ 0', () => {
    // Holds even for n = 0 on a day off, because add(d, 0) = d and add(d, m) counts working
    // days strictly after d. What does not hold is add(d, wdb(d, e)) === e for a day off e.
    fc.assert(
      fc.property(day2024to2030, nArb, nArb, (d, n, m) => {
        expect(addWorkingDays(cal, addWorkingDays(cal, d, n), m)).toBe(
          addWorkingDays(cal, d, n + m),
        );
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(day2024to2030, nArb, (d, n) => {
        expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, n))).toBe(n);
      }),
    );
  });

  it('add(d, wdb(d, e)) is e when e is a working day after d, else the last working day before e', () => {
    fc.assert(
      fc.property(day2024to2030, day2024to2030, (a, b) => {
        const [d, e] = a <= b ? [a, b] : [b, a];
        const r = addWorkingDays(cal, d, workingDaysBetween(cal, d, e));
        if (isWorkingDay(cal, e) || d === e) expect(r).toBe(e);
        else expect(r <= e && workingDaysBetween(cal, r, e) === 0).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric, additive and matches a day-by-day count', () => {
    fc.assert(
      fc.property(day2024to2030, day2024to2030, day2024to2030, (a, b, c) => {
        const ab = workingDaysBetween(cal, a, b);
        expect(workingDaysBetween(cal, b, a)).toBe(0 - ab);
        expect(workingDaysBetween(cal, a, c)).toBe(ab + workingDaysBetween(cal, b, c));
        expect(ab).toBe(naiveBetween(cal, a, b));
      }),
      { numRuns: 50 },
    );
  });

  it('nextWorkingDay skips only days off', () => {
    fc.assert(
      fc.property(day2024to2030, (d) => {
        const next = nextWorkingDay(cal, d);
        expect(isWorkingDay(cal, next)).toBe(true);
        for (let dn = parseDay(d) + 1; dn < parseDay(next); dn++) {
          expect(isWorkingDay(cal, formatDay(dn))).toBe(false);
        }
      }),
    );
  });

  it('every year 1990–2100 has one weekday off per movable holiday plus weekday religious days', () => {
    // Each of the 13 movable holidays yields exactly one weekday day off (itself or its moved
    // day, all distinct), so the count only varies with 7 Jan and Kurban Ait on weekdays.
    const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00Z`).getUTCDay());
    const kurban: Record<number, string> = {
      2024: '2024-06-16',
      2025: '2025-06-06',
      2026: '2026-05-27',
      2027: '2027-05-16',
      2028: '2028-05-05',
      2029: '2029-04-24',
      2030: '2030-04-13',
    };
    for (let year = 1990; year <= 2100; year++) {
      const list = daysOffInYear(cal, year);
      const lunar = kurban[year];
      const religious =
        (isWeekday(`${year}-01-07`) ? 1 : 0) + (lunar !== undefined && isWeekday(lunar) ? 1 : 0);
      const transfers = year === 2025 ? 1 : 0;
      expect(list.length, String(year)).toBe(13 + religious + transfers);
      expect(new Set(list).size).toBe(list.length);
      expect(list.every(isWeekday)).toBe(true);
    }
  });
});
