import { useLiveQuery } from '../../db/hooks';
import type { TizilimDb } from '../../db/database';
import type { RegistryRow } from '../../db/registryRow';

export const FIRST_PAGE = 60;

/**
 * All registry rows (live), plus the newest ones read through the `receivedAt` index so the
 * default view paints before the full set has arrived.
 */
export function useRegistryRows(db: TizilimDb): {
  all: RegistryRow[] | undefined;
  newest: RegistryRow[] | undefined;
} {
  const all = useLiveQuery(() => db.registryRows.toArray(), [db]);
  const newest = useLiveQuery(
    () => db.registryRows.orderBy('receivedAt').reverse().limit(FIRST_PAGE).toArray(),
    [db],
  );
  return { all, newest };
}
