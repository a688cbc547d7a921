/** Printing to PDF, saving a file and the single-file backup: requests, replies, API. */
import { z } from 'zod';
import {
  backupFileNameSchema,
  bytesSchema,
  fileFiltersSchema,
  fileNameSchema,
  MAX_BACKUP_BYTES,
  MAX_FILE_BYTES,
  noRequestSchema,
  printRouteSchema,
} from './blocks';

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

export const FILES_IPC_CONTRACT = {
  printRoute: { channel: 'pdf:printRoute', request: printRouteRequestSchema },
  saveFile: { channel: 'files:save', request: saveFileRequestSchema },
  chooseBackupFolder: { channel: 'backup:chooseFolder', request: noRequestSchema },
  getBackupFolder: { channel: 'backup:getFolder', request: noRequestSchema },
  writeBackup: { channel: 'backup:write', request: writeBackupRequestSchema },
} as const;

export interface FilesIpcResponses {
  printRoute: SaveResult;
  saveFile: SaveResult;
  chooseBackupFolder: BackupFolder;
  getBackupFolder: BackupFolder;
  writeBackup: WrittenBackup;
}

export interface FilesApi {
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
