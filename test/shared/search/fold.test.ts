import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  KAZAKH_FOLD,
  SPELLINGS,
  exactForm,
  foldForm,
  isTypoOf,
  normalizeText,
  openSkeletons,
  skeletonAliases,
  skeletonForm,
  skeletonOfText,
  spell,
  wordForms,
} from '@shared/search';
import { REAL_NAMES, TYPO_SPELLINGS } from './realNames';

/** The skeleton of one word as typed (any case, any script). */
const skeleton = (word: string) => skeletonForm(exactForm(normalizeText(word)));
/** Every skeleton a stored word is indexed under. */
const indexed = (word: string) => {
  const exact = exactForm(normalizeText(word));
  return [skeletonForm(exact), ...skeletonAliases(exact)];
};
/** Whether a typed text meets a stored one word by word on the skeleton level. */
const meets = (typed: string, stored: string) => {
  const a = normalizeText(typed).split(/[\s-]+/);
  const b = normalizeText(stored).split(/[\s-]+/);
  return a.length === b.length && a.every((w, i) => indexed(b[i]!).includes(skeleton(w)));
};

describe('the fold table (level 2)', () => {
  it('folds each Kazakh letter to its Russian look-alike, and ё to е', () => {
    expect(Object.keys(KAZAKH_FOLD).join('')).toBe('әғқңөұүһіё');
    expect(foldForm('әғқңөұүһіё')).toBe('агкноуухие');
    expect(foldForm('ӘҒҚ'.toLowerCase())).toBe('агк');
  });

  it('makes Толегенова meet Төлегенова, but keeps them different words on level 1', () => {
    const a = wordForms(normalizeText('Төлегенова'));
    const b = wordForms(normalizeText('Толегенова'));
    expect(a.exact).not.toBe(b.exact);
    expect(a.fold).toBe(b.fold);
    expect(a.skeleton).toBe(b.skeleton);
  });

  it('keeps қыз and кыз different to a reader: same fold, different exact form', () => {
    expect(exactForm('қыз')).not.toBe(exactForm('кыз'));
    expect(foldForm('қыз')).toBe(foldForm('кыз'));
  });

  it('normalises case, ё, the Latin schwa, apostrophes and dashes', () => {
    expect(normalizeText('ЁЛКА Сайлаушылармен əрекеттесу')).toBe('елка сайлаушылармен әрекеттесу');
    expect(normalizeText('To’legenova – Qazaqstan')).toBe("to'legenova - qazaqstan");
    expect(normalizeText('İzbasar')).toBe('izbasar');
    expect(normalizeText('Е\u0308лка')).toBe('елка');
  });
});

