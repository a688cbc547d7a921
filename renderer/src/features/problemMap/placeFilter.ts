import { hotSpotKey, HOT_SPOT_LEVELS, type HotSpotAppeal, type HotSpotLevel } from '@shared/map';
import { parseQuarterId, quarterIdBounds } from '@shared/format';

/**
 * The registry's place filter from the problem map: `level:quarter:key`, e.g.
 * `street:2026-Q3:астана / абаи` (a hot spot) or `street:2026-Q3:абаи` (a map area: the
 * place's own name in any locality). Selects the appeals registered in the quarter there.
 */
export interface PlaceFilter {
  level: HotSpotLevel;
  quarter: string;
  key: string;
}

export function placeParam(filter: PlaceFilter): string {
  return `${filter.level}:${filter.quarter}:${filter.key}`;
}

export function parsePlaceParam(value: string): PlaceFilter | null {
  const [level, quarter, ...rest] = value.split(':');
  const key = rest.join(':');
  if (!(HOT_SPOT_LEVELS as readonly string[]).includes(level ?? '')) return null;
  if (quarter === undefined || parseQuarterId(quarter) === null || key === '') return null;
  return { level: level as HotSpotLevel, quarter, key };
}

/** The ids of the appeals the filter selects. */
export function placeMatches(appeals: Iterable<HotSpotAppeal>, filter: PlaceFilter): Set<string> {
  const bounds = quarterIdBounds(filter.quarter);
  const ids = new Set<string>();
  if (bounds === null) return ids;
  for (const a of appeals) {
    if (a.deletedAt != null || a.registeredOn < bounds.start || a.registeredOn > bounds.end)
      continue;
    const key = hotSpotKey(a.location, filter.level);
    if (key === null) continue;
    if (key === filter.key || key.split(' / ').at(-1) === filter.key) ids.add(a.id);
  }
  return ids;
}
