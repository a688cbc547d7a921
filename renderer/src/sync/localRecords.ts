/** Records and arriving revisions as the sync's local side handles them (./local.ts). */
import type { DocCheck, SyncTable, WireDoc } from '@shared/sync';
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
