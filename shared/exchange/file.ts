/**
 * Writing and reading `.tizilim-exchange` files (envelope.ts): pure, on WebCrypto, so the
 * app, the command line (`npm run exchange`) and the tests run the same code. A package is
 * at most a few thousand records and their scans, so it is built and read in memory.
 */
import { isBackupError } from '../backup/errors';
import { BACKUP_MAGIC, JOURNAL_MAGIC } from '../backup/header';
import type { BackupLocks, BackupSecret, SlotOptions } from '../backup/keys';
import { collectItems, openBackup, type ReaderOptions } from '../backup/reader';
import { BackupWriter, type WriterOptions } from '../backup/writer';
import {
  concatBytes,
  equalBytes,
  fromUtf8,
  readU32be,
  toBase64,
  toBase64Url,
  u32be,
  utf8,
  type Bytes,
} from '../backup/bytes';
import { sha256 } from '../backup/webcrypto';
import { checkRawRecord } from '../export/integrity';
import {
  EXPORT_TABLE_NAMES,
  EXPORT_TABLES,
  EXPORT_VERSION,
  type ExportTableName,
} from '../export/schema';
import {
  ENVELOPE_LOG_PREFIX,
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  EXCHANGE_MAGIC,
  EXCHANGE_REASON,
  exchangeEnvelopeSchema,
  MAX_ENVELOPE_BYTES,
  type ExchangeEnvelope,
} from './envelope';
import { ExchangeError } from './errors';

export type ExchangeRecord = Record<string, unknown>;

/** What a package carries: records per table (attachments without their file) and files. */
export interface ExchangeContent {
  tables: Partial<Record<ExportTableName, readonly ExchangeRecord[]>>;
  /** Attachment id → the file's bytes; one for every attachment record. */
  files: ReadonlyMap<string, Uint8Array>;
}

/** The envelope's fields the writer fills itself. */
export type EnvelopeInput = Omit<
  ExchangeEnvelope,
  'format' | 'version' | 'exportVersion' | 'counts'
>;

const PAGE = 500;

/** Writes a package (or, with no records, a receipt) locked with the office's password. */
export async function writeExchangeFile(
  input: EnvelopeInput,
  content: ExchangeContent,
  locks: BackupLocks,
  options: SlotOptions & Pick<WriterOptions, 'deflate' | 'level'> = {},
): Promise<Bytes> {
  const counts: Record<string, number> = {};
  for (const table of EXPORT_TABLE_NAMES) counts[table] = content.tables[table]?.length ?? 0;
  const envelope: ExchangeEnvelope = exchangeEnvelopeSchema.parse({
    ...input,
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_FORMAT_VERSION,
    exportVersion: EXPORT_VERSION,
    counts,
  });
  const json = utf8(JSON.stringify(envelope));
  if (json.byteLength > MAX_ENVELOPE_BYTES) throw new Error('exchange envelope too large');
  const chunks: Bytes[] = [EXCHANGE_MAGIC as Bytes, u32be(json.byteLength), json];
  let fileBytes = 0;
  for (const bytes of content.files.values()) fileBytes += bytes.byteLength;
  const writer = await BackupWriter.create(
    {
      createdAt: envelope.createdAt,
      appVersion: envelope.appVersion,
      device: { id: envelope.from.deviceId, name: envelope.from.name },
      reason: EXCHANGE_REASON,
      logId: ENVELOPE_LOG_PREFIX + toBase64Url(await sha256(json)),
      changeSeq: null,
      counts,
      files: { count: content.files.size, bytes: fileBytes },
      export: { exportedAt: envelope.createdAt, appVersion: envelope.appVersion, demo: false },
    },
    locks,
    (chunk) => {
      chunks.push(chunk);
    },
    options,
  );
  for (const table of EXPORT_TABLE_NAMES) {
    const records = content.tables[table] ?? [];
    for (let i = 0; i < records.length; i += PAGE) {
      await writer.add({ kind: 'records', table, records: records.slice(i, i + PAGE) });
    }
  }
  for (const [id, data] of content.files) await writer.add({ kind: 'file', id, data, final: true });
  await writer.finish();
  return concatBytes(chunks);
}

/**
 * The envelope of a file, before any password: who sent it to whom, for which office. Not
 * yet authenticated (`openExchangeFile` checks it against the encrypted content), so only
 * good for refusing early and for showing what the file says it is.
 */
