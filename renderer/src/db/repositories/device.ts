import { z } from 'zod';
import { requiredText } from '@shared/domain/common';
import type { TizilimDb } from '../database';
import { DEVICE_KEY, DEVICE_NAME_MAX, newDeviceIdentity, type DeviceIdentity } from '../device';
import { stamp, type WriteContext } from './context';
import { parseOrThrow } from './errors';

/**
 * This laptop's identity (db/device.ts). It is made when the database is created or
 * upgraded to version 2; `getDevice` makes it if it is missing all the same. Never part of
 * an export, a backup or a restore.
 */
export async function getDevice(db: TizilimDb): Promise<DeviceIdentity> {
  const stored = await db.device.get(DEVICE_KEY);
  if (stored) return stored;
  return db.transaction('rw', db.device, async () => {
    const again = await db.device.get(DEVICE_KEY);
    if (again) return again;
    const created = newDeviceIdentity();
    await db.device.add(created);
    return created;
  });
}

const deviceNameSchema = z.object({ name: requiredText(DEVICE_NAME_MAX) });

/**
 * Names this laptop as the office calls it ("Қабылдау ноутбугі", "Ноутбук помощника").
 * Only the name changes; the id the change log uses never does. An empty or too long name
 * is refused (`validation`, path `name`) and nothing is written.
 */
export async function renameDevice(
  db: TizilimDb,
  name: string,
  ctx: Pick<WriteContext, 'now'> = {},
): Promise<DeviceIdentity> {
  const parsed = parseOrThrow(deviceNameSchema, { name }).name;
  const time = stamp({ userId: 'system', ...ctx });
  const current = await getDevice(db);
  return db.transaction('rw', db.device, async () => {
    const latest = (await db.device.get(DEVICE_KEY)) ?? current;
    const renamed: DeviceIdentity = { ...latest, name: parsed, updatedAt: time.iso };
    await db.device.put(renamed);
    return renamed;
  });
}
