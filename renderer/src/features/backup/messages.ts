import type { TFunction } from 'i18next';
import { ipcErrorCode } from '@shared/ipc';
import { DataTransferError } from '@renderer/db/repositories/dataExport';
import { NoRoomError } from '@renderer/backup/storage';
import { formatBytes } from '@shared/format';
import type { Lang } from '@shared/i18n/lang';

const KNOWN_CODES = [
  'WRONG_PASSWORD',
  'WRONG_RECOVERY_KEY',
  'INVALID_RECOVERY_KEY',
  'WEAK_PASSWORD',
  'BACKUP_DAMAGED',
  'BACKUP_NEWER',
  'JOURNAL_MISMATCH',
  'BACKUP_BUSY',
  'NO_BACKUP_PASSWORD',
  'NO_BACKUP_FOLDER',
  'BACKUP_FOLDER_UNAVAILABLE',
  'DISK_FULL',
  'NOT_FOUND',
  'ACCESS_DENIED',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string | null): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code ?? '');
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
      return t('backup.errors.invalid', { detail: first ? JSON.stringify(first) : '' });
    }
    if (error.code === 'write_failed') return t('backup.errors.write_failed');
    if (error.code === 'backup_required') return t('backup.errors.backup_required');
  }
  const code = ipcErrorCode(error);
  if (isKnown(code)) {
    return t(`backup.errors.${code}`, { detail: detailOf(error) });
  }
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

const REASONS = [
  'daily',
  'quit',
  'manual',
  'before_import',
  'before_restore',
  'before_merge',
  'before_upgrade',
  'after_import',
  'after_restore',
  'new_journal',
  'command_line',
] as const;

/** Why a backup was taken, in words; an unknown reason is shown as it is. */
export function reasonText(t: TFunction, reason: string | null): string {
  if (reason === null) return '';
  return (REASONS as readonly string[]).includes(reason)
    ? t(`backup.reason.${reason as (typeof REASONS)[number]}`)
    : reason;
}
