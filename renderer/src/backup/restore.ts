import { BackupContentCheck, type CheckedTables, type ContentCheckResult } from '@shared/backup';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '@shared/export';
import type { RestorePreview } from '@shared/ipc';
import { mergeCounters } from '@shared/numbering';
import type { TizilimDb } from '@renderer/db/database';
import { isDemoDb, refuseInDemo } from '@renderer/db/demoOffice';
import { DEMO_MARKER_ID, hasOfficeData } from '@renderer/db/queries/office';
import {
  DataTransferError,
  type ImportProgressStep,
  type ImportSummary,
} from '@renderer/db/repositories/dataExport';
import type { RestoreHandle } from '@renderer/platform';
import { restoreBytes } from './controller';
import { replaceOffice } from './restoreWrite';
import { checkStorageFor, NoRoomError } from './storage';

export type RestoreProgress =
  | { phase: 'read'; done: number; total: number }
  | ImportProgressStep
  | { phase: 'check'; done: number; total: number };

export interface RestoreOptions {
  onProgress?: (progress: RestoreProgress) => void;
  /**
   * Takes a backup of the data about to be replaced. Called only when there is data, after
   * the backup was read and validated in full and before anything is written; the restore
   * does not start if it throws.
   */
  backupCurrent?: () => Promise<void>;
  now?: () => Date;
  fileAs?: 'blob' | 'bytes';
}

export interface RestoreResult extends ImportSummary {
  /** Records per table found in the database after the restore, read back. */
  counts: Record<string, number>;
  /** Tables whose count differs from what the backup said it holds (none when all is well). */
  differences: { table: string; expected: number; found: number }[];
}

/**
 * Restores a backup (already opened and verified through once: `handle.preview`) into the
 * database, replacing everything, all or nothing:
 *
 * 1. the free space is checked first (refused with NoRoomError before anything);
 * 2. the records and files are read from the backup page by page, and every record is
 *    checked as its page arrives, like an import checks a file (shared/backup/restoreCheck.ts):
 *    only the checked records are kept; attachment bytes go into Blobs as they come;
 * 3. the records are checked together (references, merges, IINs, dates) and the derived
 *    data recomputed — a bad record refuses the backup and nothing changes;
 * 4. `backupCurrent` keeps the data being replaced;
 * 5. every table is replaced in ONE transaction (restoreWrite.ts);
 * 6. the tables are counted again and compared with the backup's counts, so the result the
 *    screen shows is what the database holds, not what was hoped.
 */
export async function restoreBackup(
  db: TizilimDb,
  handle: RestoreHandle,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const { preview } = handle;
  if (isDemoDb(db)) {
    // A backup of the office restored into the demo office would mix the two.
    await handle.close();
    refuseInDemo(db, 'restore');
  }
  const progress = options.onProgress ?? (() => undefined);
  const room = await checkStorageFor(restoreBytes(preview.counts, preview.files.bytes));
  if (!room.ok) {
    await handle.close();
    throw new NoRoomError(room);
  }
  const now = options.now ?? (() => new Date());
  const { tables, files } = await readChecked(handle, preview, progress, options.fileAs ?? 'blob');
  const checked = await finishCheck(tables, now(), progress);
  if (!checked.ok) throw new DataTransferError('invalid_file', checked.problems);

  let backedUp = false;
  const occupied = await hasOfficeData(db);
  // Data is never replaced without a backup of it first (architecture: before any restore).
  if (occupied && !options.backupCurrent) throw new DataTransferError('backup_required');
  if (options.backupCurrent && (occupied || (await db.settings.count()) > 0)) {
    progress({ phase: 'backup', done: 0, total: 1 });
    await options.backupCurrent();
    backedUp = true;
    progress({ phase: 'backup', done: 1, total: 1 });
  }

  const rows = storedRows(checked.tables, files, preview.demo);
  const appeals = rows.appeals.length;
  const records = EXPORT_TABLE_NAMES.reduce((n, name) => n + rows[name].length, 0);
  try {
    await replaceOffice(db, rows, progress);
  } catch (error) {
    throw new DataTransferError('write_failed', [], { cause: error });
  }
  const summary = { records, appeals, demo: preview.demo, backedUp };
  progress({ phase: 'check', done: 0, total: 1 });
  const counts: Record<string, number> = {};
  for (const name of EXPORT_TABLE_NAMES) counts[name] = await db.table(name).count();
  const differences = EXPORT_TABLE_NAMES.flatMap((table) => {
    // The demo mark is a counter in the database, `demo` in a backup.
    const expected = (preview.counts[table] ?? 0) + (table === 'counters' && summary.demo ? 1 : 0);
    const found = counts[table] ?? 0;
    return expected === found ? [] : [{ table, expected, found }];
  });
  progress({ phase: 'check', done: 1, total: 1 });
  return { ...summary, counts, differences };
}

