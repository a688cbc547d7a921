import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export';
import type { TizilimDb } from '@renderer/db/database';

/**
 * Records a transaction gets per write request. Bigger batches mean fewer requests through
 * the change layer (one log write and one registry-row write per batch).
 */
const BATCH = 5_000;

export interface ReplaceProgress {
  phase: 'write';
  done: number;
  total: number;
}

/**
 * Replaces every office table with `rows`, all or nothing, in ONE IndexedDB transaction:
 * drafts and the office's tables are cleared (dependents first), the old change log is
 * emptied (every entry in it named records the clears remove: what compaction would drop),
 * and the records are written in batches through the change layer, which writes the
 * registry rows and the log (a `clear` per table, then one `put` per record) batch by
 * batch. Every request is queued at once, without awaiting anything but IndexedDB, so the
 * transaction never goes idle and the database works through the queue without waiting for
 * this code between batches. A failure anywhere — a record IndexedDB refuses, a full disk
 * (QuotaExceededError) — aborts the transaction and leaves the data as it was. Each batch's
 * records are let go once the batch is handed over.
 */
export async function replaceOffice(
  db: TizilimDb,
  rows: Record<ExportTableName, unknown[]>,
  onProgress: (progress: ReplaceProgress) => void = () => undefined,
): Promise<void> {
  const present = new Set(db.tables.map((t) => t.name));
  const tables = EXPORT_TABLE_NAMES.filter((name) => present.has(name));
  // A database at an older schema version lacks later tables: records for them cannot go in.
  const missing = EXPORT_TABLE_NAMES.find((name) => !present.has(name) && rows[name].length);
  if (missing !== undefined) throw new Error(`the database has no table ${missing}`);
  const clearing = [...tables.map((name) => db.table(name)), db.drafts].reverse();
  const total = tables.reduce((n, name) => n + rows[name].length, 0);
  let done = 0;
  onProgress({ phase: 'write', done, total });
  await db.transaction('rw', [...clearing, db.changes], async () => {
    const pending: Promise<unknown>[] = [db.changes.clear()];
    for (const table of clearing) pending.push(table.clear());
    for (const name of tables) {
      const list = rows[name];
      for (let at = 0; at < list.length; at += BATCH) {
        const batch = list.slice(at, at + BATCH);
        list.fill(undefined, at, at + batch.length);
        pending.push(
          db
            .table(name)
            .bulkAdd(batch)
            .then(() => {
              done += batch.length;
              onProgress({ phase: 'write', done, total });
            }),
        );
      }
      list.length = 0;
    }
    await Promise.all(pending);
  });
}
