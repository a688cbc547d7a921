// Counting for the report: shares, changes, and the "<3" rule on breakdown rows. All of it
// is language-neutral except the row labels, which the presentation step passes in.

import { formatChange, formatChangePercent, formatNumber, formatPercent } from '../format';
import { SMALL_COUNT_THRESHOLD, type Change, type CountRow, type Ratio } from './types';

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** A breakdown row with the "<3" rule (1 or 2 → suppressed; 0 and ≥3 exact). */
export function countRow(key: string, label: string, count: number, total: number): CountRow {
  const small = count > 0 && count < SMALL_COUNT_THRESHOLD;
  return {
    key,
    label,
    count: small ? null : count,
    display: small ? `<${String(SMALL_COUNT_THRESHOLD)}` : formatNumber(count),
    percent: small ? null : percentOf(count, total),
  };
}

export function ratio(numerator: number, denominator: number): Ratio {
  const percent = percentOf(numerator, denominator);
  return { numerator, denominator, percent, display: formatPercent(percent) };
}

export function change(current: number, previous: number): Change {
  const absolute = current - previous;
  const percent = previous === 0 ? null : Math.round((absolute / previous) * 1000) / 10;
  const display =
    percent === null
      ? formatChange(absolute)
      : `${formatChange(absolute)} (${formatChangePercent(percent)})`;
  return { current, previous, absolute, percent, display };
}

/** A breakdown before its labels: categories with at least one item, and their total. */
export interface Counts<K extends string = string> {
  /** Most first; ties in the given order, then by key. */
  entries: (readonly [K, number])[];
  total: number;
}

/** Categories with at least one item, most first; ties in `order`, then by key. */
export function countBy<T, K extends string>(
  list: readonly T[],
  keyOf: (item: T) => K,
  order: readonly K[],
): Counts<K> {
  const counts = new Map<K, number>();
  for (const item of list) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  const rank = (key: K): number => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return {
    entries: [...counts].sort(
      ([ka, a], [kb, b]) => b - a || rank(ka) - rank(kb) || (ka < kb ? -1 : 1),
    ),
    total: list.length,
  };
}

/** The rows of a breakdown, labelled in the report's language. */
export function labelled<K extends string>(
  counts: Counts<K>,
  label: (key: K) => string,
): CountRow[] {
  return counts.entries.map(([key, count]) => countRow(key, label(key), count, counts.total));
}
