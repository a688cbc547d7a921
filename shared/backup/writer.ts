/**
 * Writes a `.tizilim-backup`: items (record pages, file chunks) in, encrypted bytes out,
 * with memory bounded by one NDJSON chunk, one file part and one segment whatever the size
 * of the office. The caller declares the counts up front (they go into the header, which
 * comes first); `finish` refuses when what was written differs, so a header never lies.
 */
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../export/schema';
import { concatBytes, toBase64Url, type Bytes, utf8 } from './bytes';
import {
  type BackupItem,
  type BackupManifest,
  DEFAULT_FILE_PART_BYTES,
  DEFAULT_RECORD_CHUNK_BYTES,
  FILE_ID_PATTERN,
  fileEntryName,
  fullCounts,
  isExportTable,
  MANIFEST_ENTRY,
  tableEntryName,
} from './content';
import { BackupError } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  type BackupDevice,
  type BackupHeader,
  encodePrefix,
} from './header';
import { type BackupLocks, makeKeySlots, newDataKey, type SlotOptions } from './keys';
import { DEFAULT_SEGMENT_SIZE, SegmentEncryptor } from './stream';
import { importAesKey, randomBytes } from './webcrypto';
import { type Deflate, ZipWriter, type ZipWriterOptions } from './zip';

export interface BackupInfo {
  /** When the backup was started (ISO UTC). */
  createdAt: string;
  /** The app writing the file. */
  appVersion: string;
  device: BackupDevice;
  reason: string;
  /** The change log the data comes from, and its last change included (null: none). */
  logId: string | null;
  changeSeq: number | null;
  /** Records per table that will be written. */
  counts: Readonly<Partial<Record<ExportTableName, number>>>;
  /** Attachment files that will be written: how many, and their bytes in all. */
  files: { count: number; bytes: number };
  /** The data's export envelope, given back by a restore. */
  export: { exportedAt: string; appVersion: string; demo: boolean };
}

export interface WriteProgress {
  records: number;
  fileBytes: number;
  /** Encrypted bytes handed to the sink so far. */
  bytesOut: number;
}

/**
 * Records already written as compact JSON, one per line (no line break inside): the command
 * line copies an export's records this way without parsing and printing them again. Not
 * for attachments, whose records must lose their file.
 */
export interface LinesItem {
  kind: 'lines';
  table: ExportTableName;
  lines: readonly Uint8Array[];
}

export type WriterItem = BackupItem | LinesItem;

export interface WriterOptions extends SlotOptions {
  segmentSize?: number;
  /** Raw DEFLATE to use instead of fflate's (Node passes native zlib). */
  deflate?: Deflate;
  /** Deflate level for records (files are stored: scans do not compress). */
  level?: ZipWriterOptions['level'];
  recordChunkBytes?: number;
  filePartBytes?: number;
  onProgress?: (progress: WriteProgress) => void;
}

export interface WrittenSummary {
  header: BackupHeader;
  /** Bytes of the whole file. */
  bytes: number;
}

export type ByteSink = (chunk: Bytes) => Promise<void> | void;

const NEWLINE = Uint8Array.of(0x0a);

function badInput(detail: string): BackupError {
  return new BackupError('invalid_input', detail);
}

export class BackupWriter {
  readonly #header: BackupHeader;
  readonly #sink: ByteSink;
  readonly #zip: ZipWriter;
  readonly #cipher: SegmentEncryptor;
  readonly #options: Required<Pick<WriterOptions, 'recordChunkBytes' | 'filePartBytes'>> &
    Pick<WriterOptions, 'onProgress'>;
  readonly #counts = new Map<ExportTableName, number>();
  readonly #chunkIndex = new Map<ExportTableName, number>();
  readonly #attachmentRecords = new Set<string>();
  readonly #fileIds = new Set<string>();
  #lines: Bytes[] = [];
  #lineBytes = 0;
  #lineTable: ExportTableName | null = null;
  #file: { id: string; parts: number; pending: Bytes[]; pendingBytes: number } | null = null;
  #fileBytes = 0;
  #records = 0;
  #bytesOut = 0;
  #state: 'open' | 'finished' | 'failed' = 'open';

