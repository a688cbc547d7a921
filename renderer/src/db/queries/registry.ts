import type { TizilimDb } from '@renderer/db/database';
import type { RegistryRow } from '@renderer/db/registryRow';
import { searchIndexOf } from '@renderer/db/searchIndex';

/**
 * The appeals matching the search text with the cost of each match (lower is better,
 * docs/search.md: numbers, phones and IIN, then names, then texts; exact Kazakh letters
 * before folded and Latin spellings), or null when there is nothing to search for. Asks the in-memory index (db/searchIndex.ts)
 * once every committed change is in it. `currentYear`: the year whose registry numbers a
 * short number («42», «0042») finds first.
 */
export async function resolveSearch(
  db: TizilimDb,
  text: string,
  currentYear: number | null = null,
): Promise<Map<string, number> | null> {
  if (text.trim() === '') return null;
  const search = await searchIndexOf(db).ready();
  const result = search.searchAppeals(text, { currentYear });
  return result && new Map(result.ids.map((id, i) => [id, result.costs[i]!]));
}

/** Every registry row (one per appeal, deleted ones included: the views filter). */
export function allRegistryRows(db: TizilimDb): Promise<RegistryRow[]> {
  return db.registryRows.toArray();
}

/** The `limit` most recently received appeals' rows, newest first (a first page). */
export function newestRegistryRows(db: TizilimDb, limit: number): Promise<RegistryRow[]> {
  return db.registryRows.orderBy('receivedAt').reverse().limit(limit).toArray();
}

/** The rows of these appeals, in the same order (undefined where there is none). */
export function registryRowsOf(
  db: TizilimDb,
  appealIds: readonly string[],
): Promise<(RegistryRow | undefined)[]> {
  return db.registryRows.bulkGet([...appealIds]);
}
