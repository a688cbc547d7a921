/**
 * Finding a record by any number it was ever given: its current number or an alias (an
 * earlier provisional number, or a number renumbered on merge). What the registry search
 * does with the `regNo` and `*aliases` indexes, as a pure function for the merge's checks,
 * the command line and tests.
 */
import { formatNumber, parseNumber } from './format';

/**
 * The stored form of a number as people type it: `2026-42` → `2026-0042`, `2026-ktm-3` →
 * `2026-KTM-0003`, ` 7/2026 ` → `7/2026`; null when it is not a number of the office.
 */
export function canonicalNumber(text: string): string | null {
  const value = text.trim().toUpperCase();
  const short = /^(\d{4})-(?:([A-Z]{3})-)?(\d{1,6})$/.exec(value);
  if (short) {
    return formatNumber('appeal', Number(short[1]), Number(short[3]), short[2] ?? null);
  }
  const parsed = parseNumber(value);
  return parsed ? formatNumber(parsed.kind, parsed.year, parsed.sequence, parsed.device) : null;
}

export interface Numbered {
  id: string;
  regNo?: string;
  outgoingNo?: string | null;
  aliases?: readonly string[];
}

/** Every number a record answers to: its current one first, then its aliases. */
export function numbersOf(record: Numbered): string[] {
  const current = record.regNo ?? record.outgoingNo ?? null;
  return [...(current === null ? [] : [current]), ...(record.aliases ?? [])];
}

/** Records that answer to the typed number (as their number or an alias), current first. */
export function findByNumber<T extends Numbered>(records: Iterable<T>, text: string): T[] {
  const wanted = canonicalNumber(text) ?? text.trim();
  const current: T[] = [];
  const earlier: T[] = [];
  for (const record of records) {
    const [now, ...before] = numbersOf(record);
    if (now === wanted) current.push(record);
    else if (before.includes(wanted)) earlier.push(record);
  }
  return [...current, ...earlier];
}
