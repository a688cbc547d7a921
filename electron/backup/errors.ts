import { BackupError, type BackupErrorCode } from '@shared/backup/errors';
import type { BackupSecret } from '@shared/backup/keys';
import type { IpcErrorCode } from '@shared/ipc';
import { IpcError } from '../ipc/guard';

const CODES: Record<BackupErrorCode, IpcErrorCode> = {
  not_a_backup: 'BACKUP_DAMAGED',
  damaged: 'BACKUP_DAMAGED',
  truncated: 'BACKUP_DAMAGED',
  newer_version: 'BACKUP_NEWER',
  wrong_password: 'WRONG_PASSWORD',
  wrong_recovery_key: 'WRONG_RECOVERY_KEY',
  invalid_recovery_key: 'INVALID_RECOVERY_KEY',
  no_matching_key: 'WRONG_RECOVERY_KEY',
  weak_password: 'WEAK_PASSWORD',
  invalid_input: 'INVALID_PAYLOAD',
  journal_mismatch: 'JOURNAL_MISMATCH',
};

const MESSAGES: Partial<Record<BackupErrorCode, string>> = {
  not_a_backup: 'The file is not a Tizilim backup.',
  damaged: 'The backup is damaged: its contents changed after it was written.',
  truncated: 'The backup is incomplete: it was cut off while being written or copied.',
  newer_version: 'The backup was made by a newer Tizilim.',
  wrong_password: 'The password does not open this file.',
  wrong_recovery_key: 'The recovery key does not open this file.',
  no_matching_key: 'The file cannot be opened with this kind of key.',
  weak_password: 'The password is too short (at least 8 characters).',
  journal_mismatch: 'The journal does not continue this backup.',
};

/** A format error as the renderer sees it: a contract code, no record data in the message. */
export function toIpcError(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  let message = MESSAGES[error.code] ?? 'The backup could not be written.';
  if (error.code === 'invalid_recovery_key') {
    message =
      error.info.group === undefined
        ? 'The recovery key is incomplete.'
        : `Group ${error.info.group} of the recovery key is mistyped.`;
  }
  return new IpcError(CODES[error.code], message);
}

/** Runs `task`, turning BackupError into the matching IpcError. */
export async function asIpc<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw toIpcError(error);
  }
}

const WRONG_KEY: ReadonlySet<BackupErrorCode> = new Set([
  'wrong_password',
  'wrong_recovery_key',
  'no_matching_key',
  'invalid_recovery_key',
]);

/**
 * Runs `task` with each secret in turn until one opens the file: a secret that does not fit
 * moves on to the next, any other failure (damage) stops at once. Throws the last refusal.
 */
export async function withAnySecret<T>(
  secrets: readonly BackupSecret[],
  task: (secret: BackupSecret) => Promise<T>,
): Promise<T> {
  let last: unknown = new BackupError('wrong_password');
  for (const secret of secrets) {
    try {
      return await task(secret);
    } catch (error) {
      last = error;
      if (!(error instanceof BackupError) || !WRONG_KEY.has(error.code)) throw error;
    }
  }
  throw last;
}
