/** Records and arriving revisions as the sync's local side handles them (./local.ts). */
import { SYNC_TABLES, type DocCheck, type SyncTable, type WireDoc } from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';

export type Data = Record<string, unknown>;

/** One live or deleted revision that arrived, with what the app makes of it. */
export interface Leaf {
  doc: WireDoc;
  rev: string;
  ancestry: string[];
  deleted: boolean;
  check: DocCheck | null;
}

/** Records by (table, id), read with one bulkGet per table; same order as `targets`. */
export async function readRecords(
  db: TizilimDb,
  targets: readonly ({ table: SyncTable; id: string } | null)[],
): Promise<(Data | undefined)[]> {
  const byTable = new Map<SyncTable, number[]>();
  targets.forEach((t, i) => {
    if (!t) return;
    const list = byTable.get(t.table);
    if (list) list.push(i);
    else byTable.set(t.table, [i]);
  });
  const out: (Data | undefined)[] = new Array<Data | undefined>(targets.length);
  for (const [table, indexes] of byTable) {
    const found = (await db.table(table).bulkGet(indexes.map((i) => targets[i]!.id))) as (
      Data | undefined
    )[];
    indexes.forEach((index, k) => (out[index] = found[k]));
  }
  return out;
}

/**
 * The office records this laptop held when a first pull began (their keys, by table), and
 * the change log's last entry as the pull's last write left it. While the log ends there,
 * nobody else has written a record since, so a document the pull has not written (it has no
 * base row) is on this laptop only if it is among these keys (./localApply.ts).
 */
export interface LocalKeys {
  seq: number;
  has(table: SyncTable, id: string): boolean;
}

/** Reads the keys of every synced table and the log's end, in one read transaction. */
export async function readLocalKeys(db: TizilimDb): Promise<LocalKeys & { seq: number }> {
  return db.transaction('r', [...SYNC_TABLES.map((t) => db.table(t)), db.changes], async () => {
    const keys = new Map<SyncTable, Set<string>>();
    for (const table of SYNC_TABLES) {
      keys.set(table, new Set((await db.table(table).toCollection().primaryKeys()) as string[]));
    }
    const seq = ((await db.changes.orderBy('seq').lastKey()) as number | undefined) ?? 0;
    return { seq, has: (table: SyncTable, id: string) => keys.get(table)?.has(id) === true };
  });
}

/** `found` (read for `lookup`) in the order of `ids`; undefined for the others. */
export function placed<T>(
  ids: readonly string[],
  lookup: readonly string[],
  found: readonly T[],
): (T | undefined)[] {
  const byId = new Map(lookup.map((id, k) => [id, found[k]]));
  return ids.map((id) => byId.get(id));
}

/**
 * Log entries the pull wrote (`from`..`to`): the push skips them without reading the
 * records — they equal their bases — except the records named in `except`, which the pull
 * merged with changes made here and must go to the server.
 */
export interface EchoRange {
  from: number;
  to: number;
  except: string[];
}
export const META_ECHO = 'echo';

export function withoutFile(record: Data): Data {
  if (!('file' in record)) return record;
  const copy = { ...record };
  delete copy.file;
  return copy;
}
