// The first thing the window runs, before the app's modules have even arrived: it opens the
// database with plain IndexedDB and reads what the first screen needs (the office's
// settings and the registry's newest rows), so the app renders the registry as soon as its
// code has run instead of starting these reads only then (db/earlyRead.ts takes them).
//
// Its entry (earlyReadEntry.ts) imports only this file, so it is its own small script,
// loaded and run while the browser is still fetching and compiling the rest. It never writes and never creates a database: a
// database that does not exist yet is left for the app to create; one of another schema
// version is read but not used (the app checks the version).

/** What was read; `version` is the database's IndexedDB version. */
export interface EarlyRead {
  name: string;
  version: number;
  settings: unknown;
  rows: unknown[];
}

declare global {
  interface Window {
    tizilimEarlyRead?: Promise<EarlyRead | null>;
  }
}

/** db/demoOffice.ts: localStorage says which database this window opens. */
const OPEN_DB_KEY = 'tizilim.database';
export const EARLY_DB_NAMES = { office: 'tizilim', demo: 'tizilim-demo' } as const;
/** The rows the registry paints first (registry/useRegistryRows.ts FIRST_PAGE). */
export const EARLY_ROWS = 60;

/** The registry is the first screen (`#/registry`, or no route: it redirects there). */
export function opensRegistry(hash: string): boolean {
  return /^(#\/?(registry)?)?$/.test(hash.split('?')[0]!);
}

export function databaseName(): string {
  try {
    return localStorage.getItem(OPEN_DB_KEY) === 'demo'
      ? EARLY_DB_NAMES.demo
      : EARLY_DB_NAMES.office;
  } catch {
    return EARLY_DB_NAMES.office;
  }
}

/**
 * Reads the settings record and the `limit` newest registry rows (the `receivedAt` index
 * backwards, as `newestRegistryRows` reads them: equal times by id, descending); null when
 * anything is missing or fails. `rangeFrom` makes the key range of the factory's IndexedDB.
 */
export function readEarly(
  factory: IDBFactory,
  name: string,
  limit: number = EARLY_ROWS,
  rangeFrom: (key: IDBValidKey) => IDBKeyRange = (key) => IDBKeyRange.lowerBound(key),
): Promise<EarlyRead | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: undo its creation (the app creates it with its schema).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      // The app upgrading or deleting the database closes this connection at once.
      db.onversionchange = () => db.close();
      const done = (read: EarlyRead | null) => {
        db.close();
        resolve(read);
      };
      try {
        const tx = db.transaction(['settings', 'registryRows'], 'readonly');
        const settings = tx.objectStore('settings').get('settings');
        let rows: unknown[] = [];
        // Three requests, not one per row: a cursor stepping through 60 rows waits for the
        // window's thread at each step, and the thread is busy running the app's scripts
        // as they arrive. A key cursor backwards skips to the limit-th newest time; one
        // getAll from there reads the rows (ties at that time included), oldest first.
        const index = tx.objectStore('registryRows').index('receivedAt');
        const keys = index.openKeyCursor(null, 'prev');
        let skipped = limit <= 1;
        keys.onsuccess = () => {
          const at = keys.result;
          if (at && !skipped) {
            skipped = true;
            at.advance(limit - 1);
            return;
          }
          // No key: the index holds fewer rows than the limit, and all of them are read.
          const read = index.getAll(at ? rangeFrom(at.key) : null);
          read.onsuccess = () => {
            rows = (read.result as unknown[]).reverse().slice(0, Math.max(0, limit));
          };
        };
        tx.oncomplete = () =>
          done({ name, version: db.version, settings: settings.result ?? null, rows });
        tx.onabort = () => done(null);
      } catch {
        // A store or the index is missing (an older database): the app reads after its upgrade.
        done(null);
      }
    };
  });
}

/**
 * The window's session storage is loaded from the browser process, synchronously, on its
 * first use — measured at 50 ms and more when the browser is busy with the database, and
 * its first user is the router's start (it keeps view transitions there), on the way to
 * the first screen. Touched here, while the app's scripts are still arriving, it is loaded
 * by the time they run. (Local storage is loaded above, by `databaseName`.)
 */
export function warmSessionStorage(win: Pick<Window, 'sessionStorage'>): void {
  try {
    win.sessionStorage.getItem('tizilim.user');
  } catch {
    // Storage unavailable: the app reads it later and copes with that as before.
  }
}
