import { OfficeSearch, type SearchTable } from '@shared/search';
import type { EntityTable } from 'dexie';
import type { Agency, Appeal, Applicant } from '@shared/domain';
import { onChangesCommittedOutsideBulk } from './bulkWrite';
import type { TizilimDb } from './database';
import type { ChangeEntry } from './changeLog';

/**
 * The app's search index (shared/search, docs/search.md): appeals, applicants and agencies
 * in memory, built on the main thread in slices when the app starts and kept current from
 * the change log (`onChangesCommitted`). Every search of the app — the registry, the
 * applicants list, the applicant picker, the returning-visitor lookup at a reception, the
 * agency directory, the duplicate check — asks it through `searchIndexOf(db).ready()`.
 *
 * Work is one queue: the build, then each committed transaction's changes in commit order
 * (the changed records are read again, so the index holds what is stored now). `ready()`
 * resolves once everything committed before the call is in the index. A listener that runs
 * after a commit (a live query) and awaits `ready()` therefore sees that commit.
 *
 * Measured (bench:search, bench:registry): about 25 ms of work per 1,000 records, so
 * 10,000 appeals and their applicants are indexed in well under a second, in slices that
 * leave the page responsive.
 */

const SEARCH_TABLES: ReadonlySet<string> = new Set<SearchTable>([
  'appeals',
  'applicants',
  'agencies',
]);

/** Records read from IndexedDB per read. */
const PAGE = 2_000;
/** Records indexed between two pauses (about 10 ms of work). */
const SLICE = 400;

/** The browser's task scheduler (Chromium), where there is one. */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * Lets the page paint and handle input: a macrotask, not a timer (fake timers stay fake).
 * Where the browser has a task scheduler, the next slice is a background task: whatever
 * else is waiting goes first — a filter's frame, the rows' reads, a timer — so the build
 * that runs for seconds after the registry opens does not delay what a person does. A
 * message (the fallback) queued after each slice took turns with them instead.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'background' });
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SearchIndexProgress {
  done: number;
  total: number;
}

export class SearchIndex {
  private search = new OfficeSearch();
  private queue: Promise<unknown> = Promise.resolve();
  /** The connection the index was built from; a reopened (or deleted) database is rebuilt. */
  private builtFor: IDBDatabase | null = null;
  private building: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;
  private versionNo = 0;
  /** Tasks queued and not finished (the build, changes being taken in). */
  private pending = 0;
  progress: SearchIndexProgress | null = null;

  constructor(
    private readonly db: TizilimDb,
    private readonly pause: () => Promise<void> = yieldToPage,
  ) {}

  /** Grows by one each time the index changes (for React: `useSearchIndexVersion`). */
  get version(): number {
    return this.versionNo;
  }

  /** Called after every change of the index; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Starts the build (once per database connection); resolves when it is done. */
  start(): Promise<void> {
    // During a bulk write (./bulkWrite.ts) commits are left out and it is built again at its end.
    this.unsubscribe ??= onChangesCommittedOutsideBulk(
      this.db,
      SEARCH_TABLES,
      (entries) => this.onCommit(entries),
      () => {
        if (this.building !== null) this.building = this.enqueue(() => this.build());
      },
    );
    const connection = this.db.isOpen() ? this.db.backendDB() : null;
    if (this.building && (connection === null || connection === this.builtFor)) {
      return this.building;
    }
    const building = this.enqueue(() => this.build());
    this.building = building;
    return building;
  }

  /** The index, once every change committed before this call is in it. */
  async ready(): Promise<OfficeSearch> {
    if (!this.db.isOpen()) await this.db.open();
    await this.start();
    for (;;) {
      const tail = this.queue;
      await tail;
      if (tail === this.queue) return this.search;
    }
  }

  /**
   * The index now, when it was built from the open connection and nothing is queued (every
   * change handed over is in it); otherwise null — ask `ready()`. It lets a search answer
   * in the same task as the keystroke.
   */
  settled(): OfficeSearch | null {
    if (this.pending > 0 || this.building === null || !this.db.isOpen()) return null;
    return this.builtFor !== null && this.builtFor === this.db.backendDB() ? this.search : null;
  }

