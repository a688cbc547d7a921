/**
 * Reads a `.tizilim-backup` as its bytes arrive: the header (no password needed), then,
 * unlocked with the password or the recovery key, the records and files as the writer took
 * them. Every segment is verified before anything in it is handed out; totals (records per
 * table, files, attachment records with their files) are checked at the end. Anything
 * handed out before the end is authentic but may be incomplete: a restore must keep what it
 * reads apart (a staging area) until the iteration ends without an error.
 */
import {
  EXPORT_FORMAT,
  EXPORT_TABLE_NAMES,
  EXPORT_VERSION,
  type ExportFile,
  type ExportTableName,
} from '../export/schema';
import { ByteReader } from './byteQueue';
import { fromBase64Url, fromUtf8, toBase64, type Bytes } from './bytes';
import {
  type BackupItem,
  type BackupManifest,
  type BackupRecord,
  type FileItem,
  manifestSchema,
  parseEntryName,
} from './content';
import { BackupError } from './errors';
import { type BackupHeader, readPrefix } from './header';
import { type BackupSecret, unlockDataKey } from './keys';
import { decryptSegments } from './stream';
import { type Inflate, ZipParser, type ZipEntry } from './zip';

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ReadProgress {
  /** Encrypted bytes read so far, the header included. */
  bytesIn: number;
  records: number;
  fileBytes: number;
}

export interface UnlockedBackup {
  header: BackupHeader;
  manifest: BackupManifest;
  /**
   * Records pages and file chunks, in the order they were written. Throws BackupError
   * (damaged, truncated) the moment something does not verify.
   */
  items(options?: ItemsOptions): AsyncGenerator<BackupItem>;
  /**
   * The same, with the records of every table but attachments as their NDJSON lines, not
   * parsed (the segments and entries are still verified): for copying them out as they are.
   */
  rawItems(options?: ItemsOptions): AsyncGenerator<BackupItem | RawLinesItem>;
}

export interface ItemsOptions {
  onProgress?: (progress: ReadProgress) => void;
}

/** Records as the compact JSON lines they were written as. */
export interface RawLinesItem {
  kind: 'lines';
  table: ExportTableName;
  lines: Bytes[];
}

export interface OpenedBackup {
  header: BackupHeader;
  /** Throws wrong_password, wrong_recovery_key, invalid_recovery_key, no_matching_key. */
  unlock(secret: BackupSecret): Promise<UnlockedBackup>;
  /** Stops reading the source (when the caller gives up after the header). */
  close(): Promise<void>;
}

/**
 * Reads the header. Throws BackupError not_a_backup, newer_version, damaged, truncated.
 */
export interface ReaderOptions {
  /** Raw DEFLATE decompression instead of fflate's (Node passes native zlib). */
  inflate?: Inflate;
}

export async function openBackup(
  source: ByteSource,
  options: ReaderOptions = {},
): Promise<OpenedBackup> {
  const reader = new ByteReader(source);
  let header: BackupHeader;
  let headerHash: Bytes;
  try {
    ({ header, headerHash } = await readPrefix<BackupHeader>(reader, 'backup'));
  } catch (error) {
    await reader.close();
    throw error;
  }
  let unlocked = false;
  return {
    header,
    close: () => reader.close(),
    async unlock(secret) {
      if (unlocked) throw new BackupError('invalid_input', 'backup already unlocked');
      const key = await unlockDataKey(header, secret);
      unlocked = true;
      const segments = decryptSegments(reader, {
        key,
        noncePrefix: fromBase64Url(header.cipher.noncePrefix),
        headerHash,
        segmentSize: header.cipher.segmentSize,
      });
      const entries = zipEntries(segments, options.inflate);
      const first = await entries.next();
      if (first.done || first.value.name !== 'manifest.json') {
        throw new BackupError('damaged', 'no manifest');
      }
      const manifest = parseManifest(first.value.data, header);
      let started = false;
      return {
        header,
        manifest,
        items(options = {}) {
          if (started) throw new BackupError('invalid_input', 'items() can be read once');
          started = true;
          return contentItems(
            entries,
            header,
            reader,
            options.onProgress,
            false,
          ) as AsyncGenerator<BackupItem>;
        },
        rawItems(options = {}) {
          if (started) throw new BackupError('invalid_input', 'items() can be read once');
          started = true;
          return contentItems(entries, header, reader, options.onProgress, true);
        },
      };
    },
  };
}

function parseManifest(data: Bytes, header: BackupHeader): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(data));
  } catch (cause) {
    throw new BackupError('damaged', 'manifest is not JSON', { cause });
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new BackupError('damaged', 'manifest');
  const manifest = parsed.data;
  const same =
    manifest.files.count === header.files.count &&
    manifest.files.bytes === header.files.bytes &&
    EXPORT_TABLE_NAMES.every((t) => (manifest.counts[t] ?? 0) === (header.counts[t] ?? 0));
  if (!same) throw new BackupError('damaged', 'manifest and header disagree');
  return manifest;
}

