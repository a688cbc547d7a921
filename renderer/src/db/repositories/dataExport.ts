import Dexie from 'dexie';
import {
  EXPORT_FORMAT,
  EXPORT_TABLE_NAMES,
  EXPORT_VERSION,
  base64ToBytes,
  bytesToBase64,
  type ExportFile,
  type ExportProblem,
  type ExportTableName,
  type ExportTables,
  type ExportedAttachment,
} from '@shared/export';
import { type Attachment } from '@shared/domain';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { hasOfficeData } from '@renderer/db/queries/office';
import { DEMO_MARKER_ID } from '@renderer/db/queries/office';
import {
  defaultExportEngine,
  inlineExportEngine,
  type ExportCheckEngine,
} from '@renderer/db/exportCheck/engine';

/**
 * Whole-database export and import (Settings → Data, demo data, the command-line report,
 * backups). The format is shared/export; this module moves it in and out of IndexedDB.
 */

export type DataTransferErrorCode =
  /** The file failed validation; `problems` says where. */
  | 'invalid_file'
  /** Import into an empty database was asked for, but the office has data. */
  | 'not_empty'
  /** Replacing data needs a backup of it first, and no way to keep one was given. */
  | 'backup_required'
  /** "Remove demo data" on a database that is not demo data. */
  | 'not_demo'
  /** IndexedDB refused the write (disk full, a record it rejects); nothing was changed. */
  | 'write_failed';

export class DataTransferError extends Error {
  constructor(
    readonly code: DataTransferErrorCode,
    readonly problems: readonly ExportProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'DataTransferError';
  }
}

/**
 * Tables an export reads, by name: every exported table, in the export's order. A database
 * opened at an older schema version (migration tests build them) lacks the tables added
 * since; they are read as empty, and a file with records for them fails to write.
 */
function exportTables(db: TizilimDb) {
  const present = new Set(db.tables.map((t) => t.name));
  return EXPORT_TABLE_NAMES.filter((name) => present.has(name)).map((name) => db.table(name));
}

/**
 * Every table an import or a demo removal empties, dependents first (appeals before their
 * applicants, so no registry row is renamed only to be removed). The change layer empties
 * the registry rows with the appeals and logs each table cleared; the change log and this
 * laptop's identity are not office data and stay.
 */
function allTables(db: TizilimDb) {
  return [...exportTables(db), db.drafts].reverse();
}

/** An attachment's stored file as bytes (a Blob in the app, bytes under test). */
export async function fileBytes(blob: unknown): Promise<Uint8Array> {
  // Duck-typed: under test, stored bytes come back from another realm's Uint8Array.
  if (ArrayBuffer.isView(blob))
    return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob instanceof ArrayBuffer) return new Uint8Array(blob);
  if (typeof (blob as Blob | null)?.arrayBuffer === 'function') {
    return new Uint8Array(await (blob as Blob).arrayBuffer());
  }
  throw new DataTransferError('write_failed', [], { cause: new Error('unreadable attachment') });
}

export interface ExportOptions {
  appVersion?: string;
  now?: () => Date;
}

/**
 * The whole database as an export. All tables are read in one read transaction, so the
 * export is a consistent snapshot even while a colleague keeps typing in another window.
 */
export async function exportDatabase(
  db: TizilimDb,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const tables = exportTables(db);
  const rows = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const read = new Map(tables.map((t, i) => [t.name, rows[i] ?? []]));
  const byName = Object.fromEntries(
    EXPORT_TABLE_NAMES.map((name) => [name, read.get(name) ?? []]),
  ) as Record<ExportTableName, unknown[]>;
  const demo = (byName.counters as { id: string }[]).some((c) => c.id === DEMO_MARKER_ID);
  byName.counters = (byName.counters as { id: string }[]).filter((c) => c.id !== DEMO_MARKER_ID);
  // Files are turned into text after the transaction: awaiting a Blob's bytes inside it
  // would let IndexedDB commit it early.
  const attachments: ExportedAttachment[] = [];
  for (const record of byName.attachments as Attachment[]) {
    const { blob, ...rest } = record;
    attachments.push({
      ...rest,
      file: { encoding: 'base64', data: bytesToBase64(await fileBytes(blob)) },
    });
  }
  byName.attachments = attachments;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (options.now ? options.now() : new Date()).toISOString(),
    appVersion: options.appVersion ?? '',
    demo,
    tables: byName as unknown as ExportTables,
  };
}

/** The file name offered for an export: the date says which day's data it holds. */
export function exportFileName(now: Date = new Date(), demo = false): string {
  return `tizilim-${demo ? 'demo' : 'export'}-${stamp({ userId: '', now: () => now }).local.slice(0, 10)}.json`;
}

export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file);
}

export interface ImportProgressStep {
  phase: 'validate' | 'backup' | 'write';
  done: number;
  total: number;
}

export interface ImportExportOptions {
  /**
   * 'empty': only into a database without office data (first run, demo data on a fresh
   * install). 'replace': everything is replaced, after a backup of the current data.
   */
  mode: 'empty' | 'replace';
  onProgress?: (progress: ImportProgressStep) => void;
  /**
   * Keeps the automatic backup taken before data is replaced (architecture: before any
   * restore or bulk import). The import waits for it and does not start if it throws.
   */
  backup?: (file: ExportFile) => Promise<void>;
  /**
   * Instead of `backup`: takes the backup itself (the encrypted backup reads the database
   * page by page, so no export of it is built here). Waited for like `backup`.
   */
  beforeReplace?: () => Promise<void>;
  /**
   * How attachment files are stored: as Blobs (the app), or as bytes (tests under jsdom,
   * whose Blobs fake-indexeddb cannot clone).
   */
  fileAs?: 'blob' | 'bytes';
  appVersion?: string;
}

