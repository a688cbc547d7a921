// The problem map's ranking and map shading, one pure function each for the app's problem map
// and the printed report, so both list, order and shade the same places the same way.

import { countsByName, type HotSpotLevel } from './hotspots';
import type { MapCounts } from './svg';

/** A place of the ranking and its bar: its count against the largest count of the ranking (0 to 1). */
export interface RankedPlace<S> {
  spot: S;
  share: number;
}

/**
 * The ranking: places with appeals in the period or in the one before (a problem that went
 * away still shows), in the figures' order (most appeals first), at most `limit`, each with
 * the length of its bar.
 */
export function rankHotSpots<S extends { count: number; previous?: number }>(
  spots: readonly S[],
  limit = Infinity,
): RankedPlace<S>[] {
  const shown = spots.filter((s) => s.count > 0 || (s.previous ?? 0) > 0).slice(0, limit);
  const max = shown.reduce((m, s) => Math.max(m, s.count), 0);
  return shown.map((spot) => ({ spot, share: max === 0 ? 0 : spot.count / max }));
}

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * What a map shades for figures at one level: microdistricts are areas; streets (and
 * localities, which an okrug's map does not draw) are matched as streets.
 */
export function mapCountsAt(
  level: HotSpotLevel,
  spots: readonly { nameKey: string; count: number }[],
): MapCounts {
  const counts = countsByName({ spots });
  return level === 'district'
    ? { streets: NONE, districts: counts }
    : { streets: counts, districts: NONE };
}
