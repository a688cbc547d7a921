// Quarters as 'YYYY-Qn' and their calendar bounds.

import { daysInMonth } from '../calendar/dates';

export interface QuarterBounds {
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First day 'YYYY-MM-DD'. */
  from: string;
  /** Last day 'YYYY-MM-DD'. */
  to: string;
  /** The three months 'YYYY-MM'. */
  months: [string, string, string];
}

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function bounds(year: number, quarter: 1 | 2 | 3 | 4): QuarterBounds {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const y = String(year).padStart(4, '0');
  return {
    id: `${y}-Q${String(quarter)}`,
    year,
    quarter,
    from: `${y}-${pad2(firstMonth)}-01`,
    to: `${y}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`,
    months: [`${y}-${pad2(firstMonth)}`, `${y}-${pad2(firstMonth + 1)}`, `${y}-${pad2(lastMonth)}`],
  };
}

/** Parses '2026-Q3'; throws a RangeError on anything else. */
export function parseQuarter(id: string): QuarterBounds {
  const m = QUARTER_RE.exec(id);
  if (m === null) throw new RangeError(`Invalid quarter '${id}': expected YYYY-Qn, e.g. 2026-Q3`);
  return bounds(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
}

/** The quarter a 'YYYY-MM-DD' day belongs to. */
export function quarterOf(day: string): QuarterBounds {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return bounds(year, (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4);
}

/** The quarter `n` quarters after (negative: before) the given one. */
export function shiftQuarter(q: Pick<QuarterBounds, 'year' | 'quarter'>, n: number): QuarterBounds {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return bounds(Math.floor(index / 4), ((index % 4) + 1) as 1 | 2 | 3 | 4);
}

/** Whether a 'YYYY-MM-DD' day falls in the quarter. */
export function within(day: string, q: Pick<QuarterBounds, 'from' | 'to'>): boolean {
  return day >= q.from && day <= q.to;
}
