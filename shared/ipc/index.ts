/**
 * The IPC contract between the renderer (through the preload's `window.tizilim`) and the
 * main process. Main validates every request against these schemas; the preload builds its
 * API from IPC_CONTRACT, so a method can never point at a channel main does not handle.
 *
 * Every reply travels as an IpcResult envelope rather than a rejected promise, because
 * Electron reduces errors thrown in `ipcMain.handle` to an opaque message that prefixes the
 * channel name; the envelope keeps a stable, machine-readable code.
 *
 * One module a domain (./files, ./backup, ./sync), each with its channels, replies and API;
 * this index joins them into the contract and re-exports them all.
 */
import type { z } from 'zod';
import { BACKUP_IPC_CONTRACT, type BackupApi, type BackupIpcResponses } from './backup';
import { FILES_IPC_CONTRACT, type FilesApi, type FilesIpcResponses } from './files';
import {
  NOTIFICATIONS_IPC_CONTRACT,
  type NotificationsApi,
  type NotificationsIpcResponses,
} from './notifications';
import { SYNC_IPC_CONTRACT, type SyncApi, type SyncIpcResponses } from './sync';

export * from './blocks';
export * from './files';
export * from './backup';
export * from './backupReplies';
export * from './sync';
export * from './notifications';
export * from './envelope';

// ---------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------

/** API method name → its fixed channel and the schema main validates the request with. */
export const IPC_CONTRACT = {
  ...FILES_IPC_CONTRACT,
  ...BACKUP_IPC_CONTRACT,
  ...SYNC_IPC_CONTRACT,
  ...NOTIFICATIONS_IPC_CONTRACT,
} as const satisfies Record<string, { channel: `${string}:${string}`; request: z.ZodType }>;

export type IpcMethod = keyof typeof IPC_CONTRACT;
export type IpcChannel = (typeof IPC_CONTRACT)[IpcMethod]['channel'];

export const IPC_METHODS = Object.keys(IPC_CONTRACT) as IpcMethod[];
export const IPC_CHANNELS: readonly IpcChannel[] = IPC_METHODS.map((m) => IPC_CONTRACT[m].channel);

/** The request as the renderer passes it. */
export type IpcRequestInput<M extends IpcMethod> = z.input<(typeof IPC_CONTRACT)[M]['request']>;
/** The request after main's validation. */
export type IpcRequest<M extends IpcMethod> = z.output<(typeof IPC_CONTRACT)[M]['request']>;

export interface IpcResponses
  extends FilesIpcResponses, BackupIpcResponses, SyncIpcResponses, NotificationsIpcResponses {}
export type IpcResponse<M extends IpcMethod> = IpcResponses[M];

// ---------------------------------------------------------------------------------------
// The API the preload exposes as window.tizilim
// ---------------------------------------------------------------------------------------

/**
 * What `window.tizilim` offers. Every method rejects with an Error whose message starts
 * with `[CODE] ` (see ipcErrorCode) when main refuses or fails.
 */
export interface TizilimApi extends FilesApi, BackupApi, SyncApi, NotificationsApi {}

/**
 * The shape TizilimApi must have if it follows the contract. The assignments below fail to
 * compile when a method is added to one and not the other, or their types drift apart.
 */
type ApiFromContract = {
  [M in IpcMethod]: IpcRequestInput<M> extends undefined
    ? () => Promise<IpcResponse<M>>
    : (request: IpcRequestInput<M>) => Promise<IpcResponse<M>>;
};
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const apiMatchesContract: Exact<TizilimApi, ApiFromContract> = true;
void apiMatchesContract;
