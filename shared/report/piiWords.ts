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
