import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import {
  drawProblemMap,
  GeoJsonError,
  MAP_SHADES,
  matchedNames,
  parseOkrugGeoJson,
  shadeClass,
  svgMarkup,
  type GeoJsonErrorCode,
} from '@shared/map';

const okrug7 = readFileSync(new URL('../../fixtures/maps/okrug7.geojson', import.meta.url), 'utf8');

function codeOf(text: string): [GeoJsonErrorCode, number | null] | null {
  try {
    parseOkrugGeoJson(text);
    return null;
  } catch (e) {
    if (e instanceof GeoJsonError) return [e.code, e.feature];
    throw e;
  }
}

const feature = (geometry: unknown, properties: unknown = { name: 'Абай даңғылы' }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

describe('parseOkrugGeoJson', () => {
  it('reads the okrug fixture: streets as lines, microdistricts as areas, both names', () => {
    const map = parseOkrugGeoJson(okrug7);
    expect(map.areas).toHaveLength(8);
    expect(map.areas.filter((a) => a.kind === 'line')).toHaveLength(5);
    expect(map.areas[1]!.names).toEqual(['Абай даңғылы', 'проспект Абая']);
    expect(map.areas[1]!.keys).toEqual(['абаи', 'абая']);
    expect(map.bounds).toEqual([71.38, 51.15, 71.47, 51.186]);
    expect(matchedNames(map, ['абаи', 'самал', 'кабанбаи батыр'])).toBe(2);
  });

  it('reads one Feature, MultiPolygon and MultiLineString, and skips features without geometry', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const map = parseOkrugGeoJson(
      collection(
        feature({ type: 'MultiPolygon', coordinates: [[square], [square]] }, { NAME: 'Самал' }),
        feature({
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [2, 2],
            ],
          ],
        }),
        feature(null),
      ),
    );
    expect(map.areas.map((a) => [a.kind, a.parts.length])).toEqual([
      ['area', 2],
      ['line', 1],
    ]);
    expect(
      parseOkrugGeoJson(
        JSON.stringify(
          feature({
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          }),
        ),
      ).areas,
    ).toHaveLength(1);
  });

  it('refuses bad files with a reason and the feature it is about', () => {
    expect(codeOf('{"type": "FeatureCollection", "features": [')).toEqual(['not_json', null]);
    expect(codeOf('[1, 2]')).toEqual(['not_geojson', null]);
    expect(codeOf('{"type": "Topology"}')).toEqual(['not_geojson', null]);
    expect(codeOf(collection())).toEqual(['no_features', null]);
    expect(codeOf(collection(feature(null)))).toEqual(['no_features', null]);
    expect(codeOf(collection(feature({ type: 'Point', coordinates: [71.4, 51.1] })))).toEqual([
      'bad_geometry',
      1,
    ]);
    expect(
      codeOf(
        collection(
          feature({
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          }),
          feature({
            type: 'LineString',
            coordinates: [
              [0, 0],
              [200, 1],
            ],
          }),
        ),
      ),
    ).toEqual(['bad_coordinates', 2]);
    expect(codeOf(collection(feature({ type: 'LineString', coordinates: [[0, 0]] })))).toEqual([
      'bad_coordinates',
      1,
    ]);
    expect(
      codeOf(
        collection(
          feature({
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 1],
              ],
            ],
          }),
        ),
      ),
    ).toEqual(['bad_coordinates', 1]);
    expect(
      codeOf(
        collection(
          feature(
            {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
            { id: 7 },
          ),
        ),
      ),
    ).toEqual(['no_name', 1]);
    expect(
      codeOf(
        collection(
          feature(
            {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
            { name: 'көшесі' },
          ),
        ),
      ),
    ).toEqual(['no_name', 1]);
  });
});

describe('drawProblemMap', () => {
  const map = parseOkrugGeoJson(okrug7);
  const counts = {
    streets: new Map([
      ['абаи', 10],
      ['кенесары', 2],
    ]),
    districts: new Map([['самал', 5]]),
  };
  const drawing = drawProblemMap(map, counts, { width: 600, height: 400, padding: 10 });

  it('shades areas with appeals, busiest darkest, empty ones pale', () => {
    const byName = Object.fromEntries(drawing.shapes.map((s) => [s.name, s]));
    expect(byName['Абай даңғылы']!.count).toBe(10);
    expect(byName['Абай даңғылы']!.stroke).toBe(MAP_SHADES[5]);
    expect(byName['Самал шағын ауданы']!.fill).toBe(MAP_SHADES[3]);
    expect(byName['Кенесары көшесі']!.shade).toBe(1);
    expect(byName['Бәйтерек шағын ауданы']!.fill).toBe(MAP_SHADES[0]);
    expect(byName['Болашақ көшесі']!.fill).toBe('none');
    expect(drawing.max).toBe(10);
    expect(drawing.breaks).toEqual([2, 4, 6, 8, 10]);
    // empty shapes first, so shaded ones are drawn on top
    expect(drawing.shapes.at(-1)!.name).toBe('Абай даңғылы');
  });

  it('fits the bounds into the box, keeping the aspect (equirectangular)', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const s of drawing.shapes) {
      for (const m of s.d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)) {
        xs.push(Number(m[1]));
        ys.push(Number(m[2]));
      }
    }
    // 0.09° of longitude × cos(51.168°) = 0.0564 against 0.036° of latitude: width-bound
    expect(Math.min(...xs)).toBeCloseTo(10, 0);
    expect(Math.max(...xs)).toBeCloseTo(590, 0);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(height).toBeCloseTo((580 * 0.036) / (0.09 * Math.cos((51.168 * Math.PI) / 180)), -1);
    expect(Math.min(...ys) + Math.max(...ys)).toBeCloseTo(400, 0); // centred vertically
  });

  it('a line never takes a microdistrict count, and an area falls back to a street', () => {
    const d = drawProblemMap(
      map,
      { streets: new Map([['самал', 4]]), districts: new Map([['кенесары', 9]]) },
      { width: 100, height: 100 },
    );
    const byName = Object.fromEntries(d.shapes.map((s) => [s.name, s.count]));
    expect(byName['Кенесары көшесі']).toBe(0);
    expect(byName['Самал шағын ауданы']).toBe(4);
  });

  it('writes SVG markup with escaped titles', () => {
    const svg = svgMarkup(drawing, 'Астана <7>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 400"')).toBe(
      true,
    );
    expect(svg).toContain('<title>Астана &#60;7&#62;</title>');
    expect(svg.match(/<path /g)).toHaveLength(8);
  });

  it('shade classes', () => {
    expect([0, 1, 2, 3, 10].map((c) => shadeClass(c, 10))).toEqual([0, 1, 1, 2, 5]);
    expect(shadeClass(1, 1)).toBe(5);
  });
});
