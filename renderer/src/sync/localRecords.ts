/** Records and arriving revisions as the sync's local side handles them (./local.ts). */
import type { DocCheck, SyncTable, WireDoc } from '@shared/sync';
import type { Table } from 'dexie';
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

/**
 * Records by (table, id), read with one bulkGet per table; same order as `targets`.
 *
 * `mostlyAbsent`: the caller expects most of these records not to exist here (a first sync
 * brings the whole office to a laptop that holds none of it). IndexedDB's backend handles a
 * read of a missing record as one request like any other, so the keys held within the
 * batch's range of ids are read first, in one request, and then only those records. When
 * the range holds more than twice as many keys as the batch (a laptop that already holds
 * the office), the records are read as usual: at most one request more than before.
 */
export async function readRecords(
  db: TizilimDb,
  targets: readonly ({ table: SyncTable; id: string } | null)[],
  options: { mostlyAbsent?: boolean } = {},
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
    const ids = indexes.map((i) => targets[i]!.id);
    const held = options.mostlyAbsent ? await keysHeld(db.table(table), ids) : null;
    const lookup = held ? ids.filter((id) => held.has(id)) : ids;
    // Always a Dexie call, even for no keys: the caller's transaction goes on after Dexie's
    // own promises only.
    const found = (await db.table(table).bulkGet(lookup)) as (Data | undefined)[];
    const records = lookup === ids ? found : placed(ids, lookup, found);
    indexes.forEach((index, k) => (out[index] = records[k]));
  }
  return out;
}

/**
 * The keys of `table` between the least and the greatest of `ids` (non-empty; IndexedDB
 * orders string keys by UTF-16 code units, as `<` does), or null when there are more than
 * twice as many as `ids`: then reading the records by key is the cheaper way.
 */
async function keysHeld(table: Table, ids: readonly string[]): Promise<Set<string> | null> {
  let least = ids[0]!;
  let greatest = least;
  for (const id of ids) {
    if (id < least) least = id;
    if (id > greatest) greatest = id;
  }
  const most = ids.length * 2;
  const keys = await table
    .where(':id')
    .between(least, greatest, true, true)
    .limit(most + 1)
    .primaryKeys();
  return keys.length > most ? null : new Set(keys.map(String));
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
