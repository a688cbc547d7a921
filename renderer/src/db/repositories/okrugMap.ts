import type { OkrugMap } from '@shared/map';
import { parseOkrugGeoJson } from '@shared/map';
import type { TizilimDb } from '../database';

/**
 * The okrug's map the office loaded for the problem map (a GeoJSON of its streets or
 * microdistricts), checked and reduced by `parseOkrugGeoJson`. One record; local to this
 * laptop like the exchange state (not exported, not in the change log). Since schema
 * version 9.
 */
export interface OkrugMapRecord {
  id: typeof OKRUG_MAP_ID;
  /** The file's name as the office chose it. */
  fileName: string;
  /** ISO UTC time it was loaded. */
  loadedAt: string;
  map: OkrugMap;
}

export const OKRUG_MAP_ID = 'okrug';

export async function getOkrugMap(db: TizilimDb): Promise<OkrugMapRecord | null> {
  return (await db.okrugMaps.get(OKRUG_MAP_ID)) ?? null;
}

/**
 * Checks the file and stores it in place of the earlier map. A bad file throws its
 * `GeoJsonError` before anything is written: the stored map stays as it was.
 */
export async function saveOkrugMap(
  db: TizilimDb,
  file: { name: string; text: string },
  now: string,
): Promise<OkrugMapRecord> {
  const map = parseOkrugGeoJson(file.text);
  const record: OkrugMapRecord = { id: OKRUG_MAP_ID, fileName: file.name, loadedAt: now, map };
  await db.transaction('rw', db.okrugMaps, async () => {
    await db.okrugMaps.put(record);
  });
  return record;
}

export async function removeOkrugMap(db: TizilimDb): Promise<void> {
  await db.okrugMaps.delete(OKRUG_MAP_ID);
}
