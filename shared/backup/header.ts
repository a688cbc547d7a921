/**
 * The plaintext start of a backup or journal file: magic bytes, the header (JSON) and a
 * SHA-256 of both. The header is readable without the password — it says what the file is
 * and how to open it, and holds no record of the registry — and it is authenticated: its
 * hash is part of the additional data of every encrypted segment and journal entry, so a
 * header changed by one byte makes the whole file refuse to open.
 */
import { z } from 'zod';
import { BACKUP_REASON_VALUES } from '../ipc/backup';
import { concatBytes, equalBytes, fromUtf8, readU32be, type Bytes, u32be, utf8 } from './bytes';
import type { ByteReader } from './byteQueue';
import { BackupError } from './errors';
import { sha256 } from './webcrypto';

/** `\x89TZB\r\n\x1a\n`: binary on purpose (like PNG's), so a text-mode copy shows as damage. */
export const BACKUP_MAGIC = Uint8Array.of(0x89, 0x54, 0x5a, 0x42, 0x0d, 0x0a, 0x1a, 0x0a);
/** `\x89TZJ\r\n\x1a\n` */
export const JOURNAL_MAGIC = Uint8Array.of(0x89, 0x54, 0x5a, 0x4a, 0x0d, 0x0a, 0x1a, 0x0a);

export const BACKUP_FORMAT = 'tizilim-backup';
export const JOURNAL_FORMAT = 'tizilim-journal';
/** Raised only for a change an older app would misread; a reader opens every older version. */
export const BACKUP_FORMAT_VERSION = 1;
export const JOURNAL_FORMAT_VERSION = 1;

export const MAX_HEADER_BYTES = 64 * 1024;
export const PREFIX_FIXED_BYTES = 8 + 4 + 32;

/** PBKDF2 iterations written into new files (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
export const PBKDF2_ITERATIONS = 600_000;
/** Readers refuse more than this, so a crafted file cannot hang the app for hours. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

const b64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .length(Math.ceil((bytes * 4) / 3));

const passwordSlotSchema = z.object({
  kind: z.literal('password'),
  kdf: z.object({
    name: z.literal('PBKDF2-SHA-256'),
    iterations: z.int().min(1).max(MAX_PBKDF2_ITERATIONS),
    salt: b64url(16),
  }),
  nonce: b64url(12),
  wrappedKey: b64url(48),
});

const recoverySlotSchema = z.object({
  kind: z.literal('recovery'),
  kdf: z.object({ name: z.literal('HKDF-SHA-256'), salt: b64url(16) }),
  keyId: z.string().max(20),
  nonce: b64url(12),
  wrappedKey: b64url(48),
});

export const keySlotSchema = z.discriminatedUnion('kind', [passwordSlotSchema, recoverySlotSchema]);
export type KeySlot = z.output<typeof keySlotSchema>;

const deviceSchema = z.object({ id: z.string().max(100), name: z.string().max(100) });
export type BackupDevice = z.output<typeof deviceSchema>;

const commonShape = {
  /** Random, so two files never share nonces or can be mistaken for one another. */
  fileId: b64url(16),
  /** When the file was started (ISO UTC). */
  createdAt: z.iso.datetime(),
  /** The Tizilim that wrote it, for support questions only. */
  appVersion: z.string().max(50),
  device: deviceSchema,
  keys: z.array(keySlotSchema).min(1).max(8),
};

/**
 * Why a backup was taken; shown in the list of backups. Readers accept reasons they do not
 * know. The app's reasons (the IPC contract's) and the command line's.
 */
export const BACKUP_REASONS = [...BACKUP_REASON_VALUES, 'command_line'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.int().min(1),
  ...commonShape,
  reason: z.string().max(40),
  /**
   * The change log the data comes from (a new id whenever its numbering restarts: a new
   * database, a restore). A journal continues a backup only with the same log id.
   */
  logId: z.string().max(100).nullable(),
  /**
   * The last change-log number included: changes after it are in the journal. Null when the
   * data did not come from a database with a change log (a command-line backup of an export).
   */
  changeSeq: z.int().min(0).nullable(),
  demo: z.boolean(),
  /** Records per table. */
  counts: z.record(z.string().max(50), z.int().min(0)),
  /** Attachment files: how many and their bytes in all. */
  files: z.object({ count: z.int().min(0), bytes: z.number().int().min(0) }),
  cipher: z.object({
    name: z.literal('AES-256-GCM-STREAM'),
    segmentSize: z
      .int()
      .min(4096)
      .max(16 * 1024 * 1024),
    noncePrefix: b64url(8),
  }),
});
export type BackupHeader = z.output<typeof backupHeaderSchema>;

