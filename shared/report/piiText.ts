/**
 * Text preparation for the personal-data check (pii.ts): undoing what hides a name, a number
 * or an e-mail from a plain pattern — Latin look-alike letters inside Cyrillic words,
 * transliterated names, numbers written in words, e-mails written with «[at]» and «dot».
 * Every function returns new text; nothing here decides what is personal data.
 */

import { BASIC_LATIN_LETTERS } from '../search/alphabet';
import { lowerCase } from './names';
import { letterRuns, type WordSpans } from './piiWords';

// --- Look-alike letters and transliteration --------------------------------------------------

/** Latin letters that look like Cyrillic ones (a→а, i→і…), for words that mix the scripts. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'һ',
  b: 'в',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /[\p{L}\p{M}]+/gu;

/** Whether a word mixes Latin and Cyrillic letters («Серiкова» with a Latin i). */
export function mixesScripts(word: string): boolean {
  return LATIN.test(word) && CYRILLIC.test(word);
}

/**
 * The text with every mixed-script word written in Cyrillic (look-alikes replaced, other
 * Latin letters transliterated), and whether there was such a word.
 */
export function fixLookalikes(text: string): { text: string; mixed: boolean } {
  if (!LATIN.test(text) || !CYRILLIC.test(text)) return { text, mixed: false };
  let mixed = false;
  const out = text.replace(WORD, (word) => {
    if (!mixesScripts(word)) return word;
    mixed = true;
    const replaced = [...word].map((ch) => LOOKALIKE[ch] ?? ch).join('');
    return LATIN.test(replaced) ? transliterateWord(replaced) : replaced;
  });
  return { text: out, mixed };
}

/** Latin to Cyrillic as names are spelled in passports and on social networks. */
const DIGRAPHS: readonly [RegExp, string][] = [
  [/shch/g, 'щ'],
  [/sch/g, 'щ'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/sh/g, 'ш'],
  [/ch/g, 'ч'],
  [/ts/g, 'ц'],
  [/^ye/g, 'е'],
  [/^yo/g, 'ё'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/iya$/g, 'ия'],
  [/ia$/g, 'ия'],
  [/gh/g, 'ғ'],
];

/**
 * Single Latin letters: the search's basic 26, except that «y» is й (Aybek, Nurlybay), and
 * the letters with marks of the Kazakh Latin alphabet of 2021 (ı is ы here).
 */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ...BASIC_LATIN_LETTERS,
  y: 'й',
  ä: 'ә',
  ğ: 'ғ',
  ı: 'ы',
  ñ: 'ң',
  ö: 'ө',
  ū: 'ұ',
  ü: 'ү',
  ş: 'ш',
  ç: 'ч',
  é: 'е',
};

function transliterateWord(word: string): string {
  let lower = word.toLowerCase();
  for (const [pattern, replacement] of DIGRAPHS) lower = lower.replace(pattern, replacement);
  const cyrillic = [...lower].map((ch) => LATIN_LETTERS[ch] ?? ch).join('');
  const first = word.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase()
    ? cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1)
    : cyrillic;
}

/**
 * The text with every all-Latin word of three letters or more transliterated into Cyrillic
 * («Aigul Serikova» → «Аигул Серикова»), so names written in Latin are found like the others.
 */
export function transliterateLatin(text: string): string {
  if (!LATIN.test(text)) return text;
  return text.replace(WORD, (word) =>
    word.length >= 3 && LATIN.test(word) && !CYRILLIC.test(word) ? transliterateWord(word) : word,
  );
}

// --- Numbers ---------------------------------------------------------------------------------

/**
 * Dates, registry numbers and times, masked before digits are looked at, so «01.07.2026 –
 * 30.09.2026» or «2026-0042–2026-0050» never read as one long number.
 */
