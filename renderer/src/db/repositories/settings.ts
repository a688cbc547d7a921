import {
  defaultSettingsData,
  newBaseFields,
  SETTINGS_ID,
  settingsInputSchema,
  settingsSchema,
  type Settings,
  type SettingsInput,
} from '@shared/domain';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { editConflict, parseOrThrow } from './errors';
import { nextVersion } from './records';

/** The stored settings, or null on a fresh database (first run). */
export async function getSettings(db: TizilimDb): Promise<Settings | null> {
  return (await db.settings.get(SETTINGS_ID)) ?? null;
}

/**
 * Saves the whole settings record (one per database). The version check stops two windows
 * or two staff members from overwriting each other's changes unnoticed.
 */
export async function saveSettings(
  db: TizilimDb,
  input: SettingsInput,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Settings> {
  const data = parseOrThrow(settingsInputSchema, input);
  const time = stamp(ctx);
  return db.transaction('rw', db.settings, async () => {
    const current = await db.settings.get(SETTINGS_ID);
    if (
      options.expectedVersion !== undefined &&
      (current?.version ?? 0) !== options.expectedVersion
    ) {
      throw editConflict();
    }
    const base = current
      ? nextVersion(current, {}, time, ctx.userId)
      : newBaseFields({ id: SETTINGS_ID, now: time.iso, userId: ctx.userId });
    const settings = parseOrThrow(settingsSchema, { ...base, ...data, id: SETTINGS_ID });
    await db.settings.put(settings);
    return settings;
  });
}

/** Settings with every default filled, for screens that read before anything was saved. */
export async function settingsOrDefaults(db: TizilimDb) {
  return (await getSettings(db)) ?? defaultSettingsData();
}
