import type { SyncTable } from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import type { SyncDocRow, SyncPackRow } from '@renderer/db/syncTables';

/**
 * The sync's base rows (SyncDocRow: per record, the revision this laptop and the server last
 * shared, and its body), the one place that reads and writes them. They are kept in two
 * shapes (docs/sync.md, "Base rows in packs"):
 *
 * - `syncDocs`: one row per record. Every change of a row that exists is written here.
 * - `syncPacks` (schema version 11): the rows of records new to this laptop's sync (a pull's
 *   new records, or those a push gave the server for the first time; a first sync: the whole
 *   office), written together as values of up to PACK_ROWS rows. Every IndexedDB request
 *   costs IndexedDB's backend about 0.2 ms of CPU whatever it holds: 34,000 rows took 5.8–7.3 s
 *   to write one per request, and 0.8–0.9 s in packs of 500 with the indexes below (measured
 *   on this machine).
 *
 * A record's row in `syncDocs` replaces its row in a pack: a pack is never rewritten, so a row
 * changed later (a merge, a push, a person's decision) is written to `syncDocs` and the pack's
 * copy is no longer read. Callers run these inside a transaction over `baseRowTables(db)`.
 */

/** At most this many rows in one pack. */
export const PACK_ROWS = 500;

/** The tables a transaction that reads or writes base rows must cover. */
export function baseRowTables(db: TizilimDb) {
  return [db.syncDocs, db.syncPacks];
}

/** The base rows of these documents, in their order (undefined: the record has none). */
export async function readBaseRows(
  db: TizilimDb,
  docIds: readonly string[],
): Promise<(SyncDocRow | undefined)[]> {
  const found = await db.syncDocs.bulkGet([...docIds]);
  const missing = docIds.filter((_, i) => found[i] === undefined);
  // Every row found one by one (always so for a laptop that synced before version 11).
  if (missing.length === 0) return found;
  // The packs holding the others: one index read per document, as a read of its row was.
  const keyLists = await Promise.all(
    missing.map((docId) => db.syncPacks.where('docIds').equals(docId).primaryKeys()),
  );
  const keys = [...new Set(keyLists.flat() as number[])].sort((a, b) => a - b);
  const packs = await db.syncPacks.bulkGet(keys);
  const wanted = new Set(missing);
  const inPacks = new Map<string, SyncDocRow>();
  // In the order the packs were written: a later pack's row is the newer one.
  for (const pack of packs) {
    for (const row of pack?.rows ?? []) if (wanted.has(row.docId)) inPacks.set(row.docId, row);
  }
  return docIds.map((docId, i) => found[i] ?? inPacks.get(docId));
}

/**
 * Writes base rows. `fresh`: documents that had no row at all before this write; their rows
 * go into packs, the others into `syncDocs`.
 */
export async function writeBaseRows(
  db: TizilimDb,
  rows: readonly SyncDocRow[],
  fresh: ReadonlySet<string> = new Set(),
): Promise<void> {
  const packed = rows.filter((row) => fresh.has(row.docId));
  const single = packed.length > 0 ? rows.filter((row) => !fresh.has(row.docId)) : rows;
  const packs: SyncPackRow[] = [];
  for (let i = 0; i < packed.length; i += PACK_ROWS) {
    const part = packed.slice(i, i + PACK_ROWS);
    packs.push({
      docIds: part.map((row) => row.docId),
      tables: [...new Set(part.map((row) => row.table))],
      rows: part,
    });
  }
  // Both written even when empty (no request then): the caller's transaction goes on after
  // Dexie's own promises only.
  await db.syncDocs.bulkPut([...single]);
  await db.syncPacks.bulkAdd(packs);
}

/** The documents of these tables that have a base row (a `clear` of the table). */
export async function baseRowIdsOf(
  db: TizilimDb,
  tables: readonly SyncTable[],
): Promise<Set<string>> {
  const ids = new Set(
    (await db.syncDocs
      .where('table')
      .anyOf([...tables])
      .primaryKeys()) as string[],
  );
  const wanted = new Set<string>(tables);
  await db.syncPacks
    .where('tables')
    .anyOf([...tables])
    .distinct()
    .each((pack) => {
      for (const row of pack.rows) if (wanted.has(row.table)) ids.add(row.docId);
    });
  return ids;
}

/** Whether this laptop holds any base row (none: the next pull is a first sync). */
export async function anyBaseRow(db: TizilimDb): Promise<boolean> {
  const row = await db.syncDocs.limit(1).primaryKeys();
  if (row.length > 0) return true;
  return (await db.syncPacks.limit(1).primaryKeys()).length > 0;
}

/** Forgets every base row (sync moved to another server or database). */
export async function clearBaseRows(db: TizilimDb): Promise<void> {
  await db.syncDocs.clear();
  await db.syncPacks.clear();
}