const DATE_LIKE: readonly RegExp[] = [
  /(?<!\d)(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:19|20)?\d{2}(?!\d)/g,
  /(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/g,
  /(?<![\d\s\-–—.()\u00a0]\s?|\d)20\d{2}-\d{4,6}(?!\d)/g,
  /(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)/g,
];

export function maskDates(text: string): string {
  if (!/\d/.test(text)) return text;
  let out = text;
  for (const pattern of DATE_LIKE) out = out.replace(pattern, (m) => '‹'.padEnd(m.length, '›'));
  return out;
}

const UNITS: Readonly<Record<string, number>> = {
  // Russian
  ноль: 0,
  нуль: 0,
  один: 1,
  одна: 1,
  одно: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  // Kazakh
  нөл: 0,
  бір: 1,
  екі: 2,
  үш: 3,
  төрт: 4,
  бес: 5,
  алты: 6,
  жеті: 7,
  сегіз: 8,
  тоғыз: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  шестнадцать: 16,
  семнадцать: 17,
  восемнадцать: 18,
  девятнадцать: 19,
  он: 10,
};
const TENS: Readonly<Record<string, number>> = {
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
  жиырма: 20,
  отыз: 30,
  қырық: 40,
  елу: 50,
  алпыс: 60,
  жетпіс: 70,
  сексен: 80,
  тоқсан: 90,
};
const HUNDREDS: Readonly<Record<string, number>> = {
  сто: 100,
  двести: 200,
  триста: 300,
  четыреста: 400,
  пятьсот: 500,
  шестьсот: 600,
  семьсот: 700,
  восемьсот: 800,
  девятьсот: 900,
};
/** Kazakh says hundreds as "seven hundred": «жеті жүз». */
const KK_HUNDRED = 'жүз';

function isNumberWord(word: string): boolean {
  return word in UNITS || word in TEENS || word in TENS || word in HUNDREDS || word === KK_HUNDRED;
}

/** Number words read as the digit groups a person dictates: «семьсот один» → 701. */
function wordsToNumbers(words: readonly string[]): number[] {
  const out: number[] = [];
  let current: number | null = null;
  /** The place of the last part added: 3 hundreds, 2 tens, 1 units. */
  let place = 4;
  const flush = () => {
    if (current !== null) out.push(current);
    current = null;
    place = 4;
  };
  for (const word of words) {
    if (word === KK_HUNDRED) {
      // «жүз» alone is a hundred; after a unit it multiplies it.
      if (current !== null && place === 1 && current < 10) current *= 100;
      else {
        flush();
        current = 100;
      }
      place = 3;
    } else if (word in HUNDREDS) {
      flush();
      current = HUNDREDS[word]!;
      place = 3;
    } else if (word in TENS || word in TEENS) {
      const value = (TENS[word] ?? TEENS[word])!;
      if (current === null || place <= 2) flush();
      current = (current ?? 0) + value;
      place = word in TEENS ? 1 : 2;
    } else {
      const value = UNITS[word]!;
      if (current === null || place <= 1 || value === 0) flush();
      current = (current ?? 0) + value;
      place = 1;
      if (value === 0) flush();
    }
  }
  flush();
  return out;
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  ...Object.keys(HUNDREDS),
  KK_HUNDRED,
]);

/** By code below U+0500: the code of its `lowerCase`, or -1 when that is not one code. */
const LOWER_CODE = Int32Array.from({ length: 0x500 }, (_, code) => {
  const lower = lowerCase(String.fromCharCode(code));
  return lower.length === 1 && code !== 0x3a3 ? lower.charCodeAt(0) : -1;
});

/**
 * The codes of the first two letters of `lowerCase` of a word that begins with codes `a`
 * and `b`, as one number; -1 when the tables cannot tell (a code past them, Σ, İ).
 */
function lowerPair(a: number, b: number): number {
  const la = a < 0x500 ? LOWER_CODE[a]! : -1;
  const lb = b < 0x500 ? LOWER_CODE[b]! : -1;
  return la < 0 || lb < 0 ? -1 : la * 0x10000 + lb;
}

/**
 * The first two letters of the number words, as `lowerPair` codes: other words need no
 * look-up (every number word has two letters or more).
 */
const NUMBER_WORD_STARTS: ReadonlySet<number> = new Set(
  [...NUMBER_WORDS].map((word) => lowerPair(word.charCodeAt(0), word.charCodeAt(1))),
);
const LONGEST_NUMBER_WORD = Math.max(...[...NUMBER_WORDS].map((word) => word.length));