export function readExchangeEnvelope(bytes: Uint8Array): {
  envelope: ExchangeEnvelope;
  json: Bytes;
  bodyStart: number;
} {
  const head = bytes.subarray(0, 8);
  if (
    head.byteLength === 8 &&
    (equalBytes(head, BACKUP_MAGIC) || equalBytes(head, JOURNAL_MAGIC))
  ) {
    throw new ExchangeError('is_backup');
  }
  if (head.byteLength < 8 || !equalBytes(head, EXCHANGE_MAGIC)) {
    throw new ExchangeError('not_a_package');
  }
  if (bytes.byteLength < 12) throw new ExchangeError('damaged', 'envelope cut off');
  const length = readU32be(bytes, 8);
  if (length === 0 || length > MAX_ENVELOPE_BYTES || bytes.byteLength < 12 + length) {
    throw new ExchangeError('damaged', 'envelope length');
  }
  const json = bytes.slice(12, 12 + length) as Bytes;
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(json));
  } catch (cause) {
    throw new ExchangeError('damaged', 'envelope is not JSON', { cause });
  }
  const version =
    typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  if (typeof version === 'number' && version > EXCHANGE_FORMAT_VERSION) {
    throw new ExchangeError('newer_version', `format version ${String(version)}`);
  }
  const parsed = exchangeEnvelopeSchema.safeParse(value);
  if (!parsed.success) throw new ExchangeError('damaged', 'envelope');
  if (parsed.data.exportVersion > EXPORT_VERSION) {
    throw new ExchangeError(
      'newer_version',
      `records of export version ${String(parsed.data.exportVersion)}`,
    );
  }
  return { envelope: parsed.data, json, bodyStart: 12 + length };
}

export interface OpenedExchange {
  envelope: ExchangeEnvelope;
  /** Every record validated by its table's schema (defaults of newer fields filled in). */
  tables: Record<ExportTableName, ExchangeRecord[]>;
  files: Map<string, Bytes>;
}

/**
 * Opens, authenticates and validates a package. Throws ExchangeError: not_a_package,
 * is_backup, newer_version, wrong_password, damaged (bytes changed or cut off, the envelope
 * changed, or a record that breaks its schema).
 */
export async function openExchangeFile(
  bytes: Uint8Array,
  secret: BackupSecret,
  options: ReaderOptions = {},
): Promise<OpenedExchange> {
  const { envelope, json, bodyStart } = readExchangeEnvelope(bytes);
  let restored;
  try {
    const opened = await openBackup([bytes.subarray(bodyStart)], options);
    if (
      opened.header.reason !== EXCHANGE_REASON ||
      opened.header.logId !== ENVELOPE_LOG_PREFIX + toBase64Url(await sha256(json))
    ) {
      await opened.close();
      throw new ExchangeError('damaged', 'envelope does not match the content');
    }
    const unlocked = await opened.unlock(secret);
    restored = await collectItems(unlocked.items());
  } catch (error) {
    throw asExchangeError(error);
  }
  const tables = {} as Record<ExportTableName, ExchangeRecord[]>;
  for (const table of EXPORT_TABLE_NAMES) {
    const records = restored.tables[table];
    if (records.length !== (envelope.counts[table] ?? 0)) {
      throw new ExchangeError('damaged', `${table}: count differs from the envelope`);
    }
    tables[table] = records.map((record, index) => {
      const value =
        table === 'attachments'
          ? {
              ...record,
              file: {
                encoding: 'base64',
                data: toBase64(restored.files.get(record.id as string) ?? new Uint8Array()),
              },
            }
          : record;
      const unsafe = checkRawRecord(value, table === 'attachments' ? FILE_DATA : undefined);
      const parsed = unsafe ? null : EXPORT_TABLES[table].safeParse(value);
      if (!parsed?.success) {
        throw new ExchangeError('damaged', `${table}[${String(index)}] breaks the format`);
      }
      const data = parsed.data as ExchangeRecord;
      if (table === 'attachments') delete data.file;
      return data;
    });
  }
  return { envelope, tables, files: restored.files };
}

const FILE_DATA: ReadonlySet<string> = new Set(['file.data']);

function asExchangeError(error: unknown): ExchangeError {
  if (error instanceof ExchangeError) return error;
  if (isBackupError(error)) {
    switch (error.code) {
      case 'wrong_password':
      case 'wrong_recovery_key':
      case 'invalid_recovery_key':
      case 'no_matching_key':
      case 'weak_password':
        return new ExchangeError('wrong_password', error.detail, { cause: error });
      case 'newer_version':
        return new ExchangeError('newer_version', error.detail, { cause: error });
      default:
        return new ExchangeError('damaged', `${error.code} ${error.detail}`, { cause: error });
    }
  }
  return new ExchangeError('damaged', String(error), { cause: error });
}
