/**
 * The journal: an append-only file of encrypted entries beside the local backup, one entry
 * per batch of committed changes, so "last backup + journal" restores every change the app
 * reported as saved. The file starts like a backup (magic `\x89TZJ\r\n\x1a\n`, header, hash)
 * and continues with entries:
 *
 *   u32 length L ‖ L bytes: AES-256-GCM(data key, nonce = prefix ‖ u32(i),
 *                                       additional data = headerHash ‖ u32(i))
 *
 * where i counts entries from 0. An entry removed, repeated or moved fails its tag. A crash
 * while appending leaves at most the last entry incomplete (or zero-filled); the reader
 * reports it as `torn` and never returns it as data, and the writer cuts it off before
 * appending again. An entry that fails in the middle of the file is damage.
 */
import { z } from 'zod';
import { EXPORT_TABLE_NAMES, type ExportTableName } from '../export/schema';
import { ByteReader } from './byteQueue';
import {
  concatBytes,
  fromBase64Url,
  fromUtf8,
  readU32be,
  toBase64Url,
  type Bytes,
  u32be,
  utf8,
} from './bytes';
import type { BackupRecord } from './content';
import { FILE_ID_PATTERN } from './content';
import { BackupError } from './errors';
import {
  encodePrefix,
  JOURNAL_FORMAT,
  JOURNAL_FORMAT_VERSION,
  JOURNAL_MAGIC,
  type BackupDevice,
  type JournalHeader,
  readPrefix,
} from './header';
import {
  type BackupLocks,
  type BackupSecret,
  makeKeySlots,
  newDataKey,
  nonceFor,
  type SlotOptions,
  unwrapDataKey,
} from './keys';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  type CryptoKeyHandle,
  importAesKey,
  randomBytes,
} from './webcrypto';

/** Largest entry (a batch with a scanned attachment in it). */
export const MAX_JOURNAL_ENTRY_BYTES = 256 * 1024 * 1024;

/**
 * One committed change with the record as it was saved. `record` null means the record is
 * gone (a hard delete; soft deletes are updates). For attachments `record` carries the
 * metadata without the file, and `file` the bytes when they are new or replaced; a change
 * without `file` keeps the bytes the attachment had.
 */
export interface JournalChange {
  /** The change log's sequence number. */
  seq: number;
  table: ExportTableName;
  id: string;
  /** The change log's operation, kept for the record ('create', 'update', 'delete', …). */
  op: string;
  /** When it was committed (ISO UTC). */
  at: string;
  /** The device that made it. */
  device: string;
  record: BackupRecord | null;
  file?: Uint8Array;
}

export interface JournalEntry {
  index: number;
  changes: JournalChange[];
}

export const journalChangeSchema = z
  .strictObject({
    seq: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    table: z.enum(EXPORT_TABLE_NAMES as [ExportTableName, ...ExportTableName[]]),
    id: z.string().min(1).max(200),
    op: z.string().min(1).max(20),
    at: z.iso.datetime(),
    device: z.string().max(100),
    record: z.record(z.string(), z.unknown()).nullable(),
    file: z.instanceof(Uint8Array).optional(),
  })
  .superRefine((change, ctx) => {
    if (change.record !== null && change.record['id'] !== change.id) {
      ctx.addIssue({ code: 'custom', path: ['record', 'id'], message: 'must equal id' });
    }
    if (change.table === 'attachments' && change.record !== null) {
      if ('blob' in change.record || 'file' in change.record) {
        ctx.addIssue({ code: 'custom', path: ['record'], message: 'the file goes in `file`' });
      }
      if (!FILE_ID_PATTERN.test(change.id)) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'attachment id' });
      }
    }
    if (change.file !== undefined && (change.table !== 'attachments' || change.record === null)) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'only for attachments saved' });
    }
  });

/** A batch: at least one change, sequence numbers strictly increasing. */
export function checkBatch(changes: readonly JournalChange[]): void {
  if (changes.length === 0) throw new BackupError('invalid_input', 'empty batch');
  for (let i = 0; i < changes.length; i++) {
    const parsed = journalChangeSchema.safeParse(changes[i]);
    if (!parsed.success) {
      throw new BackupError(
        'invalid_input',
        `change ${i}: ${parsed.error.issues[0]?.path.join('.')}`,
      );
    }
    if (i > 0 && changes[i]!.seq <= changes[i - 1]!.seq) {
      throw new BackupError('invalid_input', 'sequence numbers must increase');
    }
  }
}

export interface JournalInfo {
  createdAt: string;
  appVersion: string;
  device: BackupDevice;
  /** The change log this journal follows (a new one whenever the numbering restarts). */
  logId: string;
  /** The journal holds changes after this number: the changeSeq of the backup it follows. */
  afterSeq: number | null;
}