  private constructor(
    header: BackupHeader,
    sink: ByteSink,
    zip: ZipWriter,
    cipher: SegmentEncryptor,
    options: WriterOptions,
  ) {
    this.#header = header;
    this.#sink = sink;
    this.#zip = zip;
    this.#cipher = cipher;
    this.#options = {
      recordChunkBytes: options.recordChunkBytes ?? DEFAULT_RECORD_CHUNK_BYTES,
      filePartBytes: options.filePartBytes ?? DEFAULT_FILE_PART_BYTES,
      onProgress: options.onProgress,
    };
  }

  /**
   * Starts a file: derives the keys (PBKDF2 takes a moment on purpose), writes the header
   * and the manifest. Throws BackupError weak_password / invalid_input.
   */
  static async create(
    info: BackupInfo,
    locks: BackupLocks,
    sink: ByteSink,
    options: WriterOptions = {},
  ): Promise<BackupWriter> {
    const counts = fullCounts(info.counts as Record<string, number>);
    for (const [table, n] of Object.entries(info.counts)) {
      if (!isExportTable(table)) throw badInput(`unknown table ${table}`);
      if (!Number.isInteger(n) || (n ?? 0) < 0) throw badInput(`count of ${table}`);
    }
    const fileId = toBase64Url(randomBytes(16));
    const dataKey = newDataKey();
    const keys = await makeKeySlots(dataKey, locks, { format: BACKUP_FORMAT, fileId }, options);
    const segmentSize = options.segmentSize ?? DEFAULT_SEGMENT_SIZE;
    const noncePrefix = randomBytes(8);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      fileId,
      createdAt: info.createdAt,
      appVersion: info.appVersion,
      device: info.device,
      keys,
      reason: info.reason,
      logId: info.logId,
      changeSeq: info.changeSeq,
      demo: info.export.demo,
      counts,
      files: info.files,
      cipher: { name: 'AES-256-GCM-STREAM', segmentSize, noncePrefix: toBase64Url(noncePrefix) },
    };
    const { prefix, headerHash } = await encodePrefix(BACKUP_MAGIC, header);
    const cipher = new SegmentEncryptor({
      key: await importAesKey(dataKey),
      noncePrefix,
      headerHash,
      segmentSize,
    });
    dataKey.fill(0);
    const zip = new ZipWriter({
      modified: new Date(info.createdAt),
      level: options.level ?? 6,
      ...(options.deflate === undefined ? {} : { deflate: options.deflate }),
    });
    const writer = new BackupWriter(header, sink, zip, cipher, options);
    await writer.#emit([prefix]);
    const manifest: BackupManifest = {
      format: 'tizilim-backup-content',
      version: 1,
      export: info.export,
      counts,
      files: info.files,
    };
    await writer.#entry(MANIFEST_ENTRY, utf8(JSON.stringify(manifest)), true);
    return writer;
  }

  get header(): BackupHeader {
    return this.#header;
  }

  /** Adds a page of records or a chunk of a file. */
  async add(item: WriterItem): Promise<void> {
    this.#checkOpen();
    try {
      if (item.kind === 'records') await this.#addRecords(item.table, item.records);
      else if (item.kind === 'lines') await this.#addLines(item.table, item.lines);
      else await this.#addFile(item.id, item.data, item.final);
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  /** Ends the file; throws when the records or files written differ from the header. */
  async finish(): Promise<WrittenSummary> {
    this.#checkOpen();
    try {
      if (this.#file !== null) throw badInput(`file ${this.#file.id} has no final chunk`);
      await this.#flushLines();
      for (const table of EXPORT_TABLE_NAMES) {
        const written = this.#counts.get(table) ?? 0;
        if (written !== this.#header.counts[table]) {
          throw badInput(
            `${table}: ${written} records written, ${this.#header.counts[table]} declared`,
          );
        }
      }
      if (
        this.#fileIds.size !== this.#header.files.count ||
        this.#fileBytes !== this.#header.files.bytes
      ) {
        throw badInput('attachment files differ from the declared count or bytes');
      }
      for (const id of this.#attachmentRecords) {
        if (!this.#fileIds.has(id)) throw badInput(`attachment ${id} has no file`);
      }
      for (const id of this.#fileIds) {
        if (!this.#attachmentRecords.has(id)) throw badInput(`file ${id} has no attachment record`);
      }
      await this.#emit(await this.#cipher.push(this.#zip.finish()));
      await this.#emit([await this.#cipher.finish()]);
      this.#state = 'finished';
      return { header: this.#header, bytes: this.#bytesOut };
    } catch (error) {
      this.#state = 'failed';
      throw error;
    }
  }

  #checkOpen(): void {
    if (this.#state !== 'open') throw badInput(`writer is ${this.#state}`);
  }

  async #addRecords(table: ExportTableName, records: readonly Readonly<Record<string, unknown>>[]) {
    if (!isExportTable(table)) throw badInput(`unknown table ${String(table)}`);
    if (this.#lineTable !== table) await this.#flushLines();
    this.#lineTable = table;
    for (const record of records) {
      if (typeof record !== 'object' || record === null || typeof record.id !== 'string') {
        throw badInput(`${table}: a record without an id`);
      }
      if (table === 'attachments') {
        if ('blob' in record || 'file' in record) {
          throw badInput('attachment records go without their file; send the bytes as file items');
        }
        this.#attachmentRecords.add(record.id);
      }
      const line = utf8(`${JSON.stringify(record)}\n`);
      this.#lines.push(line);
      this.#lineBytes += line.byteLength;
      this.#counts.set(table, (this.#counts.get(table) ?? 0) + 1);
      this.#records += 1;
      if (this.#lineBytes >= this.#options.recordChunkBytes) await this.#flushLines();
    }
    this.#progress();
  }

  async #addLines(table: ExportTableName, lines: readonly Uint8Array[]) {
    if (!isExportTable(table) || table === 'attachments')
      throw badInput(`lines of ${String(table)}`);
    if (this.#lineTable !== table) await this.#flushLines();
    this.#lineTable = table;
    for (const line of lines) {
      if (line[0] !== 0x7b || line[line.byteLength - 1] !== 0x7d || line.includes(0x0a)) {
        throw badInput(`${table}: a line is not one compact JSON record`);
      }
      this.#lines.push(line as Bytes, NEWLINE);
      this.#lineBytes += line.byteLength + 1;
      this.#counts.set(table, (this.#counts.get(table) ?? 0) + 1);
      this.#records += 1;
      if (this.#lineBytes >= this.#options.recordChunkBytes) await this.#flushLines();
    }
    this.#progress();
  }

  async #flushLines(): Promise<void> {
    const table = this.#lineTable;
    if (table === null || this.#lines.length === 0) return;
    const index = (this.#chunkIndex.get(table) ?? 0) + 1;
    this.#chunkIndex.set(table, index);
    const data = concatBytes(this.#lines);
    this.#lines = [];
    this.#lineBytes = 0;
    await this.#entry(tableEntryName(table, index), data, true);
  }

  async #addFile(id: string, data: Uint8Array, final: boolean): Promise<void> {
    if (this.#file === null) {
      if (typeof id !== 'string' || !FILE_ID_PATTERN.test(id)) throw badInput('attachment id');
      if (this.#fileIds.has(id)) throw badInput(`file ${id} sent twice`);
      this.#fileIds.add(id);
      this.#file = { id, parts: 0, pending: [], pendingBytes: 0 };
    } else if (this.#file.id !== id) {
      throw badInput(`file ${id} started before ${this.#file.id} ended`);
    }
    const file = this.#file;
    if (data.byteLength > 0) {
      file.pending.push(new Uint8Array(data));
      file.pendingBytes += data.byteLength;
      this.#fileBytes += data.byteLength;
    }
    const size = this.#options.filePartBytes;
    while (file.pendingBytes >= size && (file.pendingBytes > size || !final)) {
      const all = concatBytes(file.pending);
      file.pending = [all.subarray(size)];
      file.pendingBytes = all.byteLength - size;
      await this.#entry(fileEntryName(id, ++file.parts), all.subarray(0, size), false);
    }
    if (final) {
      if (file.pendingBytes > 0 || file.parts === 0) {
        await this.#entry(fileEntryName(id, ++file.parts), concatBytes(file.pending), false);
      }
      this.#file = null;
    }
    this.#progress();
  }

  async #entry(name: string, data: Uint8Array, compress: boolean): Promise<void> {
    for (const part of this.#zip.entry(name, data, compress)) {
      await this.#emit(await this.#cipher.push(part));
    }
  }

  async #emit(chunks: readonly Bytes[]): Promise<void> {
    for (const chunk of chunks) {
      this.#bytesOut += chunk.byteLength;
      await this.#sink(chunk);
    }
  }

  #progress(): void {
    this.#options.onProgress?.({
      records: this.#records,
      fileBytes: this.#fileBytes,
      bytesOut: this.#bytesOut,
    });
  }
}

/**
 * The same as a generator: items in, encrypted chunks out. For the command line and the
 * web build, where the bytes go to a file or a download.
 */
export async function* encryptBackup(
  items: AsyncIterable<WriterItem> | Iterable<WriterItem>,
  info: BackupInfo,
  locks: BackupLocks,
  options: WriterOptions = {},
): AsyncGenerator<Bytes> {
  let out: Bytes[] = [];
  const writer = await BackupWriter.create(info, locks, (chunk) => void out.push(chunk), options);
  yield* out;
  out = [];
  for await (const item of items) {
    await writer.add(item);
    yield* out;
    out = [];
  }
  await writer.finish();
  yield* out;
}
