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
