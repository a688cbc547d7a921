import type { BackupItem, BackupSecret, SealedRecovery } from '@shared/backup';
import type * as BackupFormat from '@shared/backup';
import type { BackupStatus, ChosenBackupFile, IpcErrorCode } from '@shared/ipc';
import { formatIpcError } from '@shared/ipc';
import type { BackupPlatform } from './backupTypes';
import { downloadBlob } from './browser';

/**
 * Backups in the web build (how the app is tested and looked at where Electron cannot run):
 * the same format, encrypted in the page and handed over as a download. The recovery key is
 * kept in localStorage sealed under the password, like the desktop app's keyring; the
 * password itself is never stored, so it is asked once per session. There is no journal
 * and no folder.
 */
const STORAGE_KEY = 'tizilim.backupKeyring';

/**
 * The backup format's code (archive, encryption, export scanning) loads on the first use:
 * the desktop app never uses this platform, and the web build's first screen does not need it.
 */
let format: Promise<typeof BackupFormat> | null = null;
const backupFormat = () => (format ??= import('@shared/backup'));

const CODES: Record<string, IpcErrorCode> = {
  wrong_password: 'WRONG_PASSWORD',
  wrong_recovery_key: 'WRONG_RECOVERY_KEY',
  no_matching_key: 'WRONG_RECOVERY_KEY',
  invalid_recovery_key: 'INVALID_RECOVERY_KEY',
  weak_password: 'WEAK_PASSWORD',
  newer_version: 'BACKUP_NEWER',
};

/** The same `[CODE] ` errors as the desktop bridge, so screens handle both alike. */
async function asIpc<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    const { BackupError } = await backupFormat();
    if (!(error instanceof BackupError)) throw error;
    const code = CODES[error.code] ?? 'BACKUP_DAMAGED';
    throw new Error(formatIpcError({ code, message: error.message }), { cause: error });
  }
}

function ipcError(code: IpcErrorCode, message: string): Error {
  return new Error(formatIpcError({ code, message }));
}

async function readSealed(): Promise<SealedRecovery | null> {
  const { sealedRecoverySchema } = await backupFormat();
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    if (text === null) return null;
    const parsed = sealedRecoverySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A file's bytes in 1 MiB slices, read as they are needed. */
async function* fileChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const SLICE = 1024 * 1024;
  for (let at = 0; at < blob.size; at += SLICE) {
    yield new Uint8Array(await blob.slice(at, at + SLICE).arrayBuffer());
  }
}

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.tizilim-backup';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