type StoredFile = Blob | Uint8Array;

/**
 * Reads the backup through, checking every page of records as it comes; each attachment's
 * parts are joined into a Blob (or bytes, under test) once its last part is read.
 */
async function readChecked(
  handle: RestoreHandle,
  preview: RestorePreview,
  progress: (p: RestoreProgress) => void,
  fileAs: 'blob' | 'bytes',
): Promise<{ tables: BackupContentCheck; files: Map<string, StoredFile> }> {
  const check = new BackupContentCheck();
  const files = new Map<string, StoredFile>();
  const mimeTypes = new Map<string, string>();
  let parts: Uint8Array[] = [];
  const total =
    Object.values(preview.counts).reduce((n, c) => n + c, 0) + Math.ceil(preview.files.bytes / 1e6);
  let done = 0;
  progress({ phase: 'read', done, total });
  try {
    for await (const item of handle.items()) {
      if (item.kind === 'records') {
        check.add(item.table, item.records);
        if (item.table === 'attachments') {
          for (const record of item.records) {
            mimeTypes.set(String(record['id']), String(record['mimeType'] ?? ''));
          }
        }
        done += item.records.length;
      } else {
        check.addFile(item.id, item.data.byteLength);
        parts.push(item.data);
        if (item.final) {
          files.set(item.id, joinFile(parts, mimeTypes.get(item.id) ?? '', fileAs));
          parts = [];
        }
        done += item.data.byteLength / 1e6;
      }
      progress({ phase: 'read', done: Math.min(total, Math.round(done)), total });
    }
  } finally {
    await handle.close();
  }
  return { tables: check, files };
}

function joinFile(parts: Uint8Array[], type: string, fileAs: 'blob' | 'bytes'): StoredFile {
  if (fileAs === 'blob') return new Blob(parts as BlobPart[], { type });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** The records together and the derived data, a slice at a time (the progress bar repaints). */
async function finishCheck(
  check: BackupContentCheck,
  now: Date,
  progress: (p: RestoreProgress) => void,
): Promise<ContentCheckResult> {
  const total = check.checked;
  const steps = check.finish(now);
  for (;;) {
    progress({ phase: 'validate', done: total, total });
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The checked tables as the database stores them: attachments with their file, counters
 * continuing after every number in use (current and earlier, appeals and inquiries; a
 * backup of a hand-edited export may lack counters), the demo mark when the backup is of
 * demo data. The same rules as the import of an export file (dataExport.ts).
 */
function storedRows(
  tables: CheckedTables,
  files: Map<string, StoredFile>,
  demo: boolean,
): Record<ExportTableName, unknown[]> {
  const counters: unknown[] = mergeCounters(
    tables.counters,
    [],
    [
      ...tables.appeals.flatMap((a) => [a.regNo, ...(a.aliases ?? [])]),
      ...tables.inquiries.flatMap((i) => [
        ...(i.outgoingNo ? [i.outgoingNo] : []),
        ...(i.aliases ?? []),
      ]),
    ],
  );
  if (demo) counters.push({ id: DEMO_MARKER_ID, value: 1 });
  const attachments = tables.attachments.map((a) => ({
    ...a,
    blob: files.get(a.id) ?? new Uint8Array(0),
  }));
  return { ...tables, attachments, counters } as Record<ExportTableName, unknown[]>;
}
