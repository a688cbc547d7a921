// A place name in one language: the generic word («даңғылы», «көшесі», «шағын ауданы»)
// from a written table, on the side of the name that language puts it («Абай даңғылы» ↔
// «проспект Абай»), and the proper name from the office's own glossary when it gives one
// («Абай» ↔ «Абая»), else as written — in Russian with the Kazakh letters spelled the way
// Russian texts of Kazakhstan spell them («Бейбітшілік» → «Бейбитшилик»). No Russian
// declension is guessed: the glossary says «Абая» where the office wants it. Pure.

import type { Lang } from '../i18n/lang';
import { KAZAKH_TO_RUSSIAN } from '../search/alphabet';

/** One entry of the office's glossary: the same name in both languages. */
export interface PlaceGlossaryEntry {
  kk: string;
  ru: string;
}

interface PlaceKind {
  /** The Kazakh word as it follows the name, then other spellings and abbreviations. */
  kk: readonly string[];
  /** The Russian word as it comes before the name, then abbreviations. */
  ru: readonly string[];
}

/**
 * The generic words, the first of each list the one written out. Longer words first where one
 * ends another («шағын ауданы» before «ауданы»): `parsePlaceName` tries them in this order.
 */
export const PLACE_KINDS: readonly PlaceKind[] = [
  {
    kk: [
      'шағын ауданы',
      'шағын аудан',
      'шағынауданы',
      'ықшам ауданы',
      'ықшамауданы',
      'мөлтек ауданы',
      'мөлтекауданы',
      'ш.а.',
      'ш/а',
      'ы.а.',
    ],
    ru: ['микрорайон', 'мкр.', 'мкр', 'мкрн.', 'мкрн'],
  },
  { kk: ['тұрғын алабы', 'тұрғын үй алабы', 'т.а.'], ru: ['жилой массив', 'ж/м', 'жилмассив'] },
  { kk: ['ауылдық округі', 'а.о.'], ru: ['сельский округ', 'с.о.'] },
  { kk: ['даңғылы', 'даңғыл', 'даң.'], ru: ['проспект', 'пр-т', 'пр.', 'просп.'] },
  { kk: ['көшесі', 'көше', 'көш.'], ru: ['улица', 'ул.', 'ул'] },
  { kk: ['тұйығы', 'тұйық'], ru: ['переулок', 'пер.'] },
  { kk: ['бульвары', 'бульв.'], ru: ['бульвар', 'б-р', 'бул.'] },
  { kk: ['алаңы'], ru: ['площадь', 'пл.'] },
  { kk: ['жағалауы'], ru: ['набережная', 'наб.'] },
  { kk: ['өткелі'], ru: ['проезд', 'пр-д'] },
  { kk: ['тас жолы', 'шоссесі'], ru: ['шоссе'] },
  { kk: ['саябағы'], ru: ['парк'] },
  { kk: ['ауданы', 'аудан'], ru: ['район', 'р-н'] },
  { kk: ['қаласы', 'қ.'], ru: ['город', 'г.'] },
  { kk: ['ауылы', 'ауыл', 'а.'], ru: ['село', 'с.'] },
  { kk: ['кенті', 'кент'], ru: ['посёлок', 'поселок', 'пос.', 'п.'] },
];

/**
 * Lower-case words that belong to a proper name, not to its kind («Бөгенбай батыр», «Төле
 * би», «Абылай хан»): kept in both languages.
 */
const NAME_WORDS = new Set(['батыр', 'батыра', 'би', 'хан', 'ақын', 'акын', 'ана', 'ата', 'баба']);

const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');
const lower = (text: string) => clean(text).toLocaleLowerCase('kk');

export interface ParsedPlaceName {
  /** The name without its generic word, as written. */
  proper: string;
  /** Index in PLACE_KINDS, or null when the name has no generic word the table knows. */
  kind: number | null;
  /** The language of the generic word found. */
  kindLang: Lang | null;
}

function endsWithWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false;
  const before = text.slice(0, text.length - word.length);
  return before === '' || before.endsWith(' ') || word.startsWith('.') || /[.\s]$/.test(before);
}

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const after = text.slice(word.length);
  return after === '' || after.startsWith(' ') || word.endsWith('.');
}

/**
 * The generic word of a place name and the rest: a Kazakh word after the name («Абай
 * даңғылы», «12 шағын ауданы»), a Russian word before it («ул. Кенесары», «мкр Самал») or
 * after a number («12 микрорайон»).
 */
export function parsePlaceName(name: string): ParsedPlaceName {
  const text = clean(name);
  const low = text.toLocaleLowerCase('kk');
  for (let kind = 0; kind < PLACE_KINDS.length; kind++) {
    const { kk, ru } = PLACE_KINDS[kind]!;
    for (const word of kk) {
      if (low !== word && endsWithWord(low, word)) {
        return { proper: clean(text.slice(0, text.length - word.length)), kind, kindLang: 'kk' };
      }
    }
    for (const word of ru) {
      if (low !== word && startsWithWord(low, word)) {
        return { proper: clean(text.slice(word.length)), kind, kindLang: 'ru' };
      }
      if (low !== word && endsWithWord(low, word) && /^\d/.test(low)) {
        return { proper: clean(text.slice(0, text.length - word.length)), kind, kindLang: 'ru' };
      }
    }
  }
  return { proper: text, kind: null, kindLang: null };
}

