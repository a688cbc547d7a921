import { useMemo } from 'react';
import { sortRows, type Row, type SortKey, type SortLabels } from './query';

/**
 * The registry's rows in the order of `sort` and `dir`, sorted once per order: a filter, a
 * view or a search selects from these (filterRows keeps their order) and never sorts
 * 50,000 rows again; going back to an order sorted before costs nothing. The orders are
 * dropped when the rows or the labels (language, topics, staff) change.
 */
export function usePresorted(
  rows: readonly Row[] | null,
  sort: SortKey,
  dir: 'asc' | 'desc',
  labels: SortLabels,
): Row[] | null {
  const { topic, assignee, collator } = labels;
  return useMemo(
    () => (rows ? presorted(rows, sort, dir, { topic, assignee, collator }) : null),
    [rows, sort, dir, topic, assignee, collator],
  );
}

interface Orders {
  labels: SortLabels;
  byKey: Map<string, Row[]>;
}
const ordersOf = new WeakMap<readonly Row[], Orders>();

/** `rows` in this order, sorted at most once per rows, labels and order. */
export function presorted(
  rows: readonly Row[],
  sort: SortKey,
  dir: 'asc' | 'desc',
  labels: SortLabels,
): Row[] {
  let orders = ordersOf.get(rows);
  const same =
    orders &&
    orders.labels.topic === labels.topic &&
    orders.labels.assignee === labels.assignee &&
    orders.labels.collator === labels.collator;
  if (!orders || !same) {
    orders = { labels, byKey: new Map() };
    ordersOf.set(rows, orders);
  }
  const key = `${sort} ${dir}`;
  let sorted = orders.byKey.get(key);
  if (!sorted) {
    // Registry numbers are unique: their other order is the reverse, not a new sort
    // (other keys have ties, ordered by registry number the same way in both directions).
    const other =
      sort === 'regNo' ? orders.byKey.get(`regNo ${dir === 'asc' ? 'desc' : 'asc'}`) : null;
    sorted = other ? [...other].reverse() : sortRows(rows, sort, dir, labels);
    orders.byKey.set(key, sorted);
  }
  return sorted;
}

/**
 * The rows by their search cost (lower first), keeping their order among equals: grouped
 * by cost in one pass (a search has a handful of distinct costs), not sorted by a
 * comparator that looks both costs up again at every comparison.
 */
export function bestFirst(
  rows: readonly Row[],
  costs: ReadonlyMap<string, number>,
): readonly Row[] {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const cost = costs.get(row.id) ?? 0;
    const group = groups.get(cost);
    if (group) group.push(row);
    else groups.set(cost, [row]);
  }
  if (groups.size <= 1) return rows;
  return [...groups.keys()].sort((a, b) => a - b).flatMap((cost) => groups.get(cost)!);
}

/** Each presorted order's positions by row id, made when a search first selects from it. */
const positionsOf = new WeakMap<readonly Row[], Map<string, number>>();

/**
 * The rows of `matches` in the order of `sorted`, from their positions in the list (looked
 * up in a map made once per order, when a search first selects from it): a few matches'
 * positions are sorted; more are marked, and the marks read in order. A search costs a
 * lookup per match, not a lookup per row: a broad one went through all 50,000 rows testing
 * each id (measured in Node at 50,000 rows: 7,000 matches 6.9 → 1.1 ms, 20,000 matches
 * 23 → 5.8 ms).
 */
export function matchesInOrder(
  sorted: readonly Row[],
  matches: ReadonlyMap<string, number>,
): Row[] {
  let positions = positionsOf.get(sorted);
  if (!positions) {
    positions = new Map(sorted.map((row, i) => [row.id, i]));
    positionsOf.set(sorted, positions);
  }
  if (matches.size * 32 < sorted.length) {
    const found = new Int32Array(matches.size);
    let count = 0;
    for (const id of matches.keys()) {
      const at = positions.get(id);
      if (at !== undefined) found[count++] = at;
    }
    const inOrder = found.subarray(0, count).sort();
    return Array.from(inOrder, (i) => sorted[i]!);
  }
  const marked = new Uint8Array(sorted.length);
  let first = sorted.length;
  let last = -1;
  for (const id of matches.keys()) {
    const at = positions.get(id);
    if (at === undefined) continue;
    marked[at] = 1;
    if (at < first) first = at;
    if (at > last) last = at;
  }
  const found: Row[] = [];
  for (let i = first; i <= last; i++) if (marked[i] === 1) found.push(sorted[i]!);
  return found;
}
