/**
 * Why a backup or journal could not be written or read. Codes, not texts:
 * `describeBackupError` (messages.ts) words them in Kazakh and Russian. A code never
 * changes meaning; the IPC layer passes the same codes to the renderer.
 */
export const BACKUP_ERROR_CODES = [
  /** Not a Tizilim backup or journal at all (another file, or its first bytes are gone). */
  'not_a_backup',
  /** Made by a newer Tizilim whose format this version cannot read. */
  'newer_version',
  /** The password does not open this file. */
  'wrong_password',
  /** The recovery key does not open this file (a key of another office or an older sheet). */
  'wrong_recovery_key',
  /** The recovery key was mistyped: a group's check letter does not match. */
  'invalid_recovery_key',
  /** The file has no key slot for the secret given (e.g. no recovery key was set). */
  'no_matching_key',
  /** Some bytes were changed, or the file is not what its header says. */
  'damaged',
  /** The file ends early: it was cut off while being copied or written. */
  'truncated',
  /** A password that is too short to protect personal data. */
  'weak_password',
  /** The writer was given something the format cannot hold (a programming error). */
  'invalid_input',
  /** A journal that does not continue this backup (another laptop, or changes missing between). */
  'journal_mismatch',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/** What a message needs beyond the code. */
export interface BackupErrorInfo {
  /** invalid_recovery_key: the first mistyped group (from 1); absent when the length is wrong. */
  group?: number;
  /** no_matching_key: the kind of secret the file has no slot for. */
  secret?: 'password' | 'recovery';
  /**
   * damaged: the segment that failed is the file's last and shorter than a whole segment —
   * the file was cut off mid-segment while copied or written, or its end was changed; the
   * format cannot tell which (its header does not hold the body's length).
   */
  partialEnd?: true;
}

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  /** For the support log only; never shown to the user as is, never holds record data. */
  readonly detail: string;
  readonly info: BackupErrorInfo;

  constructor(
    code: BackupErrorCode,
    detail = '',
    options?: { cause?: unknown; info?: BackupErrorInfo },
  ) {
    super(detail === '' ? code : `${code}: ${detail}`, options);
    this.name = 'BackupError';
    this.code = code;
    this.detail = detail;
    this.info = options?.info ?? {};
  }
}

export function isBackupError(error: unknown, code?: BackupErrorCode): error is BackupError {
  return error instanceof BackupError && (code === undefined || error.code === code);
}