describe('the skeleton (level 3): Latin spellings meet Cyrillic names', () => {
  it.each([
    ['Tolegenova', 'Төлегенова'],
    ['Tölegenova', 'Төлегенова'],
    ['Qasymov', 'Қасымов'],
    ['Kasymov', 'Қасымов'],
    ['Kassymov', 'Қасымов'],
    ['Zhanar', 'Жанар'],
    ['Janar', 'Жанар'],
    ['Shynar', 'Шынар'],
    ['Chekhov', 'Чехов'],
    ['Akhmetov', 'Ахметов'],
    ['Yuriy', 'Юрий'],
    ['Iurii', 'Юрий'],
    ['Yakovlev', 'Яковлев'],
    ['Iakovlev', 'Яковлев'],
    ['Tsoy', 'Цой'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(skeleton(latin)).toBe(skeleton(cyrillic));
  });

  it('reads the ambiguous letters the way spellings use them', () => {
    // y, ы, й, и, і are one letter; q, k, kh, h, қ, х are one; c by the English rule.
    expect(skeleton('Sergey')).toBe(skeleton('Сергей'));
    expect(skeleton('Dmitry')).toBe(skeleton('Дмитрий'));
    expect(skeleton('Bakhytzhan')).toBe(skeleton('Бақытжан'));
    expect(skeleton('Бахытжан')).toBe(skeleton('Бақытжан'));
    expect(skeleton('Victor')).toBe(skeleton('Виктор'));
    expect(skeleton('Alice')).toBe(skeleton('Алисе'));
    // x is кс, j is ж, w is у
    expect(skeleton('Xenia')).toBe(skeleton('Ксения'));
    expect(skeleton('Jumabaev')).toBe(skeleton('Жұмабаев'));
    expect(skeleton('Walikhanov')).toBe(skeleton('Уәлиханов'));
    // ye/yo/yu/ya and the soft sign
    expect(skeleton('Yerlan')).toBe(skeleton('Ерлан'));
    expect(skeleton('Pyotr')).toBe(skeleton('Пётр'));
    expect(skeleton('Natalya')).toBe(skeleton('Наталья'));
    expect(skeleton("Ol'ga")).toBe(skeleton('Ольга'));
    // Doubled letters collapse, digits never: house 11 is not house 1.
    expect(skeleton('Касс')).toBe('кас');
    expect(skeleton('11а')).toBe('11а');
    expect(skeleton('2026-0011')).toBe('2026-0011');
  });

  it('reads the Kazakh Latin alphabets of 2017, 2018 and 2021', () => {
    expect(skeleton("Qazaqstan Respy'blikasy".split(' ')[1]!)).toBe(skeleton('Республикасы'));
    expect(skeleton("s'ag'yn")).toBe(skeleton('шағын'));
    expect(skeleton("c'ek")).toBe(skeleton('чек'));
    expect(skeleton('Respýblıkasy')).toBe(skeleton('Республикасы'));
    expect(skeleton('şaharynyñ')).toBe(skeleton('шаһарының'));
    expect(skeleton('ülken')).toBe(skeleton('үлкен'));
    expect(skeleton('būğan')).toBe(skeleton('бұған'));
    expect(skeleton('İzbasar')).toBe(skeleton('Ізбасар'));
  });

  it('reads Latin look-alikes in a Cyrillic word by their look', () => {
    // A Kazakh і typed as Latin i, a Latin c and e in «Сергей».
    expect(exactForm(normalizeText('Сейiтов'))).toBe('сейітов');
    expect(exactForm(normalizeText('Cергeй'))).toBe('сергей');
    expect(skeleton('Сейiтов')).toBe(skeleton('Сейітов'));
    // A whole Latin word is read by its sound: «cep» is not «сер».
    expect(exactForm('cep')).toBe('cep');
  });

  it('indexes «сх» also as «ш», the 2021 and loose spelling «Ashat» of Асхат', () => {
    expect(skeletonAliases('асхат')).toEqual([skeleton('Ashat')]);
    expect(skeletonAliases('ахмет')).toEqual([]);
    expect(indexed('Асхат')).toContain(skeleton('Askhat'));
  });

  it('tries the letters a half-typed Latin sequence may become', () => {
    expect(openSkeletons('z')).toEqual(['з', 'ж']);
    expect(openSkeletons('tolegenova')).toEqual([skeleton('Tolegenova')]);
    expect(openSkeletons('kas')).toEqual(['кас', 'каш']);
    expect(openSkeletons('y')).toEqual(['и', 'е', 'у']);
    expect(openSkeletons('төлеген')).toEqual(['толеген']);
  });

  it('finds every real name in each of its real Latin spellings', () => {
    expect(REAL_NAMES.length).toBeGreaterThanOrEqual(100);
    const missed = REAL_NAMES.flatMap(([cyrillic, ...latin]) =>
      latin.filter((l) => !meets(l, cyrillic)).map((l) => `${l} ≠ ${cyrillic}`),
    );
    expect(missed).toEqual([]);
  });

  it('finds every real name in every spelling the table writes', () => {
    const missed: string[] = [];
    for (const [cyrillic] of REAL_NAMES) {
      for (const system of SPELLINGS) {
        const written = spell(cyrillic, system);
        if (!meets(written, cyrillic)) missed.push(`${system}: ${written} ≠ ${cyrillic}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('writes the spellings of a name as documented', () => {
    expect(spell('Төлегенова Жанар', 'kazakh2021')).toBe('Tölegenova Janar');
    expect(spell('Қасымов Ерлан', 'passport')).toBe('Kasymov Erlan');
    expect(spell('Қасымов Ерлан', 'passportOld')).toBe('Kassymov Yerlan');
    expect(spell('Жұмабаев Бауыржан', 'kazakh2021')).toBe('Jūmabaev Bauyrjan');
    expect(spell('Шевченко Юрий', 'passport')).toBe('Shevchenko Iurii');
    expect(spell('Шевченко Юрий', 'english')).toBe('Shevchenko Yuriy');
    expect(spell('Ізбасар', 'kazakh2021')).toBe('Izbasar');
    expect(spell('Ілияс', 'kazakh2021')).toBe('Iliias');
    expect(spell('Сейітов', 'kazakh2018')).toBe('Seıitov');
    expect(spell('Әсел', 'kazakh2017')).toBe("A'sel");
    expect(spell('Төлегенова', 'russianKeyboard')).toBe('Толегенова');
  });

  it('leaves spellings of another Cyrillic form one typo away, not lost', () => {
    for (const [cyrillic, latin] of TYPO_SPELLINGS) {
      expect(skeleton(latin), latin).not.toBe(skeleton(cyrillic));
      expect(isTypoOf(skeleton(latin), skeleton(cyrillic)), latin).toBe(true);
    }
  });

  it('gives a person name the skeletons of its words', () => {
    expect(skeletonOfText('Төлегенова Жанар')).toEqual(skeletonOfText('Tolegenova Zhanar'));
    expect(skeletonOfText(' , ')).toEqual([]);
  });
});

/** Letters the search meets: Cyrillic with Kazakh letters, Latin with marks, signs. */
const LETTERS = [
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі',
  ...'abcdefghijklmnopqrstuvwxyzäáğǵıñńöóüúūýşçž',
  ..."АӘҒҚZSHİ'’ -0123456789",
];
const word = fc.string({ unit: fc.constantFrom(...LETTERS), maxLength: 16 });

describe('properties of folding', () => {
  it('is idempotent on every level', () => {
    fc.assert(
      fc.property(fc.oneof(word, fc.string()), (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        const exact = exactForm(n);
        expect(exactForm(exact)).toBe(exact);
        const fold = foldForm(exact);
        expect(foldForm(fold)).toBe(fold);
        const sk = skeletonForm(exact);
        expect(skeletonForm(sk)).toBe(sk);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the levels nested: equal exact forms have equal folds and skeletons', () => {
    fc.assert(
      fc.property(word, (s) => {
        const forms = wordForms(normalizeText(s));
        expect(skeletonForm(forms.fold)).toBe(forms.skeleton);
      }),
      { numRuns: 500 },
    );
  });

  it('reduces a Cyrillic name and its Russian-keyboard spelling to one skeleton', () => {
    const name = fc.constantFrom(...REAL_NAMES.map(([cyrillic]) => cyrillic));
    fc.assert(
      fc.property(name, fc.constantFrom(...SPELLINGS), fc.boolean(), (n, system, upper) => {
        const written = spell(n, system);
        expect(meets(upper ? written.toUpperCase() : written.toLowerCase(), n)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
