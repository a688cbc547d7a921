import { DB_NAME } from './schema';

/**
 * The demo office lives in its own IndexedDB database, beside the office's (`tizilim`):
 * opening it never touches the office's records, and going back finds them as they were.
 * Which of the two the window opens is remembered in localStorage, so a reload (or the next
 * start) opens the same one and nobody is surprised by the other.
 *
 * While the demo is open, nothing leaves it and nothing of it is kept as the office's:
 * automatic and manual backups, the journal between backups, restores, exchange packages and
 * sync with the council's server all refuse (`isDemoDb`), so demo records never reach the
 * office's backups, its other laptops or the server.
 */
export const DEMO_DB_NAME = 'tizilim-demo';

/** localStorage key: 'demo' while the demo office is open; absent for the office's own. */
export const OPEN_DB_KEY = 'tizilim.database';

/** The session's chosen staff member (session.tsx); an id of one database means nothing in the other. */
const USER_KEY = 'tizilim.user';

/** Where the choice is remembered; null where there is no storage (Node tests, print windows). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The database this window opens: the demo office when it was left open, else the office's. */
export function chosenDbName(store: Storage | null = storage()): string {
  return store?.getItem(OPEN_DB_KEY) === 'demo' ? DEMO_DB_NAME : DB_NAME;
}

/** Whether `db` is the demo office's database. */
export function isDemoDb(db: { name: string }): boolean {
  return db.name === DEMO_DB_NAME;
}

/**
 * Remembers which database the next load opens. The caller reloads the window: every
 * part of the app (backups, search, sync) then starts again on the chosen database.
 */
export function rememberOpenDb(demo: boolean, store: Storage | null = storage()): void {
  if (!store) return;
  if (demo) store.setItem(OPEN_DB_KEY, 'demo');
  else store.removeItem(OPEN_DB_KEY);
  try {
    sessionStorage.removeItem(USER_KEY);
  } catch {
    // No session storage (Node tests): nothing to forget.
  }
}

/** Thrown by whatever must not run on the demo office (backups, restore, exchange, sync). */
export class DemoOfficeError extends Error {
  constructor(what: string) {
    super(`${what} is off while the demo office is open`);
    this.name = 'DemoOfficeError';
  }
}

/** Refuses `what` when `db` is the demo office's database. */
export function refuseInDemo(db: { name: string }, what: string): void {
  if (isDemoDb(db)) throw new DemoOfficeError(what);
}
