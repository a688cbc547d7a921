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
import { deflateSync, inflateSync } from 'fflate';
import { ByteQueue } from './byteQueue';
import { fromUtf8, type Bytes, utf8 } from './bytes';
import { crc32 } from './crc32';
import { BackupError } from './errors';

/** No entry is larger than this, compressed or not; the writer keeps entries far smaller. */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;
const MAX_NAME_BYTES = 512;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
/** Bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;

interface CentralEntry {
  name: Bytes;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

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
/** Raw DEFLATE decompression to exactly `size` bytes. */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;

const fflateDeflate: Deflate = (data, level) => deflateSync(data, { level });
const fflateInflate: Inflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

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

export interface ZipEntry {
  name: string;
  data: Bytes;
}

function damaged(detail: string): BackupError {
  return new BackupError('damaged', `zip: ${detail}`);
}

/**
 * Reads a zip written by ZipWriter as its bytes arrive. `push` returns the entries completed
 * so far; `end` checks that the central directory and the end record came and match every
 * entry read, and that nothing follows them.
 */
export class ZipParser {
  readonly #queue = new ByteQueue();
  readonly #entries: CentralEntry[] = [];
  #offset: number;
  #state: 'entries' | 'central' | 'end64' | 'locator' | 'end' | 'done' = 'entries';
  #centralSeen = 0;
  #centralStart = 0;
  readonly #inflate: Inflate;

  constructor(startOffset = 0, inflate: Inflate = fflateInflate) {
    this.#offset = startOffset;
    this.#inflate = inflate;
  }

  push(bytes: Uint8Array): ZipEntry[] {
    this.#queue.push(bytes);
    const out: ZipEntry[] = [];
    for (;;) {
      const entry = this.#step();
      if (entry === 'need_more') return out;
      if (entry !== null) out.push(entry);
    }
  }

