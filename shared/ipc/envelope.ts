import { BACKUP_IPC_ERROR_CODES } from './backup';

// ---------------------------------------------------------------------------------------
// The envelope
// ---------------------------------------------------------------------------------------

export const IPC_ERROR_CODES = [
  /** The request came from a frame other than the app's own top-level page. */
  'FORBIDDEN_SENDER',
  /** The request did not match the contract's schema. */
  'INVALID_PAYLOAD',
  /** A file is larger than the limit. */
  'TOO_LARGE',
  /** `backup:write` before a folder was chosen with `backup:chooseFolder`. */
  'NO_BACKUP_FOLDER',
  /** The chosen backup folder is gone (an unplugged USB stick, a renamed folder). */
  'BACKUP_FOLDER_UNAVAILABLE',
  /** A backup with that name exists; backups are never overwritten. */
  'ALREADY_EXISTS',
  /** The print page did not become ready before the deadline. */
  'PRINT_TIMEOUT',
  /** The print page failed to load, to render, or to print. */
  'PRINT_FAILED',
  'ACCESS_DENIED',
  'DISK_FULL',
  'NOT_FOUND',
  'IO_ERROR',
  'INTERNAL',
  ...BACKUP_IPC_ERROR_CODES,
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcErrorInfo {
  code: IpcErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorInfo };

/**
 * Errors cross contextBridge as their message only (extra properties are dropped), so the
 * code travels inside the message, as a `[CODE] ` prefix that ipcErrorCode() reads back.
 */
export function formatIpcError(error: IpcErrorInfo): string {
  return `[${error.code}] ${error.message}`;
}

export function ipcErrorCode(error: unknown): IpcErrorCode | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const code = /^\[([A-Z_]+)\] /.exec(message)?.[1];
  return (IPC_ERROR_CODES as readonly string[]).includes(code ?? '')
    ? (code as IpcErrorCode)
    : null;
}

/** Unwraps an envelope, throwing an Error whose message carries the code. */
export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    if (result.ok) return result.value;
    if (typeof result.error === 'object' && result.error !== null) {
      throw new Error(formatIpcError(result.error));
    }
  }
  throw new Error(
    formatIpcError({ code: 'INTERNAL', message: 'Malformed reply from the main process.' }),
  );
}
