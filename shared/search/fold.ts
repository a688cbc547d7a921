/**
 * The three levels a word is compared on (see alphabet.ts and docs/search.md): exact,
 * folded and skeleton. The same functions run on the stored text and on the query, so a
 * query meets a stored word exactly when both reduce to the same form.
 */
import {
  AMBIGUOUS_PAIRS,
  APOSTROPHES,
  KAZAKH_FOLD,
  LATIN_LETTERS,
  LATIN_SEQUENCES,
  LOOKALIKES,
  OPEN_ENDINGS,
  SKELETON,
} from './alphabet';

/** Characters `normalizeText` rewrites: ё, the Latin schwa, apostrophes, dashes. */
const SPECIAL = /[ёəʼ’`´‘′ʹ‐‑‒–—―−]/g;
const HAS_SPECIAL = /[ёəʼ’`´‘′ʹ‐‑‒–—―−]/;
const REWRITE = (ch: string): string =>
  ch === 'ё' ? 'е' : ch === 'ə' ? 'ә' : APOSTROPHES.test(ch) ? "'" : '-';
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;

/**
 * Text as the index and the query read it: NFC, lower case (locale-independent: a Turkish
 * locale must not turn I into ı), ё → е, the Latin schwa ə (old fonts) → ә, one apostrophe,
 * one dash.
 */
export function normalizeText(s: string): string {
  // «İ» lower-cases to i + a combining dot above; the dot says nothing.
  const lower = s
    .normalize('NFC')
    .toLowerCase()
    .replace(/i\u0307/g, 'i');
  return HAS_SPECIAL.test(lower) ? lower.replace(SPECIAL, REWRITE) : lower;
}

function isMixedScript(word: string): boolean {
  return HAS_CYRILLIC.test(word) && HAS_LATIN.test(word);
}

/**
 * Level 1 of a word already passed through `normalizeText`. A word mixing Cyrillic and
 * Latin letters gets the Latin look-alikes read as the Cyrillic letters they imitate.
 */
export function exactForm(word: string): string {
  if (!isMixedScript(word)) return word;
  let out = '';
  for (const ch of word) out += LOOKALIKES[ch] ?? ch;
  return out;
}

/** Level 2: the Kazakh letters (and ё) as their Russian look-alikes. */
export function foldForm(exact: string): string {
  let out = '';
  let changed = false;
  for (const ch of exact) {
    const folded = KAZAKH_FOLD[ch];
    if (folded === undefined) out += ch;
    else {
      out += folded;
      changed = true;
    }
  }
  // The same string when nothing folds: the index keeps one copy of most words.
  return changed ? out : exact;
}

/** A Cyrillic letter (or any non-Latin character) on the skeleton level. */
function skeletonOfCyrillic(ch: string): string {
  const folded = KAZAKH_FOLD[ch] ?? ch;
  return SKELETON[folded] ?? folded;
}

/** Reads one Latin letter (or sequence) at `i`; returns the Cyrillic text and its length. */
function readLatin(word: string, i: number): [string, number] {
  for (const [seq, cyr] of LATIN_SEQUENCES) {
    if (word.startsWith(seq, i)) return [cyr, seq.length];
  }
  const ch = word[i]!;
  if (ch === 'c') {
    const next = word[i + 1];
    return [next === 'e' || next === 'i' || next === 'y' ? 'с' : 'к', 1];
  }
  if (ch === "'") return ['', 1];
  const direct = LATIN_LETTERS[ch];
  if (direct !== undefined) return [direct, 1];
  // A Latin letter with a mark the table does not list: its base letter.
  const base = ch.normalize('NFD')[0] ?? ch;
  return [LATIN_LETTERS[base] ?? base, 1];
}

/** Appends skeleton letters, never two equal letters in a row (digits stay as they are). */
function appendCollapsed(out: string, add: string): string {
  for (const ch of add) {
    if (out[out.length - 1] !== ch || (ch >= '0' && ch <= '9')) out += ch;
  }
  return out;
}

/**
 * Level 3 of a word (after `exactForm`): Latin read into Cyrillic, Kazakh letters folded,
 * the letters spellings disagree on merged, doubled letters collapsed.
 * `skeletonForm('tolegenova') === skeletonForm('төлегенова') === 'толегенова'`.
 */
export function skeletonForm(exact: string): string {
  let out = '';
  let i = 0;
  while (i < exact.length) {
    const c = exact.charCodeAt(i);
    if (
      (c >= 0x61 && c <= 0x7a) ||
      c === 0x27 ||
      (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x1e00 && c <= 0x1eff)
    ) {
      // Latin (and the apostrophe of «s'»)
      const [cyr, length] = readLatin(exact, i);
      for (const ch of cyr) out = appendCollapsed(out, skeletonOfCyrillic(ch));
      i += length;
    } else if (c >= 0x300 && c <= 0x36f) {
      i += 1; // a combining mark left over (the dot of «İ»)
    } else {
      out = appendCollapsed(out, skeletonOfCyrillic(exact[i]!));
      i += 1;
    }
  }
  return out;
}

/**
 * Skeletons a query word may stand for while it is being typed: itself, and when it ends
 * in a Latin letter that starts a longer sequence («z» of «zh», «s» of «sh», «y» of «ye»),
 * the same word with that sequence's letter instead.
 */
export function openSkeletons(exact: string): string[] {
  const own = skeletonForm(exact);
  const last = exact[exact.length - 1];
  const endings = last !== undefined ? OPEN_ENDINGS[last] : undefined;
  if (!endings || isMixedScript(exact)) return [own];
  const stem = skeletonForm(exact.slice(0, -1));
  const out = [own];
  for (const letter of endings) {
    const variant = appendCollapsed(stem, skeletonOfCyrillic(letter));
    if (!out.includes(variant)) out.push(variant);
  }
  return out;
}

/**
 * Second skeletons of a stored word that holds a pair a Latin spelling cannot tell apart
 * (`AMBIGUOUS_PAIRS`): «асхат» is also indexed as «ашат», the skeleton of «Ashat».
 */
export function skeletonAliases(exact: string): string[] {
  const out: string[] = [];
  for (const [pair, single] of AMBIGUOUS_PAIRS) {
    if (!exact.includes(pair)) continue;
    const alias = skeletonForm(exact.split(pair).join(single));
    if (!out.includes(alias)) out.push(alias);
  }
  return out;
}

/** The three levels of one normalised word. */
export interface WordForms {
  exact: string;
  fold: string;
  skeleton: string;
}

export function wordForms(normalizedWord: string): WordForms {
  const exact = exactForm(normalizedWord);
  return { exact, fold: foldForm(exact), skeleton: skeletonForm(exact) };
}

/** Skeletons of words already seen by `skeletonOfText` (names repeat a lot). */
const wordSkeletons = new Map<string, string>();
const WORD_SKELETONS_MAX = 50_000;

/** The skeleton of a whole text, word by word, for keys such as a person's name. */
export function skeletonOfText(text: string): string[] {
  const out: string[] = [];
  for (const word of normalizeText(text).split(/[^\p{L}\p{M}\p{N}']+/u)) {
    if (word === '') continue;
    let skeleton = wordSkeletons.get(word);
    if (skeleton === undefined) {
      skeleton = skeletonForm(exactForm(word));
      if (wordSkeletons.size >= WORD_SKELETONS_MAX) wordSkeletons.clear();
      wordSkeletons.set(word, skeleton);
    }
    if (skeleton !== '') out.push(skeleton);
  }
  return out;
}
