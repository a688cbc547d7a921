import type { Transaction } from 'dexie';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export/schema';
import type { TizilimDb } from './database';
import type { CommittedChange } from './changeLayer';

export type { CommittedChange };
import { DEVICE_KEY, newDeviceIdentity, type DeviceIdentity } from './device';

/**
 * The change log: one entry for every record the office's tables gained, changed or lost,
 * written by the change layer (changeLayer.ts) in the same transaction as the write. This
 * module is what consumers use — the journal between backups, exchange packages between
 * laptops, sync with the council's server. docs/change-log.md describes the contract.
 */

/**
 * The office's tables: exactly the tables an export holds. Every write to them is logged.
 * Not logged: drafts (one workstation's half-typed forms), the derived tables
 * (registryRows), and the local tables (changes, device).
 */
export const OFFICE_TABLES: readonly ExportTableName[] = EXPORT_TABLE_NAMES;
export type OfficeTable = ExportTableName;

const OFFICE_TABLE_SET: ReadonlySet<string> = new Set(OFFICE_TABLES);
export function isOfficeTable(name: string): name is OfficeTable {
  return OFFICE_TABLE_SET.has(name);
}

/**
 * - `put`: the record was created or replaced; read it to know its content now.
 * - `delete`: the record is gone (removed for good; soft deletes are `put`s).
 * - `clear`: every record of the table is gone (id is ''). Entries after it re-fill it.
 */
export type ChangeOp = 'put' | 'delete' | 'clear';

export interface ChangeEntry {
  /** Position in the log: increasing in commit order, never reused, may have gaps. */
  seq: number;
  table: OfficeTable;
  /** The record's primary key; '' for `clear`. */
  id: string;
  op: ChangeOp;
  /** When the write was made on this laptop, ISO UTC. */
  at: string;
  /** The id of the device that wrote it (device.ts). */
  device: string;
}

/** An entry before the log gives it its `seq`. */
export type NewChangeEntry = Omit<ChangeEntry, 'seq'>;

/**
 * Records of one table written by one bulk write (`bulkPut`, `bulkAdd`, `bulkDelete`),
 * stored as ONE row of the `changes` table (since 2026-12-07): they share its `op`, `at` and
 * `device`, and each keeps a seq of its own. The row's key `seq` is the seq of its LAST
 * record; the record at position i has seq `seq - ids.length + 1 + i`, so seqs stay unique
 * and increasing, as consumers (the journal between backups) require. Compaction blanks a
 * record it removes (`''`), which keeps the others' seqs. A log may hold both shapes; a
 * consumer never sees a row: `changesSince` and `entriesOf` give one `ChangeEntry` per record.
 */
export interface ChangeRow extends Omit<ChangeEntry, 'id' | 'op'> {
  op: 'put' | 'delete';
  ids: string[];
}

/** A row of the `changes` table: one record's entry, or one bulk write's records. */
export type StoredChange = ChangeEntry | ChangeRow;

/**
 * At most this many records in one stored row. Each row is one IndexedDB request (about
 * as costly whatever its size), so a bulk write of 2,000 records costs 5 requests, not
 * 2,000.
 */
export const LOG_ROW_IDS = 500;

/**
 * The rows that store `entries` (one bulk write's, in order, none a clear) when the first
 * of them has been stored with seq `firstSeq`: the rest take the seqs after it, in rows of
 * up to LOG_ROW_IDS, each keyed by its last record's seq. (An IndexedDB key generator
 * moves past an explicit key, so the log's next seq follows the last row.)
 */
export function storedRowsAfter(
  entries: readonly NewChangeEntry[],
  firstSeq: number,
): StoredChange[] {
  const rows: StoredChange[] = [];
  for (let i = 1; i < entries.length; i += LOG_ROW_IDS) {
    const part = entries.slice(i, i + LOG_ROW_IDS);
    const seq = firstSeq + i + part.length - 1;
    const { table, op, at, device } = part[0]!;
    if (op === 'clear') throw new Error('a clear is logged as one entry');
    rows.push(
      part.length === 1
        ? { ...part[0]!, seq }
        : { seq, table, op, at, device, ids: part.map((e) => e.id) },
    );
  }
  return rows;
}

/** The entries a stored row holds, one per record, in seq order. */
export function entriesOf(row: StoredChange): ChangeEntry[] {
  if (!('ids' in row)) return [row];
  const { ids, seq, ...shared } = row;
  const first = seq - ids.length + 1;
  const out: ChangeEntry[] = [];
  ids.forEach((id, i) => {
    if (id !== '') out.push({ ...shared, seq: first + i, id });
  });
  return out;
}

