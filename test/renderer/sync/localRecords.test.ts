import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncTable } from '@shared/sync';
import { readRecords } from '@renderer/sync/localRecords';
import { deleteFreshDbsAfterEach, freshDb } from '../db/helpers';

deleteFreshDbsAfterEach();

/** An agency of the directory (only what a read returns matters here, not a full record). */
const agency = (id: string) => ({
  id,
  name: { kk: `Әкімдіктің бөлімі ${id}`, ru: `Отдел акимата ${id}` },
  deletedAt: null,
});

/** Ids shaped like the app's (UUIDv7-like hex), ordered as IndexedDB orders strings. */
const idArb = fc
  .integer({ min: 0, max: 400 })
  .map((n) => `0190c0de-${n.toString(16).padStart(4, '0')}-7000-8000-000000000000`);

describe('readRecords: a read for records that are mostly not here', () => {
  it('answers exactly what reading each record answers, whether the table holds few or many', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(idArb, { maxLength: 120 }),
        fc.uniqueArray(idArb, { minLength: 1, maxLength: 40 }),
        async (held, asked) => {
          const db = freshDb();
          await db.table('agencies').bulkPut(held.map(agency));
          const targets = [
            ...asked.map((id) => ({ table: 'agencies' as SyncTable, id })),
            null,
            { table: 'templates' as SyncTable, id: asked[0]! },
          ];
          const sparse = await readRecords(db, targets, { mostlyAbsent: true });
          const plain = await readRecords(db, targets);
          expect(sparse).toEqual(plain);
          expect(sparse.slice(0, asked.length).map((r) => r?.id)).toEqual(
            asked.map((id) => (held.includes(id) ? id : undefined)),
          );
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds a record written here among a first sync’s new records', async () => {
    const db = freshDb();
    const mine = agency('0190c0de-0100-7000-8000-000000000000');
    await db.table('agencies').put({
      ...mine,
      name: { kk: 'Тұрғын үй бөлімі (осында жазылды)', ru: 'Отдел жилья (записано здесь)' },
    });
    const arriving = Array.from(
      { length: 300 },
      (_, i) => `0190c0de-${(i * 3).toString(16).padStart(4, '0')}-7000-8000-000000000000`,
    );
    const targets = [...arriving, mine.id].map((id) => ({ table: 'agencies' as SyncTable, id }));
    const found = await readRecords(db, targets, { mostlyAbsent: true });
    expect(found.filter(Boolean)).toEqual([
      expect.objectContaining({
        id: mine.id,
        name: expect.objectContaining({ kk: 'Тұрғын үй бөлімі (осында жазылды)' }),
      }),
    ]);
    expect(found.at(-1)?.id).toBe(mine.id);
  });
});
