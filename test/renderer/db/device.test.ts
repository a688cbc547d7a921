import { describe, expect, it } from 'vitest';
import { changesSince } from '@renderer/db/changeLog';
import { TizilimDb } from '@renderer/db/database';
import {
  createApplicant,
  exportDatabase,
  getDevice,
  importExportFile,
  renameDevice,
  RepositoryError,
} from '@renderer/db/repositories';
import { idSchema } from '@shared/ids';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb } from './helpers';

deleteFreshDbsAfterEach();

const person = { fullName: 'Жұмабаева Айгүл', phones: ['87015556677'] };

describe('this laptop as a device of the office', () => {
  it('has one identity from the first start, the same after reopening', async () => {
    const db = freshDb();
    const device = await getDevice(db);
    expect(idSchema.safeParse(device.id).success).toBe(true);
    expect(device.name).toMatch(/^Tizilim-[0-9A-F]{4}$/);
    expect(await getDevice(db)).toEqual(device);
    db.close();
    const again = new TizilimDb(db.name);
    expect(await getDevice(again)).toEqual(device);
    again.close();
  });

  it('is renamed without changing its id; a bad name is refused and changes nothing', async () => {
    const db = freshDb();
    const device = await getDevice(db);
    const renamed = await renameDevice(db, '  Қабылдау ноутбугі  ', {
      now: () => new Date('2026-12-01T04:00:00Z'),
    });
    expect(renamed).toEqual({
      ...device,
      name: 'Қабылдау ноутбугі',
      updatedAt: '2026-12-01T04:00:00.000Z',
    });
    for (const [name, code] of [
      ['   ', 'required'],
      ['Ноутбук помощника депутата '.repeat(3), 'too_long'],
    ] as const) {
      const error = await renameDevice(db, name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RepositoryError);
      expect((error as RepositoryError).issues).toEqual([{ path: 'name', code }]);
    }
    expect(await getDevice(db)).toEqual(renamed);
    // The name is the laptop's, not the office's: renaming is not an office change.
    expect(await changesSince(db, 0)).toEqual([]);
  });

  it('signs every change-log entry', async () => {
    const db = freshDb();
    const device = await getDevice(db);
    await createApplicant(db, person, ctxAt());
    await renameDevice(db, 'Ноутбук помощника');
    await createApplicant(db, person, ctxAt());
    expect((await changesSince(db, 0)).map((e) => e.device)).toEqual([device.id, device.id]);
  });

  it('is never exported, and a restore keeps this laptop’s identity', async () => {
    const db = freshDb();
    const device = await renameDevice(db, 'Кабинет 12');
    await createApplicant(db, person, ctxAt());
    const file = await exportDatabase(db);
    expect(Object.keys(file.tables)).not.toContain('device');
    expect(JSON.stringify(file)).not.toContain(device.id);

    // Restoring another laptop's export (or a backup) replaces the office's data only.
    const other = generateOffice({ appeals: 5, seed: 2, from: '2026-09-01', today: '2026-11-19' });
    await importExportFile(db, other, ctxAt(), {
      mode: 'replace',
      fileAs: 'bytes',
      backup: async () => undefined,
    });
    expect(await getDevice(db)).toEqual(device);
    const entries = await changesSince(db, 0, 100_000);
    expect(new Set(entries.map((e) => e.device))).toEqual(new Set([device.id]));
  });

  it('made again when missing, and known only once the transaction that made it commits', async () => {
    const db = freshDb();
    await db.device.clear();
    // The transaction that would have made it fails: that identity never existed.
    await expect(
      db.transaction('rw', db.applicants, async () => {
        await createApplicant(db, person, ctxAt());
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await db.device.count()).toBe(0);
    await createApplicant(db, person, ctxAt());
    const device = await getDevice(db);
    expect((await changesSince(db, 0)).map((e) => e.device)).toEqual([device.id]);
    await createApplicant(db, person, ctxAt());
    expect((await changesSince(db, 0)).map((e) => e.device)).toEqual([device.id, device.id]);
    // Removed after the layer has used it: the next write does not sign with the old id.
    await db.device.clear();
    await createApplicant(db, person, ctxAt());
    const made = await getDevice(db);
    expect(made.id).not.toBe(device.id);
    expect((await changesSince(db, 2)).map((e) => e.device)).toEqual([made.id]);
  });
});
