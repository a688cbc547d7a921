/**
 * What a backup holds, as it goes into the writer and comes out of the reader: pages of
 * records, table by table, and attachment files in chunks. Inside the zip, records are NDJSON
 * entries of about 1 MiB (`tables/<table>/000001.ndjson`, one record a line) and files are
 * parts of at most 1 MiB (`files/<attachment id>/000001`), so no entry, no string and no
 * buffer ever holds a whole table or a whole large scan. `manifest.json`, the first entry,
 * carries the export envelope of the data (exportedAt, appVersion, demo).
 */
import { z } from 'zod';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../export/schema';

export type BackupRecord = Readonly<Record<string, unknown>>;

export interface RecordsItem {
  kind: 'records';
  table: ExportTableName;
  records: readonly BackupRecord[];
}

/**
 * A chunk of one attachment's file. Chunks of a file come in order, one file at a time;
 * the last has `final: true` (an empty file is one empty final chunk). `offset` is filled
 * in by the reader.
 */
export interface FileItem {
  kind: 'file';
  id: string;
  data: Uint8Array;
  final: boolean;
  offset?: number;
}

export type BackupItem = RecordsItem | FileItem;

/** The envelope of the data, as an export file carries it. */
export const manifestSchema = z.object({
  format: z.literal('tizilim-backup-content'),
  version: z.int().min(1),
  export: z.object({
    exportedAt: z.iso.datetime(),
    appVersion: z.string().max(50),
    demo: z.boolean(),
  }),
  counts: z.record(z.string().max(50), z.int().min(0)),
  files: z.object({ count: z.int().min(0), bytes: z.number().int().min(0) }),
});
export type BackupManifest = z.output<typeof manifestSchema>;

export const MANIFEST_ENTRY = 'manifest.json';
export const DEFAULT_RECORD_CHUNK_BYTES = 1024 * 1024;
export const DEFAULT_FILE_PART_BYTES = 1024 * 1024;

/** Attachment ids go into entry names, so only id-like text is accepted. */
export const FILE_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;

const TABLE_ENTRY = /^tables\/([A-Za-z]+)\/(\d{6})\.ndjson$/;
const FILE_ENTRY = /^files\/([A-Za-z0-9_.:-]{1,100})\/(\d{6})$/;

export function tableEntryName(table: ExportTableName, index: number): string {
  return `tables/${table}/${String(index).padStart(6, '0')}.ndjson`;
}

export function fileEntryName(id: string, index: number): string {
  return `files/${id}/${String(index).padStart(6, '0')}`;
}

export type ParsedEntryName =
  | { kind: 'manifest' }
  | { kind: 'table'; table: ExportTableName; index: number }
  | { kind: 'file'; id: string; index: number }
  | { kind: 'unknown' };

const TABLES = new Set<string>(EXPORT_TABLE_NAMES);

export function parseEntryName(name: string): ParsedEntryName {
  if (name === MANIFEST_ENTRY) return { kind: 'manifest' };
  const table = TABLE_ENTRY.exec(name);
  if (table !== null && TABLES.has(table[1]!)) {
    return { kind: 'table', table: table[1] as ExportTableName, index: Number(table[2]) };
  }
  const file = FILE_ENTRY.exec(name);
  if (file !== null) return { kind: 'file', id: file[1]!, index: Number(file[2]) };
  return { kind: 'unknown' };
}

export function isExportTable(name: string): name is ExportTableName {
  return TABLES.has(name);
}

/** Counts per table with every export table present (missing ones are 0). */
export function fullCounts(
  counts: Readonly<Record<string, number>>,
): Record<ExportTableName, number> {
  return Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, counts[t] ?? 0])) as Record<
    ExportTableName,
    number
  >;
}
