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
import {
  NOTIFICATIONS_IPC_CONTRACT,
  type NotificationsApi,
  type NotificationsIpcResponses,
} from './ipcNotifications';

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

export const writeBackupRequestSchema = z.strictObject({
  fileName: backupFileNameSchema,
  data: bytesSchema(MAX_BACKUP_BYTES),
});

/** Methods that take no argument are called with `undefined`, and nothing else. */
export const noRequestSchema = z.undefined();

export type PrintRouteRequest = z.input<typeof printRouteRequestSchema>;
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;
export type WriteBackupRequest = z.input<typeof writeBackupRequestSchema>;

// ---------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------

/** `saved: false` means the user cancelled the dialog, which is not an error. */
export interface SaveResult {
  saved: boolean;
  path?: string;
}

export interface BackupFolder {
  folder: string | null;
}

export interface WrittenBackup {
  path: string;
}

// ---------------------------------------------------------------------------------------
// Backups, the journal and restore (issue 11). One block, hooked into the contract, the
// responses, the error codes and the API by one line each. The main process writes and
// encrypts (shared/backup); the renderer streams records out of Dexie page by page and
// file bytes in chunks, so no side ever holds the whole office. docs/backup-format.md
// describes the files; renderer/src/platform/backups.ts is the typed bridge the screens use.
// ---------------------------------------------------------------------------------------

/** The export tables (shared/export EXPORT_TABLE_NAMES; a test keeps the two lists equal). */
export const BACKUP_TABLE_NAMES = [
  'settings',
  'applicants',
  'appeals',
  'events',
  'agencies',
  'inquiries',
  'receptions',
  'checklistTemplates',
  'templates',
  'initiatives',
  'planItems',
  'reportPublications',
  'feedbackRounds',
  'attachments',
  'counters',
] as const;
export type BackupTableName = (typeof BACKUP_TABLE_NAMES)[number];

/** Largest chunk of an attachment's bytes in one call. */
export const MAX_BACKUP_FILE_CHUNK_BYTES = 16 * 1024 * 1024;
/** Records in one `backupRecords` call or changes in one `appendJournal` call. */
export const MAX_BACKUP_PAGE = 5_000;

export const BACKUP_REASON_VALUES = [
  'daily',
  'quit',
  'manual',
  'before_import',
  'before_restore',
  'before_merge',
  'before_upgrade',
  /** Right after data was replaced (an import, demo data removed): the journal starts anew. */
  'after_import',
  'after_restore',
  /** This database's change log has no journal yet (a new or recreated database). */
  'new_journal',
] as const;
export type BackupReasonValue = (typeof BACKUP_REASON_VALUES)[number];

const backupSessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a session id');
const backupTableSchema = z.enum(BACKUP_TABLE_NAMES);
const backupDeviceSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().max(100),
});
const recordObjectSchema = z
  .record(z.string(), z.unknown())
  .refine((record) => typeof record['id'] === 'string', 'a record needs a string id');
const countSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const secretSchema = z.union([
  z.strictObject({ password: z.string().min(1).max(1000) }),
  z.strictObject({ recoveryKey: z.string().min(1).max(200) }),
]);
const attachmentIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'an attachment id');

export const setBackupPasswordRequestSchema = z.strictObject({
  password: z.string().min(1).max(1000),
  /** Required to change a password that is set: the current password or the recovery key. */
  current: secretSchema.optional(),
  /** Makes a new recovery key (the old sheet then opens only older backups). */
  newRecoveryKey: z.boolean().optional(),
});

export const unlockBackupsRequestSchema = z.strictObject({ password: z.string().min(1).max(1000) });

export const beginBackupRequestSchema = z.strictObject({
  reason: z.enum(BACKUP_REASON_VALUES),
  /** The change log the data comes from and its last change read (see docs). */
  logId: z.string().min(1).max(100).nullable(),
  changeSeq: countSchema.nullable(),
  device: backupDeviceSchema,
  /** Records per table that will be sent (exact: the backup is refused otherwise). */
  counts: z.partialRecord(backupTableSchema, countSchema),
  /** Attachment files that will be sent: how many, their bytes in all. */
  files: z.strictObject({ count: countSchema, bytes: countSchema }),
  /** The data's export envelope (restored as is). */
  export: z.strictObject({
    exportedAt: z.iso.datetime(),
    appVersion: z.string().max(50),
    demo: z.boolean(),
  }),
});

export const backupRecordsRequestSchema = z.strictObject({
  sessionId: backupSessionIdSchema,
  table: backupTableSchema,
  records: z.array(recordObjectSchema).max(MAX_BACKUP_PAGE),
});

