import { describe, expect, it, vi } from 'vitest';
import { SyncService } from '@renderer/sync/service';
import { deleteFreshDbsAfterEach, freshDb } from '../db/helpers';

deleteFreshDbsAfterEach();

const noCredentials = {
  get: async () => null,
  set: async () => undefined,
  clear: async () => undefined,
};

describe('SyncService', () => {
  it('a start that cannot read its settings rejects nothing, and the next apply still runs', async () => {
    const db = freshDb();
    await db.open();
    await db.syncMeta.put({
      key: 'settings',
      value: { enabled: true, server: 'https://maslihat.example.kz', database: 'office' },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sync = new SyncService(db, { syncCredentials: noCredentials } as never);
    // The app shell starts the sync as the database closes (a restore, a test's reset).
    db.close();
    await expect(sync.start()).resolves.toBeUndefined();
    expect(sync.status.phase).toBe('off');
    expect(sync.status.needsCredentials).toBe(false);
    expect(warn).toHaveBeenCalledWith(
      '[sync] could not apply the sync settings',
      expect.objectContaining({ name: 'DatabaseClosedError' }),
    );
    warn.mockRestore();

    // The failed start did not stop the sync for the rest of the window.
    await db.open();
    await sync.apply();
    expect(sync.status.needsCredentials).toBe(true);
    await sync.stop();
  });

  it('apply rejects with the error of its own run', async () => {
    const db = freshDb();
    await db.open();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sync = new SyncService(db, { syncCredentials: noCredentials } as never);
    db.close();
    await expect(sync.apply()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    warn.mockRestore();
    await db.open();
    await expect(sync.apply()).resolves.toBeUndefined();
    await sync.stop();
  });
});
