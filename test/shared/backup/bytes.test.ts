import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from '@shared/backup';
import { ByteQueue, ByteReader } from '@shared/backup/byteQueue';

describe('byte helpers', () => {
  it('base64 agrees with Node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200_000 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(toBase64(bytes)).toBe(text);
        expect(Buffer.compare(fromBase64(text), bytes)).toBe(0);
        expect(Buffer.compare(fromBase64(text.replace(/=+$/, '')), bytes)).toBe(0);
        expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        expect(Buffer.compare(fromBase64Url(toBase64Url(bytes)), bytes)).toBe(0);
      }),
      { numRuns: 60 },
    );
    expect(() => fromBase64('ab$d')).toThrow(RangeError);
    expect(() => fromBase64('abcde')).toThrow(RangeError);
    expect(() => fromBase64Url('ab+/')).toThrow(RangeError);
  });

  it('reads exact lengths across chunks', async () => {
    const queue = new ByteQueue();
    queue.push(Uint8Array.of(1, 2));
    queue.push(Uint8Array.of(3, 4, 5));
    expect([...queue.peek(3)]).toEqual([1, 2, 3]);
    expect([...queue.take(4)]).toEqual([1, 2, 3, 4]);
    expect(() => queue.take(2)).toThrow(RangeError);
    const reader = new ByteReader([Uint8Array.of(1), Uint8Array.of(2, 3)]);
    expect(await reader.read(5)).toBeNull();
    expect([...(await reader.readUpTo(5))]).toEqual([1, 2, 3]);
    expect(await reader.atEnd()).toBe(true);
    expect(reader.consumed).toBe(3);
  });
});
