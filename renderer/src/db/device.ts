import { newId } from '@shared/ids';

/**
 * This laptop's identity as a device of the office (domain.md, "Devices"). Stored in the
 * local `device` table, which holds exactly one record under the key `this`. The table is
 * not office data: an export, a backup or a restore never carries or replaces it, so a
 * restored backup never makes this laptop pose as the one the backup came from. Every
 * change-log entry names the device that wrote it by `id`.
 */
export interface DeviceIdentity {
  /** Always `this`: the table holds one record, this laptop's. */
  key: typeof DEVICE_KEY;
  /** UUIDv7, made on first start, never changed. */
  id: string;
  /** What the office calls this laptop; editable, only for people (the log uses `id`). */
  name: string;
  /** ISO UTC. */
  createdAt: string;
  updatedAt: string;
}

export const DEVICE_KEY = 'this';

/** Longest device name accepted by `renameDevice`. */
export const DEVICE_NAME_MAX = 60;

/**
 * A new identity: a fresh id and a provisional name built from its last characters
 * (`Tizilim-3FA9`), language-neutral until the office names the laptop in Settings.
 */
export function newDeviceIdentity(now: Date = new Date()): DeviceIdentity {
  const id = newId();
  const iso = now.toISOString();
  return {
    key: DEVICE_KEY,
    id,
    name: `Tizilim-${id.slice(-4).toUpperCase()}`,
    createdAt: iso,
    updatedAt: iso,
  };
}