/**
 * Changes committed after `afterSeq`, oldest first, one entry per record, at most `limit` of
 * them (a page may end inside a bulk write's row). Page through the log by passing the last
 * entry's seq back: a position inside a row reads on from the next record. `more` says a page
 * may follow. `afterSeq` 0 reads from the start, which names every record the office's tables
 * hold (the log starts with the records that existed at the upgrade to schema version 2, and
 * compaction keeps that true).
 */
export async function changesPage(
  db: TizilimDb,
  afterSeq: number,
  limit = 1_000,
): Promise<{ entries: ChangeEntry[]; more: boolean }> {
  const entries: ChangeEntry[] = [];
  if (limit <= 0) return { entries, more: true };
  // Rows are read a few first, then more (never more than the entries still wanted): a log
  // of one-record rows takes a handful of reads, one of bulk rows never reads thousands
  // of records it does not return.
  for (let after = afterSeq, chunk = 16; ; chunk *= 2) {
    const want = Math.min(chunk, limit - entries.length);
    const rows = await db.changes.where('seq').above(after).limit(want).toArray();
    for (const row of rows) {
      for (const entry of entriesOf(row)) {
        if (entry.seq <= afterSeq) continue;
        entries.push(entry);
        if (entries.length === limit) return { entries, more: true };
      }
    }
    if (rows.length < want) return { entries, more: false };
    after = rows[rows.length - 1]!.seq;
  }
}

/** `changesPage`'s entries alone. */
export async function changesSince(db: TizilimDb, afterSeq: number, limit = 1_000) {
  return (await changesPage(db, afterSeq, limit)).entries;
}

/**
 * How many records the log names after `afterSeq`, read once: the function answers for
 * `afterSeq` and any later seq (a push's progress) without reading the log again. Entries
 * committed after the read are not counted.
 */
export async function recordsAfter(
  db: TizilimDb,
  afterSeq: number,
): Promise<(seq: number) => number> {
  const seqs: number[] = [];
  for (let after = afterSeq; ;) {
    const rows = await db.changes.where('seq').above(after).limit(5_000).toArray();
    for (const row of rows) {
      for (const { seq } of entriesOf(row)) if (seq > afterSeq) seqs.push(seq);
    }
    if (rows.length < 5_000) break;
    after = rows[rows.length - 1]!.seq;
  }
  return (seq) => {
    // The records after `seq`: those past the last one at or before it.
    let lo = 0;
    let hi = seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return seqs.length - lo;
  };
}

/**
 * The seq of the last committed change, 0 for an empty log. Read it in the same read
 * transaction as the records (a transaction over `changes` and the tables) to get a
 * snapshot and the position it corresponds to.
 */
export async function latestSeq(db: TizilimDb): Promise<number> {
  const last = await db.changes.orderBy('seq').lastKey();
  return typeof last === 'number' ? last : 0;
}

/**
 * Calls `listener` once per committed transaction that changed the office's tables, with
 * that transaction's entries in seq order — only after IndexedDB reports the commit, never
 * for a transaction that failed. Listeners see the commits of this connection only; a
 * consumer that must not miss any (the journal) keeps the last seq it has stored and reads
 * `changesSince` it when it starts. Returns the function that unsubscribes.
 */
export function onChangesCommitted(
  db: TizilimDb,
  listener: (entries: readonly ChangeEntry[]) => void,
): () => void {
  return db.changeLayer.subscribe(listener);
}

/**
 * Like `onChangesCommitted`, with each `put`'s record as it was written (`value`), so a
 * consumer keeps exactly what was saved without reading it again. Values are kept only for
 * transactions that began writing while a listener was subscribed.
 */
export function onChangesCommittedWithValues(
  db: TizilimDb,
  listener: (changes: readonly CommittedChange[]) => void,
): () => void {
  return db.changeLayer.subscribeWithValues(listener);
}

/** A record of the local `meta` table (schema version 3). */
export interface MetaRecord {
  key: typeof LOG_ID_KEY;
  /** Random, base64url: names this database's change log. */
  logId: string;
  createdAt: string;
}
export const LOG_ID_KEY = 'changeLog';

function newLogId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The id of this database's change log. Seqs are only comparable within one log: a
 * consumer's position (a journal's last seq, a backup's changeSeq) means something only
 * together with this id. It lives in the database itself, in the local `meta` table (not
 * an office table: never exported, backed up or restored), so a database that is created
 * anew — a first start, a database Chromium deleted, a profile wiped — where `seq` starts
 * again from 1, gets a new id, and no consumer mistakes the new numbers for the old ones.
 */
export async function getLogId(db: TizilimDb): Promise<string> {
  const stored = await db.meta.get(LOG_ID_KEY);
  if (stored) return stored.logId;
  return db.transaction('rw', db.meta, async () => {
    const again = await db.meta.get(LOG_ID_KEY);
    if (again) return again.logId;
    const created: MetaRecord = {
      key: LOG_ID_KEY,
      logId: newLogId(),
      createdAt: new Date().toISOString(),
    };
    await db.meta.add(created);
    return created.logId;
  });
}

