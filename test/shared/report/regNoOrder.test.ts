// The report's registry order reads «2026-0042» digit by digit (issue 13, for speed); it must
// read every string as `parseRegNo` does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegNo } from '@shared/domain';
import { regKey, regNoOrder } from '@shared/report/checks';

function reference(regNo: string): number | null {
  const parsed = parseRegNo(regNo);
  return parsed === null ? null : parsed.year * 1e7 + parsed.sequence;
}

/** Strings near the registry number's shape: digits, dashes, spaces and a few look-alikes. */
const nearRegNo = fc.oneof(
  fc
    .tuple(
      fc.stringMatching(/^\d{3,5}$/),
      fc.constantFrom('-', '–', '/', ''),
      fc.stringMatching(/^\d{0,20}$/),
    )
    .map(([year, dash, sequence]) => `${year}${dash}${sequence}`),
  fc
    .tuple(
      fc.constantFrom('', ' ', '\t', '\u00a0', '\n'),
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 1e9 }),
      fc.constantFrom('', ' ', 'а', '\n'),
    )
    .map(
      ([pad, year, sequence, end]) => `${pad}${year}-${String(sequence).padStart(4, '0')}${end}`,
    ),
  fc.string({ unit: fc.constantFrom('0', '1', '9', '-', ' ', '٣', 'a'), maxLength: 22 }),
);

describe('regNoOrder', () => {
  it('reads as parseRegNo on random strings near the shape', () => {
    fc.assert(
      fc.property(nearRegNo, (regNo) => {
        expect(regNoOrder(regNo)).toBe(reference(regNo));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the usual numbers, long sequences and padded ones', () => {
    expect(regNoOrder('2026-0042')).toBe(2026 * 1e7 + 42);
    expect(regNoOrder('2026-12345')).toBe(2026 * 1e7 + 12345);
    expect(regNoOrder(' 2026-0042 ')).toBe(2026 * 1e7 + 42);
    expect(regNoOrder('2026-99999999999999')).toBe(reference('2026-99999999999999'));
    expect(regNoOrder('2026-999999999999999999')).toBe(reference('2026-999999999999999999'));
    expect(regNoOrder('2026-042')).toBeNull();
    expect(regNoOrder('2026-00a2')).toBeNull();
    expect(regNoOrder('')).toBeNull();
    expect(regKey(null)).toBe(0);
    expect(regKey('нет')).toBe(0);
  });
});
