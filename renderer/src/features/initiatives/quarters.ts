import { quarterOf, shiftQuarter } from '@shared/report';

/** The quarter after the one `today` falls in: the plan being written now is for it. */
export function nextQuarterOf(today: string): { year: number; quarter: number } {
  const next = shiftQuarter(quarterOf(today), 1);
  return { year: next.year, quarter: next.quarter };
}

/** Years offered by the plan's picker: last year to two years ahead, plus the shown one. */
export function yearOptions(today: string, shown: number): number[] {
  const year = Number(today.slice(0, 4));
  const years = new Set([year - 1, year, year + 1, year + 2, shown]);
  return [...years].sort((a, b) => a - b);
}