async function* zipEntries(
  segments: AsyncGenerator<Bytes>,
  inflate?: Inflate,
): AsyncGenerator<ZipEntry> {
  const parser = new ZipParser(0, inflate);
  for await (const segment of segments) yield* parser.push(segment);
  parser.end();
}

async function* contentItems(
  entries: AsyncGenerator<ZipEntry>,
  header: BackupHeader,
  reader: ByteReader,
  onProgress: ((progress: ReadProgress) => void) | undefined,
  raw: boolean,
): AsyncGenerator<BackupItem | RawLinesItem> {
  const counts = new Map<ExportTableName, number>();
  const chunkIndex = new Map<ExportTableName, number>();
  const attachmentRecords = new Set<string>();
  const fileIds = new Set<string>();
  let records = 0;
  let fileBytes = 0;
  // A file part is held until the next entry says whether it was the file's last.
  let pending: { item: FileItem; index: number } | null = null;
  const progress = () => onProgress?.({ bytesIn: reader.consumed, records, fileBytes });

  for await (const entry of entries) {
    const name = parseEntryName(entry.name);
    if (pending !== null && !(name.kind === 'file' && name.id === pending.item.id)) {
      yield { ...pending.item, final: true };
      pending = null;
    }
    if (name.kind === 'table') {
      const expected = (chunkIndex.get(name.table) ?? 0) + 1;
      if (name.index !== expected) throw new BackupError('damaged', `${entry.name} out of order`);
      chunkIndex.set(name.table, expected);
      if (raw && name.table !== 'attachments') {
        const lines = splitLines(entry.data);
        counts.set(name.table, (counts.get(name.table) ?? 0) + lines.length);
        records += lines.length;
        progress();
        yield { kind: 'lines', table: name.table, lines };
        continue;
      }
      const page = parseLines(entry.data, name.table);
      for (const record of page) {
        if (name.table === 'attachments') attachmentRecords.add(record.id as string);
      }
      counts.set(name.table, (counts.get(name.table) ?? 0) + page.length);
      records += page.length;
      progress();
      yield { kind: 'records', table: name.table, records: page };
    } else if (name.kind === 'file') {
      if (pending !== null) {
        if (name.index !== pending.index + 1)
          throw new BackupError('damaged', `${entry.name} out of order`);
        yield pending.item;
      } else {
        if (name.index !== 1 || fileIds.has(name.id)) {
          throw new BackupError('damaged', `${entry.name} out of order`);
        }
        fileIds.add(name.id);
      }
      const offset: number =
        pending === null ? 0 : (pending.item.offset ?? 0) + pending.item.data.byteLength;
      pending = {
        item: { kind: 'file', id: name.id, data: entry.data, final: false, offset },
        index: name.index,
      };
      fileBytes += entry.data.byteLength;
      progress();
    } else if (name.kind === 'manifest') {
      throw new BackupError('damaged', 'second manifest');
    }
    // Entries of a kind this version does not know (a newer app's additions) are skipped.
  }
  if (pending !== null) yield { ...pending.item, final: true };

  for (const table of EXPORT_TABLE_NAMES) {
    if ((counts.get(table) ?? 0) !== (header.counts[table] ?? 0)) {
      throw new BackupError('damaged', `${table} count`);
    }
  }
  if (fileIds.size !== header.files.count || fileBytes !== header.files.bytes) {
    throw new BackupError('damaged', 'file totals');
  }
  for (const id of attachmentRecords) {
    if (!fileIds.has(id)) throw new BackupError('damaged', 'attachment without its file');
  }
  for (const id of fileIds) {
    if (!attachmentRecords.has(id)) throw new BackupError('damaged', 'file without its record');
  }
  progress();
}

function splitLines(data: Bytes): Bytes[] {
  const lines: Bytes[] = [];
  let start = 0;
  while (start < data.byteLength) {
    let end = data.indexOf(0x0a, start);
    if (end < 0) end = data.byteLength;
    if (end > start) lines.push(data.subarray(start, end));
    start = end + 1;
  }
  return lines;
}

function parseLines(data: Bytes, table: ExportTableName): BackupRecord[] {
  let text: string;
  try {
    text = fromUtf8(data);
  } catch (cause) {
    throw new BackupError('damaged', `${table}: not UTF-8`, { cause });
  }
  const out: BackupRecord[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (cause) {
      throw new BackupError('damaged', `${table}: a line is not JSON`, { cause });
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new BackupError('damaged', `${table}: a line is not a record`);
    }
    const id = (record as { id?: unknown }).id;
    if (typeof id !== 'string') throw new BackupError('damaged', `${table}: a record without id`);
    out.push(record as BackupRecord);
  }
  return out;
}

