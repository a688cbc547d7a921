import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuarter, quarterOf, shiftQuarter } from '@shared/report';

describe('quarters', () => {
  it('parses a quarter id into its bounds and months', () => {
    expect(parseQuarter('2026-Q3')).toEqual({
      id: '2026-Q3',
      year: 2026,
      quarter: 3,
      from: '2026-07-01',
      to: '2026-09-30',
      months: ['2026-07', '2026-08', '2026-09'],
    });
    expect(parseQuarter('2024-Q1').to).toBe('2024-03-31');
    expect(parseQuarter('2026-Q4').to).toBe('2026-12-31');
    for (const bad of ['2026-Q0', '2026-Q5', '2026Q3', '26-Q3', '']) {
      expect(() => parseQuarter(bad)).toThrow(RangeError);
    }
  });

  it('finds the quarter of a day, including its first and last days', () => {
    expect(quarterOf('2026-09-30').id).toBe('2026-Q3');
    expect(quarterOf('2026-10-01').id).toBe('2026-Q4');
    expect(quarterOf('2026-01-01').id).toBe('2026-Q1');
    expect(quarterOf('2026-12-31').id).toBe('2026-Q4');
  });

  it('shifts across years and back', () => {
    expect(shiftQuarter(parseQuarter('2026-Q1'), -1).id).toBe('2025-Q4');
    expect(shiftQuarter(parseQuarter('2026-Q4'), 1).id).toBe('2027-Q1');
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -40, max: 40 }),
        (year, quarter, n) => {
          const q = parseQuarter(`${String(year)}-Q${String(quarter)}`);
          const shifted = shiftQuarter(q, n);
          expect(shiftQuarter(shifted, -n)).toEqual(q);
          expect(quarterOf(shifted.from)).toEqual(shifted);
          expect(quarterOf(shifted.to)).toEqual(shifted);
        },
      ),
    );
  });
});
