/**
 * A query over one collection: every word must match (AND), each word's best match counts,
 * the costs add up, and the results come best first.
 */
import { Board, TIER, type SearchCollection, type Tier } from './collection';
import { parseQuery, type QueryChunk, type QueryWord } from './query';

export interface SearchOptions {
  /** At most this many results (the `total` still counts all). */
  limit?: number;
  /** The year whose registry numbers a short number («42») finds first. */
  currentYear?: number | null;
  /**
   * The results in no particular order, for a caller that orders them itself (the registry,
   * by its columns and the costs): the ranking is skipped. `limit` is then ignored.
   */
  unordered?: boolean;
}

export interface SearchResult {
  /** Matching ids, best first (unless asked `unordered`): lower cost, then higher order (newer), then id. */
  ids: string[];
  /** The cost of each id in `ids` (see COST in collection.ts). */
  costs: number[];
  /** How many documents matched, before `limit`. */
  total: number;
}

/**
 * Documents of another collection whose matches count for the documents of this one that
 * link to them (`SearchDocument.links`): an appeal is found by its applicant's name, phone
 * and IIN.
 */
export interface Join {
  from: SearchCollection;
  /** Matches in `from` up to this tier count (names and numbers, not addresses). */
  maxTier: Tier;
}

/** Scratch boards per collection and nesting level (a chunk's words are one level down). */
const boards = new WeakMap<SearchCollection, Board[]>();
function boardOf(collection: SearchCollection, level: number): Board {
  let list = boards.get(collection);
  if (!list) {
    list = [];
    boards.set(collection, list);
  }
  return (list[level] ??= new Board());
}

interface Context {
  collection: SearchCollection;
  currentYear: number | null;
  join: Join | undefined;
}

/** Offers the documents matching one word, directly or through the join, to the board. */
function matchWord(ctx: Context, word: QueryWord, board: Board, level: number): void {
  const { collection, join, currentYear } = ctx;
  collection.matchWord(word, board, { maxTier: TIER.text, currentYear });
  if (!join) return;
  const from = boardOf(join.from, level);
  from.reset(join.from.capacity);
  join.from.matchWord(word, from, { maxTier: join.maxTier, currentYear });
  for (const doc of from.touched)
    collection.matchLinked(join.from.idAt(doc)!, board, from.cost[doc]!);
}

/** Documents matching every chunk, with their summed costs. */
function matchAll(
  ctx: Context,
  chunks: readonly QueryChunk[],
  level: number,
): { docs: number[]; totals: number[] } {
  const board = boardOf(ctx.collection, level);
  let docs: number[] = [];
  let totals: number[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    board.reset(ctx.collection.capacity);
    if (chunk.parts.length === 1) {
      matchWord(ctx, chunk.word, board, level);
    } else {
      // The chunk as one number, or every one of its words.
      ctx.collection.matchNumber(chunk.word, board, ctx);
      const inner = matchAll(
        ctx,
        chunk.parts.map((word) => ({ word, parts: [word] })),
        level + 1,
      );
      for (let i = 0; i < inner.docs.length; i++) {
        board.offer(inner.docs[i]!, Math.min(inner.totals[i]!, 0xffff));
      }
    }
    if (c === 0) {
      docs = board.touched.slice();
      totals = docs.map((doc) => board.cost[doc]!);
    } else {
      let kept = 0;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (!board.has(doc)) continue;
        docs[kept] = doc;
        totals[kept] = totals[i]! + board.cost[doc]!;
        kept++;
      }
      docs.length = kept;
      totals.length = kept;
    }
    if (docs.length === 0) break;
  }
  return { docs, totals };
}

/**
 * Searches a collection; null when the query has no words (nothing to search for, which
 * is not the same as nothing found).
 */
export function searchCollection(
  collection: SearchCollection,
  query: string | readonly QueryChunk[],
  options: SearchOptions = {},
  join?: Join,
): SearchResult | null {
  const chunks = typeof query === 'string' ? parseQuery(query) : query;
  if (chunks.length === 0) return null;
  const ctx: Context = { collection, currentYear: options.currentYear ?? null, join };
  const { docs, totals } = matchAll(ctx, chunks, 0);

  const idOf = (i: number) => collection.idAt(docs[i]!)!;
  if (options.unordered)
    return { ids: docs.map((doc) => collection.idAt(doc)!), costs: totals, total: docs.length };
  const ranked = rank(
    totals,
    docs.map((doc) => collection.orderAt(doc)),
    idOf,
  );
  const limit = Math.min(options.limit ?? ranked.length, ranked.length);
  const ids = new Array<string>(limit);
  const costs = new Array<number>(limit);
  for (let i = 0; i < limit; i++) {
    ids[i] = idOf(ranked[i]!);
    costs[i] = totals[ranked[i]!]!;
  }
  return { ids, costs, total: docs.length };
}

/** Counts of one 16-bit digit, kept between calls. */
const counts = new Int32Array(0x10001);

/** A stable counting sort of `from` by a 16-bit digit of each entry, into `to`. */
function sortByDigit(from: Int32Array, to: Int32Array, digit: Uint16Array): void {
  counts.fill(0);
  for (let i = 0; i < from.length; i++) counts[digit[from[i]!]! + 1]! += 1;
  for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
  for (let i = 0; i < from.length; i++) {
    const entry = from[i]!;
    to[counts[digit[entry]!]!++] = entry;
  }
}

/**
 * Positions of the results, best first: lower cost, then higher order (newer), then id.
 * Tens of thousands of results (a one-letter query) are ordered by a radix sort on cost and
 * order — three passes over 16-bit digits — and only runs of equal cost and order compare
 * ids.
 */
function rank(costs: number[], orders: number[], idOf: (i: number) => string): Int32Array {
  const n = costs.length;
  const byId = (a: number, b: number) => {
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  // 0xffffffff - order: a higher order sorts first; orders are clamped to 32 bits (a
  // registry number as 2026000042, a time in seconds).
  const later = (i: number) => 0xffffffff - Math.min(Math.max(orders[i]!, 0), 0xffffffff);
  if (n < 256) {
    return Int32Array.from(costs.keys()).sort(
      (a, b) => costs[a]! - costs[b]! || later(a) - later(b) || byId(a, b),
    );
  }
  const low = new Uint16Array(n);
  const high = new Uint16Array(n);
  const cost = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const key = later(i);
    low[i] = key & 0xffff;
    high[i] = key >>> 16;
    cost[i] = Math.min(costs[i]!, 0xffff);
  }
  let a = Int32Array.from(costs.keys());
  let b = new Int32Array(n);
  for (const digit of [low, high, cost]) {
    sortByDigit(a, b, digit);
    [a, b] = [b, a];
  }
  // Equal cost and order: by id (rare, and short runs).
  for (let start = 0; start < n;) {
    let end = start + 1;
    const first = a[start]!;
    while (end < n && cost[a[end]!] === cost[first] && later(a[end]!) === later(first)) end++;
    if (end - start > 1) a.subarray(start, end).sort(byId);
    start = end;
  }
  return a;
}