export const backupFileRequestSchema = z.strictObject({
  sessionId: backupSessionIdSchema,
  id: attachmentIdSchema,
  data: bytesSchema(MAX_BACKUP_FILE_CHUNK_BYTES),
  final: z.boolean(),
});

export const backupSessionRequestSchema = z.strictObject({ sessionId: backupSessionIdSchema });

export const journalChangeInputSchema = z.strictObject({
  seq: countSchema,
  table: backupTableSchema,
  id: z.string().min(1).max(200),
  op: z.string().min(1).max(20),
  at: z.iso.datetime(),
  device: z.string().max(100),
  /** The record as committed (attachments: without the file); null when it is gone. */
  record: recordObjectSchema.nullable(),
  /** Attachments only: the file's bytes when they are new or replaced. */
  file: bytesSchema(MAX_FILE_BYTES).optional(),
});
export type JournalChangeInput = z.input<typeof journalChangeInputSchema>;

export const appendJournalRequestSchema = z.strictObject({
  logId: z.string().min(1).max(100),
  device: backupDeviceSchema,
  changes: z.array(journalChangeInputSchema).min(1).max(MAX_BACKUP_PAGE),
});

export const backupSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('folder'),
    folder: z.enum(['local', 'office']),
    fileName: z.string().min(1).max(255),
  }),
  z.strictObject({ kind: z.literal('chosen'), token: backupSessionIdSchema }),
]);

export const beginRestoreRequestSchema = z.strictObject({
  source: backupSourceSchema,
  /** Omitted: the password this app keeps (when set and unlocked). */
  secret: secretSchema.optional(),
  /** Apply this laptop's journal after the backup (every change saved since). */
  journal: z.boolean(),
});

export type SetBackupPasswordRequest = z.input<typeof setBackupPasswordRequestSchema>;
export type UnlockBackupsRequest = z.input<typeof unlockBackupsRequestSchema>;
export type BeginBackupRequest = z.input<typeof beginBackupRequestSchema>;
export type BackupRecordsRequest = z.input<typeof backupRecordsRequestSchema>;
export type BackupFileRequest = z.input<typeof backupFileRequestSchema>;
export type BackupSessionRequest = z.input<typeof backupSessionRequestSchema>;
export type AppendJournalRequest = z.input<typeof appendJournalRequestSchema>;
export type BackupSource = z.input<typeof backupSourceSchema>;
export type BeginRestoreRequest = z.input<typeof beginRestoreRequestSchema>;

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

export const BACKUP_IPC_CONTRACT = {
  backupStatus: { channel: 'backup:status', request: noRequestSchema },
  setBackupPassword: { channel: 'backup:setPassword', request: setBackupPasswordRequestSchema },
  unlockBackups: { channel: 'backup:unlock', request: unlockBackupsRequestSchema },
  beginBackup: { channel: 'backup:begin', request: beginBackupRequestSchema },
  backupRecords: { channel: 'backup:records', request: backupRecordsRequestSchema },
  backupFile: { channel: 'backup:file', request: backupFileRequestSchema },
  finishBackup: { channel: 'backup:finish', request: backupSessionRequestSchema },
  abortBackup: { channel: 'backup:abort', request: backupSessionRequestSchema },
  appendJournal: { channel: 'backup:journal', request: appendJournalRequestSchema },
  listBackups: { channel: 'backup:list', request: noRequestSchema },
  chooseBackupFile: { channel: 'backup:chooseFile', request: noRequestSchema },
  beginRestore: { channel: 'backup:beginRestore', request: beginRestoreRequestSchema },
  readRestore: { channel: 'backup:readRestore', request: backupSessionRequestSchema },
  endRestore: { channel: 'backup:endRestore', request: backupSessionRequestSchema },
} as const;

export interface BackupIpcResponses {
  backupStatus: BackupStatus;
  setBackupPassword: PasswordSetResult;
  unlockBackups: BackupStatus;
  beginBackup: BeginBackupResult;
  backupRecords: BackupProgressInfo;
  backupFile: BackupProgressInfo;
  finishBackup: BackupOutcome;
  abortBackup: { aborted: boolean };
  appendJournal: JournalAppendResult;
  listBackups: BackupListing;
  chooseBackupFile: ChosenBackupFile | null;
  beginRestore: RestorePreview;
  readRestore: RestoreChunk;
  endRestore: { ended: boolean };
}

