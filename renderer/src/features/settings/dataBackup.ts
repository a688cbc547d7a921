import { BACKUP_EXTENSION, MAX_BACKUP_BYTES } from '../../../../shared/ipc';
import type { ExportFile } from '../../../../shared/export';
import { serializeExport } from '../../db/repositories/dataExport';
import { stamp } from '../../db/repositories/context';

/** Where the automatic backup taken before an import went. */
export type KeptBackup =
  | { kind: 'disk'; path: string }
  /** Kept in this window until it is closed; the screen offers it as a download. */
  | { kind: 'memory'; fileName: string; data: Uint8Array<ArrayBuffer> };

function backupName(now: Date): string {
  const local = stamp({ userId: '', now: () => now }).local.replace(/[T:]/g, '-');
  return `tizilim-before-import-${local}`;
}

/**
 * Keeps the export of the data an import is about to replace. In the desktop app it goes to
 * the office's backup folder (never overwriting a backup); without one — a browser, no
 * folder chosen yet, an unplugged USB stick — it stays in memory and the screen offers it as
 * a download, so the import still never runs without a copy of what it replaces.
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
      // No folder chosen or it is unavailable: keep the copy in memory instead.
    }
  }
  return { kind: 'memory', fileName: `${name}.json`, data };
}