/**
 * Whether number words could make a phone or an IIN here: one is enough next to digits
 * («8 701 жүз…»), a phone written wholly in words takes five or more. A lone «бір» (one,
 * also "a") in a sentence without digits is left alone.
 */
function worthConverting(text: string, { starts, ends }: WordSpans): boolean {
  const digits = /\d/.test(text);
  let count = 0;
  for (let w = 0; w < starts.length; w++) {
    if (ends[w]! - starts[w]! > LONGEST_NUMBER_WORD) continue;
    const start = starts[w]!;
    const pair =
      ends[w]! - start >= 2 ? lowerPair(text.charCodeAt(start), text.charCodeAt(start + 1)) : -1;
    if (pair >= 0 && !NUMBER_WORD_STARTS.has(pair)) continue;
    if (NUMBER_WORDS.has(lowerCase(text.slice(starts[w], ends[w])))) {
      count += 1;
      if (digits || count >= 5) return true;
    }
  }
  return false;
}

/**
 * The text with runs of number words turned into digits («8 701 жүз жиырма үш 45 67» →
 * «8 701 123 45 67», «плюс семь семьсот один…» → «+ 7 701…»), for the phone and IIN scan
 * only: a stray «бір» (one, also "a") becomes «1», which no pattern reads as anything.
 * `runs`: the text's `letterRuns`, when known.
 */
export function numberWordsToDigits(text: string, runs: WordSpans = letterRuns(text)): string {
  if (!worthConverting(text, runs)) return text;
  const tokens = text.match(/\p{L}+|[^\p{L}]+/gu) ?? [];
  const out: string[] = [];
  let run: string[] = [];
  /** Separators seen since the last number word, kept only if the run ends. */
  let pending = '';
  const flush = () => {
    if (run.length > 0) out.push(wordsToNumbers(run).join(' '));
    run = [];
    out.push(pending);
    pending = '';
  };
  for (const token of tokens) {
    const word = lowerCase(token);
    if (/^\p{L}/u.test(token) && isNumberWord(word)) {
      if (run.length > 0 && !/^[\s\-–]*$/.test(pending)) flush();
      else pending = '';
      run.push(word);
    } else if (run.length > 0 && /^[\s\-–]+$/.test(token)) {
      pending += token;
    } else {
      flush();
      out.push(word === 'плюс' ? '+' : token);
    }
  }
  flush();
  return out.join('');
}

// --- E-mails ---------------------------------------------------------------------------------

const AT_WORDS = String.raw`(?:at|собака|собачка|эт|ат)`;
const DOT_WORDS = String.raw`(?:dot|точка|нүкте|нукте)`;

/**
 * The text with obfuscated e-mail addresses written plainly: «aigul.serikova [at] mail.ru»,
 * «aigul (собака) mail.ru», «aigul at mail dot ru» → «aigul.serikova@mail.ru».
 */
const OBFUSCATED_DOT = new RegExp(
  String.raw`([A-Za-z0-9])\s*[\[(<{]?\s*${DOT_WORDS}\s*[\])>}]?\s*([A-Za-z0-9])`,
  'giu',
);
const OBFUSCATED_AT = new RegExp(
  String.raw`([A-Za-z0-9._%+-])\s*(?:[\[(<{]\s*(?:${AT_WORDS}|@)\s*[\])>}]|\s${AT_WORDS}\s)\s*([A-Za-z0-9])`,
  'giu',
);

export function deobfuscateEmails(text: string): string {
  // The part before the @ of every address these patterns rebuild is Latin.
  if (!/[A-Za-z]/.test(text)) return text;
  return text.replace(OBFUSCATED_DOT, '$1.$2').replace(OBFUSCATED_AT, '$1@$2');
}

/** Mail services people give without the domain's ending («aigul@mail», «aigul at gmail»). */
export const MAIL_SERVICES =
  /@(?:mail|gmail|yandex|inbox|list|bk|icloud|outlook|hotmail|yahoo|rambler|ya)(?![\p{L}\d]|\.[\p{L}\d])/iu;
