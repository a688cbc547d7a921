// The problem map drawn as SVG, with no tiles and no library: the okrug's areas projected
// equirectangularly (longitudes shrunk by the cosine of the middle latitude) and fitted to
// the box, each shaded by its number of appeals. The builder returns shapes (the app draws
// them as React elements and clicks through) and `svgMarkup` writes the same as text.

import type { MapArea, OkrugMap, Ring } from './geojson';

/** Colours from "no appeals" to "most"; the classes of `shadeClass`. */
export const MAP_SHADES = [
  '#eef1f4',
  '#fde0c5',
  '#f9b27c',
  '#ef7d45',
  '#d2462a',
  '#8f1d16',
] as const;

export interface MapShape {
  /** Index of the area in the map. */
  index: number;
  /** The area's first name, for its title. */
  name: string;
  /** The folded name that matched appeals, or the area's first key. */
  key: string;
  kind: 'area' | 'line';
  d: string;
  count: number;
  /** 0 (no appeals) … MAP_SHADES.length − 1. */
  shade: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
}

export interface MapDrawing {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Upper bound of each shade's counts (shade 1 … last), for the legend. */
  breaks: number[];
  max: number;
}

/**
 * The shade of a count: 0 for none, then five classes up to `max` (equal steps, at least
 * one appeal each), so the busiest area is always the darkest.
 */
export function shadeClass(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  const classes = MAP_SHADES.length - 1;
  return Math.min(classes, Math.max(1, Math.ceil((count / max) * classes)));
}

function legendBreaks(max: number): number[] {
  const classes = MAP_SHADES.length - 1;
  const out: number[] = [];
  for (let c = 1; c <= classes; c++) {
    const upper = Math.floor((c * max) / classes);
    if (upper >= 1 && (out.length === 0 || upper > out[out.length - 1]!)) out.push(upper);
  }
  return out;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** Appeals per folded name (`countsByName`) at the two levels a map can show. */
export interface MapCounts {
  streets: ReadonlyMap<string, number>;
  districts: ReadonlyMap<string, number>;
}

/**
 * Draws the map. A line is a street and takes the street's appeals; an area is a
 * microdistrict (or, when no microdistrict of its name has appeals, a street drawn as an
 * area). An area with several names takes the largest count. Areas without appeals are
 * drawn pale. Pure.
 */
export function drawProblemMap(
  map: OkrugMap,
  counts: MapCounts,
  box: { width: number; height: number; padding?: number },
): MapDrawing {
  const pad = box.padding ?? 8;
  const [minLon, minLat, maxLon, maxLat] = map.bounds;
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((box.width - 2 * pad) / spanX, (box.height - 2 * pad) / spanY);
  // Centre the drawing in the box.
  const offX = pad + (box.width - 2 * pad - spanX * scale) / 2;
  const offY = pad + (box.height - 2 * pad - spanY * scale) / 2;
  const project = ([lon, lat]: [number, number]): string =>
    `${fmt(offX + (lon - minLon) * kx * scale)} ${fmt(offY + (maxLat - lat) * scale)}`;
  const ringPath = (ring: Ring, close: boolean) =>
    `M${ring.map(project).join('L')}${close ? 'Z' : ''}`;

  const lookup = (area: MapArea, table: ReadonlyMap<string, number>) => {
    let best = { key: area.keys[0] ?? '', count: 0 };
    for (const key of area.keys) {
      const count = table.get(key) ?? 0;
      if (count > best.count) best = { key, count };
    }
    return best;
  };
  const countOf = (area: MapArea): { key: string; count: number } => {
    if (area.kind === 'line') return lookup(area, counts.streets);
    const district = lookup(area, counts.districts);
    return district.count > 0 ? district : lookup(area, counts.streets);
  };
  const matched = map.areas.map(countOf);
  const max = matched.reduce((m, { count }) => Math.max(m, count), 0);

  const shapes = map.areas.map((area, index): MapShape => {
    const { key, count } = matched[index]!;
    const shade = shadeClass(count, max);
    const line = area.kind === 'line';
    const d = area.parts.flatMap((part) => part.map((ring) => ringPath(ring, !line))).join('');
    return {
      index,
      name: area.names[0] ?? key,
      key,
      kind: area.kind,
      d,
      count,
      shade,
      fill: line ? 'none' : MAP_SHADES[shade]!,
      stroke: line ? (shade === 0 ? '#c3cad3' : MAP_SHADES[shade]!) : '#ffffff',
      strokeWidth: line ? (shade === 0 ? 2 : 4) : 1,
    };
  });
  // Busier shapes last, so they are drawn on top of pale ones.
  shapes.sort((a, b) => a.count - b.count || a.index - b.index);
  return { width: box.width, height: box.height, shapes, breaks: legendBreaks(max), max };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => `&#${String(ch.charCodeAt(0))};`);

/** The drawing as an SVG document (for the command line and files). */
export function svgMarkup(drawing: MapDrawing, title = ''): string {
  const shapes = drawing.shapes
    .map(
      (s) =>
        `<path d="${s.d}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="${String(s.strokeWidth)}" fill-rule="evenodd" stroke-linejoin="round" stroke-linecap="round" data-count="${String(s.count)}"><title>${escapeXml(`${s.name}: ${String(s.count)}`)}</title></path>`,
    )
    .join('');
  const label = title === '' ? '' : `<title>${escapeXml(title)}</title>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${String(drawing.width)} ${String(drawing.height)}" width="${String(drawing.width)}" height="${String(drawing.height)}">${label}${shapes}</svg>`;
}
