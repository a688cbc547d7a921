/** What main answers to the backup, journal and restore calls of ./backup. */
import type { BackupTableName } from './backup';
import type { IpcErrorCode } from './envelope';

export type BackupFolderKind = 'local' | 'office';
/** Why a folder was left out of a backup. */
export type BackupFolderProblem = 'not_chosen' | 'unreachable' | 'disk_full' | 'write_failed';

export interface BackupFileSummary {
  fileName: string;
  createdAt: string;
  bytes: number;
  reason: string;
  device: { id: string; name: string };
  counts: Record<string, number>;
  files: { count: number; bytes: number };
}

export interface BackupFolderStatus {
  kind: BackupFolderKind;
  /** The folder's path; null for the office folder before one is chosen. */
  folder: string | null;
  reachable: boolean;
  /** Free bytes on its disk (fs.statfs), null when unknown. */
  freeBytes: number | null;
  lastGood: BackupFileSummary | null;
  lastError: { code: IpcErrorCode | BackupFolderProblem; message: string; at: string } | null;
}

export interface BackupStatus {
  /** 'locked': set, but this session does not have it (ask with unlockBackups). */
  password: 'not_set' | 'ready' | 'locked';
  /** Where the password is kept between starts: the OS keychain, or nowhere (asked each start). */
  passwordKept: 'safeStorage' | 'none';
  /** 'weak': Linux without a keyring, where Electron would keep it in plain text: not used. */
  safeStorage: 'available' | 'unavailable' | 'weak';
  recoveryKeyId: string | null;
  folders: BackupFolderStatus[];
  /** The newest good backup in any folder. */
  lastGoodAt: string | null;
  /** No backup yet today (the first start of the day takes one). */
  dailyDue: boolean;
  /** For Today: 'old' after 3 days without a good backup. */
  age: 'never' | 'old' | 'ok';
  /** Changes were journaled since the last good local backup (a backup is due on quit). */
  dirty: boolean;
  /** The journal being appended to; the renderer resends its change log after `lastSeq`. */
  journal: {
    logId: string;
    afterSeq: number | null;
    lastSeq: number | null;
    entries: number;
    bytes: number;
  } | null;
  /** A backup or restore is running. */
  busy: boolean;
}

export interface PasswordSetResult {
  /** The new recovery key, formatted for the recovery sheet; null when it did not change. */
  recoveryKey: string | null;
  recoveryKeyId: string;
  status: BackupStatus;
}

export interface BeginBackupResult {
  /** Null when no folder can take the backup (see `folders`); nothing was written. */
  sessionId: string | null;
  /** What the backup is expected to need on each disk. */
  requiredBytes: number;
  folders: {
    kind: BackupFolderKind;
    folder: string | null;
    write: boolean;
    problem: BackupFolderProblem | null;
    freeBytes: number | null;
  }[];
}

export interface BackupProgressInfo {
  records: number;
  fileBytes: number;
  bytesOut: number;
}

export interface BackupOutcome {
  fileName: string;
  createdAt: string;
  bytes: number;
  folders: {
    kind: BackupFolderKind;
    folder: string | null;
    written: boolean;
    problem: BackupFolderProblem | null;
  }[];
}

export interface JournalAppendResult {
  /** Changes written (fsynced) now. */
  appended: number;
  /** Changes already in the journal (sent again), skipped. */
  skipped: number;
  lastSeq: number | null;
}

export interface BackupFileInfo {
  fileName: string;
  bytes: number;
  /** 'export-json': an older app's unencrypted backup; 'unreadable': damaged or not ours. */
  kind: 'backup' | 'export-json' | 'unreadable';
  createdAt: string | null;
  reason: string | null;
  device: { id: string; name: string } | null;
  counts: Record<string, number> | null;
  files: { count: number; bytes: number } | null;
  changeSeq: number | null;
  logId: string | null;
  /** Written by this laptop (rotation only ever deletes these). */
  mine: boolean;
}

export interface BackupListing {
  folders: {
    kind: BackupFolderKind;
    folder: string | null;
    reachable: boolean;
    files: BackupFileInfo[];
  }[];
  journals: {
    fileName: string;
    bytes: number;
    createdAt: string | null;
    logId: string | null;
    afterSeq: number | null;
    current: boolean;
  }[];
}

export interface ChosenBackupFile {
  token: string;
  fileName: string;
  bytes: number;
  kind: BackupFileInfo['kind'];
}

export interface RestorePreview {
  sessionId: string;
  format: 'backup' | 'export-json';
  createdAt: string;
  appVersion: string;
  device: { id: string; name: string } | null;
  reason: string | null;
  demo: boolean;
  /** Records per table and files after the journal is applied. */
  counts: Record<string, number>;
  files: { count: number; bytes: number };
  /** What the journal added: changes applied and the time of the last one. */
  journal: { changes: number; lastAt: string | null } | null;
  /** Why the journal was not applied (another change log, damaged), or null. */
  journalProblem: { code: IpcErrorCode; message: string } | null;
}

export type RestoreChunk =
  | { kind: 'records'; table: BackupTableName; records: Record<string, unknown>[] }
  | { kind: 'file'; id: string; data: Uint8Array; offset: number; final: boolean }
  | { kind: 'end' };
