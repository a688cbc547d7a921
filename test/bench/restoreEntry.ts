// The in-app restore timed in Chromium (scripts/bench-backup.mjs builds and drives this
// page): the restore screen's own code — the web build's backup platform opening a chosen
// `.tizilim-backup` with its password (read and verified through once), then
// `restoreBackup` with the backup of the current data first — until the registry is
// replaced and its first rows read back. The JS heap is sampled at every progress step and
// every 20 ms. Then the raw baseline: the same records written with plain IndexedDB puts
// into stores with only their primary keys, in the same browser.
import { z } from 'zod';
import { TizilimDb } from '@renderer/db/database';
import { EXPORT_TABLE_NAMES } from '@shared/export';
import { backupBeforeReplace } from '@renderer/backup/beforeImport';
import { restoreBackup, type RestoreProgress } from '@renderer/backup/restore';
import { newestRegistryRows } from '@renderer/db/queries/registry';
import { browserBackups } from '@renderer/platform/backupsBrowser';
import { setBackups } from '@renderer/platform/backups';
import { setBackupController } from '@renderer/backup/useBackups';

z.config({ jitless: true });

interface RestoreRun {
  totalMs: number;
  /** Choosing the file until the preview (read and verified through once). */
  openMs: number;
  /** Milliseconds spent in each phase of `restoreBackup` (read, validate, backup, write, check). */
  phases: Record<string, number>;
  heapBeforeMB: number;
  heapPeakMB: number;
  records: number;
  registryRows: number;
}

/**
 * The raw baseline's stores: `plain` — primary keys only; `indexed` — with the app's
 * indexes (schema.ts); `logged` — indexed, plus one change-log entry per record in a
 * `changes` store with the app's indexes, as the restore writes. Over stores already
 * filled (logged), timing the second transaction: `replace` — every store cleared, then
 * the same puts; `overwrite` — only the log cleared, the records put over themselves;
 * `clear` — every store cleared, nothing put.
 */
type RawShape =
  | 'plain'
  | 'indexed'
  | 'logged'
  | 'replace'
  | 'overwrite'
  | 'clear'
  /** `logged` in transactions of 1,000 records each (not all or nothing: for comparison). */
  | 'chunked'
  /** `logged` with schema version 9's indexes on events and the log (before version 10). */
  | 'logged-v9'
  /** `logged` with each log entry's seq given (the store still generates keys). */
  | 'logged-keyed';

/** Schema version 9's indexes of the tables version 10 changed, as Dexie describes them. */
const V9_INDEXES: Record<string, { name: string; keyPath: string | string[] }[]> = {
  events: [
    { name: 'appealId', keyPath: 'appealId' },
    { name: '[appealId+at]', keyPath: ['appealId', 'at'] },
    { name: 'type', keyPath: 'type' },
    { name: 'at', keyPath: 'at' },
  ],
  changes: [{ name: '[table+id]', keyPath: ['table', 'id'] }],
};

declare global {
  interface Window {
    tizilimRestoreBench?: {
      setup(password: string): Promise<void>;
      restore(password: string): Promise<RestoreRun>;
      raw(shape?: RawShape): Promise<{ rawMs: number; records: number }>;
    };
    gc?: () => void;
  }
}

