/**
 * One searchable collection (appeals, applicants or agencies): documents made of names,
 * texts, numbers, phones and IINs, added, replaced and removed one at a time, and the
 * matching of one query word against them with its cost (lower is better).
 */
import {
  COST,
  LEVEL,
  NUMBER_LEVEL,
  TIER,
  type Board,
  type SearchDocument,
  type Tier,
} from './board';
import { Dictionary } from './dictionary';
import { exactForm, foldForm, skeletonAliases, skeletonForm } from './fold';
import type { QueryWord } from './query';
import { indexWords, parseNumber, phoneDigits } from './tokens';
import { isTypoOf, nameLetters, typoCandidates, TYPO_MIN_LENGTH, type NameLetters } from './typo';

export * from './board';

export interface MatchOptions {
  /** Word matches in fields of a higher tier than this are ignored. */
  maxTier: Tier;
  /** A short number («42», «0042») finds this year's sequence first. */
  currentYear: number | null;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class SearchCollection {
  private ids: (string | null)[] = [];
  private orders: number[] = [];
  private alive = new Uint8Array(1024);
  private readonly slots = new Map<string, number>();
  private deadSlots = 0;

  /** Words: key = exact form (or exact form + "\u0001" + n for a second skeleton). */
  private readonly words = new Dictionary();
  private readonly wordExact: string[] = [];
  private readonly wordFold: string[] = [];
  /** For each word term, its second-skeleton terms (see `skeletonAliases`). */
  private readonly wordAliases: (number[] | undefined)[] = [];
  /** The last `put` that posted each word term, to post a word once per document. */
  private readonly wordSeen: number[] = [];
  private puts = 0;
  /** Skeletons of words found in names, for typo matching (rebuilt when compacting). */
  private nameSkeletons = new Set<string>();
  /** The same skeletons by their first and by their second letter (see `matchTypos`). */
  private nameSkeletonsByLetter: NameLetters | null = null;

  /** Numbers by their `numberKey` (prefix scans), with the year each starts with. */
  private readonly numbers = new Dictionary();
  private readonly numberYears: number[] = [];
  /** `numberCanon` → number terms whose key differs from it («2026-42» → «2026-0042»). */
  private readonly canons = new Map<string, number[]>();
  /** Sequence («42») → number terms ending in it. */
  private readonly sequences = new Map<string, number[]>();
  private readonly phones = new Dictionary();
  /** Last four digits → phone terms, for phones found by their end. */
  private readonly phoneTails = new Map<string, number[]>();
  private readonly iins = new Dictionary();
  /** Linked id (in another collection) → the documents of this one linked to it. */
  private readonly links = new Dictionary();
  private readonly dicts: Dictionary[] = [
    this.words,
    this.numbers,
    this.phones,
    this.iins,
    this.links,
  ];

  /** Number of documents. */
  get size(): number {
    return this.slots.size;
  }

  /** Slots in use, alive or dead: the size a board must have. */
  get capacity(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  idAt(slot: number): string | null {
    return this.ids[slot] ?? null;
  }

  orderAt(slot: number): number {
    return this.orders[slot] ?? 0;
  }

  /** Adds a document, or replaces the one with the same id. */
  put(doc: SearchDocument): void {
    this.remove(doc.id);
    const slot = this.ids.length;
    this.ids.push(doc.id);
    this.orders.push(doc.order ?? 0);
    if (slot >= this.alive.length) {
      const alive = new Uint8Array(this.alive.length * 2);
      alive.set(this.alive);
      this.alive = alive;
    }
    this.alive[slot] = 1;
    this.slots.set(doc.id, slot);

    // Each word once per document, in its best tier: names come first, so a name word
    // that is also in a text counts as a name.
    // One pass over all names and one over all texts (normalising costs per call).
    const words: string[] = [];
    if (doc.names?.length) indexWords(doc.names.join('\n'), words);
    const nameWords = words.length;
    if (doc.texts?.length) indexWords(doc.texts.join('\n'), words);
    // Not the slot: slots are numbered again when compacting, `put`s never.
    const mark = ++this.puts;
    for (let w = 0; w < words.length; w++) {
      const term = this.wordTerm(words[w]!);
      if (this.wordSeen[term] === mark) continue;
      this.wordSeen[term] = mark;
      const tier = w < nameWords ? TIER.name : TIER.text;
      const posting = slot * 4 + tier;
      this.words.add(term, posting);
      const aliases = this.wordAliases[term];
      if (aliases) for (const alias of aliases) this.words.add(alias, posting);
      if (tier === TIER.name) this.noteNameSkeleton(this.words.sortKeys[term]!);
    }

    const posted: number[] = [];
    for (const number of doc.numbers ?? []) {
      const term = this.numberTerm(number);
      if (term === undefined || posted.includes(term)) continue;
      posted.push(term);
      this.numbers.add(term, slot * 4);
    }
    posted.length = 0;
    for (const phone of doc.phones ?? []) {
      const digits = phoneDigits(phone);
      if (digits.length < 4) continue;
      let term = this.phones.find(digits);
      if (term === undefined) {
        term = this.phones.termOf(digits);
        pushTo(this.phoneTails, digits.slice(-4), term);
      }
      if (posted.includes(term)) continue;
      posted.push(term);
      this.phones.add(term, slot * 4);
    }
    posted.length = 0;
    for (const link of doc.links ?? []) {
      const term = this.links.termOf(link);
      if (posted.includes(term)) continue;
      posted.push(term);
      this.links.add(term, slot * 4);
    }
    posted.length = 0;
    for (const iin of doc.iins ?? []) {
      const digits = iin?.replace(/\D/g, '') ?? '';
      if (digits.length < 6) continue;
      const term = this.iins.termOf(digits);
      if (posted.includes(term)) continue;
      posted.push(term);
      this.iins.add(term, slot * 4);
    }
  }

  /** Removes a document; false when there was none with this id. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.ids[slot] = null;
    this.alive[slot] = 0;
    this.slots.delete(id);
    this.deadSlots += 1;
    if (this.deadSlots > 1024 && this.deadSlots * 4 > this.slots.size) this.compact();
    return true;
  }

  /** Packs the postings added since the last pack (a query does it first by itself). */
  pack(): void {
    for (const dict of this.dicts) dict.pack();
  }

  private wordTerm(word: string): number {
    const known = this.words.find(word);
    if (known !== undefined) return known;
    const exact = exactForm(word);
    const fold = foldForm(exact);
    const term = this.words.termOf(word, skeletonForm(exact));
    this.wordExact[term] = exact;
    this.wordFold[term] = fold;
    this.wordSeen[term] = 0;
    const aliases = skeletonAliases(exact);
    if (aliases.length > 0) {
      this.wordAliases[term] = aliases.map((skeleton, n) => {
        const alias = this.words.termOf(`${word}\u0001${String(n)}`, skeleton);
        this.wordExact[alias] = exact;
        this.wordFold[alias] = fold;
        this.wordSeen[alias] = 0;
        return alias;
      });
    }
    return term;
  }

  private numberTerm(number: string): number | undefined {
    const parsed = parseNumber(number);
    if (parsed.key === '') return undefined;
    const known = this.numbers.find(parsed.key);
    if (known !== undefined) return known;
    const term = this.numbers.termOf(parsed.key);
    this.numberYears[term] = parsed.year ?? 0;
    if (parsed.canon !== parsed.key) pushTo(this.canons, parsed.canon, term);
    if (parsed.sequence !== null) pushTo(this.sequences, parsed.sequence, term);
    return term;
  }

  private noteNameSkeleton(skeleton: string): void {
    if (this.nameSkeletons.has(skeleton)) return;
    this.nameSkeletons.add(skeleton);
    this.nameSkeletonsByLetter = null;
  }

  /** Re-numbers the live documents from 0, dropping dead postings everywhere. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const orders: number[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      const id = this.ids[slot];
      if (id === null || id === undefined) continue;
      remap[slot] = ids.length;
      this.slots.set(id, ids.length);
      ids.push(id);
      orders.push(this.orders[slot]!);
    }
    for (const dict of this.dicts) dict.remap(remap);
    this.ids = ids;
    this.orders = orders;
    this.alive = new Uint8Array(Math.max(1024, ids.length * 2));
    this.alive.fill(1, 0, ids.length);
    this.deadSlots = 0;
    // Names of removed documents no longer count for typos.
    this.nameSkeletons = new Set();
    this.nameSkeletonsByLetter = null;
    for (let term = 0; term < this.words.size; term++) {
      let inName = false;
      this.words.forPostings(term, (p) => {
        inName ||= (p & 3) === TIER.name;
      });
      if (inName) this.nameSkeletons.add(this.words.sortKeys[term]!);
    }
  }

  /** Offers the live documents of a term's postings to the board, at most `maxTier`. */
  private offerTerm(
    dict: Dictionary,
    term: number,
    board: Board,
    cost: number,
    maxTier: Tier = TIER.text,
    tierCost = 0,
  ): void {
    const alive = this.alive;
    const [base, start, end, extra] = dict.rangeOf(term);
    for (let i = start; i < end; i++) {
      const p = base[i]!;
      const tier = p & 3;
      if (tier <= maxTier && alive[p >>> 2] === 1) board.offer(p >>> 2, cost + tier * tierCost);
    }
    if (extra) {
      for (const p of extra) {
        const tier = p & 3;
        if (tier <= maxTier && alive[p >>> 2] === 1) board.offer(p >>> 2, cost + tier * tierCost);
      }
    }
  }

  /** Offers every document matching `word` to the board with its cost. */
  matchWord(word: QueryWord, board: Board, options: MatchOptions): void {
    this.pack();
    this.matchWords(word, board, options.maxTier);
    if (options.maxTier >= TIER.name) this.matchTypos(word, board);
    this.matchNumber(word, board, options);
  }

  /** Offers the documents linked to `linkedId` (see `SearchDocument.links`) at `cost`. */
  matchLinked(linkedId: string, board: Board, cost: number): void {
    const term = this.links.find(linkedId);
    if (term !== undefined) this.offerTerm(this.links, term, board, cost);
  }

  /** Only the number side of `matchWord`: numbers, phones, IINs. */
  matchNumber(word: QueryWord, board: Board, options: Pick<MatchOptions, 'currentYear'>): void {
    this.pack();
    if (word.numberKey !== null) this.matchNumbers(word, board, options.currentYear);
    if (word.digits !== null) this.matchDigits(word.digits, board);
  }

  private matchWords(word: QueryWord, board: Board, maxTier: Tier): void {
    for (const skeleton of word.skeletons) {
      this.words.forPrefix(skeleton, (term) => {
        const exact = this.wordExact[term]!;
        const fold = this.wordFold[term]!;
        let level: number;
        let whole: boolean;
        if (exact.startsWith(word.exact)) {
          level = LEVEL.exact;
          whole = exact === word.exact;
        } else if (fold.startsWith(word.fold)) {
          level = LEVEL.fold;
          whole = fold === word.fold;
        } else {
          level = LEVEL.skeleton;
          whole = this.words.sortKeys[term] === skeleton;
        }
        const cost = level * COST.level + (whole ? 0 : COST.partial);
        this.offerTerm(this.words, term, board, cost, maxTier, COST.tier);
      });
    }
  }

  private matchTypos(word: QueryWord, board: Board): void {
    const skeleton = word.skeletons[0]!;
    // Typos are forgiven in letters: «12345» is not «12346» (a number in a name, a house).
    if (skeleton.length < TYPO_MIN_LENGTH || /\d/.test(skeleton)) return;
    this.nameSkeletonsByLetter ??= nameLetters(this.nameSkeletons);
    const cost = TIER.name * COST.tier + LEVEL.typo * COST.level;
    for (const name of typoCandidates(this.nameSkeletonsByLetter, skeleton)) {
      if (name.startsWith(skeleton) || !isTypoOf(skeleton, name)) continue;
      // Postings of the name tier only: a typo in a text is not forgiven.
      this.words.forEqual(name, (term) => {
        this.offerTerm(this.words, term, board, cost, TIER.name);
      });
    }
  }

  private matchNumbers(word: QueryWord, board: Board, currentYear: number | null): void {
    const at = (level: number) => level * COST.level;
    const exact = new Set<number>();
    const canonTerm = this.numbers.find(word.numberCanon!);
    if (canonTerm !== undefined) exact.add(canonTerm);
    for (const term of this.canons.get(word.numberCanon!) ?? []) exact.add(term);
    for (const term of exact) this.offerTerm(this.numbers, term, board, at(NUMBER_LEVEL.exact));
    this.numbers.forPrefix(word.numberKey!, (term) => {
      if (!exact.has(term)) this.offerTerm(this.numbers, term, board, at(NUMBER_LEVEL.prefix));
    });
    if (word.pureDigits && word.digits !== null) {
      const sequence = word.digits.replace(/^0+(?=\d)/, '');
      for (const term of this.sequences.get(sequence) ?? []) {
        const current = currentYear !== null && this.numberYears[term] === currentYear;
        const level = current ? NUMBER_LEVEL.sequence : NUMBER_LEVEL.otherYear;
        this.offerTerm(this.numbers, term, board, at(level));
      }
    }
  }

  /** Phones by their end (4+ digits) or beginning, IINs by their beginning (6+ digits). */
  private matchDigits(typed: string, board: Board): void {
    const at = (level: number) => level * COST.level;
    const digits = phoneDigits(typed);
    if (digits.length < 4) return;
    for (const term of this.phoneTails.get(digits.slice(-4)) ?? []) {
      const phone = this.phones.keys[term]!;
      if (phone === digits) this.offerTerm(this.phones, term, board, at(NUMBER_LEVEL.exact));
      else if (phone.endsWith(digits)) {
        this.offerTerm(this.phones, term, board, at(NUMBER_LEVEL.ending));
      }
    }
    if (digits.length >= 5) {
      const starts = new Set([digits]);
      if (digits.startsWith('8')) starts.add(`7${digits.slice(1)}`);
      if (digits.startsWith('7') && digits.length <= 10) starts.add(`7${digits}`);
      for (const start of starts) {
        this.phones.forPrefix(start, (term) =>
          this.offerTerm(this.phones, term, board, at(NUMBER_LEVEL.prefix)),
        );
      }
    }
    const iin = typed.replace(/\D/g, '');
    if (iin.length >= 6 && iin.length <= 12) {
      this.iins.forPrefix(iin, (term) => {
        const level = this.iins.keys[term] === iin ? NUMBER_LEVEL.exact : NUMBER_LEVEL.ending;
        this.offerTerm(this.iins, term, board, at(level));
      });
    }
  }
}