/** The glossary looked up by either language's spelling (case and spaces ignored). */
export class PlaceGlossary {
  private readonly byName = new Map<string, PlaceGlossaryEntry>();

  constructor(entries: readonly PlaceGlossaryEntry[] = []) {
    for (const entry of entries) {
      for (const text of [entry.kk, entry.ru]) {
        const key = lower(text);
        if (key !== '' && !this.byName.has(key)) this.byName.set(key, entry);
      }
    }
  }

  /** The name in `lang` when the glossary has it (by either spelling), else null. */
  lookup(name: string, lang: Lang): string | null {
    const entry = this.byName.get(lower(name));
    if (entry === undefined) return null;
    const text = clean(entry[lang]);
    return text === '' ? null : text;
  }
}

/** A lower-case word read as Kazakh: a Kazakh letter, or a possessive ending (-ы/-і). */
const kazakhWord = (word: string) => KAZAKH_LETTER.test(word) || /[а-яё]{2,}[ыі]$/.test(word);

/**
 * A generic word the table does not know, where a language puts it: a lower-case Kazakh
 * word ending a name with no known generic word («Абай атындағы саябақ») when the report is
 * Russian, a lower-case Russian word starting one («сквер у фонтана») when it is Kazakh.
 * Lower-case words inside a name with a known generic word belong to the name («Қазақ елі
 * алаңы», «Жібек жолы даңғылы»).
 */
function unknownKind(proper: string, lang: Lang): boolean {
  const words = proper.split(/[\s,]+/).filter((word) => word !== '');
  const word = (lang === 'ru' ? words[words.length - 1] : words[0]) ?? '';
  if (!/^[a-zа-яёәғқңөұүһі-]{2,}$/.test(word) || NAME_WORDS.has(word)) return false;
  return lang === 'ru' ? kazakhWord(word) : !kazakhWord(word);
}

export interface RenderedPlaceName {
  text: string;
  /**
   * False when the name keeps a generic word of the other language the table cannot render
   * («Абай саябақшасы» in Russian): then `text` is the name as written, for the office to
   * add to its glossary.
   */
  rendered: boolean;
}

/** The proper part in `lang`: the glossary's, else as written (Russian spelling in ru). */
function properIn(proper: string, lang: Lang, glossary: PlaceGlossary): string {
  const given = glossary.lookup(proper, lang);
  if (given !== null) return given;
  return lang === 'ru'
    ? proper.replace(KAZAKH_LETTER_G, (ch) => KAZAKH_TO_RUSSIAN[ch] ?? ch)
    : proper;
}
const KAZAKH_LETTER_G = new RegExp(KAZAKH_LETTER.source, 'g');

/**
 * One place name (a street, a microdistrict, a locality — no commas) in `lang`. A name the
 * glossary has whole is its entry; otherwise the generic word comes from PLACE_KINDS on the
 * side `lang` writes it, written out, and the proper name from the glossary or as written.
 * A name already in `lang` keeps its generic word as written («ул.» stays «ул.»).
 */
export function renderPlaceName(
  name: string,
  lang: Lang,
  glossary: PlaceGlossary = new PlaceGlossary(),
): RenderedPlaceName {
  const text = clean(name);
  if (text === '') return { text, rendered: true };
  const whole = glossary.lookup(text, lang);
  if (whole !== null) return { text: whole, rendered: true };
  const { proper, kind, kindLang } = parsePlaceName(text);
  if (kind === null && unknownKind(proper, lang)) return { text, rendered: false };
  const own = properIn(proper, lang, glossary);
  if (kind === null) return { text: own, rendered: true };
  if (kindLang === lang) {
    // Keep the generic word as written: replace the proper part only.
    const at = kindLang === 'kk' ? 0 : text.length - proper.length;
    return { text: text.slice(0, at) + own + text.slice(at + proper.length), rendered: true };
  }
  const word = PLACE_KINDS[kind]![lang][0]!;
  return { text: lang === 'kk' ? `${own} ${word}` : `${word} ${own}`, rendered: true };
}

/**
 * A place label as the report joins it («Астана, Сарыарқа ауданы, Абай даңғылы») in `lang`:
 * each part rendered; `unrendered` lists the parts the table could not render.
 */
export function renderPlaceLabel(
  label: string,
  lang: Lang,
  glossary: PlaceGlossary = new PlaceGlossary(),
): { text: string; unrendered: string[] } {
  const parts = label.split(',').map(clean);
  const unrendered: string[] = [];
  const text = parts
    .map((part) => {
      const out = renderPlaceName(part, lang, glossary);
      if (!out.rendered) unrendered.push(part);
      return out.text;
    })
    .join(', ');
  return { text, unrendered };
}
