/**
 * One-letter typos in names: a query word of five or more letters (on the skeleton level)
 * finds a name word one edit away — a letter missed, added or replaced — whether the name
 * word is typed whole or only begun.
 */

/** Shortest query word (skeleton letters) that gets typo tolerance. */
export const TYPO_MIN_LENGTH = 5;

/** Whether a[0..la) and b[0..lb) are at most one edit apart. */
function withinOne(a: string, la: number, b: string, lb: number): boolean {
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  const common = Math.min(la, lb);
  while (i < common && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === common) return true; // equal, or one letter added at the end
  if (la === lb) {
    // one letter replaced at i
    for (let k = i + 1; k < la; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
    return true;
  }
  // one letter added to the longer one at i
  const [long, ll, short] = la > lb ? [a, la, b] : [b, lb, a];
  for (let k = i; k < ll - 1; k++) if (long.charCodeAt(k + 1) !== short.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether `query` is a typo of `word` or of a beginning of it. A beginning counts only when
 * it ends on the query's last letter: «тлеген» finds «толегенова» (a letter missed inside),
 * but «серик» does not find every «сери…» (that would be a guess about the next letter, not
 * a typo).
 */
export function isTypoOf(query: string, word: string): boolean {
  const lq = query.length;
  const lw = word.length;
  if (lq < TYPO_MIN_LENGTH) return false;
  if (withinOne(query, lq, word, lw)) return true;
  const last = query.charCodeAt(lq - 1);
  for (let k = Math.max(1, lq - 1); k <= lq + 1 && k < lw; k++) {
    if (word.charCodeAt(k - 1) === last && withinOne(query, lq, word, k)) return true;
  }
  return false;
}

/** Words (skeletons) by their first letter and by their second letter. */
export interface NameLetters {
  first: Map<string, string[]>;
  second: Map<string, string[]>;
}

function pushTo(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}

export function nameLetters(words: Iterable<string>): NameLetters {
  const letters: NameLetters = { first: new Map(), second: new Map() };
  for (const word of words) {
    pushTo(letters.first, word.charAt(0), word);
    if (word.length > 1) pushTo(letters.second, word.charAt(1), word);
  }
  return letters;
}

/**
 * The words that can be a typo of `query` (`isTypoOf`), each once, without testing every
 * word: one edit either leaves the first letters aligned (the word starts with the query's
 * first letter), replaces the first letter (its second letter is the query's second), drops
 * it from the query (it starts with the query's second letter) or adds one before it (its
 * second letter is the query's first).
 */
export function* typoCandidates(letters: NameLetters, query: string): Generator<string> {
  const q0 = query.charAt(0);
  const q1 = query.charAt(1);
  const starts = q0 === q1 ? [q0] : [q0, q1];
  for (const letter of starts) yield* letters.first.get(letter) ?? [];
  for (const letter of starts) {
    for (const word of letters.second.get(letter) ?? []) {
      const first = word.charAt(0);
      if (first !== q0 && first !== q1) yield word;
    }
  }
}
