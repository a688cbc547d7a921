import { EXPORT_TABLE_NAMES, type ExportFile, type ExportTableName } from '@shared/export';
import {
  type BackupInfo,
  type BackupItem,
  type BackupRecord,
  type WriterOptions,
  encryptBackup,
  fromBase64,
} from '@shared/backup';
import type { BeginBackupRequest } from '@shared/ipc';
import { generateOffice } from '@test/fixtures/generateOffice';

/** Fast key derivation for tests; one test checks that real files use 600,000. */
export const FAST = { iterations: 1_000 } as const;
export const PASSWORD = 'Сәуір-2026 кеңсе';

/** Bytes of a scan-like file: pseudo-random, with zip signatures inside (a .docx is a zip). */
export function fileBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2_654_435_761 + 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  const signatures = [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x07, 0x08],
    [0x50, 0x4b, 0x01, 0x02],
  ];
  for (let at = 0, k = 0; at + 4 <= size; at += 997, k++) out.set(signatures[k % 3]!, at);
  return out;
}

export interface Office {
  file: ExportFile;
  tables: Record<ExportTableName, BackupRecord[]>;
  files: Map<string, Uint8Array>;
}

/** A generated office with attachments of awkward sizes (empty, one part exactly, several). */
export function officeWithFiles(appeals: number, sizes: readonly number[], seed = 7): Office {
  const file = generateOffice({ appeals, seed });
  const appealIds = file.tables.appeals.map((a) => a.id);
  const files = new Map<string, Uint8Array>();
  const attachments = sizes.map((size, i) => {
    const id = `019aa0d6-1c00-7000-8000-${String(i + 1).padStart(12, '0')}`;
    files.set(id, fileBytes(size, i + 1));
    return {
      id,
      createdAt: '2026-11-20T05:00:00.000Z',
      updatedAt: '2026-11-20T05:00:00.000Z',
      createdBy: 'aigerim',
      updatedBy: 'aigerim',
      version: 1,
      deletedAt: null,
      appealId: appealIds[i % appealIds.length]!,
      inquiryId: null,
      fileName: `Хат ${i + 1}.pdf`,
      mimeType: 'application/pdf',
      size,
    };
  });
  const tables = Object.fromEntries(
    EXPORT_TABLE_NAMES.map((t) => [t, [...(file.tables[t] as unknown as BackupRecord[])]]),
  ) as Record<ExportTableName, BackupRecord[]>;
  tables.attachments = attachments;
  return { file, tables, files };
}

export function infoOf(office: Office, overrides: Partial<BackupInfo> = {}): BackupInfo {
  const counts = Object.fromEntries(
    EXPORT_TABLE_NAMES.map((t) => [t, office.tables[t].length]),
  ) as BackupInfo['counts'];
  let bytes = 0;
  for (const data of office.files.values()) bytes += data.byteLength;
  return {
    createdAt: '2026-11-20T13:05:00.000Z',
    appVersion: '0.1.0-test',
    device: { id: 'dev-01', name: 'Қабылдау бөлмесі' },
    reason: 'manual',
    logId: 'log-1',
    changeSeq: 41,
    counts,
    files: { count: office.files.size, bytes },
    export: {
      exportedAt: office.file.exportedAt,
      appVersion: office.file.appVersion,
      demo: office.file.demo,
    },
    ...overrides,
  };
}

/** Pages of `page` records per table, then files in chunks of `chunk` bytes. */
export function* itemsOf(
  office: Pick<Office, 'tables' | 'files'>,
  page = 500,
  chunk = 300_000,
): Generator<BackupItem> {
  for (const table of EXPORT_TABLE_NAMES) {
    const records = office.tables[table];
    for (let i = 0; i < records.length; i += page) {
      yield { kind: 'records', table, records: records.slice(i, i + page) };
    }
  }
  for (const [id, data] of office.files) {
    if (data.byteLength === 0) {
      yield { kind: 'file', id, data, final: true };
      continue;
    }
    for (let at = 0; at < data.byteLength; at += chunk) {
      yield {
        kind: 'file',
        id,
        data: data.subarray(at, at + chunk),
        final: at + chunk >= data.byteLength,
      };
    }
  }
}

export async function makeBackup(
  office: Office,
  locks: { password?: string; recoveryKey?: Uint8Array } = { password: PASSWORD },
  options: WriterOptions = {},
  info: Partial<BackupInfo> = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of encryptBackup(itemsOf(office), infoOf(office, info), locks, {
    ...FAST,
    ...options,
  })) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A source that hands the bytes out in uneven chunks, as a disk or IPC would. */
export function* chunked(bytes: Uint8Array, size = 65_537): Generator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

export function exportedFileBytes(record: { file: { data: string } }): Uint8Array {
  return fromBase64(record.file.data);
}

/** What the renderer hands its backup bridge: the begin request and the items, page by page. */
export function backupSourceOf(
  office: Pick<Office, 'file' | 'tables' | 'files'>,
  device: { id: string; name: string },
  items: Iterable<BackupItem> = itemsOf(office),
): { info: BeginBackupRequest; items: AsyncIterable<BackupItem> } {
  let bytes = 0;
  for (const file of office.files.values()) bytes += file.byteLength;
  return {
    info: {
      reason: 'manual',
      logId: 'log-1',
      changeSeq: 7,
      device,
      counts: Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, office.tables[t].length])),
      files: { count: office.files.size, bytes },
      export: { exportedAt: office.file.exportedAt, appVersion: '0.1.0', demo: false },
    },
    items: (async function* () {
      yield* items;
    })(),
  };
}
