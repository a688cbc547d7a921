import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SyncTable } from '@shared/sync';
import type { SyncDocRow } from '@renderer/db/syncTables';
import {
  anyBaseRow,
  baseRowIdsOf,
  baseRowTables,
  clearBaseRows,
  PACK_ROWS,
  readBaseRows,
  writeBaseRows,
} from '@renderer/sync/baseRows';
import type { TizilimDb } from '@renderer/db/database';
import { deleteFreshDbsAfterEach, freshDb } from '../db/helpers';

deleteFreshDbsAfterEach();

const TABLES: SyncTable[] = ['appeals', 'applicants', 'events'];

/** A base row as a pull writes it: the revision shared with the server and its body. */
function row(table: SyncTable, n: number, rev: number): SyncDocRow {
  const id = `0190c0de-${n.toString(16).padStart(4, '0')}-7000-8000-000000000000`;
  return {
    docId: `${table}:${id}`,
    table,
    id,
    rev: `${String(rev)}-${'a'.repeat(32)}`,
    revs: [`${String(rev)}-${'a'.repeat(32)}`],
    data: { subject: `Жарық жоқ (${String(rev)}-нұсқа)`, text: 'Нет света во дворе' },
    close: [],
    conflict: null,
  };
}

const inTx = <T>(db: TizilimDb, fn: () => Promise<T>) =>
  db.transaction('rw', baseRowTables(db), fn);

describe('base rows: one row per record, or packed when a pull brings records new here', () => {
  it('a first sync’s rows go into packs of at most PACK_ROWS, and read back in any order', async () => {
    const db = freshDb();
    const rows = Array.from({ length: PACK_ROWS + 37 }, (_, i) => row(TABLES[i % 3]!, i, 1));
    await inTx(db, () => writeBaseRows(db, rows, new Set(rows.map((r) => r.docId))));
    expect(await db.syncDocs.count()).toBe(0);
    expect(await db.syncPacks.count()).toBe(2);
    const asked = [rows[PACK_ROWS + 3]!.docId, 'appeals:nowhere', rows[0]!.docId];
    expect(await inTx(db, () => readBaseRows(db, asked))).toEqual([
      rows[PACK_ROWS + 3],
      undefined,
      rows[0],
    ]);
    expect(await inTx(db, () => anyBaseRow(db))).toBe(true);
  });

  it('a row written again replaces the packed one; a clear of a table finds both kinds', async () => {
    const db = freshDb();
    const first = [row('appeals', 1, 1), row('applicants', 2, 1), row('events', 3, 1)];
    await inTx(db, () => writeBaseRows(db, first, new Set(first.map((r) => r.docId))));
    const merged = {
      ...row('appeals', 1, 2),
      conflict: { base: null, mine: { subject: 'Менікі' } },
    };
    await inTx(db, () => writeBaseRows(db, [merged, row('appeals', 9, 1)]));
    expect(await inTx(db, () => readBaseRows(db, [merged.docId]))).toEqual([merged]);
    expect(await db.syncPacks.count()).toBe(1);
    const ids = await inTx(db, () => baseRowIdsOf(db, ['appeals', 'events']));
    expect([...ids].sort()).toEqual(
      [merged.docId, row('appeals', 9, 1).docId, row('events', 3, 1).docId].sort(),
    );
    await inTx(db, () => clearBaseRows(db));
    expect(await inTx(db, () => anyBaseRow(db))).toBe(false);
    expect(await inTx(db, () => readBaseRows(db, [merged.docId]))).toEqual([undefined]);
  });

  it('reads what was written last for each record, however the writes were split', async () => {
    // Each step writes some records' rows; records with no row yet are new (packed).
    const step = fc.uniqueArray(
      fc.record({ n: fc.integer({ min: 0, max: 30 }), table: fc.constantFrom(...TABLES) }),
      { selector: (r) => `${r.table}:${String(r.n)}`, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const db = freshDb();
        const model = new Map<string, SyncDocRow>();
        for (const [k, writes] of steps.entries()) {
          const rows = writes.map((w) => row(w.table, w.n, k + 1));
          const fresh = new Set(rows.filter((r) => !model.has(r.docId)).map((r) => r.docId));
          await inTx(db, () => writeBaseRows(db, rows, fresh));
          for (const r of rows) model.set(r.docId, r);
        }
        const asked = [...TABLES.flatMap((t) => [0, 7, 15, 30].map((n) => row(t, n, 0).docId))];
        const read = await inTx(db, () => readBaseRows(db, [...model.keys(), ...asked]));
        expect(read).toEqual([...model.values(), ...asked.map((id) => model.get(id))]);
        const appeals = await inTx(db, () => baseRowIdsOf(db, ['appeals']));
        expect([...appeals].sort()).toEqual(
          [...model.values()]
            .filter((r) => r.table === 'appeals')
            .map((r) => r.docId)
            .sort(),
        );
        expect(await inTx(db, () => anyBaseRow(db))).toBe(model.size > 0);
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});
