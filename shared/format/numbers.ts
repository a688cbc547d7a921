/**
 * Numbers as every output prints them — screens, the public report, letters, .xlsx headers
 * and the short text — in Kazakh and Russian alike, so a number reads the same on screen and
 * on paper.
 *
 * Why not `Intl`: Chromium's kk-KZ number format groups thousands with a comma ("12,345"),
 * which a Kazakh reader takes for a decimal comma. Kazakh and Russian official writing
 * (ҚР СТ / ГОСТ 8.417) both use a space between thousands and a comma before decimals, and
 * leave four-digit numbers ungrouped ("2026", "1250", "12 500"). The space is a no-break
 * space (U+00A0) so a number never wraps across lines, and the percent sign is set off by
 * one too ("42,5 %").
 */
import type { Lang } from '../i18n/lang';

export const NBSP = '\u00a0';

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

const BYTE_UNITS: Readonly<Record<Lang, readonly string[]>> = {
  kk: ['Б', 'КБ', 'МБ', 'ГБ'],
  ru: ['Б', 'КБ', 'МБ', 'ГБ'],
};

/** File sizes as people read them: «350 КБ», «2,4 МБ». */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = BYTE_UNITS[lang];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${formatNumber(value, digits)} ${units[unit] ?? ''}`;
}