  /** Stops listening to the change log (tests, a closed database). */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.pending += 1;
    const done = () => {
      this.pending -= 1;
    };
    const run = this.queue.then(task).then(
      () => {
        done();
        this.changed();
      },
      (error: unknown) => {
        done();
        // The database was deleted or closed under a task: the next `start` rebuilds.
        this.builtFor = null;
        this.building = null;
        console.warn('search index: could not read the database', error);
      },
    );
    this.queue = run;
    return run;
  }

  private changed() {
    this.versionNo += 1;
    for (const listener of [...this.listeners]) listener();
  }

  private onCommit(entries: readonly ChangeEntry[]) {
    const relevant = entries.filter((e) => SEARCH_TABLES.has(e.table));
    if (relevant.length === 0 || this.building === null) return;
    if (relevant.some((e) => e.op === 'clear')) {
      // A table emptied (an import that replaces the office): build again from what is stored.
      this.building = this.enqueue(() => this.build());
      return;
    }
    void this.enqueue(() => this.applyEntries(relevant));
  }

  /** Reads the records the entries name and puts (or removes) them. */
  private async applyEntries(entries: readonly ChangeEntry[]): Promise<void> {
    const ids: Record<SearchTable, Set<string>> = {
      appeals: new Set(),
      applicants: new Set(),
      agencies: new Set(),
    };
    for (const e of entries) ids[e.table as SearchTable].add(e.id);
    const { db } = this;
    const [appeals, applicants, agencies] = await db.transaction(
      'r',
      [db.appeals, db.applicants, db.agencies],
      () =>
        Promise.all([
          db.appeals.bulkGet([...ids.appeals]),
          db.applicants.bulkGet([...ids.applicants]),
          db.agencies.bulkGet([...ids.agencies]),
        ]),
    );
    const search = this.search;
    [...ids.applicants].forEach((id, i) => {
      const record = applicants[i];
      if (record) search.putApplicant(record);
      else search.remove('applicants', id);
    });
    [...ids.appeals].forEach((id, i) => {
      const record = appeals[i];
      if (record) search.putAppeal(record);
      else search.remove('appeals', id);
    });
    [...ids.agencies].forEach((id, i) => {
      const record = agencies[i];
      if (record) search.putAgency(record);
      else search.remove('agencies', id);
    });
  }

  /** A new index from every stored record, page by page, in slices. */
  private async build(): Promise<void> {
    const { db } = this;
    if (!db.isOpen()) await db.open();
    this.builtFor = db.backendDB();
    const search = new OfficeSearch();
    const [applicantCount, appealCount, agencyCount] = await Promise.all([
      db.applicants.count(),
      db.appeals.count(),
      db.agencies.count(),
    ]);
    const total = applicantCount + appealCount + agencyCount;
    let done = 0;
    this.progress = { done, total };
    const readAll = async <T extends { id: string }>(
      table: EntityTable<T, 'id'>,
      put: (record: T) => void,
    ) => {
      let after = '';
      for (;;) {
        const page = await table.where(':id').above(after).limit(PAGE).toArray();
        if (page.length === 0) return;
        after = page[page.length - 1]!.id;
        for (let i = 0; i < page.length; i += SLICE) {
          for (const record of page.slice(i, i + SLICE)) put(record);
          done += Math.min(SLICE, page.length - i);
          this.progress = { done, total };
          await this.pause();
        }
        if (page.length < PAGE) return;
      }
    };
    await readAll<Applicant>(db.applicants, (r) => search.putApplicant(r));
    await readAll<Appeal>(db.appeals, (r) => search.putAppeal(r));
    await readAll<Agency>(db.agencies, (r) => search.putAgency(r));
    for (const collection of [search.appeals, search.applicants, search.agencies]) {
      collection.pack();
    }
    this.search = search;
    this.progress = null;
  }
}

const indexes = new WeakMap<TizilimDb, SearchIndex>();

/** The search index of this database (one per database object), started on first use. */
export function searchIndexOf(db: TizilimDb): SearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new SearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}
