import { describe, expect, it } from 'vitest';
import { LocalPeer } from '@renderer/sync/local';
import { deleteFreshDbsAfterEach, freshDb } from '../db/helpers';

deleteFreshDbsAfterEach();

describe('LocalPeer: a pulled batch', () => {
  it('of documents that are all quarantined writes the quarantine and no base row', async () => {
    const db = freshDb();
    const peer = new LocalPeer({ db, fileAs: 'bytes' });
    await peer.beginPull();
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const failures = await peer.bulkDocs([
      {
        _id: `appeals:${id}`,
        _rev: `1-${'c'.repeat(32)}`,
        _revisions: { start: 1, ids: ['c'.repeat(32)] },
        table: 'appeals',
        schema: 1,
        // No subject, no text: not an appeal the app would write.
        data: { id, subject: '' },
      },
    ]);
    expect(failures).toEqual([]);
    expect(await db.syncQuarantine.toArray()).toEqual([
      expect.objectContaining({ docId: `appeals:${id}`, reason: 'invalid_record' }),
    ]);
    expect(await db.appeals.count()).toBe(0);
    expect(await db.syncDocs.count()).toBe(0);
    expect(await db.syncPacks.count()).toBe(0);
  });
});