  end(): void {
    if (this.#state !== 'done') throw new BackupError('damaged', 'zip: archive ends early');
    if (this.#queue.length > 0) throw damaged('bytes after the end record');
  }

  #need(n: number): boolean {
    return this.#queue.length >= n;
  }

  #step(): ZipEntry | null | 'need_more' {
    if (this.#state === 'done') {
      if (this.#queue.length > 0) throw damaged('bytes after the end record');
      return 'need_more';
    }
    if (!this.#need(4)) return 'need_more';
    const signature = new DataView(this.#queue.peek(4).buffer).getUint32(0, true);
    switch (this.#state) {
      case 'entries':
        if (signature === LOCAL) return this.#local();
        if (signature !== CENTRAL && signature !== END64 && signature !== END) {
          throw damaged('unexpected signature between entries');
        }
        this.#state = 'central';
        this.#centralStart = this.#offset;
        return null;
      case 'central':
        if (signature === CENTRAL) return this.#centralRecord();
        if (this.#centralSeen !== this.#entries.length) {
          throw damaged('central directory does not list every entry');
        }
        this.#state = signature === END64 ? 'end64' : 'end';
        return null;
      case 'end64':
        return this.#end64();
      case 'locator':
        return this.#locator();
      case 'end':
        return this.#end();
    }
  }

  #local(): ZipEntry | 'need_more' {
    if (!this.#need(30)) return 'need_more';
    const head = new DataView(this.#queue.peek(30).buffer);
    const flags = head.getUint16(6, true);
    const method = head.getUint16(8, true);
    const crc = head.getUint32(14, true);
    const compressedSize = head.getUint32(18, true);
    const size = head.getUint32(22, true);
    const nameLength = head.getUint16(26, true);
    const extraLength = head.getUint16(28, true);
    if (flags & 0x0008) throw damaged('entry with a data descriptor');
    if (flags & 0x0001) throw damaged('encrypted zip entry');
    if (method !== METHOD_STORE && method !== METHOD_DEFLATE) throw damaged('unknown method');
    if (compressedSize > MAX_ZIP_ENTRY_BYTES || size > MAX_ZIP_ENTRY_BYTES) {
      throw damaged('entry too large');
    }
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) throw damaged('bad entry name');
    if (method === METHOD_STORE && compressedSize !== size) throw damaged('stored size mismatch');
    const total = 30 + nameLength + extraLength + compressedSize;
    if (!this.#need(total)) return 'need_more';
    this.#queue.take(30);
    const nameBytes = this.#queue.take(nameLength);
    this.#queue.take(extraLength);
    const body = this.#queue.take(compressedSize);
    let data: Bytes;
    if (method === METHOD_STORE) {
      data = body;
    } else {
      try {
        const out = this.#inflate(body, size);
        data = (
          out.byteOffset === 0 && out.byteLength === out.buffer.byteLength
            ? out
            : new Uint8Array(out)
        ) as Bytes;
      } catch (cause) {
        throw new BackupError('damaged', 'zip: entry does not inflate', { cause });
      }
    }
    if (data.byteLength !== size || crc32(data) !== crc) throw damaged('entry checksum');
    let name: string;
    try {
      name = fromUtf8(nameBytes);
    } catch {
      throw damaged('entry name is not UTF-8');
    }
    this.#entries.push({
      name: nameBytes,
      method,
      crc,
      compressedSize,
      size,
      offset: this.#offset,
    });
    this.#offset += total;
    return { name, data };
  }

  #centralRecord(): null | 'need_more' {
    if (!this.#need(46)) return 'need_more';
    const head = new DataView(this.#queue.peek(46).buffer);
    const nameLength = head.getUint16(28, true);
    const extraLength = head.getUint16(30, true);
    const commentLength = head.getUint16(32, true);
    const total = 46 + nameLength + extraLength + commentLength;
    if (!this.#need(total)) return 'need_more';
    const record = this.#queue.take(total);
    const view = new DataView(record.buffer);
    let offset = view.getUint32(42, true);
    if (offset === U32_MAX) {
      const extra = new DataView(record.buffer, 46 + nameLength, extraLength);
      if (extraLength < 12 || extra.getUint16(0, true) !== 0x0001) throw damaged('zip64 extra');
      offset = Number(extra.getBigUint64(4, true));
    }
    const expected = this.#entries[this.#centralSeen];
    const name = record.subarray(46, 46 + nameLength);
    if (
      expected === undefined ||
      view.getUint16(10, true) !== expected.method ||
      view.getUint32(16, true) !== expected.crc ||
      view.getUint32(20, true) !== expected.compressedSize ||
      view.getUint32(24, true) !== expected.size ||
      offset !== expected.offset ||
      name.byteLength !== expected.name.byteLength ||
      name.some((b, i) => b !== expected.name[i])
    ) {
      throw damaged('central directory does not match the entries');
    }
    this.#centralSeen += 1;
    this.#offset += total;
    return null;
  }

  #end64(): null | 'need_more' {
    if (!this.#need(56)) return 'need_more';
    const view = new DataView(this.#queue.take(56).buffer);
    const count = Number(view.getBigUint64(32, true));
    const cdSize = Number(view.getBigUint64(40, true));
    const cdOffset = Number(view.getBigUint64(48, true));
    this.#checkTotals(count, cdSize, cdOffset);
    this.#end64Offset = this.#offset;
    this.#offset += 56;
    this.#state = 'locator';
    return null;
  }

  #end64Offset = -1;

  #locator(): null | 'need_more' {
    if (!this.#need(20)) return 'need_more';
    const view = new DataView(this.#queue.take(20).buffer);
    if (view.getUint32(0, true) !== LOCATOR64) throw damaged('zip64 locator');
    if (Number(view.getBigUint64(8, true)) !== this.#end64Offset) throw damaged('zip64 locator');
    this.#offset += 20;
    this.#state = 'end';
    return null;
  }

  #end(): null | 'need_more' {
    if (!this.#need(22)) return 'need_more';
    const view = new DataView(this.#queue.take(22).buffer);
    if (view.getUint32(0, true) !== END) throw damaged('end record');
    if (view.getUint16(20, true) !== 0) throw damaged('archive comment');
    if (this.#end64Offset < 0) {
      this.#checkTotals(
        view.getUint16(10, true),
        view.getUint32(12, true),
        view.getUint32(16, true),
      );
    }
    this.#state = 'done';
    return null;
  }

  #checkTotals(count: number, cdSize: number, cdOffset: number): void {
    if (
      count !== this.#entries.length ||
      cdOffset !== this.#centralStart ||
      cdSize !== this.#offset - this.#centralStart
    ) {
      throw damaged('end record does not match the central directory');
    }
  }
}
