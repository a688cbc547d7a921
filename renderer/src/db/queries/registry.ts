import type { TizilimDb } from '@renderer/db/database';
import type { RegistryRow } from '@renderer/db/registryRow';
import { searchIndexOf } from '@renderer/db/searchIndex';
import type { OfficeSearch, SearchResult } from '@shared/search';

/** The appeals a search found and the cost of each (`costs[i]` is `ids[i]`'s), in no order. */
export type SearchMatches = Pick<SearchResult, 'ids' | 'costs'>;

/**
 * The appeals matching the search text with the cost of each match, in no particular order
 * (the registry orders them by its columns and the costs; lower is better,
 * docs/search.md: numbers, phones and IIN, then names, then texts; exact Kazakh letters
 * before folded and Latin spellings), or null when there is nothing to search for. Asks the in-memory index (db/searchIndex.ts)
 * once every committed change is in it. `currentYear`: the year whose registry numbers a
 * short number («42», «0042») finds first.
 */
export async function resolveSearch(
  db: TizilimDb,
  text: string,
  currentYear: number | null = null,
): Promise<SearchMatches | null> {
  if (text.trim() === '') return null;
  return appealMatches(await searchIndexOf(db).ready(), text, currentYear);
}

/**
 * `resolveSearch` answered at once when the index holds every committed change (nothing
 * being built or taken in), so a keystroke renders its answer without waiting a task;
 * undefined when it does not (ask `resolveSearch` then).
 */
export function searchSettled(
  db: TizilimDb,
  text: string,
  currentYear: number | null = null,
): SearchMatches | null | undefined {
  if (text.trim() === '') return null;
  const search = searchIndexOf(db).settled();
  return search ? appealMatches(search, text, currentYear) : undefined;
}

function appealMatches(
  search: OfficeSearch,
  text: string,
  currentYear: number | null,
): SearchMatches | null {
  return search.searchAppeals(text, { currentYear, unordered: true });
}

/** Rows per request when every row is read (see `allRegistryRows`). */
export const ROWS_PAGE = 5_000;

/**
 * Every registry row (one per appeal, deleted ones included: the views filter), newest
 * received first (equal times by id, descending): the registry's default order, so sorting
 * them for it costs next to nothing.
 *
 * Read in pages of `page` rows through the `receivedAt` index, in one read transaction: each
 * page arrives as its own task, so the main thread handles typing and scrolling between
 * pages instead of decoding 50,000 rows in one go.
 */
export function allRegistryRows(db: TizilimDb, page: number = ROWS_PAGE): Promise<RegistryRow[]> {
  return db.transaction('r', db.registryRows, async () => {
    const rows: RegistryRow[] = [];
    for (;;) {
      const last = rows[rows.length - 1]?.receivedAt;
      // The rows of the last time already read come first in the index: skip them.
      let ties = 0;
      while (ties < rows.length && rows[rows.length - 1 - ties]!.receivedAt === last) ties++;
      const from =
        last === undefined
          ? db.registryRows.orderBy('receivedAt')
          : db.registryRows.where('receivedAt').belowOrEqual(last);
      const chunk = await from.reverse().offset(ties).limit(page).toArray();
      rows.push(...chunk);
      if (chunk.length < page) return rows;
    }
  });
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
