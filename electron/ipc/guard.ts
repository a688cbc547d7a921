/**
 * The one wrapper every IPC handler goes through: it checks who is asking, validates what
 * they ask against the contract, and turns every outcome into an IpcResult envelope.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import {
  IPC_CONTRACT,
  type IpcErrorCode,
  type IpcErrorInfo,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '@shared/ipc';
import { originOf } from '../security';

/** A failure the renderer should see as is: a code from the contract and a readable message. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

export interface IpcContext {
  /** The webContents that asked; dialogs are made modal to its window. */
  sender: WebContents;
}

export type IpcImplementation<M extends IpcMethod> = (
  request: IpcRequest<M>,
  context: IpcContext,
) => Promise<IpcResponse<M>>;

export type IpcImplementations = { [M in IpcMethod]: IpcImplementation<M> };

export type GuardedHandler<M extends IpcMethod> = (
  event: IpcMainInvokeEvent,
  ...args: unknown[]
) => Promise<IpcResult<IpcResponse<M>>>;

/**
 * Why a sender is refused, or null when it is the app's own top-level page. Subframes are
 * refused even on our origin: the app has none, so one can only be something injected.
 */
export function senderRefusal(
  event: IpcMainInvokeEvent,
  origins: readonly string[],
): string | null {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return 'the sending frame no longer exists';
  if (frame.parent !== null) return 'requests are accepted only from the top-level frame';
  const origin = originOf(frame.url);
  if (origin === null || !origins.includes(origin)) {
    return 'requests are accepted only from the application page';
  }
  return null;
}

/** Describes schema issues by path and rule only; the values sent are never echoed back. */
function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const text = issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map((key) => String(key)).join('.');
      return where === '' ? issue.message : `${where}: ${issue.message}`;
    })
    .join('; ');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

const ERRNO_CODES: Readonly<Record<string, IpcErrorInfo>> = {
  ENOSPC: { code: 'DISK_FULL', message: 'There is not enough space on the disk.' },
  EDQUOT: { code: 'DISK_FULL', message: 'The disk quota is exhausted.' },
  EACCES: { code: 'ACCESS_DENIED', message: 'The operating system denied access to the file.' },
  EPERM: { code: 'ACCESS_DENIED', message: 'The operating system denied access to the file.' },
  EROFS: { code: 'ACCESS_DENIED', message: 'The disk is read-only.' },
  EBUSY: { code: 'ACCESS_DENIED', message: 'The file is in use by another program.' },
  ENOENT: { code: 'NOT_FOUND', message: 'The file or folder does not exist.' },
  EEXIST: { code: 'ALREADY_EXISTS', message: 'The file already exists.' },
};

/** Maps a thrown value to what the renderer sees, without leaking stack traces. */
export function toIpcErrorInfo(error: unknown): IpcErrorInfo {
  if (error instanceof IpcError) return { code: error.code, message: error.message };
  const errno =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof errno === 'string') {
    return ERRNO_CODES[errno] ?? { code: 'IO_ERROR', message: `File system error (${errno}).` };
  }
  return { code: 'INTERNAL', message: 'Unexpected error in the main process.' };
}

export function guardHandler<M extends IpcMethod>(
  method: M,
  implementation: IpcImplementation<M>,
  origins: readonly string[],
): GuardedHandler<M> {
  const { channel, request: schema } = IPC_CONTRACT[method];
  return async (event, ...args) => {
    const refusal = senderRefusal(event, origins);
    if (refusal !== null) {
      console.warn(`[ipc] ${channel} refused: ${refusal}`);
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: `Refused: ${refusal}.` } };
    }
    if (args.length > 1) {
      return {
        ok: false,
        error: {
          code: 'INVALID_PAYLOAD',
          message: `Invalid request for ${channel}: one argument expected.`,
        },
      };
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_PAYLOAD',
          message: `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`,
        },
      };
    }
    try {
      // The schema is IPC_CONTRACT[M].request, whose output is IpcRequest<M> by definition;
      // TypeScript cannot follow that through the generic index.
      const value = await implementation(parsed.data as IpcRequest<M>, { sender: event.sender });
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof IpcError)) console.error(`[ipc] ${channel} failed:`, error);
      return { ok: false, error: toIpcErrorInfo(error) };
    }
  };
}
