// The problem map's figures: where the appeals of a period come from, by locality,
// microdistrict or street, with the change against the period before and the main topics.
// Pure; the app shows them in full, the public report through `publicHotSpots` (the "<3"
// rule of the report: a place with fewer than 3 appeals is never named).

import { PlaceKeys, placeOf } from './places';

export const HOT_SPOT_LEVELS = ['locality', 'district', 'street'] as const;
/** `district` is the microdistrict (the appeal's `location.district`). */
export type HotSpotLevel = (typeof HOT_SPOT_LEVELS)[number];

/** The appeal fields the map reads; a stored appeal fits as is. */
export interface HotSpotAppeal {
  id: string;
  deletedAt?: string | null;
  /** 'YYYY-MM-DD': the appeal counts in the period it was registered in (like the report). */
  registeredOn: string;
  topic: string | null;
  location: { locality: string; district: string; street: string };
}

export interface Period {
  from: string;
  to: string;
}

export interface HotSpotOptions {
  level: HotSpotLevel;
  period: Period;
  /** The period before (the previous quarter), for the change. */
  previous: Period;
  /** How many topics to name per place. */
  topTopics?: number;
}

export interface TopicCount {
  topic: string;
  count: number;
}

export interface HotSpot {
  /** Folded names joined by ' / ': the same place however it was typed. */
  key: string;
  /** The place as most of its appeals write it: «Алматы, Абай даңғылы». */
  label: string;
  /** The folded name of the place itself (the street, the microdistrict, the locality): what a map's area is matched by. */
  nameKey: string;
  /** The place's own name as most of its appeals write it («Абай даңғылы»). */
  name: string;
  count: number;
  previous: number;
  /** count − previous. */
  change: number;
  /** Most frequent topics first (ties by topic id); appeals without a topic are not counted here. */
  topics: TopicCount[];
}

export interface HotSpotFigures {
  level: HotSpotLevel;
  /** Most appeals first, then by label. */
  spots: HotSpot[];
  /** Appeals of the period whose place is not written down to this level. */
  unspecified: number;
  /** Appeals of the period. */
  total: number;
}

/** The key `hotSpots` gives an appeal's place at a level, or null when it has none there. */
export function hotSpotKey(
  location: HotSpotAppeal['location'],
  level: HotSpotLevel,
): string | null {
  return placeOf(location, level)?.key ?? null;
}

const inPeriod = (day: string, p: Period) => day >= p.from && day <= p.to;

interface Acc {
  key: string;
  nameKey: string;
  labels: Map<string, number>;
  names: Map<string, number>;
  count: number;
  previous: number;
  topics: Map<string, number>;
}

