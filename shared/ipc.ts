/**
 * The IPC contract between the renderer (through the preload's `window.tizilim`) and the
 * main process. Main validates every request against these schemas; the preload builds its
 * API from IPC_CONTRACT, so a method can never point at a channel main does not handle.
 *
 * Every reply travels as an IpcResult envelope rather than a rejected promise, because
 * Electron reduces errors thrown in `ipcMain.handle` to an opaque message that prefixes the
 * channel name; the envelope keeps a stable, machine-readable code.
 */
import { z } from 'zod';

/** Largest file the renderer may save or open through `files:*` (a spreadsheet, a letter). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Backups hold the whole database, so they get more room than ordinary files. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
/** Backups are recognised by extension when restoring, so main only writes this kind. */
export const BACKUP_EXTENSION = '.tizilim-backup';

// ---------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
// Characters Windows refuses in names, plus both separators: a name must stay a name.
const FORBIDDEN_NAME_CHARS = /[<>:"/\\|?*]/;

/**
 * A file name proposed to a save dialog. It is only a default the user can change, but it
 * must still be a bare name: no directory part, no `..`, nothing Windows would refuse.
 */
export const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !CONTROL_CHARS.test(name), 'must not contain control characters')
  .refine(
    (name) => !FORBIDDEN_NAME_CHARS.test(name),
    'must be a bare file name (no path separators or <>:"|?*)',
  )
  .refine((name) => !name.includes('..'), 'must not contain ".."')
  .refine(
    (name) => name.trim() === name && !name.endsWith('.'),
    'must not start or end with a space or end with a dot',
  );

/** Backup names are stricter still: main writes them without asking the user. */
export const backupFileNameSchema = z
  .string()
  .min(BACKUP_EXTENSION.length + 1)
  .max(200)
  .regex(/^[\p{L}\p{N} ._-]+$/u, 'may contain only letters, digits, space, ".", "_" and "-"')
  .refine((name) => !name.includes('..'), 'must not contain ".."')
  .refine((name) => name.endsWith(BACKUP_EXTENSION), `must end with "${BACKUP_EXTENSION}"`);

/**
 * A hash route of the print view. It is appended after `#` to the app's own URL, so it can
 * never change the origin; the character set is still limited to what a URL fragment allows.
 */
export const printRouteSchema = z
  .string()
  .max(2000)
  .startsWith('/print/')
  .regex(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/, 'must contain only URL fragment characters')
  .refine((route) => !route.split(/[/?]/).includes('..'), 'must not contain ".." segments');

export const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without the dot, or "*"'))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

const fileFiltersSchema = z.array(fileFilterSchema).max(10);

const bytesSchema = (max: number) =>
  z
    .instanceof(Uint8Array)
    .refine((data) => data.byteLength <= max, `must be at most ${max / (1024 * 1024)} MB`);

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

export const printRouteRequestSchema = z.strictObject({
  route: printRouteSchema,
  fileName: fileNameSchema,
  landscape: z.boolean().optional(),
});

export const saveFileRequestSchema = z.strictObject({
  fileName: fileNameSchema,
  mimeType: z
    .string()
    .max(200)
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as application/pdf')
    .optional(),
  data: bytesSchema(MAX_FILE_BYTES),
  filters: fileFiltersSchema.optional(),
});

export const openFileRequestSchema = z.strictObject({
  filters: fileFiltersSchema.optional(),
  maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
});

export const writeBackupRequestSchema = z.strictObject({
  fileName: backupFileNameSchema,
  data: bytesSchema(MAX_BACKUP_BYTES),
});

/** Methods that take no argument are called with `undefined`, and nothing else. */
export const noRequestSchema = z.undefined();

export type PrintRouteRequest = z.input<typeof printRouteRequestSchema>;
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;
export type OpenFileRequest = z.input<typeof openFileRequestSchema>;
export type WriteBackupRequest = z.input<typeof writeBackupRequestSchema>;

// ---------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------

/** `saved: false` means the user cancelled the dialog, which is not an error. */
export interface SaveResult {
  saved: boolean;
  path?: string;
}

export interface OpenedFile {
  fileName: string;
  data: Uint8Array;
}

export interface BackupFolder {
  folder: string | null;
}

export interface WrittenBackup {
  path: string;
}

export interface AppInfo {
  version: string;
  platform: string;
}

// ---------------------------------------------------------------------------------------
// Sync with the council's server (docs/sync.md): the user name and password, kept by the
// main process with Electron's safeStorage (the OS keychain / DPAPI), never on disk in
// clear and never in IndexedDB; and a probe that tells a TLS failure from no answer, which
// a page's fetch cannot.
// ---------------------------------------------------------------------------------------

export const syncCredentialsSchema = z.strictObject({
  user: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});