interface EntryParams {
  key: CryptoKeyHandle;
  noncePrefix: Bytes;
  headerHash: Bytes;
}

function encodePlain(changes: readonly JournalChange[]): Bytes {
  const files: Uint8Array[] = [];
  let offset = 0;
  const json = changes.map((change) => {
    const { file, ...rest } = change;
    if (file === undefined) return rest;
    files.push(file);
    const ref = { offset, length: file.byteLength };
    offset += file.byteLength;
    return { ...rest, file: ref };
  });
  const text = utf8(JSON.stringify({ v: 1, changes: json }));
  return concatBytes([u32be(text.byteLength), text, ...files]);
}

const fileRefSchema = z.object({ offset: z.int().min(0), length: z.int().min(0) });

function decodePlain(plain: Bytes): JournalChange[] {
  const damaged = (detail: string) => new BackupError('damaged', `journal entry: ${detail}`);
  if (plain.byteLength < 4) throw damaged('too short');
  const length = readU32be(plain);
  if (4 + length > plain.byteLength) throw damaged('length');
  let value: { v?: unknown; changes?: unknown };
  try {
    value = JSON.parse(fromUtf8(plain.subarray(4, 4 + length))) as typeof value;
  } catch (cause) {
    throw new BackupError('damaged', 'journal entry is not JSON', { cause });
  }
  if (value.v !== 1 || !Array.isArray(value.changes)) throw damaged('shape');
  const blobs = plain.subarray(4 + length);
  return value.changes.map((raw: unknown) => {
    const { file, ...rest } = raw as { file?: unknown };
    let bytes: Uint8Array | undefined;
    if (file !== undefined) {
      const ref = fileRefSchema.safeParse(file);
      if (!ref.success || ref.data.offset + ref.data.length > blobs.byteLength)
        throw damaged('file');
      bytes = blobs.slice(ref.data.offset, ref.data.offset + ref.data.length);
    }
    const change = bytes === undefined ? rest : { ...rest, file: bytes };
    const parsed = journalChangeSchema.safeParse(change);
    if (!parsed.success) throw damaged('change');
    return parsed.data as JournalChange;
  });
}

function entryAad(headerHash: Uint8Array, index: number): Bytes {
  return concatBytes([headerHash, u32be(index)]);
}

/**
 * Encrypts batches for one journal file. `encode` does not advance the entry number:
 * the caller calls `commit` once the frame is durably on disk, so a failed write (a full
 * disk) is retried with the same number after the file is cut back.
 */
export class JournalAppender {
  readonly header: JournalHeader;
  readonly #params: EntryParams;
  #next: number;
  #lastSeq: number | null;

  constructor(header: JournalHeader, params: EntryParams, next: number, lastSeq: number | null) {
    this.header = header;
    this.#params = params;
    this.#next = next;
    this.#lastSeq = lastSeq;
  }

  /** Entries in the file so far. */
  get entries(): number {
    return this.#next;
  }

  /** The last change-log number written, or null while the journal is empty. */
  get lastSeq(): number | null {
    return this.#lastSeq;
  }

