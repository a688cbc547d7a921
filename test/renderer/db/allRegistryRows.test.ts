import { describe, expect, it } from 'vitest';
import { createAppeal } from '@renderer/db/repositories';
import { allRegistryRows } from '@renderer/db/queries/registry';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from './helpers';

deleteFreshDbsAfterEach();

describe('every registry row', () => {
  it('is read page by page, newest first, each once, with equal times across pages', async () => {
    const db = freshDb();
    // Five appeals received at one time span three pages of two.
    const times = [
      '2026-11-03T10:00',
      ...Array<string>(5).fill('2026-11-02T09:00'),
      '2026-11-01T08:00',
      '2026-11-04T11:30',
    ];
    for (const receivedAt of times) {
      await createAppeal(db, kazakhAppeal({ receivedAt }), ctxAt());
    }
    const read = await allRegistryRows(db, 2);
    const tied = read.slice(2, 7);
    expect(read.map((r) => r.receivedAt)).toEqual([
      '2026-11-04T11:30',
      '2026-11-03T10:00',
      ...Array<string>(5).fill('2026-11-02T09:00'),
      '2026-11-01T08:00',
    ]);
    expect(new Set(read.map((r) => r.id)).size).toBe(times.length);
    expect(tied.map((r) => r.id)).toEqual(
      tied
        .map((r) => r.id)
        .sort()
        .reverse(),
    );
    expect(await allRegistryRows(db, 3)).toEqual(read);
    expect(await allRegistryRows(db)).toEqual(read);
  });

  it('is nothing in an empty registry', async () => {
    expect(await allRegistryRows(freshDb(), 2)).toEqual([]);
  });
});
