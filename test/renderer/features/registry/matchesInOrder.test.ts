import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestFirst, matchesInOrder } from '@renderer/features/registry/usePresorted';
import { DEFAULT_QUERY, filterRows, type Row } from '@renderer/features/registry/query';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `appeal-${((n - i) * 7919) % 1000}-${i}` }) as Row);

/** A search's answer, in no order (as the index gives it to the registry). */
const answer = (found: Map<string, number>) => {
  const entries = [...found].reverse();
  return { ids: entries.map(([id]) => id), costs: entries.map(([, cost]) => cost) };
};

/** What matchesInOrder must give: the list's matching rows in its order, with their costs. */
const expected = (sorted: Row[], found: Map<string, number>) => {
  const rowsFound = sorted.filter((row) => found.has(row.id));
  return { rows: rowsFound, costs: rowsFound.map((row) => found.get(row.id)!) };
};

describe('the rows a search found, in the order of the list', () => {
  it('are the rows of the list that match, in its order, each with its cost, however many match', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.nat(), { maxLength: 300 }),
        fc.boolean(),
        (n, picks, withUnknown) => {
          const sorted = rows(n);
          const found = new Map<string, number>();
          for (const p of picks) if (n > 0) found.set(sorted[p % n]!.id, (p % 3) * 10);
          const matches = answer(found);
          // An id the list does not hold (an appeal the registry does not show) is skipped.
          if (withUnknown) {
            matches.ids.push('appeal-deleted');
            matches.costs.push(0);
          }
          expect(matchesInOrder(sorted, matches)).toEqual(expected(sorted, found));
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
          const found = new Map(picks.map((p) => [sorted[p]!.id, p % 7 === 0 ? 0 : 110 + (p % 4)]));
          const matches = answer(found);
          matches.ids.unshift('appeal-deleted');
          matches.costs.unshift(0);
          expect(matchesInOrder(sorted, matches)).toEqual(expected(sorted, found));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('put the better matches first and keep the list order among equally good ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), (costs) => {
        const list = rows(costs.length);
        const inOrder = list
          .map((row, i) => ({ row, i }))
          .sort((a, b) => costs[a.i]! - costs[b.i]! || a.i - b.i)
          .map(({ row }) => row);
        expect(bestFirst({ rows: [...list], costs: [...costs] })).toEqual(inOrder);
      }),
    );
  });

  it('keep the better matches first when a filter narrows them after the ordering', () => {
    const statuses = ['registered', 'in_progress', 'closed'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(2)), { maxLength: 200 }),
        fc.constantFrom(...statuses),
        (marks, status) => {
          const list = rows(marks.length).map(
            (row, i) => ({ ...row, status: statuses[marks[i]![1]] }) as Row,
          );
          const costs = marks.map(([cost]) => cost);
          const query = { ...DEFAULT_QUERY, status };
          const ctx = { userId: 'u1', now: '2026-12-07T10:00' };
          // What the registry shows: the rows of that status, better first, list order among equals.
          const wanted = list
            .map((row, i) => ({ row, i }))
            .filter(({ row }) => row.status === status)
            .sort((a, b) => costs[a.i]! - costs[b.i]! || a.i - b.i)
            .map(({ row }) => row);
          expect(filterRows(bestFirst({ rows: list, costs }), query, ctx, null)).toEqual(wanted);
        },
      ),
    );
  });
});
