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
}

export interface SearchResult {
  /** Matching ids, best first: lower cost, then higher order (newer), then id. */
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

  // Cost first, then higher order (newer), then id; the order fits 32 bits for the orders
  // the documents use (a registry number as 2026000042, a time in seconds).
  const keys = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const order = Math.min(Math.max(collection.orderAt(docs[i]!), 0), 0xffffffff);
    keys[i] = totals[i]! * 0x100000000 + (0xffffffff - order);
  }
  const idOf = (i: number) => collection.idAt(docs[i]!)!;
  const order = docs.map((_, i) => i);
  order.sort((a, b) => {
    const byKey = keys[a]! - keys[b]!;
    if (byKey !== 0) return byKey;
    const ia = idOf(a);
    const ib = idOf(b);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const limit = Math.min(options.limit ?? order.length, order.length);
  const picked = order.slice(0, limit);
  return {
    ids: picked.map(idOf),
    costs: picked.map((i) => totals[i]!),
    total: docs.length,
  };
}
