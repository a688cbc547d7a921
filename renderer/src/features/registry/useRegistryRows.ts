import { useEffect, useState } from 'react';
import { useLiveQuery } from '@renderer/db/hooks';
import type { TizilimDb } from '@renderer/db/database';
import { newestRegistryRows } from '@renderer/db/queries/registry';
import { useAllRegistryRows } from '@renderer/db/registryRows';
import type { RegistryRow } from '@renderer/db/registryRow';
import { earlyRegistryRows, forgetEarlyRead } from '@renderer/db/earlyRead';

export const FIRST_PAGE = 60;

let prefetched: { db: TizilimDb; rows: RegistryRow[] } | null = null;

/**
 * Reads the first page at start, while the session still reads the settings, so the
 * registry (the first screen) has its rows when it first renders instead of asking for
 * them only then: one read and one render less before the first rows paint.
 */
export function prefetchFirstPage(db: TizilimDb): void {
  newestRegistryRows(db, FIRST_PAGE).then(
    (rows) => {
      prefetched = { db, rows };
    },
    () => undefined,
  );
}

/**
 * All registry rows (kept current: db/registryRows.ts), plus the newest ones read through the `receivedAt` index so the
 * default view paints before the full set has arrived.
 *
 * The full read starts only after the first page has been painted: reading and cloning
 * 50,000 rows occupies the main thread for about a second, and when both reads start
 * together the small one waits behind the big one (measured: first rows at 50k appeals
 * came after the full set).
 */
export function useRegistryRows(db: TizilimDb): {
  all: RegistryRow[] | undefined;
  newest: RegistryRow[] | undefined;
} {
  // The page read early (boot/earlyRead.ts) or prefetched shows until the live query
  // answers; used once, at the start.
  const [early] = useState(
    () => earlyRegistryRows(db) ?? (prefetched?.db === db ? prefetched.rows : undefined),
  );
  useEffect(() => {
    prefetched = null;
    forgetEarlyRead();
  }, []);
  const newest = useLiveQuery(() => newestRegistryRows(db, FIRST_PAGE), [db], early);
  const [fullReadAllowed, setFullReadAllowed] = useState(false);
  const firstPageShown = newest !== undefined;
  useEffect(() => {
    if (!firstPageShown || fullReadAllowed) return;
    // Two frames: the first commits the first page, the second runs after it was painted.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setFullReadAllowed(true));
    });
    // Frames do not run in a hidden window (e.g. minimised); do not wait for them forever.
    const fallback = setTimeout(() => setFullReadAllowed(true), 250);
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      clearTimeout(fallback);
    };
  }, [firstPageShown, fullReadAllowed]);
  const all = useAllRegistryRows(db, fullReadAllowed);
  return { all, newest };
}
