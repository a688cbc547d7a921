// The report's personal-data check reads letter case and name keys from tables (names.ts)
// instead of making strings: each helper must answer exactly what the plain way answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignedKey,
  alignedKeyNumber,
  changesInUpperCase,
  keyLayout,
  keyNumber,
  lowerCase,
  startsWithCapital,
} from '@shared/report/names';

/** Any code below U+0600 (past the tables' U+0500 too), and some past U+FFFF. */
const code = fc.oneof(
  fc.integer({ min: 0, max: 0x5ff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\ud835\udc00', '\ud801\udc00', '\ud800', '\udc00', 'ß', 'ŉ', 'ΐ', 'İ', 'Σ'),
);
const word = fc.array(code, { maxLength: 8 }).map((codes) => codes.join(''));

describe('letter case from the tables', () => {
  it('startsWithCapital is first !== lowerCase(first)', () => {
    fc.assert(
      fc.property(word, (w) => {
        const first = w.charAt(0);
        expect(startsWithCapital(w)).toBe(first !== lowerCase(first));
      }),
      { numRuns: 5000 },
    );
    for (let c = 0; c < 0x600; c++) {
      const letter = String.fromCharCode(c);
      expect(startsWithCapital(letter), letter).toBe(letter !== letter.toLowerCase());
    }
  });

  it('changesInUpperCase is word !== word.toUpperCase()', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(changesInUpperCase(w)).toBe(w !== w.toUpperCase());
      }),
      { numRuns: 5000 },
    );
    expect(changesInUpperCase('АБАЙ')).toBe(false);
    expect(changesInUpperCase('Абай')).toBe(true);
    expect(changesInUpperCase('STRAßE')).toBe(true);
  });

  it('alignedKeyNumber is keyNumber of alignedKey, and keyNumber tells keys apart', () => {
    fc.assert(
      fc.property(
        fc.array(code, { minLength: 3, maxLength: 8 }).map((codes) => codes.join('')),
        (text) => {
          fc.pre(keyLayout(text) === 'aligned');
          for (let start = 0; start + 3 <= text.length; start++) {
            expect(alignedKeyNumber(text, start)).toBe(keyNumber(alignedKey(text, start, 3)));
          }
        },
      ),
      { numRuns: 5000 },
    );
    const keys = ['абв', 'абг', 'әбв', 'abc', 'ab', 'abcd', 'a\u2c65b'];
    const numbers = keys.map(keyNumber);
    expect(numbers.slice(4)).toEqual([-1, -1, -1]);
    expect(new Set(numbers.slice(0, 4)).size).toBe(4);
    expect(alignedKeyNumber('ТӘБ', 0)).toBe(keyNumber('таб'));
  });
});
