import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BackupError } from '@shared/backup';
import { crc32 } from '@shared/backup/crc32';
import { dosDateTime, ZipParser, ZipWriter, type ZipEntry } from '@shared/backup/zip';

const MODIFIED = new Date('2026-11-20T13:05:00Z');

function build(entries: { name: string; data: Uint8Array; compress: boolean }[], startOffset = 0) {
  const writer = new ZipWriter({ modified: MODIFIED, level: 6, startOffset });
  const parts: Uint8Array[] = [];
  for (const entry of entries) parts.push(...writer.entry(entry.name, entry.data, entry.compress));
  parts.push(writer.finish());
  return Buffer.concat(parts);
}

function parse(bytes: Uint8Array, chunk: number, startOffset = 0): ZipEntry[] {
  const parser = new ZipParser(startOffset);
  const out: ZipEntry[] = [];
  for (let at = 0; at < bytes.byteLength; at += chunk)
    out.push(...parser.push(bytes.subarray(at, at + chunk)));
  parser.end();
  return out;
}

const entryArb = fc.record({
  data: fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.string({ maxLength: 2000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
  ),
  compress: fc.boolean(),
});

describe('the zip inside a backup', () => {
  it('reads back what was written, whatever the chunking, and is a standard zip', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 5000 }),
        (raw, chunk) => {
          const entries = raw.map((e, i) => ({
            ...e,
            name: `tables/t/${String(i).padStart(6, '0')}.ndjson`,
          }));
          const bytes = build(entries);
          const read = parse(bytes, chunk);
          expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
          read.forEach((e, i) => expect(Buffer.compare(e.data, entries[i]!.data)).toBe(0));
          // Any zip reader (here fflate's, through the central directory) opens it.
          const standard = unzipSync(bytes);
          expect(Object.keys(standard)).toEqual(entries.map((e) => e.name));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps scans that contain zip signatures intact', () => {
    const docx = new Uint8Array(50_000);
    for (let at = 0; at < docx.length - 4; at += 100) docx.set([0x50, 0x4b, 0x03, 0x04], at);
    const bytes = build([
      { name: 'files/a/000001', data: docx, compress: false },
      { name: 'files/b/000001', data: docx.subarray(7), compress: true },
    ]);
    const read = parse(bytes, 777);
    expect(Buffer.compare(read[0]!.data, docx)).toBe(0);
    expect(Buffer.compare(read[1]!.data, docx.subarray(7))).toBe(0);
  });

  it('writes zip64 records when offsets pass 4 GiB, and reads them', () => {
    const start = 2 ** 32 + 10;
    const entries = [
      { name: 'a', data: new TextEncoder().encode('бірінші'), compress: true },
      { name: 'b', data: new Uint8Array(10), compress: false },
    ];
    const bytes = build(entries, start);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    const read = parse(bytes, 13, start);
    expect(read.map((e) => new TextDecoder().decode(e.data))).toEqual(['бірінші', '\0'.repeat(10)]);
  });

  it('stores what does not compress', () => {
    const random = crypto.getRandomValues(new Uint8Array(4000));
    const bytes = build([{ name: 'x', data: random, compress: true }]);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(8, true)).toBe(0);
  });

  it('refuses a zip that ends early, has bytes after its end, or lists other entries', () => {
    const bytes = build([{ name: 'a', data: new Uint8Array(100), compress: false }]);
    expect(() => parse(bytes.subarray(0, bytes.length - 5), 50)).toThrow(BackupError);
    expect(() => parse(Buffer.concat([bytes, Uint8Array.of(1)]), 50)).toThrow(BackupError);
    const changedCrc = new Uint8Array(bytes);
    changedCrc[14]! ^= 1;
    expect(() => parse(changedCrc, 50)).toThrow(/checksum/);
    const writer = new ZipWriter({ modified: MODIFIED, level: 1 });
    writer.entry('a', new Uint8Array(1), false);
    expect(() => writer.entry('a', new Uint8Array(1), false)).toThrow(BackupError);
  });

  it('computes the zip CRC-32 and DOS time', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const split = new TextEncoder().encode('тізілім — registry');
    expect(crc32(split.subarray(5), crc32(split.subarray(0, 5)))).toBe(crc32(split));
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z')).date).toBe((0 << 9) | (1 << 5) | 1);
  });
});
