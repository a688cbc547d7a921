import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './database';
import type { TizilimDb } from './database';

export { useLiveQuery };

/** The app's database; components read through live queries and write through repositories. */
export function useDb(): TizilimDb {
  return getDb();
}
