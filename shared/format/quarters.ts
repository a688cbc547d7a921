/**
 * Quarters as the report screen and the report name them: «2026 жылғы III тоқсан» /
 * «III квартал 2026 года», the period «1 шілде – 30 қыркүйек 2026 ж.», and the lenient quarter
 * ids ('2026-Q3') of the quarter picker. The report model's own quarter arithmetic is in
 * shared/report/quarter.ts and throws on bad input; these return the input unchanged.
 */
import type { Lang } from '../i18n/lang';
import { formatDayMonth } from './dates';
import { NBSP } from './numbers';

function parts(day: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = day.slice(0, 10).split('-').map(Number);
  return [y, m, d];
}

/** A quarter id such as "2026-Q3" → { year: 2026, quarter: 3 }, or null when malformed. */
export function parseQuarterId(id: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function quarterId(year: number, quarter: number): string {
  return `${String(year)}-Q${String(quarter)}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** «2026 жылғы III тоқсан» / «III квартал 2026 года». */
export function formatQuarter(id: string, lang: Lang): string {
  const q = parseQuarterId(id);
  if (!q) return id;
  const roman = ROMAN[q.quarter - 1] ?? '';
  return lang === 'kk'
    ? `${String(q.year)}${NBSP}жылғы ${roman}${NBSP}тоқсан`
    : `${roman}${NBSP}квартал ${String(q.year)}${NBSP}года`;
}

/** First and last calendar day of a quarter, as 'YYYY-MM-DD'. */
export function quarterIdBounds(id: string): { start: string; end: string } | null {
  const q = parseQuarterId(id);
  if (!q) return null;
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    start: `${String(q.year)}-${pad(firstMonth)}-01`,
    end: `${String(q.year)}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** «1 шілде – 30 қыркүйек 2026 ж.» / «1 июля – 30 сентября 2026 г.» */
export function formatPeriod(id: string, lang: Lang): string {
  const bounds = quarterIdBounds(id);
  if (!bounds) return id;
  const [y] = parts(bounds.start);
  const from = formatDayMonth(bounds.start, lang, NBSP);
  const to = formatDayMonth(bounds.end, lang, NBSP);
  return lang === 'kk'
    ? `${from} – ${to} ${String(y)}${NBSP}ж.`
    : `${from} – ${to} ${String(y)}${NBSP}г.`;
}

/**
 * Quarter ids for the report screen (the model's own quarter arithmetic is in quarter.ts and
 * throws on bad input; these are lenient, for labels and the quarter picker).
 * shiftQuarterId('2026-Q1', -1) → '2025-Q4'.
 */
export function shiftQuarterId(id: string, by: number): string {
  const q = parseQuarterId(id);
  if (!q) return id;
  const index = q.year * 4 + (q.quarter - 1) + by;
  return quarterId(Math.floor(index / 4), (index % 4) + 1);
}

/** The quarter a day falls in. */
export function quarterIdOf(day: string): string {
  const [y, m] = parts(day);
  return quarterId(y, Math.floor((m - 1) / 3) + 1);
}

/** The last quarter that has ended by `today` (the one a report is usually written for). */
export function lastFinishedQuarter(today: string): string {
  return shiftQuarterId(quarterIdOf(today), -1);
}

/** The report is due 15 calendar days after the quarter ends (domain.md, office rule). */
export function reportDueDate(id: string): string | null {
  const bounds = quarterIdBounds(id);
  if (!bounds) return null;
  const [y, m, d] = parts(bounds.end);
  const due = new Date(Date.UTC(y, m - 1, d + 15));
  return due.toISOString().slice(0, 10);
}
