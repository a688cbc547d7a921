// The okrug's map as the office loads it: a GeoJSON file of its streets or microdistricts.
// Checked and reduced to what the map draws (a name and the shapes), so a bad file is refused
// with a clear reason and nothing is stored. No tiles, no network: the file is the map.

import { foldPlaceName } from './places';

/** A ring or a line: [longitude, latitude] pairs. */
export type Ring = [number, number][];

export interface MapArea {
  /** The feature's names as the file gives them (kk, ru, or one name). */
  names: string[];
  /** Folded names (`foldPlaceName`), what appeals' places are matched against. */
  keys: string[];
  kind: 'area' | 'line';
  /** For an area: polygons, each an outer ring and its holes. For a line: one "polygon" per line. */
  parts: Ring[][];
}

export interface OkrugMap {
  areas: MapArea[];
  /** [minLon, minLat, maxLon, maxLat] */
  bounds: [number, number, number, number];
}

export const GEOJSON_ERRORS = [
  'not_json',
  'not_geojson',
  'no_features',
  'too_many_features',
  'too_large',
  'bad_geometry',
  'bad_coordinates',
  'no_name',
] as const;
export type GeoJsonErrorCode = (typeof GEOJSON_ERRORS)[number];

export class GeoJsonError extends Error {
  constructor(
    readonly code: GeoJsonErrorCode,
    /** 1-based feature number the error is about, or null. */
    readonly feature: number | null = null,
  ) {
    super(`GeoJSON: ${code}${feature === null ? '' : ` (feature ${String(feature)})`}`);
    this.name = 'GeoJsonError';
  }
}

/** A file bigger than this is refused (an okrug's streets fit in far less). */
export const MAX_GEOJSON_BYTES = 20 * 1024 * 1024;
export const MAX_FEATURES = 10_000;

/** Property names that may carry a feature's name, in order of preference. */
export const NAME_PROPERTIES = [
  'name:kk',
  'name_kk',
  'name:ru',
  'name_ru',
  'name',
  'NAME',
  'Name',
  'title',
  'street',
  'microdistrict',
  'district',
  'атауы',
  'название',
] as const;

const SUPPORTED = new Set(['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Coordinates rounded to ~1 m: smaller to store, the drawing is the same. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

function position(value: unknown, feature: number): [number, number] {
  if (!Array.isArray(value) || value.length < 2) throw new GeoJsonError('bad_coordinates', feature);
  const [lon, lat] = value as unknown[];
  if (
    typeof lon !== 'number' ||
    typeof lat !== 'number' ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat) ||
    lon < -180 ||
    lon > 180 ||
    lat < -90 ||
    lat > 90
  ) {
    throw new GeoJsonError('bad_coordinates', feature);
  }
  return [round(lon), round(lat)];
}

function line(value: unknown, feature: number, min: number): Ring {
  if (!Array.isArray(value) || value.length < min)
    throw new GeoJsonError('bad_coordinates', feature);
  return value.map((p) => position(p, feature));
}

function polygon(value: unknown, feature: number): Ring[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new GeoJsonError('bad_coordinates', feature);
  return value.map((ring) => line(ring, feature, 4));
}

function list(value: unknown, feature: number): unknown[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new GeoJsonError('bad_coordinates', feature);
  return value;
}

function namesOf(properties: unknown): string[] {
  if (!isRecord(properties)) return [];
  const names: string[] = [];
  for (const prop of NAME_PROPERTIES) {
    const value = properties[prop];
    if (typeof value === 'string' && value.trim() !== '' && !names.includes(value.trim())) {
      names.push(value.trim());
    }
  }
  return names;
}

/**
 * Reads a GeoJSON text: a FeatureCollection (or one Feature) of Polygon, MultiPolygon,
 * LineString or MultiLineString features, each with a name (`name`, `name:kk`, `name:ru`…).
 * Features without a geometry (null) are skipped; anything else wrong throws a
 * `GeoJsonError` naming the feature. Pure.
 */
export function parseOkrugGeoJson(text: string): OkrugMap {
  if (text.length > MAX_GEOJSON_BYTES) throw new GeoJsonError('too_large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GeoJsonError('not_json');
  }
  if (!isRecord(json)) throw new GeoJsonError('not_geojson');
  let features: unknown[];
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) features = json.features;
  else if (json.type === 'Feature') features = [json];
  else throw new GeoJsonError('not_geojson');
  if (features.length > MAX_FEATURES) throw new GeoJsonError('too_many_features');

  const areas: MapArea[] = [];
  features.forEach((raw, i) => {
    const n = i + 1;
    if (!isRecord(raw) || raw.type !== 'Feature') throw new GeoJsonError('not_geojson', n);
    if (raw.geometry === null) return;
    const geometry = raw.geometry;
    if (!isRecord(geometry) || typeof geometry.type !== 'string' || !SUPPORTED.has(geometry.type)) {
      throw new GeoJsonError('bad_geometry', n);
    }
    const names = namesOf(raw.properties);
    const keys = [...new Set(names.map(foldPlaceName).filter((key) => key !== ''))];
    if (keys.length === 0) throw new GeoJsonError('no_name', n);
    const c = geometry.coordinates;
    switch (geometry.type) {
      case 'Polygon':
        areas.push({ names, keys, kind: 'area', parts: [polygon(c, n)] });
        break;
      case 'MultiPolygon':
        areas.push({ names, keys, kind: 'area', parts: list(c, n).map((p) => polygon(p, n)) });
        break;
      case 'LineString':
        areas.push({ names, keys, kind: 'line', parts: [[line(c, n, 2)]] });
        break;
      case 'MultiLineString':
        areas.push({ names, keys, kind: 'line', parts: list(c, n).map((l) => [line(l, n, 2)]) });
        break;
    }
  });
  if (areas.length === 0) throw new GeoJsonError('no_features');
  return { areas, bounds: boundsOf(areas) };
}

function boundsOf(areas: readonly MapArea[]): [number, number, number, number] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const area of areas) {
    for (const part of area.parts) {
      for (const ring of part) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** How many of the hot spots' place names (folded) a map has an area for. */
export function matchedNames(map: OkrugMap, nameKeys: Iterable<string>): number {
  const keys = new Set(map.areas.flatMap((area) => area.keys));
  let n = 0;
  for (const key of nameKeys) if (keys.has(key)) n++;
  return n;
}
