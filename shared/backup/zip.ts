/**
 * The zip container inside a backup: written entry by entry with sizes and CRC known in the
 * local header (every entry is bounded — a page of records or a part of a file — so it is
 * compressed whole before its header is written), read back sequentially without looking
 * for signatures inside the data. fflate compresses; its streaming `Zip`/`Unzip` classes are
 * not used because `Zip` always writes data descriptors and the streaming `Unzip` finds the
 * end of such entries by searching for signature bytes, which a stored scan or a .docx (a zip
 * itself) can contain (fflate issues #208, #243). The archive is a standard zip: after
 * decryption (`npm run backup -- decrypt`) any zip tool opens it.
 */
import { deflateSync } from 'fflate';
import { type Bytes, utf8 } from './bytes';
import { crc32 } from './crc32';
import { BackupError } from './errors';
import {
  CENTRAL,
  type CentralEntry,
  END,
  END64,
  FLAG_UTF8,
  LOCAL,
  LOCATOR64,
  MAX_NAME_BYTES,
  MAX_ZIP_ENTRY_BYTES,
  METHOD_DEFLATE,
  METHOD_STORE,
  U16_MAX,
  U32_MAX,
} from './zipFormat';

export { MAX_ZIP_ENTRY_BYTES } from './zipFormat';
export { type Inflate, type ZipEntry, ZipParser } from './zipParser';

class Out {
  readonly bytes: Bytes;
  readonly #view: DataView;
  #at = 0;

  constructor(length: number) {
    this.bytes = new Uint8Array(length);
    this.#view = new DataView(this.bytes.buffer);
  }

  u16(value: number): this {
    this.#view.setUint16(this.#at, value, true);
    this.#at += 2;
    return this;
  }

  u32(value: number): this {
    this.#view.setUint32(this.#at, value, true);
    this.#at += 4;
    return this;
  }

  u64(value: number): this {
    this.#view.setBigUint64(this.#at, BigInt(value), true);
    this.#at += 8;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.#at);
    this.#at += bytes.byteLength;
    return this;
  }
}

/** MS-DOS date and time of a moment, in UTC (zip has no time zone). */
export function dosDateTime(date: Date): { date: number; time: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}

export interface ZipWriterOptions {
  /** The time every entry is stamped with (the backup's creation time). */
  modified: Date;
  /** Deflate level for compressed entries (1 fastest … 9 smallest). */
  level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Where the archive starts in its stream (tests use it to exercise zip64 offsets). */
  startOffset?: number;
  /**
   * Raw DEFLATE (RFC 1951) to use instead of fflate's; Node passes its native zlib, several
   * times faster. Any conforming implementation writes a file every reader opens.
   */
  deflate?: Deflate;
}

export type Deflate = (data: Uint8Array, level: ZipWriterOptions['level']) => Uint8Array;

const fflateDeflate: Deflate = (data, level) => deflateSync(data, { level });

/** Builds a zip one bounded entry at a time; each call returns the bytes to emit. */
export class ZipWriter {
  readonly #central: CentralEntry[] = [];
  readonly #names = new Set<string>();
  readonly #stamp: { date: number; time: number };
  readonly #level: ZipWriterOptions['level'];
  readonly #deflate: Deflate;
  #offset: number;
  #finished = false;

  constructor(options: ZipWriterOptions) {
    this.#stamp = dosDateTime(options.modified);
    this.#level = options.level;
    this.#deflate = options.deflate ?? fflateDeflate;
    this.#offset = options.startOffset ?? 0;
  }

  get entryCount(): number {
    return this.#central.length;
  }

  /** The local header and data of one entry. */
  entry(name: string, data: Uint8Array, compress: boolean): Bytes[] {
    if (this.#finished) throw new BackupError('invalid_input', 'zip already finished');
    if (this.#names.has(name)) throw new BackupError('invalid_input', `duplicate entry ${name}`);
    if (data.byteLength > MAX_ZIP_ENTRY_BYTES) {
      throw new BackupError('invalid_input', `entry ${name} is too large`);
    }
    const nameBytes = utf8(name);
    if (nameBytes.byteLength > MAX_NAME_BYTES) {
      throw new BackupError('invalid_input', 'entry name too long');
    }
    this.#names.add(name);
    const deflated = compress ? this.#deflate(data, this.#level) : null;
    // Stored when deflating does not help (already compressed scans).
    const method =
      deflated !== null && deflated.byteLength < data.byteLength ? METHOD_DEFLATE : METHOD_STORE;
    const body = method === METHOD_DEFLATE ? (deflated as Bytes) : (data as Bytes);
    const entry: CentralEntry = {
      name: nameBytes,
      method,
      crc: crc32(data),
      compressedSize: body.byteLength,
      size: data.byteLength,
      offset: this.#offset,
    };
    const header = new Out(30 + nameBytes.byteLength)
      .u32(LOCAL)
      .u16(20)
      .u16(FLAG_UTF8)
      .u16(method)
      .u16(this.#stamp.time)
      .u16(this.#stamp.date)
      .u32(entry.crc)
      .u32(entry.compressedSize)
      .u32(entry.size)
      .u16(nameBytes.byteLength)
      .u16(0)
      .raw(nameBytes).bytes;
    this.#central.push(entry);
    this.#offset += header.byteLength + body.byteLength;
    return [header, body];
  }

  /** The central directory and its end records. */
  finish(): Bytes {
    if (this.#finished) throw new BackupError('invalid_input', 'zip already finished');
    this.#finished = true;
    const parts: Bytes[] = [];
    const cdOffset = this.#offset;
    let cdSize = 0;
    for (const entry of this.#central) {
      const far = entry.offset >= U32_MAX;
      const extra = far
        ? new Out(12).u16(0x0001).u16(8).u64(entry.offset).bytes
        : new Uint8Array(0);
      const record = new Out(46 + entry.name.byteLength + extra.byteLength)
        .u32(CENTRAL)
        .u16(far ? 45 : 20)
        .u16(far ? 45 : 20)
        .u16(FLAG_UTF8)
        .u16(entry.method)
        .u16(this.#stamp.time)
        .u16(this.#stamp.date)
        .u32(entry.crc)
        .u32(entry.compressedSize)
        .u32(entry.size)
        .u16(entry.name.byteLength)
        .u16(extra.byteLength)
        .u16(0)
        .u16(0)
        .u16(0)
        .u32(0)
        .u32(far ? U32_MAX : entry.offset)
        .raw(entry.name)
        .raw(extra).bytes;
      parts.push(record);
      cdSize += record.byteLength;
    }
    const count = this.#central.length;
    const needs64 = count >= U16_MAX || cdOffset >= U32_MAX || cdSize >= U32_MAX;
    if (needs64) {
      const end64Offset = cdOffset + cdSize;
      parts.push(
        new Out(56)
          .u32(END64)
          .u64(44)
          .u16(45)
          .u16(45)
          .u32(0)
          .u32(0)
          .u64(count)
          .u64(count)
          .u64(cdSize)
          .u64(cdOffset).bytes,
        new Out(20).u32(LOCATOR64).u32(0).u64(end64Offset).u32(1).bytes,
      );
    }
    parts.push(
      new Out(22)
        .u32(END)
        .u16(0)
        .u16(0)
        .u16(needs64 ? U16_MAX : count)
        .u16(needs64 ? U16_MAX : count)
        .u32(needs64 ? U32_MAX : cdSize)
        .u32(needs64 ? U32_MAX : cdOffset)
        .u16(0).bytes,
    );
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  }
}
