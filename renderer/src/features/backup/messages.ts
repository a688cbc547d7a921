import type { TFunction } from 'i18next';
import { ipcErrorCode } from '@shared/ipc';
import { BACKUP_REASONS, type BackupReason } from '@shared/backup';
import { DataTransferError } from '@renderer/db/repositories/dataExport';
import { isWriteLost, NoRoomError } from '@renderer/backup/storage';
import { describeExportProblem } from '@shared/export';
import { formatBytes } from '@shared/format';
import type { Lang } from '@shared/i18n/lang';
import catalog from '@renderer/i18n/backup.kk.json';

/** The IPC error codes the catalog words (its `errors` keys in capitals). */
type KnownCode = Extract<keyof typeof catalog.errors, Uppercase<string>>;
const KNOWN_CODES = new Set(Object.keys(catalog.errors).filter((k) => k === k.toUpperCase()));

function isKnown(code: string | null): code is KnownCode {
  return KNOWN_CODES.has(code ?? '');
}

/** The text after a `[CODE] ` prefix (main's English detail), for the few messages that use it. */
function detailOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\[[A-Z_]+\] /, '');
}

/** A backup or restore error as the office reads it, in the interface language. */
export function backupErrorText(t: TFunction, error: unknown, lang: Lang): string {
  if (error instanceof NoRoomError) {
    return t('backup.restore.noSpace', {
      needed: formatBytes(error.check.needed, lang),
      free: formatBytes(error.check.free, lang),
    });
  }
  if (error instanceof DataTransferError) {
    if (error.code === 'invalid_file') {
      const first = error.problems[0];
      return t('backup.errors.invalid', {
        detail: first ? describeExportProblem(first, lang) : '',
      });
    }
    if (error.code === 'write_failed') return t('backup.errors.write_failed');
    if (error.code === 'backup_required') return t('backup.errors.backup_required');
  }
  const code = ipcErrorCode(error);
  if (isKnown(code)) {
    return t(`backup.errors.${code}`, { detail: detailOf(error) });
  }
  // IndexedDB out of room or a write it aborted: nothing of that write was saved.
  if (isWriteLost(error)) return t('backup.errors.write_failed');
  return t('backup.errors.unexpected', { detail: detailOf(error) });
}

/** Why a folder's last backup failed, from its stored code. */
export function folderProblemText(t: TFunction, code: string): string {
  switch (code) {
    case 'DISK_FULL':
    case 'disk_full':
      return t('backup.folders.reasons.disk_full');
    case 'BACKUP_FOLDER_UNAVAILABLE':
    case 'NOT_FOUND':
    case 'unreachable':
      return t('backup.folders.reasons.unreachable');
    case 'ACCESS_DENIED':
      return t('backup.folders.reasons.access_denied');
    case 'IO_ERROR':
    case 'write_failed':
      return t('backup.folders.reasons.write_failed');
    default:
      return t('backup.folders.reasons.other');
  }
}

/** Why a backup was taken, in words; an unknown reason is shown as it is. */
export function reasonText(t: TFunction, reason: string | null): string {
  if (reason === null) return '';
  return (BACKUP_REASONS as readonly string[]).includes(reason)
    ? t(`backup.reason.${reason as BackupReason}`)
    : reason;
}
