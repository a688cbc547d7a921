import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppeal } from '@renderer/db/repositories';
import { startSyncServer, type SyncServer } from '@test/sync/server';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal } from '../db/helpers';
import { fillTheDisk } from '../diskFull';
import { AIGUL, BOLAT, engineFor } from './helpers';

/**
 * A laptop whose disk fills up during a pull: the sync stops saying the disk is full (not
 * a bare "stopped"), keeps nothing half-written, and goes on once there is room again.
 */
deleteFreshDbsAfterEach();

let server: SyncServer;
let disk: ReturnType<typeof fillTheDisk> | null = null;
beforeAll(async () => {
  server = await startSyncServer();
  await server.addUser(AIGUL);
  await server.addUser(BOLAT);
  await server.createOffice('office-full', [AIGUL.name, BOLAT.name]);
});
afterAll(() => server.close());
afterEach(() => {
  disk?.free();
  disk = null;
});

describe('sync on a full disk', () => {
  it('stops as "disk full", writes nothing of the batch, and resumes when space is freed', async () => {
    const a = freshDb();
    const appeal = await createAppeal(a, kazakhAppeal({ subject: 'Аула жарығы' }), ctxAt());
    const syncA = engineFor(a, server, 'office-full', AIGUL);
    syncA.start();
    await vi.waitFor(() => expect(syncA.status.phase).toBe('synced'), { timeout: 20_000 });
    await syncA.stop();

    const b = freshDb();
    await b.open();
    disk = fillTheDisk('QuotaExceededError');
    const syncB = engineFor(b, server, 'office-full', BOLAT, { retryDelays: [100_000] });
    syncB.start();
    try {
      await vi.waitFor(() => expect(syncB.status.phase).toBe('failed'), { timeout: 20_000 });
      expect(syncB.status.diskFull).toBe(true);
      disk.free();
      disk = null;
      expect(await b.appeals.count()).toBe(0);

      syncB.retryNow();
      await vi.waitFor(() => expect(syncB.status.phase).toBe('synced'), { timeout: 20_000 });
      expect(syncB.status.diskFull).toBe(false);
      expect((await b.appeals.get(appeal.id))?.subject).toBe('Аула жарығы');
    } finally {
      await syncB.stop();
    }
  });
});
