// The anonymisation check of the public report: finds what looks like personal data in the
// free text that the report prints (appeals' public summaries, initiatives' and plan items'
// texts). It errs on the side of blocking: a false alarm costs the office a rewording, a miss
// publishes a citizen's details. Only the kinds found are reported, never the text.

import type { PiiKind } from './types';

// --- Numbers: IINs and phones ---------------------------------------------------------------

/**
 * A run of digits that may be written with spaces, hyphens or brackets between them
 * ("+7 (701) 123-45-67", "880101 300 123"). Dots are not separators, so dates ("01.07.2026")
 * stay apart, and an en dash between two numbers ("10 – 12") ends a run.
 */
const DIGIT_RUN = /\+?\d(?:[ \u00a0\-()]{0,2}\d)*/g;
/** An amount written with thousands groups ("7 500 000 000"): not a phone. */
const THOUSANDS = /^\d{1,3}(?:[ \u00a0]\d{3})+$/;
/** A city number without the area code: "55-12-34", "255-12-34". */
const LOCAL_PHONE = /^\d{2,3}-\d{2}-\d{2}$/;

function scanNumbers(text: string, found: Set<PiiKind>): void {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const raw = match[0].replace(/[ \u00a0\-(]+$/, '');
    const digits = raw.replace(/\D/g, '');
    if (THOUSANDS.test(raw)) continue;
    // Twelve digits or more: an IIN (or a longer number an IIN could hide in). Checksums are
    // deliberately ignored: a mistyped IIN is still somebody's IIN.
    if (digits.length >= 12) found.add('iin');
    else if (digits.length >= 10) found.add('phone');
    else if (LOCAL_PHONE.test(raw)) found.add('phone');
  }
}

// --- E-mail addresses and social handles ----------------------------------------------------

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;
/** "@aigerim_88" (Telegram, Instagram): a handle points at a person as surely as a phone. */
const HANDLE = /(?:^|[^\p{L}\d@._%+-])@[A-Za-z\d_.]{3,}/u;
/** "t.me/aigerim", "instagram.com/aigerim", "wa.me/7701...". */
const PROFILE_LINK = /(?:t\.me|telegram\.me|wa\.me|instagram\.com|facebook\.com|vk\.com)\/\S+/iu;

// --- House and flat numbers -----------------------------------------------------------------

const NUM = String.raw`\d+[\p{L}]?`;
/** The number sign: NFKC turns «№» into «No». */
const NO = String.raw`(?:№|no\.?)`;
/**
 * House and flat numbers as people write them. Kazakh: «12-үй», «12а-үйдің», «14-пәтер»,
 * «үй №5», «№5 үй», «пәтер 14», «Абай көшесі, 12». Russian: «д. 5», «дом 5», «кв. 14»,
 * «квартира 14», «корпус 2», «ул. Абая, 12», «мкр. Самал-2, 15». A number of houses or flats
 * («5 үй», «120 пәтерлі үй», «көппәтерлі») is not an address and does not match.
 */
const ADDRESS_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`${NUM}\s*[-–]\s*(?:үй|пәтер)`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})(?:үй|пәтер)\p{L}{0,4}\s*${NO}\s*\d`, 'iu'),
  new RegExp(String.raw`${NO}\s*${NUM}\s*(?:үй|пәтер)`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})(?:пәтер|пәт\.)\p{L}{0,4}\s+\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})үй\s+${NO}?\s*\d`, 'iu'),
  new RegExp(
    String.raw`(?<!\p{L})(?:көшесі|көш\.|к-сі|даңғылы|даң\.|тұйығы|шағын ауданы|ықшам ауданы|ш\.а\.)\s*(?:,\s*${NUM}|\s${NUM}\s*(?:[,.;)]|$|үй))`,
    'iu',
  ),
  new RegExp(String.raw`(?<![\p{L}.])д\.\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})дом(?:а|е|у)?\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})кв\.?\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})квартир\p{L}*\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})(?:корпус\p{L}*|корп\.)\s*${NO}?\s*\d`, 'iu'),
  new RegExp(
    String.raw`(?<!\p{L})(?:ул\.|улиц\p{L}*|пр\.|пр-т|просп\.|проспект\p{L}*|мкр\.?|микрорайон\p{L}*)\s*[\p{L}\d \-]{1,40}?,\s*(?:д\.\s*)?\d`,
    'iu',
  ),
];

// --- Names ----------------------------------------------------------------------------------

/**
 * Folds Kazakh letters to their Russian look-alikes and ё to е, so «Серікболов» and
 * «Серикболов» compare equal (people write names both ways).
 */
const FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  і: 'и',
  ң: 'н',
  ғ: 'г',
  ү: 'у',
  ұ: 'у',
  қ: 'к',
  ө: 'о',
  һ: 'х',
  ё: 'е',
};

const FOLDED = /[әіңғүұқөһё]/g;

function fold(word: string): string {
  return word.toLowerCase().replace(FOLDED, (ch) => FOLD[ch] ?? ch);
}

