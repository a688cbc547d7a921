/**
 * A dictionary of index keys (words, numbers, phones, IINs), each with its postings: the
 * documents that hold it. Keys are kept sorted by a sort key for prefix scans; new keys
 * wait in a short list and are merged in at the next scan, so adding a document never
 * re-sorts the dictionary.
 *
 * A posting is one number, `slot * 4 + tier`, where `slot` is the collection's number for
 * the document and `tier` says in which kind of field the key was found (number, name,
 * text). The postings of all keys live in one Int32Array, key after key (`base`, with
 * `offsets`): 4 bytes a posting, and no object per key — a registry number, a phone, an IIN
 * is a key with one posting, and 150,000 small arrays would cost more than the postings.
 * Postings added since wait in a flat buffer of (key, posting) pairs; `pack` either moves
 * them into small per-key lists (a few edits) or writes `base` again (a bulk build).
 * Removing a document leaves its postings in place: scans skip dead slots, and the
 * collection re-numbers the live ones (`remap`) when too many are dead.
 */
export class Dictionary {
  readonly keys: string[] = [];
  readonly sortKeys: string[] = [];
  private base = new Int32Array(0);
  /** `offsets[t]…offsets[t + 1]` is key t's range in `base`, for keys below `baseKeys`. */
  private offsets = new Int32Array(1);
  private baseKeys = 0;
  /** Postings added after `base` was written, per key. */
  private extra: (number[] | undefined)[] = [];
  private pendingTerms = new Int32Array(1024);
  private pendingPostings = new Int32Array(1024);
  private pendingCount = 0;
  private readonly byKey = new Map<string, number>();
  private sorted: number[] = [];
  private pending: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  find(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** The term of a key, created when new (`sortKey` defaults to the key). */
  termOf(key: string, sortKey: string = key): number {
    let term = this.byKey.get(key);
    if (term === undefined) {
      term = this.keys.length;
      this.keys.push(key);
      this.sortKeys.push(sortKey);
      this.byKey.set(key, term);
      this.pending.push(term);
    }
    return term;
  }

  add(term: number, posting: number): void {
    if (this.pendingCount === this.pendingTerms.length) {
      const terms = new Int32Array(this.pendingCount * 2);
      const postings = new Int32Array(this.pendingCount * 2);
      terms.set(this.pendingTerms);
      postings.set(this.pendingPostings);
      this.pendingTerms = terms;
      this.pendingPostings = postings;
    }
    this.pendingTerms[this.pendingCount] = term;
    this.pendingPostings[this.pendingCount] = posting;
    this.pendingCount += 1;
  }

  /**
   * Makes the postings added since the last pack visible to scans: a few go to their keys'
   * short lists; many (a build, an import) are written into `base` with everything else.
   * New terms are put in order too, so the first prefix query after a build does not sort
   * every term of the index (measured: up to 140 ms in the registry benchmark's searches).
   */
  pack(): void {
    this.ensureSorted();
    const count = this.pendingCount;
    if (count === 0) return;
    if (count < 4096 || count * 8 < this.base.length) {
      for (let i = 0; i < count; i++) {
        const t = this.pendingTerms[i]!;
        const list = this.extra[t];
        if (list) list.push(this.pendingPostings[i]!);
        else this.extra[t] = [this.pendingPostings[i]!];
      }
      this.pendingCount = 0;
    } else {
      this.rewrite(null);
    }
  }

  /**
   * Writes `base` again with every posting (base, short lists, pending), optionally
   * re-numbering slots (`remap[slot]`, -1 for a removed document).
   */
  private rewrite(remap: Int32Array | null): void {
    const keys = this.keys.length;
    const counts = new Int32Array(keys + 1);
    const keep = (p: number) => remap === null || remap[p >>> 2]! >= 0;
    const each = (visit: (term: number, posting: number) => void) => {
      for (let t = 0; t < this.baseKeys; t++) {
        for (let i = this.offsets[t]!; i < this.offsets[t + 1]!; i++) visit(t, this.base[i]!);
      }
      for (let t = 0; t < this.extra.length; t++) {
        const list = this.extra[t];
        if (list) for (const p of list) visit(t, p);
      }
      for (let i = 0; i < this.pendingCount; i++) {
        visit(this.pendingTerms[i]!, this.pendingPostings[i]!);
      }
    };
    each((t, p) => {
      if (keep(p)) counts[t + 1]! += 1;
    });
    for (let t = 0; t < keys; t++) counts[t + 1]! += counts[t]!;
    const offsets = counts.slice();
    const base = new Int32Array(counts[keys]!);
    each((t, p) => {
      if (!keep(p)) return;
      base[counts[t]!++] = remap === null ? p : remap[p >>> 2]! * 4 + (p & 3);
    });
    this.base = base;
    this.offsets = offsets;
    this.baseKeys = keys;
    this.extra = [];
    this.pendingCount = 0;
    if (this.pendingTerms.length > 65_536) {
      this.pendingTerms = new Int32Array(1024);
      this.pendingPostings = new Int32Array(1024);
    }
  }

  /** Visits every posting of a term (call `pack` first), in `base` and then added later. */
  forPostings(term: number, visit: (posting: number) => void): void {
    if (term < this.baseKeys) {
      const end = this.offsets[term + 1]!;
      for (let i = this.offsets[term]!; i < end; i++) visit(this.base[i]!);
    }
    const list = this.extra[term];
    if (list) for (const p of list) visit(p);
  }

  /** Where a term's postings are: `base[start…end)` and a list added later (or undefined). */
  rangeOf(term: number): [Int32Array, number, number, number[] | undefined] {
    const inBase = term < this.baseKeys;
    return [
      this.base,
      inBase ? this.offsets[term]! : 0,
      inBase ? this.offsets[term + 1]! : 0,
      this.extra[term],
    ];
  }

  /** Re-numbers slots after a compaction (`remap[slot]` is -1 for a removed one). */
  remap(remap: Int32Array): void {
    this.rewrite(remap);
  }

  private ensureSorted(): void {
    if (this.pending.length === 0) return;
    const keys = this.sortKeys;
    const byKey = (a: number, b: number) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    };
    const fresh = this.pending.sort(byKey);
    this.pending = [];
    if (this.sorted.length === 0) {
      this.sorted = fresh;
      return;
    }
    const merged = new Array<number>(this.sorted.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < fresh.length) {
      merged[k++] = byKey(this.sorted[i]!, fresh[j]!) <= 0 ? this.sorted[i++]! : fresh[j++]!;
    }
    while (i < this.sorted.length) merged[k++] = this.sorted[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    this.sorted = merged;
  }

  /** First position in the sorted list whose sort key is ≥ `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortKeys[this.sorted[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visits every term whose sort key starts with `prefix`. */
  forPrefix(prefix: string, visit: (term: number) => void): void {
    this.ensureSorted();
    for (let i = this.lowerBound(prefix); i < this.sorted.length; i++) {
      const term = this.sorted[i]!;
      if (!this.sortKeys[term]!.startsWith(prefix)) break;
      visit(term);
    }
  }

  /** Visits every term whose sort key is `sortKey`. */
  forEqual(sortKey: string, visit: (term: number) => void): void {
    this.ensureSorted();
    for (let i = this.lowerBound(sortKey); i < this.sorted.length; i++) {
      const term = this.sorted[i]!;
      if (this.sortKeys[term] !== sortKey) break;
      visit(term);
    }
  }
}
