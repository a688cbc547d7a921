/**
 * The shapes shared by a search collection and its queries: what a document is found by,
 * the tiers and costs of a match, and the board that keeps the best cost per document.
 */
/** What a document is found by. Every list may be left out. */
export interface SearchDocument {
  id: string;
  /** People's and agencies' names: ranked above texts, forgiving one typo. */
  names?: readonly string[];
  /** Subject, text, place, tags, address… */
  texts?: readonly string[];
  /** Registry numbers, journal numbers, receipt and provisional numbers, aliases. */
  numbers?: readonly string[];
  /** Phones in any format (E.164 as stored). */
  phones?: readonly string[];
  iins?: readonly (string | null)[];
  /**
   * Ids of documents in another collection whose matches count for this one (an appeal's
   * applicants), followed at query time: changing an applicant re-indexes no appeal.
   */
  links?: readonly string[];
  /** Ties in cost are broken by this, higher first (e.g. newer first). Default 0. */
  order?: number;
}

/** Where a match was found: numbers rank first, then names, then texts. */
export const TIER = { number: 0, name: 1, text: 2 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

/**
 * How well a word matched, as a cost added up over the query's words (lower ranks first):
 * tier × 100, then level × 10 — exact letters 0, folded 1, skeleton (Latin or loose
 * spelling) 2, typo 3; for numbers: a whole number, phone or IIN 0, the sequence of a
 * registry number of the current year 1, of another year 2, the end of a phone or the
 * start of an IIN 3, the beginning of a number or phone 4 — then 1 when only the beginning
 * of a word matched.
 */
export const COST = { tier: 100, level: 10, partial: 1 } as const;

export const LEVEL = { exact: 0, fold: 1, skeleton: 2, typo: 3 } as const;
export const NUMBER_LEVEL = { exact: 0, sequence: 1, otherYear: 2, ending: 3, prefix: 4 } as const;

/** The best cost per document for one query word, without clearing between words. */
export class Board {
  cost = new Uint16Array(0);
  private stamp = new Uint32Array(0);
  private generation = 0;
  readonly touched: number[] = [];

  reset(capacity: number): void {
    if (this.cost.length < capacity) {
      const size = Math.max(capacity, this.cost.length * 2, 1024);
      this.cost = new Uint16Array(size);
      this.stamp = new Uint32Array(size);
      this.generation = 0;
    }
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.touched.length = 0;
  }

  offer(doc: number, cost: number): void {
    if (this.stamp[doc] !== this.generation) {
      this.stamp[doc] = this.generation;
      this.cost[doc] = cost;
      this.touched.push(doc);
    } else if (cost < this.cost[doc]!) {
      this.cost[doc] = cost;
    }
  }

  has(doc: number): boolean {
    return this.stamp[doc] === this.generation;
  }
}
