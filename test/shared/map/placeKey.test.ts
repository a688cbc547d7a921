import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PlaceKeys,
  foldPlaceName,
  hotSpotKey,
  placeOf,
  rankHotSpots,
  mapCountsAt,
} from '@shared/map';
import { buildQuarterlyReport } from '@shared/report';
import { QUARTER, TODAY, fixtureInput } from '../report/fixture';

// One street typed four ways: Kazakh letters, case and spaces differ.
const SPELLINGS = ['Абай даңғылы', 'абай данғылы', 'Абай  даңғылы', 'АБАЙ ДАҢҒЫЛЫ'];

describe('one place key for the problem map and the report', () => {
  it('gives the spellings of one street one key', () => {
    const keys = SPELLINGS.map((street) =>
      hotSpotKey({ locality: 'Алматы', district: 'Самал-2', street }, 'street'),
    );
    expect(new Set(keys)).toEqual(new Set(['алматы / абаи']));
    expect(foldPlaceName('абай данғылы')).toBe(foldPlaceName('Абай даңғылы'));
    expect(foldPlaceName('Абай дангылы')).toBe('абаи');
    expect(
      placeOf({ locality: ' Алматы ', district: '', street: 'Абай  даңғылы' }, 'street'),
    ).toEqual({
      key: 'алматы / абаи',
      nameKey: 'абаи',
      label: 'Алматы, Абай даңғылы',
      own: 'Абай даңғылы',
    });
  });

  it('counts them as one place in the places table and in the problem map alike', () => {
    const input = fixtureInput();
    const inQuarter = input.appeals.filter(
      (a) =>
        a.deletedAt === null && a.registeredOn >= '2026-07-01' && a.registeredOn <= '2026-09-30',
    );
    expect(inQuarter.length).toBeGreaterThanOrEqual(SPELLINGS.length + 1);
    const appeals = input.appeals.map((a) => {
      const i = inQuarter.indexOf(a);
      if (i < 0 || i >= SPELLINGS.length) return a;
      // Different microdistricts too: a street crosses them, and is still one street.
      return {
        ...a,
        location: {
          locality: 'Алматы',
          district: `Самал-${String(i)}`,
          street: SPELLINGS[i]!,
          building: '',
        },
      };
    });
    for (const lang of ['kk', 'ru'] as const) {
      const report = buildQuarterlyReport({ ...input, appeals }, QUARTER, { lang, today: TODAY });
      const row = report.appeals.byPlace.rows.find((r) => r.key === 'алматы / абаи');
      const spot = report.appeals.hotSpots.find((s) => s.key === 'алматы / абаи');
      expect(row?.count).toBe(SPELLINGS.length);
      expect(spot?.count).toBe(SPELLINGS.length);
      // Every place the table names has the map's count.
      for (const r of report.appeals.byPlace.rows) {
        const s = report.appeals.hotSpots.find((x) => x.key === r.key);
        if (s) expect(s.count).toBe(r.count);
      }
    }
  });
});

describe('rankHotSpots', () => {
  const spot = (nameKey: string, count: number, previous: number) => ({ nameKey, count, previous });

  it('keeps places with appeals now or before, in order, with bars against the largest', () => {
    const ranked = rankHotSpots([
      spot('a', 8, 0),
      spot('b', 2, 5),
      spot('c', 0, 3),
      spot('d', 0, 0),
    ]);
    expect(ranked.map((r) => [r.spot.nameKey, r.share])).toEqual([
      ['a', 1],
      ['b', 0.25],
      ['c', 0],
    ]);
  });

  it('stops at the limit and treats spots without a previous count as current', () => {
    const ranked = rankHotSpots([{ count: 5 }, { count: 4 }, { count: 3 }], 2);
    expect(ranked.map((r) => r.spot.count)).toEqual([5, 4]);
    expect(rankHotSpots([])).toEqual([]);
  });
});

describe('mapCountsAt', () => {
  it('adds up places of one name and shades microdistricts as areas, the rest as streets', () => {
    const spots = [
      { nameKey: 'абаи', count: 4 },
      { nameKey: 'абаи', count: 3 },
      { nameKey: 'самал', count: 0 },
    ];
    expect([...mapCountsAt('street', spots).streets]).toEqual([['абаи', 7]]);
    expect(mapCountsAt('street', spots).districts.size).toBe(0);
    expect([...mapCountsAt('district', spots).districts]).toEqual([['абаи', 7]]);
    expect(mapCountsAt('district', spots).streets.size).toBe(0);
  });
});

describe('PlaceKeys: every spelling folded once, before the counting', () => {
  const part = fc.constantFrom(
    '',
    ' ',
    'Алматы',
    'алматы ',
    'Самал-2',
    'мкр Самал-2',
    ...SPELLINGS,
  );
  const location = fc.record({ locality: part, district: part, street: part });

  it('gives what placeOf gives, for locations noted and folded and for others', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(['locality', 'district', 'street'] as const)),
        fc.array(location, { maxLength: 12 }),
        fc.array(location, { maxLength: 4 }),
        (level, noted, others) => {
          const places = new PlaceKeys(level);
          for (const l of noted.slice(0, 6)) places.add(l);
          places.fold();
          // Noted after a fold, folded by the next one.
          for (const l of noted.slice(6)) places.add(l);
          places.fold();
          for (const l of [...noted, ...others]) {
            expect(places.of(l)).toEqual(placeOf(l, level));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
