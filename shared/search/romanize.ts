/**
 * Cyrillic → Latin, in the spellings people meet Kazakh and Russian names in: the Kazakh
 * Latin alphabets of 2021, 2018 and 2017, passports (ICAO 9303 and the older spellings
 * still in many passports: Yerlan, Kassymov, Tokayev), English (BGN/PCGN-like), how people
 * type Kazakh in Latin on phones, and a Russian keyboard (Cyrillic without the Kazakh
 * letters). The search never needs these to find anything — it reads every spelling back
 * into one skeleton — but the tests use them to check that every spelling of a name finds
 * it, and docs/search.md shows them.
 */
import { foldForm, normalizeText } from './fold';

export const SPELLINGS = [
  'kazakh2021',
  'kazakh2018',
  'kazakh2017',
  'passport',
  'passportOld',
  'english',
  'phone',
  'loose',
  'russianKeyboard',
] as const;
export type Spelling = (typeof SPELLINGS)[number];

type Table = Readonly<Record<string, string>>;

/** Russian letters as passports spell them (ICAO 9303), shared by the Latin systems. */
const ICAO: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  // Kazakh letters in passports: the base letter.
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

const TABLES: Readonly<Record<Exclude<Spelling, 'russianKeyboard'>, Table>> = {
  kazakh2021: {
    ...ICAO,
    ә: 'ä',
    ғ: 'ğ',
    ж: 'j',
    и: 'i',
    й: 'i',
    қ: 'q',
    ң: 'ñ',
    ө: 'ö',
    ұ: 'ū',
    ү: 'ü',
    х: 'h',
    һ: 'h',
    ш: 'ş',
    щ: 'şş',
    ы: 'y',
    і: 'ı',
    ё: 'io',
    ю: 'iu',
    я: 'ia',
    ъ: '',
  },
  kazakh2018: {
    ...ICAO,
    ә: 'á',
    ғ: 'ǵ',
    ж: 'j',
    и: 'ı',
    й: 'ı',
    қ: 'q',
    ң: 'ń',
    ө: 'ó',
    ұ: 'u',
    ү: 'ú',
    у: 'ý',
    х: 'h',
    һ: 'h',
    щ: 'sh',
    ы: 'y',
    і: 'i',
    ё: 'ıo',
    ю: 'ıý',
    я: 'ıa',
    ъ: '',
  },
  kazakh2017: {
    ...ICAO,
    ә: "a'",
    ғ: "g'",
    ж: 'j',
    и: "i'",
    й: "i'",
    қ: 'q',
    ң: "n'",
    ө: "o'",
    ұ: 'u',
    ү: "u'",
    у: "y'",
    х: 'h',
    һ: 'h',
    ч: "c'",
    ш: "s'",
    щ: "s'",
    ы: 'y',
    і: 'i',
    ё: "i'o",
    ю: "i'y'",
    я: "i'a",
    ъ: '',
  },
  passport: ICAO,
  passportOld: { ...ICAO, й: 'y', ё: 'yo', ю: 'yu', я: 'ya', ъ: '' },
  english: { ...ICAO, й: 'y', ё: 'yo', ю: 'yu', я: 'ya', ь: "'", ъ: '' },
  phone: {
    ...ICAO,
    ж: 'j',
    қ: 'q',
    х: 'h',
    й: 'i',
    щ: 'sh',
    ё: 'yo',
    ю: 'yu',
    я: 'ya',
    ъ: '',
  },
  loose: { ...ICAO, ж: 'j', х: 'h', ы: 'i', й: 'i', щ: 'sh', ю: 'yu', я: 'ya', ъ: '' },
};

const VOWELS = new Set('аәеёиоөуұүыіэюя');

/** «е» at the start of a word or after a vowel or a sign is «ye» in these spellings. */
const YE_SPELLINGS = new Set<Spelling>(['passportOld', 'english']);

function romanizeWord(word: string, spelling: Exclude<Spelling, 'russianKeyboard'>): string {
  const table = TABLES[spelling];
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const prev = i > 0 ? word[i - 1]! : '';
    const next = word[i + 1] ?? '';
    if (ch === 'е' && YE_SPELLINGS.has(spelling)) {
      const afterVowel = prev === '' || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ';
      const afterY = prev === 'й';
      out += afterVowel || afterY ? 'ye' : 'e';
    } else if (ch === 'с' && spelling === 'passportOld' && VOWELS.has(prev) && VOWELS.has(next)) {
      // Kassymov, Issayev: a single «s» between vowels would read as «z».
      out += 'ss';
    } else {
      out += table[ch] ?? ch;
    }
  }
  return out;
}

function capitalize(word: string, spelling: Spelling): string {
  const first = word[0];
  if (first === undefined) return word;
  // The 2021 alphabet pairs i with İ and ı with I, as Turkish does.
  const upper =
    spelling === 'kazakh2021' && first === 'i'
      ? 'İ'
      : spelling === 'kazakh2021' && first === 'ı'
        ? 'I'
        : first.toUpperCase();
  return upper + word.slice(1);
}

/**
 * A Cyrillic text in one spelling, each word capitalised as a name is:
 * `spell('Төлегенова Жанар', 'passport')` → `'Tolegenova Zhanar'`.
 */
export function spell(text: string, spelling: Spelling): string {
  return normalizeText(text)
    .split(/(\s+|-)/)
    .map((part) => {
      if (/^(\s+|-)$/.test(part) || part === '') return part;
      if (spelling === 'russianKeyboard') {
        const ru = foldForm(part);
        return ru[0]!.toUpperCase() + ru.slice(1);
      }
      return capitalize(romanizeWord(part, spelling), spelling);
    })
    .join('');
}
