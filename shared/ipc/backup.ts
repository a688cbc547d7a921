/**
 * Backups, the journal and restore (issue 11): constants, request schemas, channels, error
 * codes and the API; what main answers is in ./backupReplies. The main process writes and
 * encrypts (shared/backup); the renderer streams records out of Dexie page by page and file
 * bytes in chunks, so no side ever holds the whole office. docs/backup-format.md describes
 * the files; renderer/src/platform/backups.ts is the typed bridge the screens use.
 */
import { z } from 'zod';
import { bytesSchema, MAX_FILE_BYTES, noRequestSchema } from './blocks';
import type {
  BackupListing,
  BackupOutcome,
  BackupProgressInfo,
  BackupStatus,
  BeginBackupResult,
  ChosenBackupFile,
  JournalAppendResult,
  PasswordSetResult,
  RestoreChunk,
  RestorePreview,
} from './backupReplies';

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
