import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toKzLocalDate, toKzLocalDateTime } from '@shared/calendar/zone';

describe('Kazakhstan local time (UTC+5)', () => {
  it('shifts UTC instants by five hours', () => {
    expect(toKzLocalDateTime(new Date('2026-03-20T13:30:00Z'))).toBe('2026-03-20T18:30');
    expect(toKzLocalDate(new Date('2026-12-31T18:59:59Z'))).toBe('2026-12-31');
    expect(toKzLocalDate(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01');
  });

  it('rejects an invalid instant instead of writing "NaN" into a record', () => {
    expect(() => toKzLocalDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('the local date is always the prefix of the local date-time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          expect(toKzLocalDateTime(d).startsWith(toKzLocalDate(d))).toBe(true);
        },
      ),
    );
  });
});