/**
 * Shrinks the log without changing what any consumer can learn from it: for every seq S,
 * the records named by `changesSince(S)` (and what happened to them last) stay the same.
 * Removed: every entry followed by a later entry for the same record, and every entry of a
 * table that precedes that table's latest `clear`. A bulk write's row (`ChangeRow`) blanks
 * the records named again later (the others keep their seqs) and goes once it names none.
 * `removed` counts entries (one per record). So a consumer never needs to tell the log what
 * it has read; it keeps its own seq. Safe to run at any time.
 */
export async function compactChangeLog(db: TizilimDb): Promise<{ removed: number }> {
  return db.transaction('rw', db.changes, async () => {
    /** Rows that name no record any more. */
    const emptied: number[] = [];
    /** Rows of several records, by key, with the positions of the records they lose. */
    const rows = new Map<number, ChangeRow>();
    const blanked = new Map<number, Set<number>>();
    /** The last entry so far of each record (`table`, NUL, `id`; a clear's id is ''). */
    const latest = new Map<string, { row: number; seq: number }>();
    const clearedAt = new Map<string, number>();
    let removed = 0;
    const drop = ({ row, seq }: { row: number; seq: number }) => {
      removed++;
      const stored = rows.get(row);
      if (!stored) return emptied.push(row);
      let gone = blanked.get(row);
      if (!gone) blanked.set(row, (gone = new Set()));
      // Its position: the row's records have the seqs up to the row's key.
      gone.add(seq - (row - stored.ids.length + 1));
    };
    // In seq order (the log has no other index since schema version 10).
    await db.changes.each((stored) => {
      if ('ids' in stored) rows.set(stored.seq, stored);
      for (const { seq, table, id } of entriesOf(stored)) {
        const key = `${table}\u0000${id}`;
        const before = latest.get(key);
        // A bulk write that named the record twice keeps its last mention.
        if (before !== undefined) drop(before);
        latest.set(key, { row: stored.seq, seq });
        if (id === '') clearedAt.set(table, seq);
      }
    });
    for (const [key, entry] of latest) {
      const cut = key.indexOf('\u0000');
      const table = key.slice(0, cut);
      if (cut + 1 < key.length && entry.seq < (clearedAt.get(table) ?? 0)) drop(entry);
    }
    // A row losing records keeps its key and length (its other records keep their seqs):
    // what it loses is blanked; a row left with none goes.
    const shrunk: ChangeRow[] = [];
    for (const [key, gone] of blanked) {
      const row = rows.get(key)!;
      const ids = row.ids.map((id, i) => (gone.has(i) ? '' : id));
      if (ids.some((id) => id !== '')) shrunk.push({ ...row, ids });
      else emptied.push(key);
    }
    emptied.sort((a, b) => a - b);
    for (let i = 0; i < emptied.length; i += 10_000) {
      await db.changes.bulkDelete(emptied.slice(i, i + 10_000));
    }
    for (let i = 0; i < shrunk.length; i += 1_000) {
      await db.changes.bulkPut(shrunk.slice(i, i + 1_000));
    }
    return { removed };
  });
}

/**
 * Upgrade to schema version 2: this laptop gets its identity, and the log starts with one
 * `put` per record already stored (tables in export order), so that `changesSince(0)`
 * names the whole registry, as it does on a database created at version 2.
 */
export async function startChangeLog(tx: Transaction): Promise<void> {
  const device = await ensureDeviceIn(tx);
  const at = new Date().toISOString();
  for (const table of OFFICE_TABLES) {
    // Tables added by later versions do not exist yet at this step of an upgrade.
    const stored = tableIn(tx, table);
    if (stored === null) continue;
    const ids = (await stored.toCollection().primaryKeys()) as string[];
    for (let i = 0; i < ids.length; i += 10_000) {
      const entries: NewChangeEntry[] = ids
        .slice(i, i + 10_000)
        .map((id) => ({ table, id, op: 'put', at, device: device.id }));
      await tx.table('changes').bulkAdd(entries);
    }
  }
}

/** The table of `tx`, or null when the transaction (an upgrade step) has no such table. */
function tableIn(tx: Transaction, name: string) {
  try {
    return tx.table(name);
  } catch {
    return null;
  }
}

/** This laptop's identity, created inside `tx` when the database has none yet. */
export async function ensureDeviceIn(tx: Transaction): Promise<DeviceIdentity> {
  const table = tx.table<DeviceIdentity, string>('device');
  const stored = await table.get(DEVICE_KEY);
  if (stored) return stored;
  const created = newDeviceIdentity();
  await table.add(created);
  return created;
}
