import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatChange,
  formatChangePercent,
  formatCount,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatQuarter,
  formatShortDate,
  lastFinishedQuarter,
  monthName,
  monthShort,
  NBSP,
  formatBytes,
  parseQuarterId,
  quarterIdBounds,
  quarterIdOf,
  reportDueDate,
  shiftQuarterId,
} from '@shared/format';

const s = (text: string) => text.replaceAll(NBSP, ' ');

describe('report number formats (kk and ru alike)', () => {
  it('groups thousands with a no-break space from five digits and uses a decimal comma', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(2026)).toBe('2026');
    expect(s(formatNumber(12500))).toBe('12 500');
    expect(formatNumber(12500)).toBe(`12${NBSP}500`);
    expect(s(formatNumber(1234567.25, 1))).toBe('1 234 567,3');
    expect(formatNumber(3.0, 1)).toBe('3');
    expect(formatNumber(7.25, 2)).toBe('7,25');
    expect(formatNumber(-4)).toBe('−4');
    expect(formatNumber(-0.01, 1)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('never uses a comma as a thousands separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const text = formatNumber(n);
        expect(text).not.toContain(',');
        expect(Number(text.replaceAll(NBSP, ''))).toBe(n);
      }),
    );
  });

  it('prints counts, percentages and changes', () => {
    expect(formatCount('<3')).toBe('<3');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
    expect(s(formatCount(15000))).toBe('15 000');
    expect(s(formatPercent(42.5))).toBe('42,5 %');
    expect(s(formatPercent(100))).toBe('100 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatChange(12)).toBe('+12');
    expect(formatChange(-3)).toBe('−3');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(null)).toBe('—');
    expect(s(formatChangePercent(12.5))).toBe('+12,5 %');
    expect(s(formatChangePercent(-50))).toBe('−50 %');
    expect(formatChangePercent(null)).toBe('—');
  });
});

describe('report dates and periods', () => {
  it('writes dates the Kazakh and the Russian way', () => {
    expect(formatShortDate('2026-07-01')).toBe('01.07.2026');
    expect(s(formatLongDate('2026-11-22', 'kk'))).toBe('2026 жылғы 22 қараша');
    expect(s(formatLongDate('2026-11-22', 'ru'))).toBe('22 ноября 2026 г.');
    expect(monthName(7, 'kk')).toBe('Шілде');
    expect(monthName(9, 'ru')).toBe('Сентябрь');
    expect(monthShort(12, 'kk')).toBe('Жел');
  });

  it('names quarters and their periods', () => {
    expect(s(formatQuarter('2026-Q3', 'kk'))).toBe('2026 жылғы III тоқсан');
    expect(s(formatQuarter('2026-Q3', 'ru'))).toBe('III квартал 2026 года');
    expect(formatQuarter('bad', 'ru')).toBe('bad');
    expect(s(formatPeriod('2026-Q3', 'kk'))).toBe('1 шілде – 30 қыркүйек 2026 ж.');
    expect(s(formatPeriod('2026-Q1', 'ru'))).toBe('1 января – 31 марта 2026 г.');
    expect(formatPeriod('x', 'kk')).toBe('x');
  });

  it('finds quarter bounds, neighbours, the last finished quarter and the due date', () => {
    expect(parseQuarterId('2026-Q5')).toBeNull();
    expect(quarterIdBounds('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(quarterIdBounds('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarterIdBounds('nope')).toBeNull();
    expect(shiftQuarterId('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarterId('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarterId('junk', 1)).toBe('junk');
    expect(quarterIdOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterIdOf('2026-10-01')).toBe('2026-Q4');
    expect(lastFinishedQuarter('2026-11-22')).toBe('2026-Q3');
    expect(lastFinishedQuarter('2026-01-05')).toBe('2025-Q4');
    expect(reportDueDate('2026-Q3')).toBe('2026-10-15');
    expect(reportDueDate('2026-Q4')).toBe('2027-01-15');
    expect(reportDueDate('x')).toBeNull();
  });
});

describe('file sizes', () => {
  it('reads like the numbers around them, in both languages', () => {
    expect(formatBytes(512, 'kk')).toBe('512 Б');
    expect(formatBytes(350 * 1024, 'ru')).toBe('350 КБ');
    expect(formatBytes(2.44 * 1024 * 1024, 'kk')).toBe('2,4 МБ');
    expect(formatBytes(1023 * 1024, 'ru')).toBe('1023 КБ');
  });
});