export const journalHeaderSchema = z.object({
  format: z.literal(JOURNAL_FORMAT),
  version: z.int().min(1),
  ...commonShape,
  /** The change log whose changes the journal holds. */
  logId: z.string().max(100),
  /** The journal holds the changes after this change-log number (its backup's changeSeq). */
  afterSeq: z.int().min(0).nullable(),
  cipher: z.object({ name: z.literal('AES-256-GCM-ENTRIES'), noncePrefix: b64url(8) }),
});
export type JournalHeader = z.output<typeof journalHeaderSchema>;

export type FileKind = 'backup' | 'journal' | 'export-json' | 'unknown';

/**
 * What a file is, from its first bytes. `export-json` is a plain JSON export: before
 * encrypted backups, Tizilim wrote its automatic backups that way (with this extension too).
 */
export function sniffFile(start: Uint8Array): FileKind {
  const head = start.subarray(0, 8);
  if (head.byteLength === 8 && equalBytes(head, BACKUP_MAGIC)) return 'backup';
  if (head.byteLength === 8 && equalBytes(head, JOURNAL_MAGIC)) return 'journal';
  let i = 0;
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) i = 3;
  while (i < start.length && [0x20, 0x09, 0x0a, 0x0d].includes(start[i]!)) i++;
  return start[i] === 0x7b ? 'export-json' : 'unknown';
}

/** The bytes that start a file: magic, header length, header, hash of the three. */
export async function encodePrefix(
  magic: Uint8Array,
  header: object,
): Promise<{ prefix: Bytes; headerHash: Bytes }> {
  const json = utf8(JSON.stringify(header));
  if (json.byteLength > MAX_HEADER_BYTES)
    throw new BackupError('invalid_input', 'header too large');
  const body = concatBytes([magic, u32be(json.byteLength), json]);
  const headerHash = await sha256(body);
  return { prefix: concatBytes([body, headerHash]), headerHash };
}

export interface DecodedPrefix<H> {
  header: H;
  headerHash: Bytes;
  /** Length of the prefix in bytes: where the encrypted body starts. */
  length: number;
}

/**
 * Reads and checks the prefix: the right magic, a complete header whose hash matches, and
 * a format version this reader knows. Throws BackupError: not_a_backup, truncated, damaged,
 * newer_version.
 */
export async function readPrefix<H extends { version: number }>(
  reader: ByteReader,
  kind: 'backup' | 'journal',
): Promise<DecodedPrefix<H>> {
  const magic = kind === 'backup' ? BACKUP_MAGIC : JOURNAL_MAGIC;
  const start = await reader.readUpTo(12);
  if (start.byteLength < 8 || !equalBytes(start.subarray(0, 8), magic)) {
    throw new BackupError('not_a_backup', `not a ${kind} file`);
  }
  if (start.byteLength < 12) throw new BackupError('truncated', 'header cut off');
  const length = readU32be(start, 8);
  if (length === 0 || length > MAX_HEADER_BYTES) throw new BackupError('damaged', 'header length');
  const rest = await reader.read(length + 32);
  if (rest === null) throw new BackupError('truncated', 'header cut off');
  const json = rest.subarray(0, length);
  const stored = rest.subarray(length);
  const headerHash = await sha256(concatBytes([start, json]));
  if (!equalBytes(headerHash, stored)) throw new BackupError('damaged', 'header checksum');
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(json));
  } catch (cause) {
    throw new BackupError('damaged', 'header is not JSON', { cause });
  }
  const version =
    typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
  const known = kind === 'backup' ? BACKUP_FORMAT_VERSION : JOURNAL_FORMAT_VERSION;
  if (typeof version === 'number' && version > known) {
    throw new BackupError('newer_version', `format version ${version}`);
  }
  const schema = kind === 'backup' ? backupHeaderSchema : journalHeaderSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BackupError('damaged', `header: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  }
  return { header: parsed.data as unknown as H, headerHash, length: 12 + length + 32 };
}
