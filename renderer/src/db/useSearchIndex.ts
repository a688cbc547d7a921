import { useSyncExternalStore } from 'react';
import type { TizilimDb } from './database';
import { searchIndexOf } from './searchIndex';

/**
 * The search index's version (it grows with every change of the index): a dependency for
 * the memos and effects that ask the index, so they ask again when it changed.
 *
 * It does not start the build: the layout starts it once the first screen has painted, and
 * a search starts it at once (`ready()`). Started here, on the registry's first render, the
 * build's reads (counting every record, the first pages of applicants) queued in IndexedDB
 * before the registry's first 60 rows and delayed them by seconds (measured at 10,000
 * appeals on a loaded machine: the first rows' read took 2.3 s instead of a few ms).
 */
export function useSearchIndexVersion(db: TizilimDb): number {
  const index = searchIndexOf(db);
  return useSyncExternalStore(
    (listener) => index.subscribe(listener),
    () => index.version,
  );
}
