/**
 * What the screens use for backups, the journal and restore, whether the app runs in
 * Electron (the main process writes into the office's folder and the local one, keeps the
 * password with safeStorage, appends the journal) or in a plain browser (the backup is
 * encrypted in the page and downloaded; no journal). Get it with `getBackups()`.
 *
 * How the renderer feeds a backup: read the database as `BackupSource` — counts first (they
 * go into the file's header and must be exact), then pages of records table by table and
 * each attachment's bytes in chunks (Blob.slice), never the whole office in memory.
 */
import type { BackupItem } from '@shared/backup';
import type {
  BackupListing,
  BackupOutcome,
  BackupProgressInfo,
  BackupReasonValue,
  BackupStatus,
  BackupTableName,
  BeginBackupResult,
  BeginRestoreRequest,
  ChosenBackupFile,
  JournalAppendResult,
  JournalChangeInput,
  PasswordSetResult,
  RestorePreview,
  SetBackupPasswordRequest,
} from '@shared/ipc';

export type { BackupItem };

export interface BackupSourceInfo {
  reason: BackupReasonValue;
  /**
   * The change log the data comes from (an id that changes whenever its numbering starts
   * again: a new database, a restore) and the last change committed before the first page
   * was read. Changes saved while the pages are read are in the journal too; a restore
   * applies them on top, so reading page by page in several transactions is safe.
   */
  logId: string | null;
  changeSeq: number | null;
  device: { id: string; name: string };
  /** Exact records per table and attachment files that `items` will yield. */
  counts: Partial<Record<BackupTableName, number>>;
  files: { count: number; bytes: number };
  export: { exportedAt: string; appVersion: string; demo: boolean };
}

export interface BackupSource {
  info: BackupSourceInfo;
  /**
   * Record pages (attachment records without their Blob) and each file's bytes in order,
   * one file at a time, the last chunk `final`.
   */
  items: AsyncIterable<BackupItem>;
}

export type BackupRun =
  | { ok: true; outcome: BackupOutcome }
  /** No folder could take the backup (see each folder's problem); nothing was written. */
  | { ok: false; refused: BeginBackupResult };

export interface CreateBackupOptions {
  onProgress?: (progress: BackupProgressInfo) => void;
  signal?: AbortSignal;
}

export interface RestoreHandle {
  /** What the backup holds (after the journal), read and verified through once already. */
  preview: RestorePreview;
  /** The records and files, as the writer took them; read once. */
  items(): AsyncIterable<BackupItem>;
  /** Stops early (the user cancelled before replacing anything). */
  close(): Promise<void>;
}

export interface BackupPlatform {
  /** 'desktop': folders, safeStorage, journal; 'download': the web build. */
  readonly kind: 'desktop' | 'download';
  status(): Promise<BackupStatus>;
  setPassword(request: SetBackupPasswordRequest): Promise<PasswordSetResult>;
  /** The password for this session, when it is not kept (or in the web build). */
  unlock(password: string): Promise<BackupStatus>;
  /** Desktop: asks for the office's backup folder. Web: there is none (null). */
  chooseFolder(): Promise<{ folder: string | null }>;
  createBackup(source: BackupSource, options?: CreateBackupOptions): Promise<BackupRun>;
  /**
   * Appends committed changes to the journal; resolves once they are on disk (fsync).
   * Web: no journal, `{ appended: 0 }` and status().journal stays null.
   */
  appendJournal(
    logId: string,
    device: { id: string; name: string },
    changes: readonly JournalChangeInput[],
  ): Promise<JournalAppendResult>;
  listBackups(): Promise<BackupListing>;
  /** Asks for a backup file anywhere (desktop: a dialog; web: a file picker). */
  chooseBackupFile(): Promise<ChosenBackupFile | null>;
  openRestore(request: BeginRestoreRequest): Promise<RestoreHandle>;
}
