import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import {
  countsByName,
  foldPlaceName,
  formatChange,
  hotSpotKey,
  hotSpots,
  publicHotSpots,
  type HotSpotAppeal,
} from '@shared/map';

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const Q2 = { from: '2026-04-01', to: '2026-06-30' };

let n = 0;
function appeal(
  registeredOn: string,
  place: Partial<HotSpotAppeal['location']>,
  topic: string | null = 'housing',
  deletedAt: string | null = null,
): HotSpotAppeal {
  n++;
  return {
    id: `a${String(n)}`,
    registeredOn,
    topic,
    deletedAt,
    location: { locality: 'Алматы', district: '', street: '', ...place },
  };
}

// Hand-checked office: Q3 has 5 on Abai avenue (3 roads, 2 housing; one typed «пр. Абай»),
// 3 on Tole bi (all utilities), 2 on Seifullin (roads), 1 in Aksai without a street;
// Q2 had 2 on Abai, 4 on Tole bi, 1 on Zheltoksan (gone in Q3).
const office: HotSpotAppeal[] = [
  appeal('2026-07-02', { street: 'Абай даңғылы', district: '5 шағын аудан' }, 'roads'),
  appeal('2026-07-15', { street: 'Абай даңғылы' }, 'roads'),
  appeal('2026-08-01', { street: 'пр. Абай' }, 'roads'),
  appeal('2026-08-20', { street: 'Абай даңғылы' }, 'housing'),
  appeal('2026-09-30', { street: 'АБАЙ даңғылы' }, 'housing'),
  appeal('2026-07-03', { street: 'Төле би көшесі' }, 'utilities'),
  appeal('2026-07-04', { street: 'Төле би көшесі' }, 'utilities'),
  appeal('2026-09-04', { street: 'Төле би көшесі', district: '5 шағын аудан' }, 'utilities'),
  appeal('2026-08-04', { street: 'Сейфуллин көшесі' }, 'roads'),
  appeal('2026-08-05', { street: 'Сейфуллин көшесі' }, 'roads'),
  appeal('2026-08-06', { district: 'Ақсай-4' }, null),
  // deleted and out-of-period appeals are not counted
  appeal('2026-08-07', { street: 'Абай даңғылы' }, 'roads', '2026-08-08T10:00:00Z'),
  appeal('2026-10-01', { street: 'Абай даңғылы' }, 'roads'),
  appeal('2026-03-31', { street: 'Абай даңғылы' }, 'roads'),
  // Q2
  appeal('2026-04-10', { street: 'Абай даңғылы' }, 'roads'),
  appeal('2026-06-30', { street: 'ул. Абай' }, 'roads'),
  appeal('2026-05-01', { street: 'Төле би көшесі' }),
  appeal('2026-05-02', { street: 'Төле би көшесі' }),
  appeal('2026-05-03', { street: 'Төле би көшесі' }),
  appeal('2026-05-04', { street: 'Төле би көшесі' }),
  appeal('2026-05-05', { street: 'Желтоқсан көшесі' }),
];