/** A whole backup in memory: the tables as an export holds them, files as bytes by id. */
export interface RestoredBackup {
  header: BackupHeader;
  manifest: BackupManifest;
  tables: Record<ExportTableName, BackupRecord[]>;
  files: Map<string, Bytes>;
}

export function emptyRestoredTables(): Record<ExportTableName, BackupRecord[]> {
  return Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, []])) as unknown as Record<
    ExportTableName,
    BackupRecord[]
  >;
}

/** Collects items into tables and whole files (for tests, the command line, small offices). */
export async function collectItems(
  items: AsyncIterable<BackupItem> | Iterable<BackupItem>,
): Promise<{ tables: Record<ExportTableName, BackupRecord[]>; files: Map<string, Bytes> }> {
  const tables = emptyRestoredTables();
  const files = new Map<string, Bytes>();
  let parts: Uint8Array[] = [];
  for await (const item of items) {
    if (item.kind === 'records') {
      for (const record of item.records) tables[item.table].push(record);
    } else {
      parts.push(item.data);
      if (item.final) {
        const total = parts.reduce((n, p) => n + p.byteLength, 0);
        const bytes = new Uint8Array(total);
        let at = 0;
        for (const part of parts) {
          bytes.set(part, at);
          at += part.byteLength;
        }
        files.set(item.id, bytes);
        parts = [];
      }
    }
  }
  return { tables, files };
}

/** Reads, verifies and collects a whole backup. */
export async function readBackup(
  source: ByteSource,
  secret: BackupSecret,
  options: ReaderOptions & { onProgress?: (progress: ReadProgress) => void } = {},
): Promise<RestoredBackup> {
  const opened = await openBackup(source, options);
  const unlocked = await opened.unlock(secret);
  const { tables, files } = await collectItems(unlocked.items(options));
  return { header: unlocked.header, manifest: unlocked.manifest, tables, files };
}

/**
 * The restored data as an export file — what `importExportFile` and `npm run report` take:
 * attachment records get their file back as base64. Records are as they were stored; the
 * import validates them.
 */
export function toExportFile(restored: {
  manifest: BackupManifest;
  tables: Record<ExportTableName, BackupRecord[]>;
  files: Map<string, Uint8Array>;
}): ExportFile {
  const tables = { ...restored.tables } as Record<ExportTableName, unknown[]>;
  tables.attachments = restored.tables.attachments.map((record) => {
    const bytes = restored.files.get(record.id as string);
    if (bytes === undefined) throw new BackupError('damaged', 'attachment without its file');
    return { ...record, file: { encoding: 'base64', data: toBase64(bytes) } };
  });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: restored.manifest.export.exportedAt,
    appVersion: restored.manifest.export.appVersion,
    demo: restored.manifest.export.demo,
    tables: tables as unknown as ExportFile['tables'],
  };
}

/**
 * Checks every segment of a backup against its tag, without unpacking: that the bytes on
 * the disk are the bytes that were written. Used right after writing, before the file gets
 * its name. Throws like openBackup and unlock; returns the plaintext length.
 */
export async function verifyBackup(
  source: ByteSource,
  secret: BackupSecret,
): Promise<{ header: BackupHeader; plainBytes: number }> {
  const reader = new ByteReader(source);
  try {
    const { header, headerHash } = await readPrefix<BackupHeader>(reader, 'backup');
    const key = await unlockDataKey(header, secret);
    let plainBytes = 0;
    for await (const plain of decryptSegments(reader, {
      key,
      noncePrefix: fromBase64Url(header.cipher.noncePrefix),
      headerHash,
      segmentSize: header.cipher.segmentSize,
    })) {
      plainBytes += plain.byteLength;
    }
    return { header, plainBytes };
  } finally {
    await reader.close();
  }
}

/** Records per table and files (count, bytes) that items hold, read through to the end. */
export async function countItems(
  items: AsyncIterable<BackupItem | RawLinesItem>,
): Promise<{ counts: Record<string, number>; files: { count: number; bytes: number } }> {
  const counts: Record<string, number> = {};
  const files = { count: 0, bytes: 0 };
  for await (const item of items) {
    if (item.kind === 'records')
      counts[item.table] = (counts[item.table] ?? 0) + item.records.length;
    else if (item.kind === 'lines')
      counts[item.table] = (counts[item.table] ?? 0) + item.lines.length;
    else {
      files.bytes += item.data.byteLength;
      if (item.final) files.count += 1;
    }
  }
  return { counts, files };
}