const status = document.getElementById('status')!;
const platform = browserBackups();
setBackups(platform);
const MB = 2 ** 20;
const heap = () =>
  (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

window.tizilimRestoreBench = {
  async setup(password) {
    await platform.setPassword({ password });
  },

  async restore(password) {
    window.gc?.();
    const heapBefore = heap();
    let peak = heapBefore;
    const sample = () => {
      peak = Math.max(peak, heap());
    };
    const ticker = setInterval(sample, 20);
    const phases: Record<string, number> = {};
    let phase = 'open';
    let phaseAt = performance.now();
    const enter = (next: string) => {
      const now = performance.now();
      phases[phase] = (phases[phase] ?? 0) + (now - phaseAt);
      phase = next;
      phaseAt = now;
    };
    const t0 = performance.now();
    const db = new TizilimDb();
    // The backup of the current data goes through the window's backup controller, made for
    // the first database it is given: each run's connection gets its own (the last one's
    // is closed, and its backup would fail as `backup_required`).
    setBackupController(null);
    try {
      await db.open();
      const chosen = await platform.chooseBackupFile();
      if (chosen === null) throw new Error('no file chosen');
      const handle = await platform.openRestore({
        source: { kind: 'chosen', token: chosen.token },
        secret: { password },
        journal: true,
      });
      const openMs = performance.now() - t0;
      sample();
      const result = await restoreBackup(db, handle, {
        onProgress: (progress: RestoreProgress) => {
          if (progress.phase !== phase) enter(progress.phase);
          sample();
          status.textContent = `${progress.phase} ${progress.done} / ${progress.total}`;
        },
        backupCurrent: async () => {
          await backupBeforeReplace(db, 'before_restore');
        },
      });
      if (result.differences.length > 0) {
        throw new Error(`restored tables differ: ${JSON.stringify(result.differences)}`);
      }
      // Readable: the registry's first screen comes from the rows the restore wrote.
      const rows = await newestRegistryRows(db, 50);
      if (rows.length === 0) throw new Error('the registry is empty after the restore');
      enter('done');
      const totalMs = performance.now() - t0;
      sample();
      return {
        totalMs,
        openMs,
        phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])),
        heapBeforeMB: Math.round(heapBefore / MB),
        heapPeakMB: Math.round(peak / MB),
        records: EXPORT_TABLE_NAMES.reduce((n, t) => n + (result.counts[t] ?? 0), 0),
        registryRows: await db.registryRows.count(),
      };
    } finally {
      clearInterval(ticker);
      db.close();
    }
  },

  async raw(shape: RawShape = 'plain') {
    const db = new TizilimDb();
    await db.open();
    const tables = EXPORT_TABLE_NAMES.map((name) => db.table(name));
    const data = await db.transaction('r', tables, () =>
      Promise.all(tables.map((t) => t.toArray())),
    );
    const keyPaths = tables.map((t) => t.schema.primKey.keyPath as string);
    const v9 = shape === 'logged-v9';
    const indexes = tables.map((t) =>
      v9 ? (V9_INDEXES[t.name] ?? t.schema.indexes) : t.schema.indexes,
    );
    const logIndexes = v9 ? V9_INDEXES['changes']! : db.changes.schema.indexes;
    db.close();
    const name = 'tizilim-raw-baseline';
    const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error);
      });
    type IndexSpec = {
      name: string;
      keyPath?: string | string[] | null;
      unique?: boolean;
      multi?: boolean;
    };
    const addIndexes = (store: IDBObjectStore, list: readonly IndexSpec[]) => {
      for (const index of list) {
        store.createIndex(index.name, index.keyPath!, {
          unique: index.unique ?? false,
          multiEntry: index.multi ?? false,
        });
      }
    };
    const logged = shape !== 'plain' && shape !== 'indexed';
    const keyed = shape === 'logged-keyed';
    let seq = 0;
    await request(indexedDB.deleteDatabase(name));
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => {
      tables.forEach((t, i) => {
        const store = opening.result.createObjectStore(t.name, { keyPath: keyPaths[i] });
        if (shape !== 'plain') addIndexes(store, indexes[i]!);
      });
      if (logged) {
        const changes = opening.result.createObjectStore('changes', {
          keyPath: 'seq',
          autoIncrement: true,
        });
        addIndexes(changes, logIndexes);
      }
    };
    const raw = await request<IDBDatabase>(opening);
    const names = tables.map((t) => t.name);
    /** One transaction: `clear` empties stores first, then every record is put (and logged). */
    const write = (clear: 'none' | 'all' | 'log', put = true, from = 0, to = Infinity) =>
      new Promise<void>((resolve, reject) => {
        const tx = raw.transaction(logged ? [...names, 'changes'] : names, 'readwrite');
        const at = new Date().toISOString();
        if (clear !== 'none') tx.objectStore('changes').clear();
        if (clear === 'all') for (const n of names) tx.objectStore(n).clear();
        if (put) {
          tables.forEach((t, i) => {
            const store = tx.objectStore(t.name);
            const slice = data[i]!.slice(from, to);
            for (const record of slice) store.put(record);
            if (!logged) return;
            const changes = tx.objectStore('changes');
            for (const record of slice) {
              const id = (record as Record<string, unknown>)[keyPaths[i]!];
              const entry = { table: t.name, id, op: 'put', at, device: 'bench' };
              changes.add(keyed ? { ...entry, seq: ++seq } : entry);
            }
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    // `replace`, `overwrite` and `clear` time a second transaction over the stores filled.
    if (shape === 'replace' || shape === 'overwrite' || shape === 'clear') await write('none');
    const t0 = performance.now();
    if (shape === 'replace') await write('all');
    else if (shape === 'overwrite') await write('log');
    else if (shape === 'clear') await write('all', false);
    else if (shape === 'chunked') {
      const longest = Math.max(...data.map((rows) => rows.length));
      for (let at = 0; at < longest; at += 1_000) await write('none', true, at, at + 1_000);
    } else await write('none');
    const rawMs = performance.now() - t0;
    raw.close();
    await request(indexedDB.deleteDatabase(name));
    return { rawMs, records: data.reduce((n, rows) => n + rows.length, 0) };
  },
};
status.textContent = 'ready';
