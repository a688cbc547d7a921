import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  IIN_ERROR_CODES,
  iinCheckDigit,
  iinError,
  isValidIin,
  parseIin,
} from '@shared/validation/iin';

/** The check-digit rule of domain.md, written out independently of the implementation. */
function referenceCheckDigit(first11: string): number | null {
  const d = Array.from(first11, Number);
  const sum = (weights: number[]) => weights.reduce((s, w, i) => s + w * (d[i] ?? 0), 0) % 11;
  const a = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (a !== 10) return a;
  const b = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return b === 10 ? null : b;
}

describe('IIN', () => {
  it.each([
    // [iin, birthDate, sex, needs the second weight set]
    ['061211600012', '2006-12-11', 'female', true], // domain.md's example
    ['850115300001', '1985-01-15', 'male', false],
    ['850115300205', '1985-01-15', 'male', true],
    ['880808300004', '1988-08-08', 'male', false],
    ['000229500008', '2000-02-29', 'male', false], // 2000 is a leap year
    ['050228600008', '2005-02-28', 'female', false],
    ['040630600208', '2004-06-30', 'female', true],
    ['181231200008', '1818-12-31', 'female', false],
  ] as const)('%s is valid (%s, %s)', (iin, birthDate, sex, secondSet) => {
    expect(isValidIin(iin)).toBe(true);
    expect(iinError(iin)).toBeNull();
    expect(parseIin(iin)).toEqual({ birthDate, sex });
    const first11 = iin.slice(0, 11);
    const firstSet = Array.from(first11, Number).reduce((s, d, i) => s + d * (i + 1), 0) % 11;
    expect(firstSet === 10).toBe(secondSet);
    expect(iinCheckDigit(first11)).toBe(Number(iin[11]));
  });

  it('accepts surrounding whitespace and returns the trimmed data', () => {
    expect(isValidIin('  061211600012\n')).toBe(true);
    expect(parseIin(' 061211600012 ')).toEqual({ birthDate: '2006-12-11', sex: 'female' });
  });

  it.each([
    ['061211600013', 'iin_checksum'],
    ['850115300002', 'iin_checksum'],
    ['850115300280', 'iin_checksum'], // both weight sets give 10: no digit can fix it
    ['850115300289', 'iin_checksum'],
    ['900229400007', 'iin_date'], // 29 Feb 1990
    ['000229300000', 'iin_date'], // 29 Feb 1900: not a leap year
    ['000229100000', 'iin_date'], // 29 Feb 1800
    ['850231300000', 'iin_date'], // 31 Feb
    ['851301300000', 'iin_date'], // month 13
    ['850100300000', 'iin_date'], // day 0
    ['850431300000', 'iin_date'], // 31 Apr
    ['850115000000', 'iin_century'],
    ['850115700000', 'iin_century'],
    ['850115900000', 'iin_century'],
    ['', 'iin_length'],
    ['06121160001', 'iin_length'],
    ['0612116000120', 'iin_length'],
    ['06121160001a', 'iin_digits'],
    ['ЖСН061211600', 'iin_digits'],
    ['061211 600012', 'iin_digits'],
    ['061211-600012', 'iin_digits'],
    ['０６１２１１６０００１２', 'iin_digits'], // full-width digits
  ] as const)('%j is invalid: %s', (iin, code) => {
    expect(iinError(iin)).toBe(code);
    expect(isValidIin(iin)).toBe(false);
    expect(parseIin(iin)).toBeNull();
  });

  it('has no check digit for a malformed prefix', () => {
    expect(iinCheckDigit('123')).toBeNull();
    expect(iinCheckDigit('8501153000a')).toBeNull();
    expect(iinCheckDigit('85011530028')).toBeNull();
  });

  it('lists every error code it can return', () => {
    expect([...IIN_ERROR_CODES].sort()).toEqual(
      ['iin_century', 'iin_checksum', 'iin_date', 'iin_digits', 'iin_length'].sort(),
    );
  });

  const validPrefix = fc
    .record({
      century: fc.constantFrom(1, 2, 3, 4, 5, 6),
      date: fc.date({
        min: new Date('1800-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      serial: fc.integer({ min: 0, max: 9999 }),
    })
    .map(({ century, date, serial }) => {
      const year = date.getUTCFullYear();
      // Keep the date, move it into the century the digit says.
      const base = century <= 2 ? 1800 : century <= 4 ? 1900 : 2000;
      const yy = year % 100;
      const mm = date.getUTCMonth() + 1;
      let dd = date.getUTCDate();
      const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      if (mm === 2 && dd === 29 && !isLeap(base + yy)) dd = 28;
      const pad = (n: number, w = 2) => String(n).padStart(w, '0');
      return {
        first11: `${pad(yy)}${pad(mm)}${pad(dd)}${String(century)}${pad(serial, 4)}`,
        birthDate: `${String(base + yy)}-${pad(mm)}-${pad(dd)}`,
        sex: century % 2 === 1 ? 'male' : 'female',
      };
    });

  it('property: a real date, century digit and serial plus the check digit is valid', () => {
    fc.assert(
      fc.property(validPrefix, ({ first11, birthDate, sex }) => {
        const check = referenceCheckDigit(first11);
        expect(iinCheckDigit(first11)).toBe(check);
        if (check === null) {
          for (let d = 0; d <= 9; d++) expect(isValidIin(`${first11}${String(d)}`)).toBe(false);
          return;
        }
        const iin = `${first11}${String(check)}`;
        expect(isValidIin(iin)).toBe(true);
        expect(parseIin(iin)).toEqual({ birthDate, sex });
        for (let d = 0; d <= 9; d++) {
          if (d === check) continue;
          const changed = `${first11}${String(d)}`;
          expect(isValidIin(changed)).toBe(false);
          expect(iinError(changed)).toBe('iin_checksum');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: anything but 12 digits is rejected without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const code = iinError(s);
        if (!/^\d{12}$/.test(s.trim()))
          expect(code === 'iin_length' || code === 'iin_digits').toBe(true);
      }),
    );
  });
});
