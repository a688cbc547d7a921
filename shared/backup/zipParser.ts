/**
 * Reading the zip inside a backup sequentially, as its bytes arrive, without looking for
 * signatures inside the data (see zip.ts).
 */
import { inflateSync } from 'fflate';
import { ByteQueue } from './byteQueue';
import { fromUtf8, type Bytes } from './bytes';
import { crc32 } from './crc32';
import { BackupError } from './errors';
import {
  CENTRAL,
  type CentralEntry,
  END,
  END64,
  LOCAL,
  LOCATOR64,
  MAX_NAME_BYTES,
  MAX_ZIP_ENTRY_BYTES,
  METHOD_DEFLATE,
  METHOD_STORE,
  U32_MAX,
} from './zipFormat';

/** Raw DEFLATE decompression to exactly `size` bytes. */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;

const fflateInflate: Inflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

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
