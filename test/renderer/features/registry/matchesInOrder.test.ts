import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestFirst, matchesInOrder } from '@renderer/features/registry/usePresorted';
import type { Row } from '@renderer/features/registry/query';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `appeal-${((n - i) * 7919) % 1000}-${i}` }) as Row);

describe('the rows a search found, in the order of the list', () => {
  it('are the rows of the list that match, in its order, however many match', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        fc.boolean(),
        (n, picks, withUnknown) => {
          const sorted = rows(n);
          const matches = new Map<string, number>();
          for (const p of picks) if (n > 0) matches.set(sorted[p % n]!.id, p % 3);
          // An id the list does not hold (an appeal the registry does not show) is skipped.
          if (withUnknown) matches.set('appeal-deleted', 0);
          expect(matchesInOrder(sorted, matches)).toEqual(
            sorted.filter((row) => matches.has(row.id)),
          );
        },
      ),
    );
  });

  it('are the same whether a few of a long list match (positions sorted) or many (marked)', () => {
    const sorted = rows(2_000);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.nat(1_999), { maxLength: 40 }),
          fc.array(fc.nat(1_999), { minLength: 100, maxLength: 1_500 }),
        ),
        (picks) => {
          const matches = new Map(picks.map((p) => [sorted[p]!.id, 0]));
          matches.set('appeal-deleted', 0);
          expect(matchesInOrder(sorted, matches)).toEqual(
            sorted.filter((row) => matches.has(row.id)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('put the better matches first and keep the list order among equally good ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), (costs) => {
        const list = rows(costs.length);
        const byId = new Map(list.map((row, i) => [row.id, costs[i]!]));
        const expected = list
          .map((row, i) => ({ row, i }))
          .sort((a, b) => byId.get(a.row.id)! - byId.get(b.row.id)! || a.i - b.i)
          .map(({ row }) => row);
        expect(bestFirst([...list], byId)).toEqual(expected);
      }),
    );
  });
});
