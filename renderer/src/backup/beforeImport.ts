import { BACKUP_EXTENSION, MAX_BACKUP_BYTES } from '@shared/ipc';
import type { ExportFile } from '@shared/export';
import { DataTransferError, serializeExport } from '@renderer/db/repositories/dataExport';
import { stamp } from '@renderer/db/repositories/context';
import { getPlatform } from '@renderer/platform';

/** Where the automatic backup taken before an import went. */
export type KeptBackup =
  | { kind: 'disk'; path: string }
  /** Handed to the user as a file to save (a browser download, or a save dialog). */
  | { kind: 'download'; fileName: string };

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
