import type { BackupItem } from '@shared/backup';
import {
  MAX_BACKUP_FILE_CHUNK_BYTES,
  MAX_BACKUP_PAGE,
  type BackupApi,
  type BackupProgressInfo,
} from '@shared/ipc';
import type { BackupPlatform } from './backupTypes';

/**
 * Backups in Electron: every call goes to the main process, which encrypts and writes.
 * Pages and chunks are sent one at a time and each waits for main's answer, so neither
 * side queues more than one page: the renderer's heap stays small for any office.
 */
export function electronBackups(api: BackupApi): BackupPlatform {
  return {
    kind: 'desktop',
    status: () => api.backupStatus(),
    setPassword: (request) => api.setBackupPassword(request),
    unlock: (password) => api.unlockBackups({ password }),
    chooseFolder: async () => {
      const tizilim = window.tizilim;
      return tizilim ? tizilim.chooseBackupFolder() : { folder: null };
    },
    async createBackup(source, options = {}) {
      const begun = await api.beginBackup(source.info);
      if (begun.sessionId === null) return { ok: false, refused: begun };
      const sessionId = begun.sessionId;
      try {
        for await (const item of source.items) {
          options.signal?.throwIfAborted();
          for (const progress of await send(api, sessionId, item)) options.onProgress?.(progress);
        }
        options.signal?.throwIfAborted();
        return { ok: true, outcome: await api.finishBackup({ sessionId }) };
      } catch (error) {
        await api.abortBackup({ sessionId }).catch(() => undefined);
        throw error;
      }
    },
    appendJournal: (logId, device, changes) =>
      api.appendJournal({ logId, device, changes: [...changes] }),
    listBackups: () => api.listBackups(),
    chooseBackupFile: () => api.chooseBackupFile(),
    async openRestore(request) {
      const preview = await api.beginRestore(request);
      const sessionId = preview.sessionId;
      return {
        preview,
        async *items(): AsyncGenerator<BackupItem> {
          for (;;) {
            const chunk = await api.readRestore({ sessionId });
            if (chunk.kind === 'end') return;
            yield chunk;
          }
        },
        close: async () => {
          await api.endRestore({ sessionId });
        },
      };
    },
  };
}

/** One item as IPC calls no larger than the contract allows. */
async function send(
  api: BackupApi,
  sessionId: string,
  item: BackupItem,
): Promise<BackupProgressInfo[]> {
  const out: BackupProgressInfo[] = [];
  if (item.kind === 'records') {
    for (let at = 0; at < item.records.length; at += MAX_BACKUP_PAGE) {
      const records = item.records.slice(at, at + MAX_BACKUP_PAGE) as Record<string, unknown>[];
      out.push(await api.backupRecords({ sessionId, table: item.table, records }));
    }
    return out;
  }
  const { data } = item;
  for (let at = 0; at < data.byteLength || at === 0; at += MAX_BACKUP_FILE_CHUNK_BYTES) {
    const end = Math.min(data.byteLength, at + MAX_BACKUP_FILE_CHUNK_BYTES);
    // A view would be cloned with its whole buffer: send exactly these bytes.
    const part =
      at === 0 && end === data.byteLength && data.byteOffset === 0 && end === data.buffer.byteLength
        ? // Bytes read from a Blob sit in a plain ArrayBuffer, never a shared one.
          (data as Uint8Array<ArrayBuffer>)
        : data.slice(at, end);
    out.push(
      await api.backupFile({
        sessionId,
        id: item.id,
        data: part,
        final: item.final && end === data.byteLength,
      }),
    );
    if (end === data.byteLength) break;
  }
  return out;
}
