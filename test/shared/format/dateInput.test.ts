import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayOf,
  parseDateTimeText,
  parseDayText,
  parseTimeText,
  valueOf,
} from '@shared/format/dateInput';

describe('date and time boxes: dd.mm.yyyy and 24-hour in both languages', () => {
  it('reads a day as people type it here, and the app’s own form', () => {
    for (const typed of [
      '20.11.2026',
      '20112026',
      '20/11/2026',
      '20-11-2026',
      '20.11.26',
      ' 2026-11-20 ',
    ]) {
      expect(parseDayText(typed), typed).toBe('2026-11-20');
    }
    expect(parseDayText('1.3.2026')).toBe('2026-03-01');
    expect(parseDayText('29.02.2028')).toBe('2028-02-29');
  });

  it('refuses what is not a day: 31 February, month 13, a US order, words', () => {
    for (const typed of [
      '31.02.2026',
      '29.02.2027',
      '01.13.2026',
      '11/20/2026',
      '2026-11',
      'ертең',
      '',
    ]) {
      expect(parseDayText(typed), typed).toBeNull();
    }
  });

  it('reads 24-hour times and refuses 12-hour ones', () => {
    expect(parseTimeText('10:00')).toBe('10:00');
    expect(parseTimeText('9:30')).toBe('09:30');
    expect(parseTimeText('9.30')).toBe('09:30');
    expect(parseTimeText('1730')).toBe('17:30');
    expect(parseTimeText('9')).toBe('09:00');
    for (const typed of ['24:00', '10:60', '10:00 PM', '5 pm', '93']) {
      expect(parseTimeText(typed), typed).toBeNull();
    }
  });

  it('reads a date with a time, in our form and in the app’s', () => {
    expect(parseDateTimeText('20.11.2026 10:00')).toBe('2026-11-20T10:00');
    expect(parseDateTimeText('20.11.2026, 9:05')).toBe('2026-11-20T09:05');
    expect(parseDateTimeText('2026-11-20T10:00')).toBe('2026-11-20T10:00');
    expect(parseDateTimeText('20.11.2026')).toBeNull();
    expect(parseDateTimeText('20.11.2026 25:00')).toBeNull();
  });

  it('shows the form’s values as dd.mm.yyyy and HH:MM', () => {
    expect(displayOf('date', '2026-11-20')).toBe('20.11.2026');
    expect(displayOf('datetime', '2026-11-20T10:00')).toBe('20.11.2026 10:00');
    expect(displayOf('time', '09:30')).toBe('09:30');
    expect(displayOf('date', '')).toBe('');
    expect(displayOf('date', null)).toBe('');
  });

  it('passes on what is not a date as typed (the form names the field), and empty as empty', () => {
    expect(valueOf('date', '31.02.2026')).toBe('31.02.2026');
    expect(valueOf('date', '  ')).toBe('');
    expect(valueOf('datetime', '20.11.2026 10:00')).toBe('2026-11-20T10:00');
  });

  it('every day and time shown is read back as the same value (property)', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, time, (d, t) => {
        expect(valueOf('date', displayOf('date', d))).toBe(d);
        expect(valueOf('time', displayOf('time', t))).toBe(t);
        expect(valueOf('datetime', displayOf('datetime', `${d}T${t}`))).toBe(`${d}T${t}`);
      }),
    );
  });
});