export const syncProbeRequestSchema = z.strictObject({
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\/[^\s@]+$/, 'must be an http(s) address without credentials'),
});
export type SyncCredentialsInput = z.input<typeof syncCredentialsSchema>;
export type SyncProbeRequest = z.input<typeof syncProbeRequestSchema>;

/** `reachable`: something answered over HTTP(S); `tls`: a connection, but no trusted TLS. */
export interface SyncProbeResult {
  reach: 'reachable' | 'unreachable' | 'tls';
}

export const SYNC_IPC_CONTRACT = {
  getSyncCredentials: { channel: 'sync:getCredentials', request: z.undefined() },
  setSyncCredentials: { channel: 'sync:setCredentials', request: syncCredentialsSchema },
  clearSyncCredentials: { channel: 'sync:clearCredentials', request: z.undefined() },
  probeSyncServer: { channel: 'sync:probe', request: syncProbeRequestSchema },
} as const;

export interface SyncIpcResponses {
  getSyncCredentials: SyncCredentialsInput | null;
  setSyncCredentials: { stored: true };
  clearSyncCredentials: { cleared: true };
  probeSyncServer: SyncProbeResult;
}

export interface SyncApi {
  /** The stored user and password, or null when none are stored. */
  getSyncCredentials(): Promise<SyncCredentialsInput | null>;
  /** Stores them encrypted with safeStorage; refuses (ACCESS_DENIED) when it is unavailable. */
  setSyncCredentials(request: SyncCredentialsInput): Promise<{ stored: true }>;
  clearSyncCredentials(): Promise<{ cleared: true }>;
  /** Whether the server's address answers, and whether TLS failed. */
  probeSyncServer(request: SyncProbeRequest): Promise<SyncProbeResult>;
}

// ---------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------

/** API method name → its fixed channel and the schema main validates the request with. */
export const IPC_CONTRACT = {
  printRoute: { channel: 'pdf:printRoute', request: printRouteRequestSchema },
  saveFile: { channel: 'files:save', request: saveFileRequestSchema },
  openFile: { channel: 'files:open', request: openFileRequestSchema },
  chooseBackupFolder: { channel: 'backup:chooseFolder', request: noRequestSchema },
  getBackupFolder: { channel: 'backup:getFolder', request: noRequestSchema },
  writeBackup: { channel: 'backup:write', request: writeBackupRequestSchema },
  appInfo: { channel: 'app:info', request: noRequestSchema },
  ...SYNC_IPC_CONTRACT,
} as const satisfies Record<string, { channel: `${string}:${string}`; request: z.ZodType }>;

export type IpcMethod = keyof typeof IPC_CONTRACT;
export type IpcChannel = (typeof IPC_CONTRACT)[IpcMethod]['channel'];

export const IPC_METHODS = Object.keys(IPC_CONTRACT) as IpcMethod[];
export const IPC_CHANNELS: readonly IpcChannel[] = IPC_METHODS.map((m) => IPC_CONTRACT[m].channel);

/** The request as the renderer passes it. */
export type IpcRequestInput<M extends IpcMethod> = z.input<(typeof IPC_CONTRACT)[M]['request']>;
/** The request after main's validation. */
export type IpcRequest<M extends IpcMethod> = z.output<(typeof IPC_CONTRACT)[M]['request']>;

export interface IpcResponses extends SyncIpcResponses {
  printRoute: SaveResult;
  saveFile: SaveResult;
  openFile: OpenedFile | null;
  chooseBackupFolder: BackupFolder;
  getBackupFolder: BackupFolder;
  writeBackup: WrittenBackup;
  appInfo: AppInfo;
}
export type IpcResponse<M extends IpcMethod> = IpcResponses[M];

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

// ---------------------------------------------------------------------------------------
// The API the preload exposes as window.tizilim
// ---------------------------------------------------------------------------------------

/**
 * What `window.tizilim` offers. Every method rejects with an Error whose message starts
 * with `[CODE] ` (see ipcErrorCode) when main refuses or fails.
 */
export interface TizilimApi extends SyncApi {
  /**
   * Renders `app://tizilim/index.html#<route>` in a hidden window, waits for
   * `window.__tizilimPrintReady`, prints it to an A4 PDF and asks where to save it.
   */
  printRoute(request: PrintRouteRequest): Promise<SaveResult>;
  /** Asks where to save, then writes the bytes (.docx, .xlsx, .csv, JSON exports). */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** Asks for one file and returns its bytes; null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /**
   * Asks for the backup folder and remembers it. Returns the folder in effect afterwards:
   * unchanged when the user cancels, null only if none was ever chosen.
   */
  chooseBackupFolder(): Promise<BackupFolder>;
  /** The remembered backup folder, or null before one was chosen. */
  getBackupFolder(): Promise<BackupFolder>;
  /** Writes a backup into the remembered folder, never overwriting one. */
  writeBackup(request: WriteBackupRequest): Promise<WrittenBackup>;
  appInfo(): Promise<AppInfo>;
}

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
