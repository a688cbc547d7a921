import { afterEach, describe, expect, it } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { LATEST_VERSION } from '@renderer/db/schema';
import type { SyncDocRow } from '@renderer/db/syncTables';
import { anyBaseRow, baseRowTables, readBaseRows } from '@renderer/sync/baseRows';
import { LocalPeer } from '@renderer/sync/local';

let db: TizilimDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** Base rows as a laptop that synced before version 11 holds them: one per record. */
const rows: SyncDocRow[] = ['a', 'b', 'c'].map((n, i) => ({
  docId: `appeals:0190c0de-000${n}-7000-8000-000000000000`,
  table: 'appeals',
  id: `0190c0de-000${n}-7000-8000-000000000000`,
  rev: `${String(i + 1)}-${n.repeat(32)}`,
  revs: [`${String(i + 1)}-${n.repeat(32)}`],
  data: { subject: `Аулада жарық жоқ (${n})`, text: 'Во дворе нет света' },
  close: [],
  conflict: i === 2 ? { base: null, mine: { subject: 'Менің нұсқам' } } : null,
}));

describe('version 11: base rows written together by a pull', () => {
  it('keeps every base row of a laptop that synced before, and the server need not send them again', async () => {
    const old = new TizilimDb('tizilim-migration-v11', 10);
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('syncPacks');
    await old.syncDocs.bulkPut(rows);
    old.close();

    db = new TizilimDb('tizilim-migration-v11');
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.syncDocs.toArray()).toEqual(rows);
    expect(await db.syncPacks.count()).toBe(0);
    expect(db.syncPacks.schema.indexes.map((i) => [i.name, i.multi]).sort()).toEqual([
      ['docIds', true],
      ['tables', true],
    ]);
    const upgraded = db;
    const read = await upgraded.transaction('r', baseRowTables(upgraded), async () => ({
      rows: await readBaseRows(
        upgraded,
        rows.map((r) => r.docId),
      ),
      any: await anyBaseRow(upgraded),
    }));
    expect(read).toEqual({ rows, any: true });
    // The revisions this laptop shares with the server are still known: not missing.
    const peer = new LocalPeer({ db, fileAs: 'bytes' });
    await peer.beginPull();
    expect(peer.firstPull).toBe(false);
    const diff = await peer.revsDiff(
      Object.fromEntries(rows.map((r) => [r.docId, [r.rev, `9-${'f'.repeat(32)}`]])),
    );
    expect(diff).toEqual(
      Object.fromEntries(rows.map((r) => [r.docId, { missing: [`9-${'f'.repeat(32)}`] }])),
    );
  });
});
