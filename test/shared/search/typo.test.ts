import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  exactForm,
  isTypoOf,
  nameLetters,
  normalizeText,
  skeletonForm,
  typoCandidates,
} from '@shared/search';
import { TYPO_SPELLINGS } from './realNames';

const skeleton = (word: string) => skeletonForm(exactForm(normalizeText(word)));

describe('typo candidates', () => {
  it('offers every name a Latin spelling is a typo of, among others', () => {
    const names = TYPO_SPELLINGS.map(([cyrillic]) => skeleton(cyrillic));
    const letters = nameLetters(names);
    for (const [cyrillic, latin] of TYPO_SPELLINGS) {
      expect([...typoCandidates(letters, skeleton(latin))], latin).toContain(skeleton(cyrillic));
    }
    // Not every name: «тулеген» is not tested against «людмила».
    expect([...typoCandidates(letters, skeleton('Tulegen'))]).not.toContain(skeleton('Людмила'));
  });

  it('never leaves out a typo, and offers each name once', () => {
    // Few letters, and names made from the query by one edit, so that typos are frequent.
    const letter = fc.constantFrom(...'абвгд');
    const text = (minLength: number) => fc.string({ unit: letter, minLength, maxLength: 8 });
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('replace', 'drop', 'add'),
      letter,
      tail: text(0),
    });
    const apply = (
      query: string,
      e: { at: number; kind: string; letter: string; tail: string },
    ) => {
      const at = e.at % query.length;
      const cut = e.kind === 'add' ? at : at + 1;
      return query.slice(0, at) + (e.kind === 'drop' ? '' : e.letter) + query.slice(cut) + e.tail;
    };
    fc.assert(
      fc.property(
        text(5),
        fc.array(edit, { maxLength: 20 }),
        fc.array(text(1)),
        (query, edits, other) => {
          const names = [...new Set([...edits.map((e) => apply(query, e)), ...other])];
          const offered = [...typoCandidates(nameLetters(names), query)];
          expect(new Set(offered).size).toBe(offered.length);
          for (const name of names) {
            if (isTypoOf(query, name)) expect(offered).toContain(name);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