export function browserBackups(): BackupPlatform {
  let unlocked: { password: string; recoveryKey: Uint8Array } | null = null;
  let lastGoodAt: string | null = null;
  const chosen = new Map<string, File>();

  const status = async (): Promise<BackupStatus> => {
    const sealed = await readSealed();
    return {
      password: sealed === null ? 'not_set' : unlocked !== null ? 'ready' : 'locked',
      passwordKept: 'none',
      safeStorage: 'unavailable',
      recoveryKeyId: sealed?.recoveryKeyId ?? null,
      folders: [],
      lastGoodAt,
      dailyDue: false,
      age: lastGoodAt === null ? 'never' : 'ok',
      dirty: false,
      journal: null,
      busy: false,
    };
  };

  return {
    kind: 'download',
    status,
    async setPassword(request) {
      const { formatRecoveryKey, generateRecoveryKey, openRecoveryKey, sealRecoveryKey } =
        await backupFormat();
      const sealed = await readSealed();
      let recovery: Uint8Array;
      let fresh = false;
      if (sealed === null) {
        recovery = generateRecoveryKey();
        fresh = true;
      } else {
        if (request.current === undefined) {
          throw ipcError('WRONG_PASSWORD', 'The current password or the recovery key is required.');
        }
        recovery = await asIpc(() => openRecoveryKey(sealed, request.current as BackupSecret));
        if (request.newRecoveryKey === true) {
          recovery = generateRecoveryKey();
          fresh = true;
        }
      }
      const next = await asIpc(() => sealRecoveryKey(request.password, new Uint8Array(recovery)));
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      unlocked = { password: request.password, recoveryKey: recovery };
      return {
        recoveryKey: fresh ? formatRecoveryKey(recovery) : null,
        recoveryKeyId: next.recoveryKeyId,
        status: await status(),
      };
    },
    async unlock(password) {
      const sealed = await readSealed();
      if (sealed === null) throw ipcError('NO_BACKUP_PASSWORD', 'No backup password has been set.');
      const { openRecoveryKey } = await backupFormat();
      unlocked = {
        password,
        recoveryKey: await asIpc(() => openRecoveryKey(sealed, { password })),
      };
      return status();
    },
    chooseFolder: async () => ({ folder: null }),
    async createBackup(source, options = {}) {
      if (unlocked === null) throw ipcError('NO_BACKUP_PASSWORD', 'The backup password is needed.');
      const { backupFileName, encryptBackup } = await backupFormat();
      const createdAt = new Date();
      const locks = unlocked;
      const blob = await asIpc(async () => {
        let joined = new Blob([]);
        const chunks = encryptBackup(
          source.items,
          {
            ...source.info,
            createdAt: createdAt.toISOString(),
            appVersion: source.info.export.appVersion,
          },
          locks,
          options.onProgress === undefined ? {} : { onProgress: options.onProgress },
        );
        for await (const chunk of chunks) {
          options.signal?.throwIfAborted();
          // Each chunk joins a Blob at once, so no encrypted bytes pile up in the JS heap.
          joined = new Blob([joined, chunk as BlobPart]);
        }
        return joined;
      });
      const fileName = backupFileName(createdAt, source.info.device.id, source.info.reason);
      downloadBlob(blob, fileName);
      lastGoodAt = createdAt.toISOString();
      return {
        ok: true,
        outcome: { fileName, createdAt: lastGoodAt, bytes: blob.size, folders: [] },
      };
    },
    appendJournal: async () => ({ appended: 0, skipped: 0, lastSeq: null }),
    listBackups: async () => ({ folders: [], journals: [] }),
    async chooseBackupFile(): Promise<ChosenBackupFile | null> {
      const file = await pickFile();
      if (file === null) return null;
      const { sniffFile } = await backupFormat();
      const token = crypto.randomUUID().replaceAll('-', '');
      chosen.set(token, file);
      const kind = sniffFile(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      return {
        token,
        fileName: file.name,
        bytes: file.size,
        kind: kind === 'journal' || kind === 'unknown' ? 'unreadable' : kind,
      };
    },
    async openRestore(request) {
      if (request.source.kind !== 'chosen')
        throw ipcError('NOT_FOUND', 'The web build has no backup folders.');
      const file = chosen.get(request.source.token);
      if (file === undefined) throw ipcError('NOT_FOUND', 'The chosen file is no longer known.');
      const {
        backupPreview,
        countItems,
        exportJsonItems,
        exportPreview,
        openBackup,
        scanExportJson,
        sniffFile,
      } = await backupFormat();
      const kind = sniffFile(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      if (kind === 'export-json') {
        const scan = await scanExportJson(fileChunks(file), { validate: false });
        if (scan.envelope === null) throw ipcError('BACKUP_DAMAGED', 'Not a readable export.');
        const preview = exportPreview(request.source.token, { ...scan, envelope: scan.envelope });
        return {
          preview,
          items: () => exportJsonItems(fileChunks(file)),
          close: async () => undefined,
        };
      }
      const secret: BackupSecret | undefined =
        request.secret ?? (unlocked === null ? undefined : { password: unlocked.password });
      if (secret === undefined)
        throw ipcError('NO_BACKUP_PASSWORD', 'The backup password is needed.');
      const open = async function* (): AsyncGenerator<BackupItem> {
        const opened = await openBackup(fileChunks(file));
        try {
          yield* (await opened.unlock(secret)).items();
        } finally {
          await opened.close();
        }
      };
      // Read through once: every byte verified before the screen offers to replace anything.
      const opened = await asIpc(() => openBackup(fileChunks(file)));
      const unlockedFile = await asIpc(() => opened.unlock(secret));
      const { counts, files } = await asIpc(() => countItems(unlockedFile.items()));
      const preview = backupPreview(request.source.token, unlockedFile, { counts, files });
      let items: AsyncGenerator<BackupItem> | null = null;
      return {
        preview,
        items: () => {
          items = (async function* () {
            const source = open();
            for (;;) {
              const next = await asIpc(() => source.next());
              if (next.done === true) return;
              yield next.value;
            }
          })();
          return items;
        },
        close: async () => {
          await items?.return(undefined);
        },
      };
    },
  };
}
