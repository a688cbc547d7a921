import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppeal, updateAppeal } from '@renderer/db/repositories';
import { startSyncServer, type SyncServer } from '@test/sync/server';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from '../db/helpers';
import { AIGUL, BOLAT, engineFor } from './helpers';

/**
 * The live loop: a change on one laptop reaches the other without anyone pressing anything
 * (the other waits on the server's `_changes` long poll); a server that goes away shows as
 * "offline since", and everything goes through when it is back.
 */
deleteFreshDbsAfterEach();

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ persistent: true });
  await server.addUser(AIGUL);
  await server.addUser(BOLAT);
  await server.createOffice('office-live', [AIGUL.name, BOLAT.name]);
});
afterAll(() => server.close());

describe('live sync', () => {
  it('a change on one laptop shows on the other; offline and back loses nothing', async () => {
    const a = freshDb();
    const b = freshDb();
    const syncA = engineFor(a, server, 'office-live', AIGUL, { longPollMs: 20_000 });
    const syncB = engineFor(b, server, 'office-live', BOLAT, { longPollMs: 20_000 });
    syncA.start();
    syncB.start();
    try {
      await vi.waitFor(() => expect(syncB.status.phase).toBe('synced'), { timeout: 20_000 });
      const appeal = await createAppeal(a, kazakhAppeal(), ctxAt());
      await vi.waitFor(async () => expect(await b.appeals.get(appeal.id)).toBeDefined(), {
        timeout: 20_000,
        interval: 50,
      });

      await server.kill();
      await updateAppeal(a, appeal.id, { subject: 'Желі жоқ кезде өзгертілді' }, ctxAt());
      await vi.waitFor(() => expect(syncA.status.phase).toBe('offline'), { timeout: 20_000 });
      expect(syncA.status.offlineSince).not.toBeNull();
      expect(syncA.status.pending).toBeGreaterThan(0);

      await server.start();
      syncA.retryNow();
      syncB.retryNow();
      await vi.waitFor(
        async () =>
          expect((await b.appeals.get(appeal.id))?.subject).toBe('Желі жоқ кезде өзгертілді'),
        { timeout: 30_000, interval: 50 },
      );
      await vi.waitFor(() => expect(syncA.status.phase).toBe('synced'), { timeout: 20_000 });
      expect(syncA.status.offlineSince).toBeNull();
      expect(syncA.status.pending).toBe(0);
    } finally {
      await syncA.stop();
      await syncB.stop();
    }
    expect(syncA.status.phase).toBe('off');
  });
});