export interface ImportSummary {
  records: number;
  appeals: number;
  demo: boolean;
  /** The backup written before the import, if there was data to back up. */
  backedUp: boolean;
}

const CHUNK = 2_000;

/** How long a page of checked records may take to arrive before the import gives up. */
const PAGE_TIMEOUT_MS = 10 * 60_000;

function toStored(attachment: ExportedAttachment, fileAs: 'blob' | 'bytes'): Attachment {
  const { file, ...rest } = attachment;
  const bytes = base64ToBytes(file.data);
  const blob = fileAs === 'bytes' ? bytes : new Blob([bytes], { type: attachment.mimeType });
  return { ...rest, blob };
}

/**
 * Replaces the database with an export, all or nothing: the file is validated completely
 * first (a bad record refuses the file and names the table and record), then, when there is
 * data to lose, a backup of it is handed to `backup`, then every table is cleared and
 * written in ONE transaction — a failure halfway rolls back to the data as it was.
 * Registry rows are rebuilt from the appeals by the change layer; drafts are cleared (they
 * belonged to forms of the data being replaced).
 *
 * `input` is the file's bytes — checked in a Web Worker where there is one (the bytes are
 * transferred to it) — or its JSON text or parsed value, checked on this thread in slices.
 */
export async function importExportFile(
  db: TizilimDb,
  input: unknown,
  ctx: WriteContext,
  options: ImportExportOptions,
): Promise<ImportSummary> {
  const engine = ArrayBuffer.isView(input) ? defaultExportEngine() : inlineExportEngine();
  try {
    const loaded = await engine.load(input);
    if (!loaded.ok) throw new DataTransferError('invalid_file', loaded.problems);
    return await importLoadedExport(db, engine, ctx, options);
  } finally {
    engine.dispose();
  }
}

/**
 * `importExportFile` for a file an engine has already loaded (Settings → Data loads it to
 * show the confirmation): the engine checks every record, then the records are written
 * from its pages, the next page asked for while the last one is written.
 */
export async function importLoadedExport(
  db: TizilimDb,
  engine: ExportCheckEngine,
  ctx: WriteContext,
  options: ImportExportOptions,
): Promise<ImportSummary> {
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'validate', done: 0, total: 1 });
  // Dates in the file are facts: none may be later than the moment it is imported.
  const checked = await engine.check(ctx.now ? ctx.now() : new Date(), ({ done, total }) =>
    progress({ phase: 'validate', done, total }),
  );
  if (!checked.ok) throw new DataTransferError('invalid_file', checked.problems);
  const file = checked.file;

  const occupied = await hasOfficeData(db);
  if (options.mode === 'empty' && occupied) throw new DataTransferError('not_empty');
  let backedUp = false;
  if (occupied || (await db.settings.count()) > 0) {
    if (options.beforeReplace) {
      progress({ phase: 'backup', done: 0, total: 1 });
      await options.beforeReplace();
      backedUp = true;
      progress({ phase: 'backup', done: 1, total: 1 });
    } else if (!options.backup) {
      if (occupied) throw new DataTransferError('backup_required');
    } else {
      progress({ phase: 'backup', done: 0, total: 1 });
      await options.backup(
        await exportDatabase(db, { appVersion: options.appVersion, now: ctx.now }),
      );
      backedUp = true;
      progress({ phase: 'backup', done: 1, total: 1 });
    }
  }

  const fileAs = options.fileAs ?? 'blob';
  // Every page to write, in the export's table order (counters come merged with the numbers
  // the file uses, so new records continue after them).
  const pages: { table: ExportTableName; offset: number }[] = [];
  for (const table of EXPORT_TABLE_NAMES) {
    for (let offset = 0; offset < file.counts[table]; offset += CHUNK)
      pages.push({ table, offset });
  }
  const ask = (index: number) => {
    const page = pages[index];
    if (!page) return null;
    const asked = engine.page(page.table, page.offset, CHUNK);
    // A page asked for but never waited for (the write failed first) is not an error.
    asked.catch(() => undefined);
    return asked;
  };

  const total = file.total;
  let done = 0;
  progress({ phase: 'write', done, total });
  try {
    await db.transaction('rw', allTables(db), async () => {
      for (const table of allTables(db)) await table.clear();
      let next = ask(0);
      for (let index = 0; index < pages.length; index++) {
        // Waiting for the engine keeps the transaction alive (Dexie.waitFor): IndexedDB
        // would otherwise commit it while no request is pending.
        const records = await Dexie.waitFor(next!, PAGE_TIMEOUT_MS);
        next = ask(index + 1);
        const { table } = pages[index]!;
        await db
          .table(table)
          .bulkAdd(
            table === 'attachments'
              ? (records as ExportedAttachment[]).map((a) => toStored(a, fileAs))
              : records,
          );
        done += records.length;
        progress({ phase: 'write', done, total });
      }
      if (file.demo) await db.counters.add({ id: DEMO_MARKER_ID, value: 1 });
    });
  } catch (error) {
    throw new DataTransferError('write_failed', [], { cause: error });
  }
  return { records: total, appeals: file.appeals, demo: file.demo, backedUp };
}

/**
 * Removes demo data: every table is cleared in one transaction, leaving an empty office
 * (the app then starts its first-run setup). Refused on a database that is not demo data,
 * so the button can never wipe an office's real work.
 */
export async function removeDemoData(db: TizilimDb): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    if (!(await db.counters.get(DEMO_MARKER_ID))) throw new DataTransferError('not_demo');
    for (const table of allTables(db)) await table.clear();
  });
}
