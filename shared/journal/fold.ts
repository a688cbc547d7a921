/**
 * One folded form of a header or a value for comparing what offices type: lower case, ё → е,
 * Latin schwa → ә, «№» kept as a word, every other punctuation a space, single spaces.
 */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/ə/g, 'ә')
    .replace(/№|n°|#/g, ' № ')
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim();
}

export function foldWords(text: string): string[] {
  const f = fold(text);
  return f === '' ? [] : f.split(' ');
}
