/**
 * The words of a text for the personal-data check (pii.ts, piiNames.ts, piiText.ts), found
 * by one loop over its letters instead of a regular expression's match objects: every
 * printed text is checked, so this runs over every word of a report. The words are exactly
 * the matches of `/\p{L}+(?:['’]\p{L}+)*\/gu` (`words`) or of `/\p{L}+/gu` (`letterRuns`).
 */

const LETTER = /^\p{L}$/u;

/** By UTF-16 code: 0 not looked at yet, 1 a letter, 2 not a letter (surrogates: 2). */
const KIND = new Uint8Array(0x10000);
/** Letters past U+FFFF, by code point. */
const ASTRAL = new Map<number, boolean>();

function isLetterCode(code: number): boolean {
  let kind = KIND[code]!;
  if (kind === 0) {
    kind = code >= 0xd800 && code <= 0xdfff ? 2 : LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    KIND[code] = kind;
  }
  return kind === 1;
}

/** How many UTF-16 units the letter at `i` takes (1 or 2), or 0 when it is not a letter. */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return isLetterCode(code) ? 1 : 0;
  const low = text.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let letter = ASTRAL.get(point);
  if (letter === undefined) {
    letter = LETTER.test(String.fromCodePoint(point));
    ASTRAL.set(point, letter);
  }
  return letter ? 2 : 0;
}

/** A text's words as parallel lists of start and end offsets (end exclusive). */
export interface WordSpans {
  starts: number[];
  ends: number[];
}

function scan(text: string, apostrophes: boolean): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let size = letterAt(text, i);
    if (size === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i += size;
      while (i < n && (size = letterAt(text, i)) > 0) i += size;
      if (!apostrophes || i + 1 >= n) break;
      const code = text.charCodeAt(i);
      if (code !== 0x27 && code !== 0x2019) break;
      size = letterAt(text, i + 1);
      if (size === 0) break;
      i += 1;
    }
    starts.push(start);
    ends.push(i);
  }
  return { starts, ends };
}

/** The words of a name or a text: letters, joined by an apostrophe («Д’Артаньян», «Ko'zi»). */
export function words(text: string): WordSpans {
  return scan(text, true);
}

/** The runs of letters of a text (an apostrophe splits them). */
export function letterRuns(text: string): WordSpans {
  return scan(text, false);
}

// --- What a text is written with --------------------------------------------------------------

/** Bits of `traitsOf`. */
export const DIGIT = 1;
export const LATIN = 2;
export const CYRILLIC = 4;
/** The text is its own NFKC normal form. */
export const NFKC = 8;

const LATIN_SCRIPT = /\p{Script=Latin}/u;
const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;
const MARK = /\p{M}/u;
/** Codes past this (and the marks below it) take the plain way: `traitsOf` asks the patterns. */
const TRAIT_LIMIT = 0x500;
/**
 * The traits of each code below U+0500. NFKC: a letter or sign that is its own normal form
 * and no combining mark; a text of such codes only is its own normal form too, since the
 * codes below U+0500 compose only with combining marks.
 */
const TRAITS = new Uint8Array(TRAIT_LIMIT);
for (let code = 0; code < TRAIT_LIMIT; code++) {
  const ch = String.fromCharCode(code);
  TRAITS[code] =
    (code >= 0x30 && code <= 0x39 ? DIGIT : 0) |
    (LATIN_SCRIPT.test(ch) ? LATIN : 0) |
    (CYRILLIC_SCRIPT.test(ch) ? CYRILLIC : 0) |
    (ch.normalize('NFKC') === ch && !MARK.test(ch) ? NFKC : 0);
}

/**
 * Which of DIGIT (an ASCII digit, as `/\d/` finds), LATIN and CYRILLIC (a code of that
 * script) and NFKC the text has, in one loop over its codes; the patterns answer for a text
 * with a code past the table.
 */
export function traitsOf(text: string): number {
  let any = 0;
  let all = NFKC;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TRAIT_LIMIT) {
      return (
        (/\d/.test(text) ? DIGIT : 0) |
        (LATIN_SCRIPT.test(text) ? LATIN : 0) |
        (CYRILLIC_SCRIPT.test(text) ? CYRILLIC : 0) |
        (text.normalize('NFKC') === text ? NFKC : 0)
      );
    }
    const traits = TRAITS[code]!;
    any |= traits;
    all &= traits;
  }
  return (any & (DIGIT | LATIN | CYRILLIC)) | all;
}
