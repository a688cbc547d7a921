import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export';
import type { TizilimDb } from '@renderer/db/database';

/**
 * Records a transaction gets per write request. Bigger batches mean fewer requests through
 * the change layer (one log write and one registry-row write per batch).
 */
const BATCH = 5_000;

/**
 * Batches handed to IndexedDB and not yet written: enough that it always has the next one
 * queued while this page works out the consequences of the last (the change layer's bulk
 * mode), few enough that the records waiting in the browser stay a small part of the office.
 */
const IN_FLIGHT = 4;

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
 * batch. The layer's bulk mode (ChangeLayer.bulk) lets the next batches go to IndexedDB
 * while it writes the last one's log entries and registry rows (from the applicants' names
 * in `rows`, without reading them back), so the database never waits for this page between
 * batches; at most IN_FLIGHT batches are queued at a time. A failure anywhere — a record
 * IndexedDB refuses, a full disk (QuotaExceededError) — aborts the transaction and leaves
 * the data as it was. Each batch's records are let go once the batch is handed over.
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
  const names = new Map<string, string>();
  for (const applicant of rows.applicants as { id: string; fullName: string }[]) {
    names.set(applicant.id, applicant.fullName);
  }
  await db.transaction('rw', [...clearing, db.changes], async (tx) => {
    await Promise.all([db.changes.clear(), ...clearing.map((table) => table.clear())]);
    db.changeLayer.bulk(tx.idbtrans, names);
    const inFlight: Promise<unknown>[] = [];
    for (const name of tables) {
      const list = rows[name];
      for (let at = 0; at < list.length; at += BATCH) {
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        const batch = list.slice(at, at + BATCH);
        list.fill(undefined, at, at + batch.length);
        const writing = db
          .table(name)
          .bulkAdd(batch)
          .then(() => {
            done += batch.length;
            onProgress({ phase: 'write', done, total });
          });
        // Awaited below or in turn; a failure of one not awaited yet is not "unhandled".
        writing.catch(() => undefined);
        inFlight.push(writing);
      }
      list.length = 0;
    }
    await Promise.all(inFlight);
  });
}
