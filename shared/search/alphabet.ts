/**
 * The written tables of the search's folding and transliteration (docs/search.md explains
 * them with examples). Three levels compare a typed word with a stored one:
 *
 * 1. exact — lower case, ё → е, the Latin schwa ə → ә: every Kazakh letter counts;
 * 2. folded — the Kazakh letters become their Russian look-alikes (`KAZAKH_FOLD`), the way
 *    a Russian keyboard or a phone types them: «Төлегенова» and «Толегенова» meet here;
 * 3. skeleton — Latin spellings are read into Cyrillic (`LATIN_SEQUENCES`, `LATIN_LETTERS`),
 *    and letters that spellings disagree on collapse into one (`SKELETON`), then doubled
 *    letters become one: «Tolegenova», «Tölegenova», «Qasymov», «Kassymov», «Zhanar»,
 *    «Janar» meet their Cyrillic names here.
 *
 * A match on a higher level ranks above a lower one, so folding widens what is found and
 * never what ranks first.
 */

/** Level 2: a Kazakh letter as a Russian keyboard writes it (ё is folded here too). */
export const KAZAKH_FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};

/**
 * Kazakh letters as Russian texts of Kazakhstan write them (Гүлнар → Гулнар, «Төле би» →
 * «Толе би»), both cases: the letters of `KAZAKH_FOLD` without ё, which Russian keeps.
 * For spelling a Kazakh name in a Russian text (the demo's people, place names), not search.
 */
export const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(KAZAKH_FOLD)
    .filter(([kk]) => kk !== 'ё')
    .flatMap(([kk, ru]) => [
      [kk, ru],
      [kk.toLocaleUpperCase('kk'), ru.toLocaleUpperCase('ru')],
    ]),
);

/**
 * Level 3, applied after `KAZAKH_FOLD`: letters that the spellings of one name disagree on
 * become one letter, so every spelling reduces to the same skeleton.
 * - ы й и (and і, folded to и): Latin writes all of them as «y» or «i» (Kasymov, Qasımov,
 *   Dmitriy, Seitov);
 * - х (and һ) and к (and қ): «kh», «h», «k» and «q» stand for either, and Russian spellings
 *   of Kazakh names swap them (Бахытжан / Бақытжан);
 * - щ is ш (Shcherbakov / Sherbakov); ц is тс (Tsoy); э is е;
 * - ю and я are и + у and и + а (Yulia, Iuliia; Natalya, Natalia);
 * - the hard and soft signs are dropped (Наталья = Natalya, Ольга = Olga).
 * Every other Cyrillic letter, digit or sign stays as it is.
 */
export const SKELETON: Readonly<Record<string, string>> = {
  й: 'и',
  ы: 'и',
  х: 'к',
  щ: 'ш',
  ц: 'тс',
  э: 'е',
  ю: 'иу',
  я: 'иа',
  ъ: '',
  ь: '',
};

/**
 * Latin letter sequences read before single letters, longest first. They cover passport
 * (ICAO 9303) and English spellings (zh, kh, ch, sh, shch, ye, yo, yu, ya), the Kazakh Latin
 * alphabet of 2017 with apostrophes (s' = ш, c' = ч, y' = у) and loose spellings (gh = ғ,
 * sch = щ, ph = ф).
 */
export const LATIN_SEQUENCES: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['gh', 'ғ'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ph', 'ф'],
  ['ye', 'е'],
  ['yo', 'ё'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ["s'", 'ш'],
  ["c'", 'ч'],
  ["y'", 'у'],
];

/**
 * The basic 26 Latin letters as passports and English spellings use them. «c» is read by the
 * English rule: с before e, i, y, else к (Victor, Alice). «x» is кс (Alexander, Xenia). «j» is
 * ж, as in the Kazakh Latin alphabets (Janar, Jūmabaev). The report's personal-data check
 * (shared/report/piiText.ts) reads names with these too.
 */
export const BASIC_LATIN_LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'у',
  x: 'кс',
  y: 'ы',
  z: 'з',
};

/**
 * Single Latin letters: the basic 26, and the letters with marks of the Kazakh Latin
 * alphabets of 2018 (acute accents: á ǵ ń ó ú ý ı) and 2021 (ä ğ ñ ö ū ü ş ı İ), of
 * Turkish-based and scientific spellings (ç ş ž š č).
 */
export const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ...BASIC_LATIN_LETTERS,
  // Kazakh Latin 2021 and 2018, Turkish-based spellings
  ä: 'ә',
  á: 'ә',
  æ: 'ә',
  ğ: 'ғ',
  ǵ: 'ғ',
  ı: 'і',
  ñ: 'ң',
  ń: 'ң',
  ŋ: 'ң',
  ö: 'ө',
  ó: 'ө',
  ø: 'ө',
  ü: 'ү',
  ú: 'ү',
  ū: 'ұ',
  ý: 'у',
  ş: 'ш',
  ș: 'ш',
  š: 'ш',
  ç: 'ч',
  č: 'ч',
  ž: 'ж',
  // Marks that only decorate a vowel
  à: 'а',
  â: 'а',
  ã: 'а',
  å: 'а',
  ā: 'а',
  é: 'е',
  è: 'е',
  ê: 'е',
  ë: 'е',
  ē: 'е',
  í: 'и',
  ì: 'и',
  î: 'и',
  ï: 'и',
  ī: 'и',
  ò: 'о',
  ô: 'о',
  õ: 'о',
  ō: 'о',
  ù: 'у',
  û: 'у',
  ÿ: 'ы',
};

/**
 * Latin letters that look like Cyrillic ones. In a word that mixes the two scripts (a
 * keyboard switched mid-word, a Kazakh «і» typed as Latin «i») they are read by their look,
 * not their sound: «Сейiтов» is «Сейітов», «Cергей» is «Сергей».
 */
export const LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

/**
 * What a Latin letter typed last may turn into once the next letter comes: the prefix
 * «Zh» is ж but «Z» alone is read з, so a query ending in «z» also tries ж.
 */
export const OPEN_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  z: ['ж'],
  s: ['ш'],
  c: ['с', 'ч'],
  y: ['е', 'у'],
  p: ['ф'],
};

/**
 * Cyrillic letter pairs that a Latin spelling cannot tell from one letter: in the Kazakh
 * Latin alphabet of 2021 (ш is ş) and in loose spellings (х is h) «Асхат» is written
 * «Ashat», which reads as «Ашат». A stored word holding such a pair is indexed under a
 * second skeleton with the pair replaced, so both readings find it.
 */
export const AMBIGUOUS_PAIRS: readonly (readonly [string, string])[] = [
  ['сх', 'ш'],
  ['сһ', 'ш'],
];

/** Apostrophes of every keyboard, read as one. */
export const APOSTROPHES = /['’ʼ`´‘′ʹ]/;
