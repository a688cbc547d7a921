/**
 * A dictionary of index keys (words, numbers, phones, IINs), each with its postings: the
 * documents that hold it. Keys are kept sorted by a sort key for prefix scans; new keys
 * wait in a short list and are merged in at the next scan, so adding a document never
 * re-sorts the dictionary.
 *
 * A posting is one number, `slot * 4 + tier`, where `slot` is the collection's number for
 * the document and `tier` says in which kind of field the key was found (number, name,
 * text). Postings are packed into one Int32Array per key (4 bytes each); postings added
 * since the last `pack` wait in one flat buffer of (key, posting) pairs, which `pack`
 * distributes in one pass — far cheaper than growing thousands of arrays one posting at a
 * time while 50,000 appeals are indexed. Removing a document leaves its postings in place:
 * scans skip dead slots, and the collection re-numbers the live ones (`remap`) when too
 * many are dead.
 */
export class Dictionary {
  readonly keys: string[] = [];
  readonly sortKeys: string[] = [];
  private packed: (Int32Array | null)[] = [];
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
      this.packed.push(null);
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

  /** Postings added since the last `pack`. */
  get unpacked(): number {
    return this.pendingCount;
  }

  /** Moves the postings added since the last pack into their keys' packed arrays. */
  pack(): void {
    const count = this.pendingCount;
    if (count === 0) return;
    const terms = this.pendingTerms;
    const postings = this.pendingPostings;
    const added = new Int32Array(this.keys.length);
    for (let i = 0; i < count; i++) added[terms[i]!]! += 1;
    const fill = new Int32Array(this.keys.length);
    for (let t = 0; t < added.length; t++) {
      if (added[t] === 0) continue;
      const old = this.packed[t];
      const packed = new Int32Array((old?.length ?? 0) + added[t]!);
      if (old) packed.set(old);
      fill[t] = old?.length ?? 0;
      this.packed[t] = packed;
    }
    for (let i = 0; i < count; i++) {
      const t = terms[i]!;
      this.packed[t]![fill[t]!++] = postings[i]!;
    }
    this.pendingCount = 0;
    if (this.pendingTerms.length > 65_536) {
      this.pendingTerms = new Int32Array(1024);
      this.pendingPostings = new Int32Array(1024);
    }
  }

  /** The postings of a term (call `pack` first), or null when it has none. */
  postingsOf(term: number): Int32Array | null {
    return this.packed[term] ?? null;
  }

  /** Visits every posting of a term (call `pack` first). */
  forPostings(term: number, visit: (posting: number) => void): void {
    const packed = this.packed[term];
    if (packed) for (let i = 0; i < packed.length; i++) visit(packed[i]!);
  }

  /** Re-numbers slots after a compaction (`remap[slot]` is -1 for a removed one) and packs. */
  remap(remap: Int32Array): void {
    this.pack();
    for (let t = 0; t < this.packed.length; t++) {
      const packed = this.packed[t];
      if (!packed) continue;
      let kept = 0;
      for (let i = 0; i < packed.length; i++) {
        const p = packed[i]!;
        const slot = remap[p >>> 2]!;
        if (slot >= 0) packed[kept++] = slot * 4 + (p & 3);
      }
      this.packed[t] = kept === 0 ? null : kept === packed.length ? packed : packed.slice(0, kept);
    }
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
