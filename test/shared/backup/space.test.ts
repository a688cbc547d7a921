import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToWrite,
  checkSpace,
  LOW_SPACE_BYTES,
  roomOf,
  SPACE_MARGIN_BYTES,
  spaceIsLow,
} from '@shared/backup/space';

describe('free space', () => {
  it('is quota minus usage, unknown when either is missing', () => {
    expect(roomOf({ quota: 1000, usage: 400 })).toEqual({ free: 600 });
    expect(roomOf({ quota: 100, usage: 400 })).toEqual({ free: 0 });
    expect(roomOf({ usage: 400 })).toEqual({ free: null });
    expect(roomOf(null)).toEqual({ free: null });
  });

  it('refuses exactly when the need and the margin do not fit; unknown space never refuses', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 40), fc.nat(2 ** 40), (free, needed) => {
        const check = checkSpace(free, needed);
        expect(check.ok).toBe(free >= needed + SPACE_MARGIN_BYTES);
        if (!check.ok) expect(check.missing).toBe(needed + SPACE_MARGIN_BYTES - free);
        expect(checkSpace(null, needed).ok).toBe(true);
      }),
    );
  });

  it('warns below 1 GB, and grows with records and files', () => {
    expect(spaceIsLow(LOW_SPACE_BYTES - 1)).toBe(true);
    expect(spaceIsLow(LOW_SPACE_BYTES)).toBe(false);
    expect(spaceIsLow(null)).toBe(false);
    expect(bytesToWrite(0, 0)).toBe(0);
    expect(bytesToWrite(1000, 5)).toBeGreaterThan(bytesToWrite(999, 5));
    expect(bytesToWrite(10, 300)).toBe(bytesToWrite(10, 0) + 300);
  });
});
