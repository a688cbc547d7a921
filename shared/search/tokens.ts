/**
 * Words and numbers of a text, as the index stores them and a query asks for them.
 */
import { normalizeText, skeletonForm } from './fold';

const OTHER_LETTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * 0 separator, 1 letter (or mark), 2 digit, 3 apostrophe, for lower-case text; + 4 when
 * the character needs `normalizeText` (ё, ə, a combining mark, an apostrophe other than ').
 * The common cases come first: this runs on every character of every indexed text.
 */
function charKind(c: number): number {
  if (c >= 0x430 && c <= 0x44f) return 1; // а…я
  if (c < 0x80) {
    if (c >= 0x61 && c <= 0x7a) return 1;
    if (c >= 0x30 && c <= 0x39) return 2;
    return c === 0x27 ? 3 : c === 0x60 ? 7 : 0;
  }
  if (c < 0xc0) return c === 0xb4 ? 7 : 0; // Latin-1 punctuation and signs, ´
  if (c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1; // Latin letters with marks
  if (c < 0x300) {
    if (c === 0x259) return 5; // ə
    if (c === 0x2bc || c === 0x2b9) return 7; // ʼ ʹ
    return c <= 0x2af ? 1 : 0; // IPA letters; spacing modifiers
  }
  if (c <= 0x36f) return 5; // combining marks
  if (c >= 0x400 && c <= 0x52f) return c === 0x451 ? 5 : 1; // Cyrillic with Kazakh letters
  if (c >= 0x2000 && c <= 0x206f) return c === 0x2018 || c === 0x2019 || c === 0x2032 ? 7 : 0;
  return OTHER_LETTER.test(String.fromCharCode(c)) ? 1 : 0;
}

/** «-» for every dash, «/» for a slash, else ''. */
function linkChar(ch: string | undefined): string {
  if (ch === '-' || ch === '/') return ch;
  return ch !== undefined && /[‐‑‒–—―−]/.test(ch) ? '-' : '';
}

/**
 * The words of a text: runs of letters and digits, apostrophes inside them kept (the
 * Kazakh Latin of 2017 writes ш as «s'»), each through `normalizeText`. Numbers joined by
 * dashes or slashes stay one word (registry numbers `2026-0042`, building numbers `12/3`,
 * phone fragments `234-56-78`). With `compounds`, letter words joined by hyphens are also
 * written together («нұр-әли» gives нұр, әли and нұрәли). Words shorter than `minLength`
 * that hold no digit are dropped. Words are appended to `out` in order.
 */
export function textWords(
  text: string,
  out: string[] = [],
  { minLength = 2, compounds = false }: { minLength?: number; compounds?: boolean } = {},
): string[] {
  // Lower case once for the whole text; the rest of `normalizeText` only for the words
  // that need it (most need nothing).
  const s = text.toLowerCase();
  const n = s.length;
  // A chain of runs joined by «-» or «/»: digits only (one number) or letters only (a
  // compound); a number is written out when its chain ends, a compound's parts at once.
  let chainKind = 0; // 0 none, 1 number, 2 compound
  let chain = '';
  let chainParts = 0;
  let link = '';
  const endChain = () => {
    if (chainKind === 1) out.push(chain);
    else if (chainKind === 2 && chainParts > 1) out.push(chain);
    chainKind = 0;
    chainParts = 0;
  };
  let i = 0;
  while (i < n) {
    const first = charKind(s.charCodeAt(i)) & 3;
    if (first !== 1 && first !== 2) {
      i++;
      continue;
    }
    const start = i;
    let letters = false;
    let digits = false;
    let fix = false;
    for (; i < n; i++) {
      const raw = charKind(s.charCodeAt(i));
      const kind = raw & 3;
      if (raw > 3) fix = true;
      if (kind === 1) letters = true;
      else if (kind === 2) digits = true;
      else if (kind !== 3) break;
      else {
        // An apostrophe stays inside a word only between two letters or digits.
        const next = i + 1 < n ? charKind(s.charCodeAt(i + 1)) & 3 : 0;
        if (next !== 1 && next !== 2) break;
      }
    }
    const run = fix ? normalizeText(s.slice(start, i)) : s.slice(start, i);
    const kind = digits && !letters ? 1 : letters && !digits ? 2 : 3;
    if (chainParts > 0 && kind === chainKind && (kind === 1 || link === '-')) {
      chain += kind === 1 ? link + run : run;
      chainParts += 1;
    } else {
      endChain();
      chainKind = kind === 1 ? 1 : kind === 2 && compounds ? 2 : 0;
      chain = run;
      chainParts = 1;
    }
    if (kind !== 1 && (run.length >= minLength || digits)) out.push(run);
    const after = i + 1 < n ? charKind(s.charCodeAt(i + 1)) & 3 : 0;
    link = after === 1 || after === 2 ? linkChar(s[i]) : '';
    if (link === '') endChain();
  }
  endChain();
  return out;
}

/** The words of a stored text the index keeps (see `textWords`). */
export function indexWords(text: string, out: string[] = []): string[] {
  return textWords(text, out, { minLength: 2, compounds: true });
}

/** The words of a query, in order, without repeats; one-letter words are kept. */
export function queryWords(text: string): string[] {
  return [...new Set(textWords(text, [], { minLength: 1 }))];
}

function isDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

/**
 * A number (registry, journal, receipt, alias) the ways it is compared:
 * - `key`, for prefix matching: runs of letters (on the skeleton level) and of digits (as
 *   written), one dash between runs: «2026-0042» → `2026-0042`, «Ж 15/2» → `ж-15-2`;
 * - `canon`, the same without leading zeros: «2026-0042», «2026-42» and «2026 42» are one
 *   number, `2026-42`;
 * - `sequence`, the last run of digits without leading zeros: «2026-0042» → `42`;
 * - `year`, the year it starts with («2026-0042» → 2026), or null.
 */
export interface ParsedNumber {
  key: string;
  canon: string;
  sequence: string | null;
  year: number | null;
}

export function parseNumber(s: string): ParsedNumber {
  const runs = [...normalizeText(s).matchAll(/\p{L}+|\d+/gu)].map((m) => m[0]);
  const key: string[] = [];
  const canon: string[] = [];
  let sequence: string | null = null;
  for (const run of runs) {
    if (isDigits(run)) {
      key.push(run);
      sequence = stripZeros(run);
      canon.push(sequence);
    } else {
      const skeleton = skeletonForm(run);
      key.push(skeleton);
      canon.push(skeleton);
    }
  }
  const first = runs[0];
  let year: number | null = null;
  if (runs.length > 1 && first !== undefined && /^\d{4}$/.test(first)) {
    const y = Number(first);
    if (y >= 1990 && y <= 2200) year = y;
  }
  return { key: key.join('-'), canon: canon.join('-'), sequence, year };
}

/**
 * The digits of a phone as stored and compared: E.164 without «+», and a Kazakhstan number
 * dialled with the trunk prefix (8 701 …) as 7 701 ….
 */
export function phoneDigits(s: string): string {
  const digits = s.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
}