/** A name ending in a vowel drops it when declined («Мария» → «Марии»): the stem is cut there. */
const VOWEL_END = /[аеиоуыэюяь]$/;
/** Patronymic words written apart («Серік ұлы»): not names by themselves. */
const NAME_PARTICLES = new Set(['улы', 'кызы', 'оглы', 'кизи']);
/** Case and derivation endings a name may carry: «Ерланға», «Ахметовтың», «Ерлановна». */
const MAX_ENDING = 6;
const MIN_STEM = 3;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
/** An initial right after a word: «Ахметов Е.» / «Ахметов Е.С.». */
const INITIAL_AFTER = /^\s+(\p{Lu})\./u;
/** An initial (or two) right before a word: «Е. Ахметов», «Е.С. Ахметов». */
const INITIAL_BEFORE = /(\p{Lu})\.\s*(?:\p{Lu}\.\s*)?$/u;

interface NameRef {
  person: number;
  /** Position of the word in the person's name (0 surname, 1 name, 2 patronymic, usually). */
  word: number;
}

/**
 * Names of the people in the data, indexed by word stem. A text names a person when it
 * contains two different words of their name in any order and any grammatical case
 * («Ахметов Ерлан», «Ерлан Ахметовке», «Ахметовой Айгерим»), or a surname with the initial
 * of their first name («Ахметов Е.С.», «Е. Ахметов»). One word alone is not a hit: first
 * names and surnames are also street names, words and other people's names.
 */
export class NameIndex {
  private readonly byStem = new Map<string, NameRef[]>();
  /** Folded first letters of the words of each person's name. */
  private readonly initials: string[][] = [];
  private maxStem = 0;

  add(fullName: string): void {
    const words = (fold(fullName).match(WORD) ?? []).filter((word) => !NAME_PARTICLES.has(word));
    if (words.length < 2) return;
    const person = this.initials.length;
    this.initials.push(words.map((word) => word.charAt(0)));
    words.forEach((word, index) => {
      const stem = word.length > 4 && VOWEL_END.test(word) ? word.slice(0, -1) : word;
      if (stem.length < MIN_STEM) return;
      const refs = this.byStem.get(stem);
      const ref = { person, word: index };
      if (refs === undefined) this.byStem.set(stem, [ref]);
      // A person's refs are pushed together, so a repeated stem can only follow itself.
      else if (refs[refs.length - 1]?.person !== person) refs.push(ref);
      this.maxStem = Math.max(this.maxStem, stem.length);
    });
  }

  get size(): number {
    return this.initials.length;
  }

  /** Whether the text names one of the indexed people. */
  test(text: string): boolean {
    if (this.initials.length === 0) return false;
    // Fold once per text; lower-casing keeps the length for every letter that matters here
    // (not for the Turkish dotted İ), and when it does not, words are folded one by one.
    const whole = fold(text);
    const aligned = whole.length === text.length;
    /** person → bit set of the words of their name found in the text. */
    const seen = new Map<number, number>();
    for (const match of text.matchAll(WORD)) {
      const start = match.index;
      const end = start + match[0].length;
      if (end - start < MIN_STEM) continue;
      const token = aligned ? whole.slice(start, end) : fold(match[0]);
      const longest = Math.min(token.length, this.maxStem);
      const shortest = Math.max(MIN_STEM, token.length - MAX_ENDING);
      for (let length = longest; length >= shortest; length--) {
        const refs = this.byStem.get(token.slice(0, length));
        if (refs === undefined) continue;
        const initialAfter = INITIAL_AFTER.exec(text.slice(end, end + 4))?.[1];
        const initialBefore = INITIAL_BEFORE.exec(text.slice(Math.max(0, start - 8), start))?.[1];
        for (const { person, word } of refs) {
          const bits = (seen.get(person) ?? 0) | (1 << word);
          if (bits !== 1 << word) return true;
          seen.set(person, bits);
          if (this.initialMatches(person, word, initialAfter, initialBefore)) return true;
        }
      }
    }
    return false;
  }

  private initialMatches(
    person: number,
    word: number,
    ...initials: (string | undefined)[]
  ): boolean {
    const letters = this.initials[person] ?? [];
    return initials.some(
      (initial) =>
        initial !== undefined &&
        letters.some((letter, index) => index !== word && letter === fold(initial)),
    );
  }
}

/** The kinds of personal data the text seems to contain, in a fixed order; [] when clean. */
export function findPersonalData(text: string, names: NameIndex): PiiKind[] {
  if (text.trim() === '') return [];
  const normalised = text.normalize('NFKC');
  const found = new Set<PiiKind>();
  // Every number and address pattern needs a digit, every e-mail and handle an @ or a slash:
  // most summaries have neither, and these cheap checks spare them the regular expressions.
  if (/\d/.test(normalised)) {
    scanNumbers(normalised, found);
    if (ADDRESS_PATTERNS.some((pattern) => pattern.test(normalised))) found.add('address');
  }
  if (normalised.includes('@')) {
    if (EMAIL.test(normalised)) found.add('email');
    if (HANDLE.test(normalised)) found.add('handle');
  }
  if (normalised.includes('/') && PROFILE_LINK.test(normalised)) found.add('handle');
  if (names.test(normalised)) found.add('name');
  return PII_KINDS.filter((kind) => found.has(kind));
}

export const PII_KINDS: readonly PiiKind[] = ['name', 'iin', 'phone', 'email', 'handle', 'address'];