/** The most used spelling; ties go to the alphabetically first, so the result is stable. */
function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [text, n] of spellings) {
    if (n > bestCount || (n === bestCount && text < best)) {
      best = text;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Hot spots of a period at one level. Deleted appeals are left out. A place with appeals
 * only in the previous period is listed too (count 0), so a problem that went away shows.
 */
export function hotSpots(
  appeals: readonly HotSpotAppeal[],
  options: HotSpotOptions,
): HotSpotFigures {
  const { level, period, previous } = options;
  const topN = options.topTopics ?? 3;
  const acc = new Map<string, Acc>();
  // The appeals of the two periods, and their places' spellings folded (see `PlaceKeys`).
  // (Indexes, not iterators: a report runs this once, mostly before the engine optimises
  // it, and an iterator's step costs there.)
  const counted: HotSpotAppeal[] = [];
  const places = new PlaceKeys(level);
  for (let i = 0; i < appeals.length; i++) {
    const a = appeals[i]!;
    if (a.deletedAt != null) continue;
    if (!inPeriod(a.registeredOn, period) && !inPeriod(a.registeredOn, previous)) continue;
    counted.push(a);
    places.add(a.location);
  }
  places.fold();
  let unspecified = 0;
  let total = 0;
  for (let i = 0; i < counted.length; i++) {
    const a = counted[i]!;
    const now = inPeriod(a.registeredOn, period);
    if (now) total++;
    const place = places.of(a.location);
    if (place === null) {
      if (now) unspecified++;
      continue;
    }
    const key = place.key;
    let spot = acc.get(key);
    if (spot === undefined) {
      spot = {
        key,
        nameKey: place.nameKey,
        labels: new Map(),
        names: new Map(),
        count: 0,
        previous: 0,
        topics: new Map(),
      };
      acc.set(key, spot);
    }
    const label = place.label;
    spot.labels.set(label, (spot.labels.get(label) ?? 0) + 1);
    spot.names.set(place.own, (spot.names.get(place.own) ?? 0) + 1);
    if (now) {
      spot.count++;
      if (a.topic !== null) spot.topics.set(a.topic, (spot.topics.get(a.topic) ?? 0) + 1);
    } else {
      spot.previous++;
    }
  }
  const spots = [...acc.values()].map((s): HotSpot => ({
    key: s.key,
    label: mostUsed(s.labels),
    nameKey: s.nameKey,
    name: mostUsed(s.names),
    count: s.count,
    previous: s.previous,
    change: s.count - s.previous,
    topics: [...s.topics]
      .map(([topic, count]) => ({ topic, count }))
      .sort((x, y) => y.count - x.count || (x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : 0))
      .slice(0, topN),
  }));
  spots.sort(
    (x, y) =>
      y.count - x.count ||
      y.previous - x.previous ||
      x.label.localeCompare(y.label, 'kk') ||
      (x.key < y.key ? -1 : 1),
  );
  return { level, spots, unspecified, total };
}

/** Appeals per map area (by `nameKey`): places of the same name in different localities add up. */
export function countsByName(figures: {
  spots: readonly { nameKey: string; count: number }[];
}): Map<string, number> {
  const out = new Map<string, number>();
  for (const spot of figures.spots) {
    if (spot.count > 0) out.set(spot.nameKey, (out.get(spot.nameKey) ?? 0) + spot.count);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The public version: the report's "<3" rule
// ---------------------------------------------------------------------------------------

/** Below this many appeals a number is printed as «<3» and a place is not named (as in the report). */
export const PUBLIC_MIN_COUNT = 3;

/** A count as the public report may print it: exact from 3, «<3» for 1 and 2, 0 as 0. */
export interface PublicCount {
  /** null when the exact number is withheld (1 or 2). */
  exact: number | null;
  display: string;
}

export function publicCount(count: number, min = PUBLIC_MIN_COUNT): PublicCount {
  if (count > 0 && count < min) return { exact: null, display: `<${String(min)}` };
  return { exact: count, display: String(count) };
}

export interface PublicHotSpot {
  key: string;
  label: string;
  nameKey: string;
  /** Always at least `min`. */
  count: number;
  previous: PublicCount;
  /**
   * The change against the previous period; null when the previous count is withheld
   * (an exact change would give it away).
   */
  change: number | null;
  /** Only topics with at least `min` appeals at this place. */
  topics: TopicCount[];
}

export interface PublicHotSpotFigures {
  level: HotSpotLevel;
  spots: PublicHotSpot[];
  /** Appeals of the places not named (each had fewer than `min`), together; '<3' rule applied to the sum too. */
  otherPlaces: PublicCount;
  /** How many places were folded into `otherPlaces`. */
  otherPlaceCount: number;
  unspecified: PublicCount;
  total: number;
}

/**
 * The figures the public report may print: places with fewer than `min` appeals in the
 * period are not named (they go into «other places»), a small previous count is «<3» and
 * its change withheld, and a topic is named at a place only with at least `min` appeals.
 */
export function publicHotSpots(
  figures: HotSpotFigures,
  min = PUBLIC_MIN_COUNT,
): PublicHotSpotFigures {
  const floor = Math.max(PUBLIC_MIN_COUNT, min);
  const spots: PublicHotSpot[] = [];
  let other = 0;
  let otherPlaceCount = 0;
  for (const spot of figures.spots) {
    if (spot.count === 0) continue;
    if (spot.count < floor) {
      other += spot.count;
      otherPlaceCount++;
      continue;
    }
    const previous = publicCount(spot.previous, floor);
    spots.push({
      key: spot.key,
      label: spot.label,
      nameKey: spot.nameKey,
      count: spot.count,
      previous,
      change: previous.exact === null ? null : spot.count - previous.exact,
      topics: spot.topics.filter((t) => t.count >= floor),
    });
  }
  return {
    level: figures.level,
    spots,
    otherPlaces: publicCount(other, floor),
    otherPlaceCount,
    unspecified: publicCount(figures.unspecified, floor),
    total: figures.total,
  };
}

/** A change as printed: «+3», «−1» (a real minus), «0»; «—» when withheld (null). */
export function formatChange(change: number | null): string {
  if (change === null) return '—';
  if (change > 0) return `+${String(change)}`;
  if (change < 0) return `−${String(-change)}`;
  return '0';
}
