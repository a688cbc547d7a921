import { BACKUP_EXTENSION, MAX_BACKUP_BYTES } from '@shared/ipc';
import type { ExportFile } from '@shared/export';
import { DataTransferError, serializeExport } from '@renderer/db/repositories/dataExport';
import { stamp } from '@renderer/db/repositories/context';
import { getPlatform } from '@renderer/platform';
import { getDb } from '@renderer/db/database';
import { exportDatabase } from '@renderer/db/repositories/dataExport';
import { isDemoDb } from '@renderer/db/demoOffice';
import type { TizilimDb } from '@renderer/db/database';
import type { BackupAttempt } from './controller';
import { getBackupController } from './useBackups';

/** Where the automatic backup taken before an import went. */
export type KeptBackup =
  | { kind: 'disk'; path: string }
  /** Handed to the user as a file to save (a browser download, or a save dialog). */
  | { kind: 'download'; fileName: string }
  /** There was nothing of the office's own to keep. */
  | { kind: 'none' };

function backupName(now: Date): string {
  const local = stamp({ userId: '', now: () => now }).local.replace(/[T:]/g, '-');
  return `tizilim-before-import-${local}`;
}

/**
 * Keeps the export of the data an import is about to replace, BEFORE anything is replaced.
 * In the desktop app it goes to the office's backup folder (never overwriting a backup).
 * Without one — a browser, no folder chosen yet, an unplugged USB stick — it is handed over
 * as a file right away rather than kept in memory: after the import the screen belongs to
 * another office's users, and a copy held by the page would be lost with it. If the user
 * declines to save it, the import does not start.
 */
export async function keepBackup(file: ExportFile, now: Date = new Date()): Promise<KeptBackup> {
  if (isDemoDb(getDb())) return { kind: 'none' };
  const encrypted = await encryptedBackup(getDb(), 'before_import');
  if (encrypted !== null) return encrypted;
  return keepPlainBackup(file, now);
}

/**
 * The backup before data is replaced, without building an export first: the encrypted
 * backup when the backup password is available (the desktop app writes it into its folders,
 * the web build hands it over as a download); otherwise, when no password was ever set,
 * the export as a file, as before. If neither can be kept, the replacement does not start.
 */
export async function backupBeforeReplace(
  db: TizilimDb,
  reason: 'before_import' | 'before_restore' | 'before_merge' = 'before_import',
  now: Date = new Date(),
): Promise<KeptBackup> {
  // The demo office's records are never kept anywhere (demoOffice.ts): nothing to lose.
  if (isDemoDb(db)) return { kind: 'none' };
  const encrypted = await encryptedBackup(db, reason);
  if (encrypted !== null) return encrypted;
  return keepPlainBackup(await exportDatabase(db), now);
}

/** The encrypted backup; null when there is no password to make one (fall back to a file). */
async function encryptedBackup(
  db: TizilimDb,
  reason: 'before_import' | 'before_restore' | 'before_merge',
): Promise<KeptBackup | null> {
  const controller = getBackupController(db);
  const status = await controller.platform.status().catch(() => null);
  if (status === null || status.password === 'not_set') return null;
  // An automatic backup under way (the day's first, say) is waited for, not refused.
  await controller.idle();
  const attempt = await controller.backupNow(reason);
  const kept = keptOf(attempt, controller.platform.kind);
  if (kept === null) throw new DataTransferError('backup_required', [], { cause: attempt });
  return kept;
}

function keptOf(attempt: BackupAttempt, kind: 'desktop' | 'download'): KeptBackup | null {
  // Nothing of the office's own to lose (settings alone): nothing to keep.
  if (attempt.kind === 'empty') return { kind: 'none' };
  if (attempt.kind !== 'done') return null;
  const { outcome } = attempt;
  if (kind !== 'desktop') return { kind: 'download', fileName: outcome.fileName };
  const written = outcome.folders.filter((f) => f.written && f.folder !== null);
  const where = written.find((f) => f.kind === 'office') ?? written[0];
  if (where === undefined) return null;
  const sep = where.folder!.includes('\\') ? '\\' : '/';
  return { kind: 'disk', path: `${where.folder}${sep}${outcome.fileName}` };
}

async function keepPlainBackup(file: ExportFile, now: Date): Promise<KeptBackup> {
  const data = new TextEncoder().encode(serializeExport(file));
  const name = backupName(now);
  const api = typeof window !== 'undefined' ? window.tizilim : undefined;
  if (api && data.byteLength <= MAX_BACKUP_BYTES) {
    try {
      const written = await api.writeBackup({ fileName: `${name}${BACKUP_EXTENSION}`, data });
      return { kind: 'disk', path: written.path };
    } catch {
      // No folder chosen, or it is unavailable: ask the user where to save it instead.
    }
  }
  const fileName = `${name}.json`;
  const saved = await getPlatform().saveFile({ fileName, mimeType: 'application/json', data });
  if (!saved.saved) throw new DataTransferError('backup_required');
  return { kind: 'download', fileName };
}
