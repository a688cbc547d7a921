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
 * Several records of one table written by one bulk write (`bulkPut`, `bulkAdd`,
 * `bulkDelete`), stored as ONE row of the `changes` table: they share its `seq`, `op`, `at`
 * and `device`. Since 2026-12-07; a log may hold both shapes (rows written before hold one
 * record each). A consumer never sees this shape: `changesSince` and `entriesOf` give one
 * `ChangeEntry` per record.
 */
export interface ChangeRow extends Omit<ChangeEntry, 'id' | 'op'> {
  op: 'put' | 'delete';
  ids: string[];
}

/** A row of the `changes` table: one record's entry, or one bulk write's records. */
export type StoredChange = ChangeEntry | ChangeRow;
type NewStoredChange = NewChangeEntry | Omit<ChangeRow, 'seq'>;

/**
 * At most this many records in one stored row. Each row is one IndexedDB request (about
 * as costly whatever its size), so a bulk write of 2,000 records costs 4 requests, not
 * 2,000; a consumer reads a row whole, so a page of the log is at most this many records
 * longer than asked.
 */
export const LOG_ROW_IDS = 500;

/** The rows that store these entries (one write's, in order): bulk writes share rows. */
export function storedRowsOf(entries: readonly NewChangeEntry[]): NewStoredChange[] {
  if (entries.length <= 1) return [...entries];
  const first = entries[0]!;
  if (first.op === 'clear') return [...entries];
  const rows: NewStoredChange[] = [];
  for (let i = 0; i < entries.length; i += LOG_ROW_IDS) {
    const ids = entries.slice(i, i + LOG_ROW_IDS).map((e) => e.id);
    rows.push(
      ids.length === 1
        ? { ...first, id: ids[0]! }
        : { table: first.table, op: first.op, at: first.at, device: first.device, ids },
    );
  }
  return rows;
}

/** The entries a stored row holds, one per record, in the order they were written. */
export function entriesOf(row: StoredChange): ChangeEntry[] {
  if (!('ids' in row)) return [row];
  const { ids, ...shared } = row;
  return ids.map((id) => ({ ...shared, id }));
}

/** How many records a stored row names. */
export function recordsIn(row: StoredChange): number {
  return 'ids' in row ? row.ids.length : 1;
}

/**
 * Changes committed after `afterSeq`, oldest first, one entry per record: the records of
 * at most `limit` stored rows (so possibly more than `limit` entries; the entries of one
 * bulk write share a seq and are never split between pages). Page through the log by
 * passing the last entry's seq back; `more` says a page may follow. `afterSeq` 0 reads from
 * the start, which names every record the office's tables hold (the log starts with the
 * records that existed at the upgrade to schema version 2, and compaction keeps that true).
 */
export async function changesPage(
  db: TizilimDb,
  afterSeq: number,
  limit = 1_000,
): Promise<{ entries: ChangeEntry[]; more: boolean }> {
  const rows = await db.changes.where('seq').above(afterSeq).limit(limit).toArray();
  return { entries: rows.flatMap(entriesOf), more: rows.length === limit };
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
  const counts: number[] = [];
  for (let after = afterSeq; ;) {
    const rows = await db.changes.where('seq').above(after).limit(5_000).toArray();
    for (const row of rows) {
      seqs.push(row.seq);
      counts.push(recordsIn(row));
    }
    if (rows.length < 5_000) break;
    after = rows[rows.length - 1]!.seq;
  }
  // left[i]: the records of rows i and after.
  const left = new Array<number>(counts.length + 1).fill(0);
  for (let i = counts.length - 1; i >= 0; i--) left[i] = left[i + 1]! + counts[i]!;
  return (seq) => {
    let lo = 0;
    let hi = seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return left[lo]!;
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
 * table that precedes that table's latest `clear`. A bulk write's row (`ChangeRow`) loses
 * the records named again later and goes once it names none. `removed` counts entries (one
 * per record). So a consumer never needs to tell the log what it has read; it keeps its own
 * seq. Safe to run at any time.
 */
export async function compactChangeLog(db: TizilimDb): Promise<{ removed: number }> {
  return db.transaction('rw', db.changes, async () => {
    /** Rows to delete, and rows of several records that now name only some of them. */
    const emptied: number[] = [];
    const kept = new Map<number, ChangeRow>();
    /** Per stored row of several records, the records it still names. */
    const left = new Map<number, Set<string>>();
    const rows = new Map<number, ChangeRow>();
    /** The last row so far naming each record (`table`, NUL, `id`); a clear's id is ''. */
    const latest = new Map<string, number>();
    const clearedAt = new Map<string, number>();
    let removed = 0;
    const drop = (seq: number, id: string) => {
      removed++;
      const names = left.get(seq);
      if (!names) return emptied.push(seq);
      names.delete(id);
      if (names.size === 0) {
        emptied.push(seq);
        kept.delete(seq);
      } else kept.set(seq, rows.get(seq)!);
    };
    // In seq order (the log has no other index since schema version 10).
    await db.changes.each((row) => {
      if ('ids' in row) {
        left.set(row.seq, new Set(row.ids));
        rows.set(row.seq, row);
      }
      for (const { seq, table, id } of entriesOf(row)) {
        const key = `${table}\u0000${id}`;
        const before = latest.get(key);
        if (before === seq) {
          // A bulk write that named the record twice: its row keeps it once.
          removed++;
          kept.set(seq, rows.get(seq)!);
        } else if (before !== undefined) drop(before, id);
        latest.set(key, seq);
        if (id === '') clearedAt.set(table, seq);
      }
    });
    for (const [key, seq] of latest) {
      const cut = key.indexOf('\u0000');
      const table = key.slice(0, cut);
      if (cut + 1 < key.length && seq < (clearedAt.get(table) ?? 0)) drop(seq, key.slice(cut + 1));
    }
    emptied.sort((a, b) => a - b);
    for (let i = 0; i < emptied.length; i += 10_000) {
      await db.changes.bulkDelete(emptied.slice(i, i + 10_000));
    }
    const shrunk = [...kept.values()].map((row) => {
      const names = left.get(row.seq)!;
      // In the order written, each once: a name is taken out of the set as it is kept.
      return { ...row, ids: row.ids.filter((id) => names.delete(id)) };
    });
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
