import { useEffect, useSyncExternalStore } from 'react';
import { onChangesCommittedOutsideBulk } from './bulkWrite';
import type { TizilimDb } from './database';
import type { ChangeEntry } from './changeLog';
import { allRegistryRows } from './queries/registry';
import type { RegistryRow } from './registryRow';

/**
 * Every registry row in memory, read once and kept current from the change log: the
 * registry, the Today screen and the deadline reminders share it. A live query over all
 * rows read the 50,000 rows again (about a second of the main thread) after every saved
 * change and once per screen that used it; here a commit re-reads only the rows it
 * touched — the appeals written, and the appeals of the applicants written (their names
 * are in the rows) — and puts them in place.
 *
 * Rows are in the registry's default order, newest received first, equal times by id
 * descending (`allRegistryRows`). Each change makes a new array (React sees a new list);
 * rows that did not change stay the same objects, so per-row work can be kept by row.
 */
/** The tables a registry row is made from. */
const ROW_TABLES: ReadonlySet<string> = new Set(['appeals', 'applicants']);

export class RegistryRowsStore {
  private rows: RegistryRow[] | undefined;
  /** The connection the rows were read from; a reopened (or deleted) database reads again. */
  private readFrom: IDBDatabase | null = null;
  private loading: Promise<void> | null = null;
  /** A full read is queued or running. */
  private reading = false;
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: TizilimDb) {}

  /** The rows, or undefined until they have been read from this connection. */
  readonly snapshot = (): RegistryRow[] | undefined =>
    this.readFrom !== null && this.readFrom === this.connection() ? this.rows : undefined;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Starts reading every row (once per connection); resolves when they are in memory. */
  start(): Promise<void> {
    // During a bulk write (./bulkWrite.ts) commits are left out and all is read at its end.
    this.unsubscribe ??= onChangesCommittedOutsideBulk(
      this.db,
      ROW_TABLES,
      (entries) => this.onCommit(entries),
      () => {
        if (this.loading !== null) void this.readAgain();
      },
    );
    const connection = this.connection();
    if (this.loading && (this.reading || (connection !== null && connection === this.readFrom))) {
      return this.loading;
    }
    return this.readAgain();
  }

  private readAgain(): Promise<void> {
    this.reading = true;
    const loading = this.enqueue(async () => {
      try {
        await this.readAll();
      } finally {
        this.reading = false;
      }
    });
    this.loading = loading;
    return loading;
  }

  /** Stops listening to the change log (tests, a closed database). */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private connection(): IDBDatabase | null {
    return this.db.isOpen() ? this.db.backendDB() : null;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).then(
      () => {
        for (const listener of [...this.listeners]) listener();
      },
      (error: unknown) => {
        // The database was deleted or closed under a read: the next `start` reads again.
        this.readFrom = null;
        this.loading = null;
        console.warn('registry rows: could not read the database', error);
      },
    );
    this.queue = run;
    return run;
  }

  private async readAll(): Promise<void> {
    if (!this.db.isOpen()) await this.db.open();
    const connection = this.db.backendDB();
    this.rows = await allRegistryRows(this.db);
    this.readFrom = connection;
  }

  private onCommit(entries: readonly ChangeEntry[]): void {
    if (this.loading === null) return;
    const relevant = entries.filter((e) => ROW_TABLES.has(e.table));
    if (relevant.length === 0) return;
    if (relevant.some((e) => e.op === 'clear')) {
      void this.readAgain();
      return;
    }
    void this.enqueue(() => this.apply(relevant));
  }

  /** Reads the rows the entries touch and puts them in place (or takes them out). */
  private async apply(entries: readonly ChangeEntry[]): Promise<void> {
    const current = this.rows;
    if (!current) return;
    const ids = new Set<string>();
    const applicants = new Set<string>();
    for (const e of entries) (e.table === 'appeals' ? ids : applicants).add(e.id);
    if (applicants.size > 0) {
      for (const row of current) {
        if (row.applicantId !== null && applicants.has(row.applicantId)) ids.add(row.id);
      }
    }
    if (ids.size === 0) return;
    const fresh = (await this.db.registryRows.bulkGet([...ids])).filter(
      (row): row is RegistryRow => row !== undefined,
    );
    this.rows = replaceRows(current, ids, fresh);
  }
}

/** Newest received first; equal times by id, descending (the `receivedAt` index reversed). */
function before(a: RegistryRow, b: RegistryRow): boolean {
  return a.receivedAt !== b.receivedAt ? a.receivedAt > b.receivedAt : a.id > b.id;
}

/**
 * `rows` without the rows of `ids`, with `fresh` put in order: a new array; every other row
 * stays the same object.
 */
export function replaceRows(
  rows: readonly RegistryRow[],
  ids: ReadonlySet<string>,
  fresh: readonly RegistryRow[],
): RegistryRow[] {
  const kept = rows.filter((row) => !ids.has(row.id));
  for (const row of [...fresh].sort((a, b) => (before(a, b) ? -1 : 1))) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(kept[mid]!, row)) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, row);
  }
  return kept;
}

const stores = new WeakMap<TizilimDb, RegistryRowsStore>();

/** The rows store of this database (one per database object). */
export function registryRowsStoreOf(db: TizilimDb): RegistryRowsStore {
  let store = stores.get(db);
  if (!store) {
    store = new RegistryRowsStore(db);
    stores.set(db, store);
  }
  return store;
}

/**
 * Every registry row, kept current; undefined until read. `start: false` defers the read
 * (the registry paints its first page before asking for the rest); rows another screen
 * has read already are there at once either way.
 */
export function useAllRegistryRows(db: TizilimDb, start = true): RegistryRow[] | undefined {
  const store = registryRowsStoreOf(db);
  useEffect(() => {
    if (start) void store.start();
  }, [store, start]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
