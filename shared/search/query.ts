/**
 * What a typed query asks for: words, each on the three levels, and what its digits may
 * be (a registry or journal number, the end of a phone, the start of an IIN).
 */
import { exactForm, foldForm, normalizeText, openSkeletons } from './fold';
import { parseNumber, phoneDigits, queryWords } from './tokens';

export interface QueryWord {
  /** Level 1 (exact letters). */
  exact: string;
  /** Level 2 (Kazakh letters folded). */
  fold: string;
  /** Level 3; more than one while a Latin sequence may be half typed («z» of «zh»). */
  skeletons: string[];
  /** The word's digits when it is a number (with or without separators), else null. */
  digits: string | null;
  /** The word as a number (see tokens.ts), when it holds a digit. */
  numberKey: string | null;
  numberCanon: string | null;
  /** Only digits: «0042», «42» — the sequence of a registry number of any year. */
  pureDigits: boolean;
}

/** A whole query made only of digits and phone punctuation is one number. */
const NUMBER_ONLY = /^[+\d\s().\-/‐‑‒–—]+$/;
const NUMBERISH = /^[\d\-/.]+$/;

function queryWord(word: string): QueryWord {
  const exact = exactForm(word);
  const hasDigit = /\d/.test(word);
  const number = hasDigit ? parseNumber(word) : null;
  return {
    exact,
    fold: foldForm(exact),
    skeletons: openSkeletons(exact),
    digits: hasDigit && NUMBERISH.test(word) ? word.replace(/\D/g, '') : null,
    numberKey: number?.key ?? null,
    numberCanon: number?.canon ?? null,
    pureDigits: /^\d+$/.test(word),
  };
}

/**
 * A piece of the query between spaces. Usually one word; «ж-17» or «Самал-2» are two words
 * (ж, 17) that are also one number: such a chunk matches a document that holds the number
 * or every one of its words.
 */
export interface QueryChunk {
  word: QueryWord;
  /** The chunk's words when it is more than one, else just `word`. */
  parts: QueryWord[];
}

/**
 * The chunks of a query, all required (AND). «+7 701 234-56-78», «8 (701) 234 56 78» and
 * «2026 42» are one number each, not several words.
 */
export function parseQuery(text: string): QueryChunk[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (NUMBER_ONLY.test(trimmed) && /\d/.test(trimmed) && /[\s()+]/.test(trimmed)) {
    const digits = phoneDigits(trimmed);
    const number = parseNumber(trimmed);
    const word: QueryWord = {
      exact: digits,
      fold: digits,
      skeletons: [digits],
      digits,
      numberKey: number.key,
      numberCanon: number.canon,
      pureDigits: false,
    };
    return [{ word, parts: [word] }];
  }
  const chunks: QueryChunk[] = [];
  const seen = new Set<string>();
  const add = (word: QueryWord, parts: QueryWord[] = [word]) => {
    const key = parts.map((p) => p.exact).join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    chunks.push({ word, parts });
  };
  for (const piece of trimmed.split(/\s+/)) {
    const words = queryWords(piece);
    if (words.length === 1 || (words.length > 1 && !/\d/.test(piece))) {
      for (const w of words) add(queryWord(w));
    } else if (words.length > 1) {
      add(queryWord(normalizeText(piece)), words.map(queryWord));
    }
  }
  return chunks;
}