export const BACKUP_IPC_ERROR_CODES = [
  /** No backup password is set, or this session does not have it (unlockBackups). */
  'NO_BACKUP_PASSWORD',
  'WRONG_PASSWORD',
  'WRONG_RECOVERY_KEY',
  /** The recovery key was mistyped (a group's check letter); the message names the group. */
  'INVALID_RECOVERY_KEY',
  'WEAK_PASSWORD',
  /** The file is damaged, cut off, or not a Tizilim backup. */
  'BACKUP_DAMAGED',
  /** Made by a newer Tizilim. */
  'BACKUP_NEWER',
  /** The journal does not continue this backup. */
  'JOURNAL_MISMATCH',
  /** Another backup or restore is running. */
  'BACKUP_BUSY',
  /** The session id is unknown or the session ended. */
  'NO_SESSION',
] as const;

/** The backup methods of window.tizilim (see BackupStatus and friends above). */
export interface BackupApi {
  /** Password state, per-folder status (last good backup, free space), journal position. */
  backupStatus(): Promise<BackupStatus>;
  /** Sets or changes the backup password; the first time it also makes the recovery key. */
  setBackupPassword(request: SetBackupPasswordRequest): Promise<PasswordSetResult>;
  /** Gives this session the password when it is not kept (safeStorage unavailable). */
  unlockBackups(request: UnlockBackupsRequest): Promise<BackupStatus>;
  /** Checks password and free space, opens the files; then send records and files. */
  beginBackup(request: BeginBackupRequest): Promise<BeginBackupResult>;
  backupRecords(request: BackupRecordsRequest): Promise<BackupProgressInfo>;
  backupFile(request: BackupFileRequest): Promise<BackupProgressInfo>;
  /** Verifies, renames into place, rotates, restarts the journal after this backup. */
  finishBackup(request: BackupSessionRequest): Promise<BackupOutcome>;
  abortBackup(request: BackupSessionRequest): Promise<{ aborted: boolean }>;
  /** Appends committed changes to the journal, with fsync, before it answers. */
  appendJournal(request: AppendJournalRequest): Promise<JournalAppendResult>;
  listBackups(): Promise<BackupListing>;
  /** Asks for a backup file anywhere (a USB stick, another laptop's copy). */
  chooseBackupFile(): Promise<ChosenBackupFile | null>;
  /** Opens and fully verifies a backup (and the journal); says what it holds. */
  beginRestore(request: BeginRestoreRequest): Promise<RestorePreview>;
  /** The next page of records or chunk of a file; `end` when all was read. */
  readRestore(request: BackupSessionRequest): Promise<RestoreChunk>;
  endRestore(request: BackupSessionRequest): Promise<{ ended: boolean }>;
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
  getSyncCredentials: { channel: 'sync:getCredentials', request: noRequestSchema },
  setSyncCredentials: { channel: 'sync:setCredentials', request: syncCredentialsSchema },
  clearSyncCredentials: { channel: 'sync:clearCredentials', request: noRequestSchema },
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
  chooseBackupFolder: { channel: 'backup:chooseFolder', request: noRequestSchema },
  getBackupFolder: { channel: 'backup:getFolder', request: noRequestSchema },
  writeBackup: { channel: 'backup:write', request: writeBackupRequestSchema },
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
  extends BackupIpcResponses, SyncIpcResponses, NotificationsIpcResponses {
  printRoute: SaveResult;
  saveFile: SaveResult;
  chooseBackupFolder: BackupFolder;
  getBackupFolder: BackupFolder;
  writeBackup: WrittenBackup;
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

// ---------------------------------------------------------------------------------------
// The API the preload exposes as window.tizilim
// ---------------------------------------------------------------------------------------

/**
 * What `window.tizilim` offers. Every method rejects with an Error whose message starts
 * with `[CODE] ` (see ipcErrorCode) when main refuses or fails.
 */
export interface TizilimApi extends BackupApi, SyncApi, NotificationsApi {
  /**
   * Renders `app://tizilim/index.html#<route>` in a hidden window, waits for
   * `window.__tizilimPrintReady`, prints it to an A4 PDF and asks where to save it.
   */
  printRoute(request: PrintRouteRequest): Promise<SaveResult>;
  /** Asks where to save, then writes the bytes (.docx, .xlsx, .csv, JSON exports). */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /**
   * Asks for the backup folder and remembers it. Returns the folder in effect afterwards:
   * unchanged when the user cancels, null only if none was ever chosen.
   */
  chooseBackupFolder(): Promise<BackupFolder>;
  /** The remembered backup folder, or null before one was chosen. */
  getBackupFolder(): Promise<BackupFolder>;
  /** Writes a backup into the remembered folder, never overwriting one. */
  writeBackup(request: WriteBackupRequest): Promise<WrittenBackup>;
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