describe('foldPlaceName', () => {
  it('drops kind words and punctuation and spells Kazakh letters the Russian way', () => {
    expect(foldPlaceName('Абай даңғылы')).toBe('абаи');
    expect(foldPlaceName('пр. Абай')).toBe('абаи');
    expect(foldPlaceName('ул. Төле би')).toBe('толе би');
    expect(foldPlaceName('Толе би улица')).toBe('толе би');
    expect(foldPlaceName('12 шағын аудан')).toBe('12');
    expect(foldPlaceName('мкр. 12')).toBe('12');
    expect(foldPlaceName('«Ақсай-4» ықшам ауданы')).toBe('аксаи-4');
    expect(foldPlaceName('  көшесі ')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const once = foldPlaceName(text);
        expect(foldPlaceName(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hotSpots', () => {
  const figures = hotSpots(office, { level: 'street', period: Q3, previous: Q2 });

  it('counts a street however it was typed, with the change and the top topics', () => {
    expect(figures.total).toBe(11);
    expect(figures.unspecified).toBe(1); // Ақсай-4 has no street
    expect(figures.spots.map((s) => [s.label, s.count, s.previous, s.change])).toEqual([
      ['Алматы, Абай даңғылы', 5, 2, 3],
      ['Алматы, Төле би көшесі', 3, 4, -1],
      ['Алматы, Сейфуллин көшесі', 2, 0, 2],
      ['Алматы, Желтоқсан көшесі', 0, 1, -1],
    ]);
    expect(figures.spots[0]!.topics).toEqual([
      { topic: 'roads', count: 3 },
      { topic: 'housing', count: 2 },
    ]);
    expect(figures.spots[0]!.nameKey).toBe('абаи');
    expect(figures.spots[0]!.name).toBe('Абай даңғылы');
  });

  it('counts microdistricts and localities', () => {
    const districts = hotSpots(office, { level: 'district', period: Q3, previous: Q2 });
    expect(districts.spots.map((s) => [s.label, s.count])).toEqual([
      ['Алматы, 5 шағын аудан', 2],
      ['Алматы, Ақсай-4', 1],
    ]);
    expect(districts.unspecified).toBe(8);
    const localities = hotSpots(office, { level: 'locality', period: Q3, previous: Q2 });
    expect(localities.spots.map((s) => [s.label, s.count, s.previous])).toEqual([
      ['Алматы', 11, 7],
    ]);
  });

  it('adds up areas of the same name for the map', () => {
    expect([...countsByName(figures)]).toEqual([
      ['абаи', 5],
      ['толе би', 3],
      ['сеифуллин', 2],
    ]);
    expect(hotSpotKey({ locality: 'Алматы', district: '', street: 'пр. Абай' }, 'street')).toBe(
      'алматы / абаи',
    );
    expect(hotSpotKey({ locality: 'Алматы', district: '', street: '' }, 'street')).toBeNull();
  });

  it('counts every appeal of the period once: spots plus unspecified make the total', () => {
    const day = fc
      .integer({ min: 0, max: 200 })
      .map((d) => new Date(Date.UTC(2026, 3, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const name = fc.constantFrom('', 'Абай', 'ул. Абай', 'Төле би', 'мкр 5', '5 шағын аудан');
    fc.assert(
      fc.property(
        fc.array(fc.record({ day, street: name, district: name, locality: name }), {
          maxLength: 40,
        }),
        fc.constantFrom('locality', 'district', 'street'),
        (rows, level) => {
          const list = rows.map((r) =>
            appeal(r.day, { street: r.street, district: r.district, locality: r.locality }),
          );
          const f = hotSpots(list, { level, period: Q3, previous: Q2 });
          expect(f.spots.reduce((s, x) => s + x.count, 0) + f.unspecified).toBe(f.total);
          expect(f.total).toBe(
            list.filter((a) => a.registeredOn >= Q3.from && a.registeredOn <= Q3.to).length,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('publicHotSpots (the "<3" rule)', () => {
  const figures = hotSpots(office, { level: 'street', period: Q3, previous: Q2 });
  const pub = publicHotSpots(figures);

  it('names only places with at least 3 appeals; the rest go into other places', () => {
    expect(pub.spots.map((s) => [s.label, s.count])).toEqual([
      ['Алматы, Абай даңғылы', 5],
      ['Алматы, Төле би көшесі', 3],
    ]);
    // Seifullin (2) is not named; its 2 appeals are «<3» in other places.
    expect(pub.otherPlaceCount).toBe(1);
    expect(pub.otherPlaces).toEqual({ exact: null, display: '<3' });
    expect(pub.unspecified).toEqual({ exact: null, display: '<3' });
  });

  it('withholds a previous count of 1 or 2 and the change that would give it away', () => {
    expect(pub.spots[0]!.previous).toEqual({ exact: null, display: '<3' });
    expect(pub.spots[0]!.change).toBeNull();
    expect(pub.spots[1]!.previous).toEqual({ exact: 4, display: '4' });
    expect(pub.spots[1]!.change).toBe(-1);
  });

  it('names a topic at a place only with at least 3 appeals', () => {
    expect(pub.spots[0]!.topics).toEqual([{ topic: 'roads', count: 3 }]);
    expect(pub.spots[1]!.topics).toEqual([{ topic: 'utilities', count: 3 }]);
  });

  it('prints a change with its sign, a withheld one as a dash', () => {
    expect([3, -1, 0, null].map(formatChange)).toEqual(['+3', '−1', '0', '—']);
  });

  it('a higher office minimum folds more places', () => {
    const strict = publicHotSpots(figures, 4);
    expect(strict.spots.map((s) => s.count)).toEqual([5]);
    expect(strict.otherPlaces).toEqual({ exact: 5, display: '5' });
    expect(strict.spots[0]!.previous.display).toBe('<4');
  });

  it('never prints a number below 3 for a named place, whatever the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Абай', 'Төле би', 'Сейфуллин', 'Желтоқсан'), { maxLength: 30 }),
        (streets) => {
          const list = streets.map((street, i) =>
            appeal(i % 2 === 0 ? '2026-08-01' : '2026-05-01', { street }),
          );
          const p = publicHotSpots(hotSpots(list, { level: 'street', period: Q3, previous: Q2 }));
          for (const s of p.spots) {
            expect(s.count).toBeGreaterThanOrEqual(3);
            if (s.previous.exact !== null && s.previous.exact > 0)
              expect(s.previous.exact).toBeGreaterThanOrEqual(3);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
