/**
 * Numbers, percentages, dates and periods as the public report prints them, in Kazakh and
 * Russian. Pure: the print layout, the .xlsx headers and the short text all use these, so a
 * number reads the same in every output.
 *
 * Why not `Intl`: Chromium's kk-KZ number format groups thousands with a comma
 * ("12,345"), which a Kazakh reader takes for a decimal comma. Kazakh and Russian official
 * writing (ҚР СТ / ГОСТ 8.417) both use a space between thousands and a comma before
 * decimals, and leave four-digit numbers ungrouped ("2026", "1250", "12 500"). The space is
 * a no-break space (U+00A0) so a number never wraps across lines, and the percent sign is
 * set off by one too ("42,5 %").
 */
import type { Lang } from '../i18n/lang';

export const NBSP = '\u00a0';

/** Counts under this are printed as "<3" (domain.md: small counts could identify a person). */
export const SMALL_COUNT_THRESHOLD = 3;

function group(digits: string): string {
  if (digits.length <= 4) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * `formatNumber(12500.5, 1)` → "12 500,5". Rounds half away from zero to `fractionDigits`
 * and drops trailing zeros of the fraction (so 3.0 prints as "3").
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  const factor = 10 ** fractionDigits;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole = '0', fraction = ''] = rounded.toFixed(fractionDigits).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '−' : '';
  return `${sign}${group(whole)}${trimmed ? `,${trimmed}` : ''}`;
}

/** A count that may be suppressed by the "<3" rule: the model passes `null` or the string. */
export function formatCount(value: number | '<3' | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === '<3') return '<3';
  return formatNumber(value);
}

/**
 * A percentage as the report model stores it (0..100, e.g. 42.5) → "42,5 %"; one decimal
 * unless whole. `null` (nothing to divide by) prints as a dash, never as "0 %".
 */
export function formatPercent(percent: number | null | undefined, fractionDigits = 1): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  return `${formatNumber(percent, fractionDigits)}${NBSP}%`;
}

/** A change against the previous quarter: "+12", "−3", "0". */
export function formatChange(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  if (delta > 0) return `+${formatNumber(delta)}`;
  return formatNumber(delta);
}

/** A relative change in percent (model convention, 12.5 = 12,5 %): "+12,5 %", "−3 %". */
export function formatChangePercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  const text = formatPercent(percent);
  return percent > 0 ? `+${text}` : text;
}

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RU_MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

function parts(day: string): [number, number, number] {
  const [y = 1970, m = 1, d = 1] = day.slice(0, 10).split('-').map(Number);
  return [y, m, d];
}

/** "22.11.2026" in both languages (tables). */
export function formatShortDate(day: string): string {
  const [y, m, d] = parts(day);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${String(y)}`;
}

/** «2026 жылғы 22 қараша» / «22 ноября 2026 г.» */
export function formatLongDate(day: string, lang: Lang): string {
  const [y, m, d] = parts(day);
  if (lang === 'kk') return `${String(y)}${NBSP}жылғы ${String(d)}${NBSP}${KK_MONTHS[m - 1] ?? ''}`;
  return `${String(d)}${NBSP}${RU_MONTHS_GENITIVE[m - 1] ?? ''} ${String(y)}${NBSP}г.`;
}

/** The name of a month, capitalised, for chart axes and month tables: «Шілде» / «Июль». */
export function monthName(month: number, lang: Lang): string {
  const name = (lang === 'kk' ? KK_MONTHS : RU_MONTHS)[month - 1] ?? '';
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** Short month for narrow chart axes: «Шіл», «Июл». */
export function monthShort(month: number, lang: Lang): string {
  return monthName(month, lang).slice(0, 3);
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
  const [y, m1, d1] = parts(bounds.start);
  const [, m2, d2] = parts(bounds.end);
  if (lang === 'kk') {
    return `${String(d1)}${NBSP}${KK_MONTHS[m1 - 1] ?? ''} – ${String(d2)}${NBSP}${KK_MONTHS[m2 - 1] ?? ''} ${String(y)}${NBSP}ж.`;
  }
  return `${String(d1)}${NBSP}${RU_MONTHS_GENITIVE[m1 - 1] ?? ''} – ${String(d2)}${NBSP}${RU_MONTHS_GENITIVE[m2 - 1] ?? ''} ${String(y)}${NBSP}г.`;
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
