import { bytesToBase64, EXPORT_FORMAT, EXPORT_TABLE_NAMES, EXPORT_VERSION } from '@shared/export';
import type { RestorePreview } from '@shared/ipc';
import type { TizilimDb } from '@renderer/db/database';
import { isDemoDb, refuseInDemo } from '@renderer/db/demoOffice';
import {
  importExportFile,
  type ImportProgressStep,
  type ImportSummary,
} from '@renderer/db/repositories/dataExport';
import type { RestoreHandle } from '@renderer/platform';
import { restoreBytes } from './controller';
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
 * 2. the records and files are read from the main process page by page into an export;
 * 3. the export is checked like any import (every record against the app's schemas) —
 *    a bad record refuses the backup and nothing changes;
 * 4. `backupCurrent` keeps the data being replaced;
 * 5. every table is replaced in ONE transaction;
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
  const file = await readExport(handle, preview, progress);
  const summary = await importExportFile(
    db,
    file,
    { userId: '', now: options.now ?? (() => new Date()) },
    {
      mode: 'replace',
      onProgress: progress,
      ...(options.backupCurrent ? { beforeReplace: options.backupCurrent } : {}),
      ...(options.fileAs ? { fileAs: options.fileAs } : {}),
    },
  );
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

async function readExport(
  handle: RestoreHandle,
  preview: RestorePreview,
  progress: (p: RestoreProgress) => void,
): Promise<unknown> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const name of EXPORT_TABLE_NAMES) tables[name] = [];
  const files = new Map<string, Uint8Array[]>();
  const total =
    Object.values(preview.counts).reduce((n, c) => n + c, 0) + Math.ceil(preview.files.bytes / 1e6);
  let done = 0;
  progress({ phase: 'read', done, total });
  try {
    for await (const item of handle.items()) {
      if (item.kind === 'records') {
        tables[item.table]!.push(...(item.records as Record<string, unknown>[]));
        done += item.records.length;
      } else {
        const parts = files.get(item.id) ?? [];
        parts.push(item.data);
        files.set(item.id, parts);
        done += item.data.byteLength / 1e6;
      }
      progress({ phase: 'read', done: Math.min(total, Math.round(done)), total });
    }
  } finally {
    await handle.close();
  }
  tables['attachments'] = tables['attachments']!.map((record) => {
    const parts = files.get(record['id'] as string) ?? [];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    return { ...record, file: { encoding: 'base64', data: bytesToBase64(bytes) } };
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: preview.createdAt,
    appVersion: preview.appVersion,
    demo: preview.demo,
    tables,
  };
}
