import { useEffect, useSyncExternalStore } from 'react';
import type { TizilimDb } from './database';
import { searchIndexOf } from './searchIndex';

/**
 * The search index's version (it grows with every change of the index): a dependency for
 * the memos and effects that ask the index, so they ask again when it changed. Starts the
 * build if it has not started yet.
 */
export function useSearchIndexVersion(db: TizilimDb): number {
  const index = searchIndexOf(db);
  useEffect(() => {
    void index.start();
  }, [index]);
  return useSyncExternalStore(
    (listener) => index.subscribe(listener),
    () => index.version,
  );
}
