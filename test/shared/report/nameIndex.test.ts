// The name index was rebuilt for speed (issue 13): stem pairs and initials instead of one
// entry per person. This checks it against the straightforward index it replaced, on random
// names and texts made of the same words in different cases, with initials and other letters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKey as fold } from '@shared/report/names';
import { NameIndex } from '@shared/report/pii';

const VOWEL_END = /[аеиоуыэюяь]$/;
const NAME_PARTICLES = new Set(['ули', 'кизи', 'огли']);
const MAX_ENDING = 6;
const MIN_STEM = 3;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const INITIAL_AFTER = /^\s+(\p{Lu})\./u;
const INITIAL_BEFORE = /(\p{Lu})\.\s*(?:\p{Lu}\.\s*)?$/u;

/** The index as it was: one reference per person and word. */
class ReferenceIndex {
  private readonly byStem = new Map<string, { person: number; word: number }[]>();
  private readonly initials: string[][] = [];
  private maxStem = 0;

  add(fullName: string): void {
    const words = (fold(fullName).match(WORD) ?? []).filter((w) => !NAME_PARTICLES.has(w));
    if (words.length < 2) return;
    const person = this.initials.length;
    this.initials.push(words.map((w) => w.charAt(0)));
    words.forEach((word, index) => {
      const stem = word.length > 4 && VOWEL_END.test(word) ? word.slice(0, -1) : word;
      if (stem.length < MIN_STEM) return;
      const refs = this.byStem.get(stem);
      const ref = { person, word: index };
      if (refs === undefined) this.byStem.set(stem, [ref]);
      else if (refs[refs.length - 1]?.person !== person) refs.push(ref);
      this.maxStem = Math.max(this.maxStem, stem.length);
    });
  }

  test(text: string): boolean {
    const seen = new Map<number, number>();
    for (const match of text.matchAll(WORD)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end - start < MIN_STEM) continue;
      const token = fold(match[0]);
      for (
        let length = Math.min(token.length, this.maxStem);
        length >= Math.max(MIN_STEM, token.length - MAX_ENDING);
        length--
      ) {
        const refs = this.byStem.get(token.slice(0, length));
        if (refs === undefined) continue;
        const after = INITIAL_AFTER.exec(text.slice(end, end + 4))?.[1];
        const before = INITIAL_BEFORE.exec(text.slice(Math.max(0, start - 8), start))?.[1];
        for (const { person, word } of refs) {
          const bits = (seen.get(person) ?? 0) | (1 << word);
          if (bits !== 1 << word) return true;
          seen.set(person, bits);
          const letters = this.initials[person] ?? [];
          for (const initial of [after, before]) {
            if (initial !== undefined && letters.some((l, i) => i !== word && l === fold(initial)))
              return true;
          }
        }
      }
    }
    return false;
  }
}

const WORDS = [
  'Ахметов',
  'Ахметова',
  'Ерлан',
  'Айгүл',
  'Айгуль',
  'Серікова',
  'Алма',
  'Роза',
  'Асан',
  'Асанов',
  'Ли',
  'Марат',
  'ұлы',
  'Төлегенов',
  'Иван',
];
const TEXT_WORDS = [
  ...WORDS,
  'Ахметовке',
  'Ерланға',
  'Алматы',
  'Асановой',
  'көше',
  'жол',
  'Е.',
  'А.',
  'М.С.',
  'И.',
  'Т.',
  'и',
  'мен',
  ',',
  '.',
  'Ахметовтың',
  'АЙГҮЛ',
];

const name = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
  .map((w) => w.join(' '));
const text = fc
  .array(fc.constantFrom(...TEXT_WORDS), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' '));

/** Both indexes of the names answer alike for every text. */
function sameAsReference(names: readonly string[], texts: readonly string[]): void {
  const index = new NameIndex();
  const reference = new ReferenceIndex();
  for (const n of names) {
    index.add(n);
    reference.add(n);
  }
  for (const t of texts) {
    expect(index.test(t), `${names.join('; ')} | ${t}`).toBe(reference.test(t));
  }
}

describe('NameIndex', () => {
  it('finds a name in a text exactly when the index it replaced did', () => {
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 12 }),
        fc.array(text, { minLength: 1, maxLength: 6 }),
        sameAsReference,
      ),
      { numRuns: 300 },
    );
  });

  it('tells apart the parts of names whose codes hash alike, and any spacing', () => {
    // The index finds a name's parts by a hash of their length and first and last two
    // letters, so these parts share it; names come with extra and outer spaces.
    const colliding = ['Ахметов', 'Ахмедов', 'Ахпетов', 'Ax-Beов'];
    const spacing = fc.constantFrom(' ', '  ', ' \u00a0');
    const spacedName = fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...colliding, ...WORDS), spacing), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
      )
      .map(([parts, outer]) => {
        const inner = parts.map(([word, gap]) => word + gap).join('');
        return outer ? ` ${inner}` : inner.trimEnd();
      });
    const spacedText = fc
      .array(fc.constantFrom(...colliding, ...TEXT_WORDS, 'Ахмедовке', 'Ахпетова'), {
        minLength: 1,
        maxLength: 8,
      })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(spacedName, { maxLength: 12 }),
        fc.array(spacedText, { minLength: 1, maxLength: 6 }),
        sameAsReference,
      ),
      { numRuns: 300 },
    );
    const index = new NameIndex();
    index.add('Ахметов Ахпетов');
    expect(index.test('Ахметов Ахпетов')).toBe(true);
    expect(index.test('Ахмедов Ахпетов')).toBe(false);
  });

  it('answers for the names added since the last text, too', () => {
    const index = new NameIndex();
    index.add('Ахметов Ерлан');
    expect(index.test('Ахметовке Айгүл хат жазды')).toBe(false);
    index.add('Ахметова Айгүл');
    expect(index.test('Ахметовке Айгүл хат жазды')).toBe(true);
    expect(index.test('А. Ахметова келді')).toBe(true);
  });

  it('still needs two words of one person, or a word and an initial of another', () => {
    const index = new NameIndex();
    index.add('Ахметов Ерлан Маратұлы');
    index.add('Алма Роза');
    expect(index.test('Ерлан Ахметовке хат жіберілді')).toBe(true);
    expect(index.test('Е. Ахметов келді')).toBe(true);
    expect(index.test('Ахметов А. келді')).toBe(false);
    expect(index.test('Алматы қаласы, Роза гүлі')).toBe(true);
    expect(index.test('Алматы қаласы')).toBe(false);
  });
});
