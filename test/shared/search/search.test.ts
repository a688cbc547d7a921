import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  COST,
  SearchCollection,
  TIER,
  searchCollection,
  type SearchDocument,
} from '@shared/search';

/** Words whose matches cost differently for the query «жол»: name, text, exact, folded… */
const NAMES = ['Жолдасов', 'Жолдыбай', 'Zholdas'];
const TEXTS = ['жол', 'жолы', 'жолдар', 'жөндеу', 'көше'];

const docArb = fc.record({
  name: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  text: fc.constantFrom(...TEXTS),
  // Few distinct orders, so that ties on cost and order (broken by id) happen.
  order: fc.integer({ min: 0, max: 5 }),
});

function check(docs: SearchDocument[], query: string) {
  const collection = new SearchCollection();
  for (const doc of docs) collection.put(doc);
  const result = searchCollection(collection, query);
  const orderOf = new Map(docs.map((d) => [d.id, d.order ?? 0]));
  return { result: result!, orderOf };
}

describe('ranking', () => {
  it('orders results by cost, then newer first, then id — however many there are', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 700, size: 'max' }), (arb) => {
        const docs: SearchDocument[] = arb.map((d, i) => ({
          id: `d${String((i * 7919) % 1000).padStart(4, '0')}-${String(i)}`,
          names: d.name ? [d.name] : [],
          texts: [d.text],
          order: d.order,
        }));
        const { result, orderOf } = check(docs, 'жол');
        const costOf = new Map(result.ids.map((id, i) => [id, result.costs[i]!]));
        const expected = docs
          .map((d) => d.id)
          .filter((id) => costOf.has(id))
          .sort(
            (a, b) =>
              costOf.get(a)! - costOf.get(b)! ||
              orderOf.get(b)! - orderOf.get(a)! ||
              (a < b ? -1 : a > b ? 1 : 0),
          );
        // A boolean, not expect(): a failing case is shrunk hundreds of times, and diffing
        // arrays of 700 ids each time takes minutes.
        const same =
          result.ids.length === expected.length && result.ids.every((id, i) => id === expected[i]);
        return (
          same &&
          result.total ===
            docs.filter((d) => d.texts![0]!.startsWith('жол') || d.names!.length > 0).length
        );
      }),
      // Shrinking 700 documents one by one would take minutes: report the first failure.
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('costs a word by its tier, its level and whether it was typed whole', () => {
    const collection = new SearchCollection();
    collection.put({ id: 'name-exact', names: ['Жол'] });
    collection.put({ id: 'name-prefix', names: ['Жолдас'] });
    collection.put({ id: 'text-exact', texts: ['жол'] });
    collection.put({ id: 'text-folded', texts: ['жөл'] });
    collection.put({ id: 'text-latin', texts: ['zhol'] });
    const result = searchCollection(collection, 'жол')!;
    const cost = (id: string) => result.costs[result.ids.indexOf(id)];
    expect(cost('name-exact')).toBe(TIER.name * COST.tier);
    expect(cost('name-prefix')).toBe(TIER.name * COST.tier + COST.partial);
    expect(cost('text-exact')).toBe(TIER.text * COST.tier);
    expect(cost('text-folded')).toBe(TIER.text * COST.tier + COST.level);
    expect(cost('text-latin')).toBe(TIER.text * COST.tier + 2 * COST.level);
    expect(result.ids).toEqual([
      'name-exact',
      'name-prefix',
      'text-exact',
      'text-folded',
      'text-latin',
    ]);
  });
});
