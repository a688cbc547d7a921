// Which of the two languages a free text is written in, guessed from its words. The report
// prints the office's own texts verbatim, each typed in one language only; this guess lets
// the report screen point at the Russian sentences in a Kazakh report and the reverse.
//
// Both languages are written in Cyrillic, and Kazakh has nine letters of its own (ә ғ қ ң ө
// ұ ү һ і). Letters alone mislead: a Russian sentence about «улица Қабанбай батыра в
// микрорайоне Құрылысшы» is full of them, and a Kazakh one («Балалар алаңы салынды») may
// have few. So the guess weighs WORDS: function words of each language, words with a
// Kazakh letter, and endings that only one of the two languages has. Names — a capital
// letter inside a sentence, or anything in quotes — are left out: both languages print
// the same names of streets, villages, people and organisations.

import type { Lang } from '../i18n/lang';

/** Below this many Cyrillic words a text is too short to tell. */
export const MIN_WORDS = 3;

const KAZAKH_LETTER = /[әғқңөұүһі]/u;
const CYRILLIC = /[\u0400-\u04ff]/u;
/** A word, with inner hyphens and apostrophes («үй-жай», «көп-көп»). */
const WORD = /\p{L}+(?:[-'’]\p{L}+)*/gu;
/** Frequent Kazakh words that have no letter of their own, or would be taken for names. */
const KAZAKH_WORDS = new Set([
  'және',
  'мен',
  'бен',
  'пен',
  'үшін',
  'бойынша',
  'туралы',
  'жылы',
  'жылғы',
  'арқылы',
  'жөнінде',
  'бар',
  'жоқ',
  'еді',
  'осы',
  'сол',
  'ол',
  'бұл',
  'да',
  'де',
  'та',
  'кейін',
  'дейін',
  'бойы',
  'бойында',
  'арасында',
  'ауданы',
  'ауданында',
  'ауданының',
  'аула',
  'ауласы',
  'аулада',
  'жол',
  'жолы',
  'жолын',
  'шам',
  'мектеп',
  'балалар',
  'тұрғындар',
  'тұрғындары',
  'болды',
  'болып',
  'сияқты',
  'деп',
  'тағы',
  'әлі',
  'қажет',
  'керек',
  'жаңа',
  'ескі',
  'көп',
  'аз',
]);

/** Russian function words and a few words every office report uses. */
const RUSSIAN_WORDS = new Set([
  'и',
  'в',
  'я',
  'мы',
  'вы',
  'он',
  'она',
  'они',
  'нас',
  'нам',
  'вас',
  'им',
  'её',
  'меня',
  'мне',
  'просим',
  'прошу',
  'во',
  'на',
  'по',
  'для',
  'с',
  'со',
  'что',
  'чтобы',
  'не',
  'нет',
  'был',
  'была',
  'было',
  'были',
  'будет',
  'будут',
  'от',
  'к',
  'ко',
  'до',
  'о',
  'об',
  'обо',
  'при',
  'за',
  'из',
  'у',
  'а',
  'но',
  'или',
  'как',
  'это',
  'этот',
  'эта',
  'эти',
  'также',
  'так',
  'уже',
  'ещё',
  'еще',
  'после',
  'через',
  'между',
  'над',
  'под',
  'который',
  'которая',
  'которое',
  'которые',
  'года',
  'году',
  'г',
  'ул',
  'мкр',
  'пр',
  'жители',
  'жителей',
  'жильцов',
  'дом',
  'дома',
  'доме',
  'домов',
  'двор',
  'двора',
  'дворе',
  'дворах',
  'дворов',
  'улица',
  'улице',
  'улицы',
  'улицам',
  'микрорайоне',
  'района',
  'районе',
  'вопрос',
  'работы',
  'ремонт',
  'ремонта',
]);

/**
 * Endings Russian words have and Kazakh words (without letters of their own) hardly ever:
 * adjectives and participles (-ого, -ый, -ая, -ие, -ованы…), verbs (-ть, -ся, -ует, -или),
 * nouns (-ость, -ция, -ение, -ами, -ях).
 */
const RUSSIAN_ENDING =
  /(?:ого|его|ому|ему|ыми|ими|ых|их|ый|ий|ая|яя|ое|ее|ие|ые|ую|юю|ть|ться|тся|ся|сь|ует|уют|ают|яют|ит|ено|ены|ена|ана|ано|аны|или|ила|ило|ался|ость|ости|ция|ции|цию|ние|ния|нию|нии|нием|ами|ями|ах|ях|ей)$/u;
/**
 * Letters Kazakh words of their own never have; and a final и (Russian plurals and
 * genitives: «дороги», «площадки»), which Kazakh writes as і.
 */
const RUSSIAN_LETTER = /[ьъщёэ]|\p{L}{2}и$/u;
/**
 * Endings of Kazakh words that need no letter of their own: plurals (-лар, -дар, -тар,
 * -лер, -дер), past tense (орнатылды, салынды, болды), verbal nouns (жинау, тексеру),
 * converbs (сорылып), participles (келген), 1st person plural (тұрамыз, сұраймыз).
 */
const KAZAKH_ENDING =
  /(?:лар|дар|тар|лары|дары|тары|ларды|дарды|тарды|лер|дер|[лнрйу]ды|ып|ген|ау|еу|мыз|быз|пыз|йды)$/u;

interface Score {
  kk: number;
  ru: number;
  words: number;
}

/** Whether the word at `index` starts a sentence (then its capital letter says nothing). */
function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s«"“„(—–-]/u.test(text.charAt(i))) i--;
  return i < 0 || /[.!?…:;]/u.test(text.charAt(i)) || /\n/u.test(text.slice(i, index));
}

/** Spans of the text inside «…», "…" or “…” quotes: names of organisations, projects, places. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/«[^»]*»|"[^"]*"|“[^”]*”|„[^“”]*[“”]/gu)) {
    spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

function score(text: string): Score {
  const result: Score = { kk: 0, ru: 0, words: 0 };
  const quotes = quotedSpans(text);
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    if (!CYRILLIC.test(raw)) continue;
    result.words++;
    const word = raw.toLowerCase();
    if (KAZAKH_WORDS.has(word)) {
      result.kk += 2;
      continue;
    }
    if (RUSSIAN_WORDS.has(word)) {
      result.ru += 2;
      continue;
    }
    const at = match.index;
    const quoted = quotes.some(([from, to]) => at > from && at < to);
    const capital = raw.charAt(0) !== raw.charAt(0).toLowerCase();
    // A name: in quotes, or a capital letter where no sentence starts; so is an
    // abbreviation in capitals (ЖКХ, ТКШ, ОСИ). Both languages print the same names.
    if (quoted || (capital && (raw === raw.toUpperCase() || !startsSentence(text, at)))) continue;
    if (KAZAKH_LETTER.test(word)) result.kk += 1;
    else if (RUSSIAN_ENDING.test(word) || RUSSIAN_LETTER.test(word)) result.ru += 1;
    else if (KAZAKH_ENDING.test(word)) result.kk += 1;
  }
  return result;
}

/**
 * 'kk' or 'ru' when the text reads as Kazakh or Russian; null when it is too short to tell
 * (fewer than MIN_WORDS Cyrillic words), has no Cyrillic words (Latin, digits), or the
 * words weigh the same either way. Never throws.
 */
export function guessTextLanguage(text: string): Lang | null {
  const { kk, ru, words } = score(text);
  if (words < MIN_WORDS || kk === ru) return null;
  return kk > ru ? 'kk' : 'ru';
}