  async encode(changes: readonly JournalChange[]): Promise<{ frame: Bytes; commit: () => void }> {
    checkBatch(changes);
    const plain = encodePlain(changes);
    const index = this.#next;
    const sealed = await aesGcmEncrypt(
      this.#params.key,
      nonceFor(this.#params.noncePrefix, index),
      entryAad(this.#params.headerHash, index),
      plain,
    );
    if (sealed.byteLength > MAX_JOURNAL_ENTRY_BYTES) {
      throw new BackupError('invalid_input', 'journal entry too large');
    }
    const frame = concatBytes([u32be(sealed.byteLength), sealed]);
    const last = changes[changes.length - 1]!.seq;
    return {
      frame,
      commit: () => {
        if (this.#next !== index) throw new BackupError('invalid_input', 'entry committed twice');
        this.#next = index + 1;
        this.#lastSeq = last;
      },
    };
  }
}

/** A new journal: its first bytes (to write and fsync) and the appender for its entries. */
export async function createJournal(
  info: JournalInfo,
  locks: BackupLocks,
  options: SlotOptions = {},
): Promise<{ prefix: Bytes; appender: JournalAppender }> {
  const fileId = toBase64Url(randomBytes(16));
  const dataKey = newDataKey();
  const keys = await makeKeySlots(dataKey, locks, { format: JOURNAL_FORMAT, fileId }, options);
  const noncePrefix = randomBytes(8);
  const header: JournalHeader = {
    format: JOURNAL_FORMAT,
    version: JOURNAL_FORMAT_VERSION,
    fileId,
    createdAt: info.createdAt,
    appVersion: info.appVersion,
    device: info.device,
    keys,
    logId: info.logId,
    afterSeq: info.afterSeq,
    cipher: { name: 'AES-256-GCM-ENTRIES', noncePrefix: toBase64Url(noncePrefix) },
  };
  const { prefix, headerHash } = await encodePrefix(JOURNAL_MAGIC, header);
  const key = await importAesKey(dataKey);
  dataKey.fill(0);
  return {
    prefix,
    appender: new JournalAppender(header, { key, noncePrefix, headerHash }, 0, null),
  };
}

export interface JournalContents {
  header: JournalHeader;
  entries: JournalEntry[];
  /** Bytes from the start of the file through the last good entry. */
  validBytes: number;
  /** An interrupted last append, ignored: where it starts and how many bytes it has. */
  torn: { offset: number; bytes: number } | null;
  /** Continues the file after its last good entry (the torn tail must be cut off first). */
  appender: JournalAppender;
}

export interface OpenedJournal {
  header: JournalHeader;
  unlock(secret: BackupSecret): Promise<JournalContents>;
  close(): Promise<void>;
}

/** Reads a journal's header. Throws not_a_backup, newer_version, damaged, truncated. */
export async function openJournal(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<OpenedJournal> {
  const reader = new ByteReader(source);
  let decoded: Awaited<ReturnType<typeof readPrefix<JournalHeader>>>;
  try {
    decoded = await readPrefix<JournalHeader>(reader, 'journal');
  } catch (error) {
    await reader.close();
    throw error;
  }
  const { header, headerHash, length } = decoded;
  return {
    header,
    close: () => reader.close(),
    async unlock(secret) {
      const raw = await unwrapDataKey(header, secret);
      const params: EntryParams = {
        key: await importAesKey(raw),
        noncePrefix: fromBase64Url(header.cipher.noncePrefix),
        headerHash,
      };
      raw.fill(0);
      return readEntries(reader, header, params, length);
    },
  };
}

async function readEntries(
  reader: ByteReader,
  header: JournalHeader,
  params: EntryParams,
  start: number,
): Promise<JournalContents> {
  const entries: JournalEntry[] = [];
  let offset = start;
  let torn: JournalContents['torn'] = null;
  let lastSeq: number | null = null;
  for (let index = 0; ; index++) {
    const lengthBytes = await reader.readUpTo(4);
    if (lengthBytes.byteLength === 0) break;
    const tail = async (): Promise<number> => {
      let rest = lengthBytes.byteLength;
      for (;;) {
        const chunk = await reader.readUpTo(1024 * 1024);
        if (chunk.byteLength === 0) return rest;
        rest += chunk.byteLength;
      }
    };
    if (lengthBytes.byteLength < 4) {
      torn = { offset, bytes: lengthBytes.byteLength };
      break;
    }
    const length = readU32be(lengthBytes);
    if (length < 16 || length > MAX_JOURNAL_ENTRY_BYTES) {
      // A zero-filled tail is what a crash can leave behind; anything else is damage.
      const zeros = length === 0 ? await zeroTail(reader) : -1;
      if (zeros < 0) throw new BackupError('damaged', `journal entry ${index}: length`);
      torn = { offset, bytes: 4 + zeros };
      break;
    }
    const sealed = await reader.read(length);
    if (sealed === null) {
      torn = { offset, bytes: await tail() };
      break;
    }
    const plain = await aesGcmDecrypt(
      params.key,
      nonceFor(params.noncePrefix, index),
      entryAad(params.headerHash, index),
      sealed,
    );
    if (plain === null) {
      if (await reader.atEnd()) {
        torn = { offset, bytes: 4 + length };
        break;
      }
      throw new BackupError('damaged', `journal entry ${index}`);
    }
    const changes = decodePlain(plain);
    for (const change of changes) {
      if (lastSeq !== null && change.seq <= lastSeq) {
        throw new BackupError('damaged', `journal entry ${index}: sequence`);
      }
      lastSeq = change.seq;
    }
    entries.push({ index, changes });
    offset += 4 + length;
  }
  return {
    header,
    entries,
    validBytes: offset,
    torn,
    appender: new JournalAppender(header, params, entries.length, lastSeq),
  };
}

/** The length of the rest of the file if it is all zeros, else -1. */
async function zeroTail(reader: ByteReader): Promise<number> {
  // A torn tail is small, and the reader stops at the first byte that is not zero.
  let count = 0;
  for (;;) {
    const chunk = await reader.readUpTo(64 * 1024);
    if (chunk.byteLength === 0) return count;
    if (chunk.some((b) => b !== 0)) return -1;
    count += chunk.byteLength;
  }
}

/** Reads a whole journal with the secret. */
export async function readJournal(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  secret: BackupSecret,
): Promise<JournalContents> {
  const opened = await openJournal(source);
  return opened.unlock(secret);
}
