import type { QuarantineReason, SyncConflict, SyncTable } from '@shared/sync';

/**
 * The local tables of sync with the council's server (schema version 7, docs/sync.md).
 * Like `changes` and `device` they belong to this laptop: never exported, never restored.
 */

/** Per record: the revision this laptop and the server last shared. */
export interface SyncDocRow {
  /** `<table>:<id>` (shared/sync/documents.ts). */
  docId: string;
  table: SyncTable;
  id: string;
  /** The revision both sides hold, `N-hash`. */
  rev: string;
  /** Its ancestry, newest first (itself included), at most REVS_SENT. */
  revs: string[];
  /** Its body's data: the base of the next three-way merge. Null for a deleted record. */
  data: Record<string, unknown> | null;
  /** Server branches of this record to close with a deletion on the next push. */
  close: { rev: string; revs: string[] }[];
  /**
   * While a person has not decided this record's conflicts: the common ancestor the merge
   * used (`base`) and what this laptop wrote when they were found (`mine`). Its changes are
   * held back from the server until then.
   */
  conflict: { base: Record<string, unknown> | null; mine: Record<string, unknown> } | null;
}

/**
 * Base rows of records a pull brought to this laptop's sync for the first time, written
 * together (schema version 11; renderer/src/sync/baseRows.ts). A row in `syncDocs` for the
 * same record replaces the pack's.
 */
export interface SyncPackRow {
  /** In the order packs were written (auto-incremented). */
  key?: number;
  /** The documents of `rows`, in order (a multi-entry index: which pack holds a row). */
  docIds: string[];
  /** The tables of `rows` (a multi-entry index: the rows of a table that was cleared). */
  tables: SyncTable[];
  rows: SyncDocRow[];
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

export interface SyncQuarantineRow {
  docId: string;
  rev: string;
  table: string | null;
  reason: QuarantineReason;
  issues: { path: string; code: string }[];
  /** ISO UTC. */
  receivedAt: string;
  /** The document as received (JSON, cut at 20,000 characters), for IT staff. */
  body: string;
}

export interface SyncConflictRow extends SyncConflict {
  docId: string;
  /** The server's revision the conflict was found against. */
  theirsRev: string;
  /** ISO UTC. */
  detectedAt: string;
}
