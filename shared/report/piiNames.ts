/**
 * Names of people in a public text, whether or not they are applicants of the office: a
 * first name alone in any case («Айгүлге», «Марии»), a surname alone in any case
 * («Асановтың», «Тургумбаевой»), a patronymic («Петровна», «Серікұлы», «Марат қызы»),
 * initials with a surname («А. Серикова», «Серикова А.Б.»), a capitalised pair with a surname
 * («Иванов Петр», «Гульмира Абенова обратилась»), a name with an honorific («Серікова ханым»,
 * «гражданка Абенова», «гр. Ким», «азаматша Ли», «өтініш беруші Сейтқали»).
 *
 * What is not a person: streets, avenues, microdistricts, schools and cities named after
 * people («Бауыржан Момышұлы даңғылындағы», «по улице Сейфуллина», «Абай атындағы мектеп»,
 * «Ж.Баласағұн көшесі») — a name group followed by a place word or preceded by one; words in
 * «quotes» (organisations, residential complexes); compounds («Жанар-жағармай»); and
 * everyday words that are also names, at the start of a sentence.
 */

import { changesInUpperCase, firstNameOf, lowerCase, nameKey, startsWithCapital } from './names';
import { words, type WordSpans } from './piiWords';

interface Token {
  text: string;
  start: number;
  end: number;
  /** A capital first letter and at least one lower-case letter (not an acronym). */
  capitalised: boolean;
  /** One capital letter followed by a dot: an initial. */
  initial: boolean;
  sentenceStart: boolean;
  quoted: boolean;
  /** Joined by a hyphen to a lower-case word («Жанар-жағармай»). */
  compound: boolean;
}

const OPEN_QUOTES = new Set(['«', '„', '“']);
const CLOSE_QUOTES = new Set(['»', '“', '”']);
const ANY_QUOTE = /[«„“»”"]/;

function tokenize(text: string, spans: WordSpans): Token[] {
  const tokens: Token[] = [];
  // Quotes are counted in the gaps between words; a text without any has none to count.
  const quotes = ANY_QUOTE.test(text);
  let quoteDepth = 0;
  let straightOpen = false;
  let last = 0;
  const { starts, ends } = spans;
  for (let w = 0; w < starts.length; w++) {
    const start = starts[w]!;
    const end = ends[w]!;
    if (quotes) {
      for (let k = last; k < start; k++) {
        const ch = text.charAt(k);
        if (OPEN_QUOTES.has(ch) && !(ch === '“' && quoteDepth > 0)) quoteDepth += 1;
        else if (CLOSE_QUOTES.has(ch) && quoteDepth > 0) quoteDepth -= 1;
        else if (ch === '"') straightOpen = !straightOpen;
      }
    }
    const word = text.slice(start, end);
    const upper = startsWithCapital(word);
    // The flags below only matter for words that start with a capital.
    tokens.push({
      text: word,
      start,
      end,
      capitalised: upper && word.length > 1 && changesInUpperCase(word),
      initial: upper && word.length === 1 && text.charAt(end) === '.',
      sentenceStart: upper && (tokens.length === 0 || SENTENCE_END.test(text.slice(last, start))),
      quoted: quoteDepth > 0 || straightOpen,
      compound:
        upper &&
        (/^[-‐]\p{Ll}/u.test(text.slice(end, end + 2)) ||
          (/^[-‐]\p{Lu}/u.test(text.slice(end, end + 2)) && !isSurnameShaped(word)) ||
          (/\p{Ll}[-‐]$/u.test(text.slice(Math.max(0, start - 2), start)) &&
            !doubleSurname(tokens[tokens.length - 1], start, word))),
    });
    last = end;
  }
  return tokens;
}

/**
 * Whether a word joined by a hyphen to the word before makes a double surname with it
 * («Иванова-Петрова»): both of a surname's shape. Other pairs are one place's name
 * («Нур-Султан», «Алма-Ата», «Усть-Каменогорск»), not two people's names: a word joined so
 * to another is a compound, unless it is a surname's shape.
 */
function doubleSurname(prev: Token | undefined, start: number, word: string): boolean {
  return (
    prev !== undefined &&
    prev.end === start - 1 &&
    startsWithCapital(prev.text) &&
    isSurnameShaped(prev.text) &&
    isSurnameShaped(word)
  );
}

const SENTENCE_END = /[.!?…:;]\s*[«"“„(–—-]?\s*$|\n/;

/** What a place is called after its name (keys): street, avenue, district, school… */
const PLACE_AFTER = [
  'көше',
  'көш',
  'даңғыл',
  'аудан',
  'шағын',
  'ықшам',
  'тұйық',
  'саябақ',
  'алаң',
  'бульвар',
  'атында',
  'ауыл',
  'кент',
  'жолы',
  'жолын',
  'мектеб',
  'мектеп',
  'гимназ',
  'лицей',
  'колледж',
  'көпір',
  'өзен',
  'станци',
  'вокзал',
  'қалас',
  'облыс',
  'елді',
  'тұрғын',
  'улиц',
  'проспект',
  'район',
  'переул',
  'площад',
  'сквер',
  'парк',
  'школ',
  'микрорайон',
  'университет',
  'институт',
  'академи',
  'театр',
  'музей',
  'стадион',
  'әуежай',
  'орталығ',
  'орталық',
  'аурухана',
  'емхана',
  'бақша',
  'балабақша',
  'аялдама',
  'қиылыс',
  'ескерткіш',
  'мұражай',
  'кесене',
  'остановк',
  'област',
].map(nameKey);

/** What stands before a place's name (keys): улица, проспект, имени, село, ТОО… */
const PLACE_BEFORE = new Set(
  [
    'улица',
    'улиц',
    'улицах',
    'улицам',
    'улицами',
    'улице',
    'улицу',
    'улицы',
    'улицей',
    'проспект',
    'проспекта',
    'проспекту',
    'проспекте',
    'проспектом',
    'мкрн',
    'микрорайон',
    'микрорайона',
    'микрорайоне',
    'микрорайону',
    'переулок',
    'переулка',
    'переулке',
    'переулку',
    'бульвар',
    'бульвара',
    'бульваре',
    'бульвару',
    'шоссе',
    'имени',
    'район',
    'района',
    'районе',
    'району',
    'село',
    'села',
    'селе',
    'поселок',
    'посёлок',
    'поселка',
    'поселке',
    'посёлке',
    'аул',
    'аула',
    'ауле',
    'жм',
    'жк',
    'площадь',
    'площади',
    'сквер',
    'сквере',
    'парк',
    'парке',
    'школа',
    'школе',
    'школы',
    'школу',
    'гимназия',
    'гимназии',
    'лицей',
    'лицее',
    'станция',
    'станции',
    'город',
    'города',
    'городе',
    'адрес',
    'адресу',
    'трасса',
    'трассе',
    'остановка',
    'остановке',
    'остановки',
    'остановку',
    // Crossings: «на пересечении Саина — Райымбека», «перекрёсток Абая – Сейфуллина».
    'пересечение',
    'пересечения',
    'пересечении',
    'перекресток',
    'перекрестка',
    'перекрестке',
    'угол',
    'углу',
    'проезд',
    'проезде',
    'тупик',
    'квартал',
    'массив',
    'тоо',
    'жшс',
    'ао',
    'ақ',
    'кх',
    'шқ',
    'ооо',
    'кгп',
    'гкп',
    'мкк',
    'ркп',
  ].map(nameKey),
);
/** Abbreviations before a place's name, with their dot: ул., пр., мкр., им., г., с., пос. */
const PLACE_ABBREVIATIONS = new Set(
  ['ул', 'пр', 'просп', 'мкр', 'пер', 'им', 'г', 'с', 'п', 'пос'].map(nameKey),
);

/** Titles inside a place's name: «Бөгенбай батыр», «Абылай хан», «Төле би». */
const TITLES = new Set(['батыр', 'хан', 'би', 'ақын', 'әулие', 'батыра', 'хана'].map(nameKey));

/** Honorifics after a name (kk) and before it (ru). */
const HONORIFIC_AFTER = new Set(
  [
    'мырза',
    'мырзаға',
    'мырзаның',
    'ханым',
    'ханымға',
    'ханымның',
    'апай',
    'апайға',
    'апайдың',
    'әпке',
    'ағай',
    'ағайға',
    'ағайдың',
    'тәте',
    'апа',
    'әже',
    'әжеге',
    'ақсақал',
    // «азамат» (citizen) after a surname: «Асанов азаматқа», «Асанова азаматшаның».
    'азамат',
    'азаматқа',
    'азаматтың',
    'азаматтан',
    'азаматпен',
    'азаматша',
    'азаматшаға',
    'азаматшаның',
    'азаматшадан',
    'азаматшамен',
  ].map(nameKey),
);
/**
 * Russian words before a name: «гражданка Абенова», «жителю Ахметову», «пенсионерка Ли».
 * Not the plural «жители», «жителей»…: «жители Конаева», «жителям Береке» are a place's.
 */
const HONORIFIC_BEFORE =
  /^(?:гражданин|гражданка|граждан[ке]|гражданину|гражданином|гражданкой|гражданки|гражданку|господин|госпож|товарищ|жител(?!(?:и|ей|ям|ями|ях)$)|заявител|заявительниц|пенсионер|пенсионерк|ветеран|соседк|сосед)\p{L}*$/u;

/** Verbs of a person who appealed, came, asked, complained (lower-case prefixes). */
const PERSON_VERBS = [
  'жүгін',
  'өтін',
  'хабарла',
  'шағымдан',
  'айтт',
  'келді',
  'сұра',
  'жазд',
  'қоңырау',
  'тұрад',
  'тұратын',
  'мәлімде',
  'ұсынд',
  'алды',
  'берді',
  'обратил',
  'пожаловал',
  'сообщил',
  'попросил',
  'просит',
  'просил',
  'пришёл',
  'пришел',
  'пришла',
  'заявил',
  'написал',
  'позвонил',
  'жалует',
  'проживает',
  'проживающ',
  'получил',
  'указал',
  'отметил',
  'живет',
  'живёт',
];

/**
 * Capitalised words a surname-like pair is never made of (institutions, the state…), nor a
 * name after «гражданка», «өтініш беруші» (neighbouring countries: «гражданка Узбекистана»,
 * «өтініш беруші Ресей азаматы»).
 */
const NOT_A_NAME =
  /^(?:республик|қазақстан|казахстан|астан|алмат|шымкент|президент|парламент|мәжіліс|мажилис|сенат|үкімет|правительств|министр|әкім|аким|мәслихат|маслихат|депутат|управлени|басқарм|департамент|университет|магазин|бензин|витамин|кабинет|отдел|комитет|прокуратур|полици|суд|банк|фонд|қор|ресей|росси|өзбекстан|узбекистан|қырғызстан|кыргызстан|тәжікстан|таджикистан|түрікменстан|туркменистан|қытай|китай|украин|беларус|түркия|турци)/u;

/** Russian, Kazakh-Russian and Ukrainian surname shapes, with a case ending after them. */
const SURNAME =
  /^\p{L}{2,}(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|енко|ұлы|улы|қызы|кызы|уулу)(?:а|у|ым|ом|е|ой|ы|ых|тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|ты|ті|ды|ді|ны|ні|та|те|да|де|нда|нде|тан|тен|дан|ден|нан|нен|пен|бен|мен|ға|на|не)?$/u;
/** Words of that shape that are not surnames. */
const NOT_A_SURNAME =
  /^(?:магазин|бензин|керосин|витамин|кабин|машин|мандарин|дельфин|пингвин|камин|карантин|ин|основ|домов|годов|районов|городов|специалистов|жителей)/u;

/**
 * A surname alone, in any case and in the plural of a family: «Асановтың», «Төлегеновадан»,
 * «Тургумбаевой», «Петровым», «Ахметовы», «семье Ахметовых», «Сулейменовтерге».
 * Only the shapes Kazakh and Russian surnames share, made with Russian suffixes (-ов, -ев,
 * -ин, -ова, -ева, -ина, -енко); not -ын, which is also a Kazakh accusative («Шатырын
 * ауыстыру»), nor -ский, -ская, which places' adjectives end in («Алмалинский и Медеуский
 * районы», «Костанайская»). Group 1 is the case ending.
 */
const SURNAME_ALONE =
  /^\p{L}{2,}(?:ов|ев|ёв|ин|ова|ева|ёва|ина|енко)(?:лар|лер|дар|дер|тар|тер)?(а|у|ы|ых|ыми|ым|ом|е|ой|ою|ую|тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|ты|ті|ды|ді|ны|ні|та|те|да|де|нда|нде|тан|тен|дан|ден|нан|нен|пен|бен|мен)?$/u;
/**
 * The endings that let a surname start a sentence without a verb of a person after it:
 * Kazakh ones («Асановтың өтініші…») and the Russian dative -у («Асанову разъяснено»).
 * Russian adjectives share the others («Бытовой мусор», «Газового оборудования»), and -а
 * ends nouns too («Резина»).
 */
const ENDING_AT_START =
  /^(?:у|ю|тың|тің|дың|дің|ның|нің|қа|ке|ға|ге|ты|ті|ды|ді|ны|ні|та|те|да|де|нда|нде|тан|тен|дан|ден|нан|нен|пен|бен|мен)$/u;
/**
 * A Kazakh surname on «-бай» or «-бек» without a Russian suffix, alone, in a Kazakh or Russian
 * case: «Сәрсенбайға», «Жұмабайдың», «Сарсенбаю», «Төлебекке», «Жумабеку» (three letters
 * at least before it: «Дубай», «Өзбек» are not). Group 1 is the case ending.
 */
const KAZAKH_SURNAME_ALONE =
  /^\p{L}{3,}(?:бай|ба(?=ю$|я$|ем$|е$)|бек)(ға|га|дың|дын|ды|да|дан|мен|ке|тің|тин|ті|ти|те|тен|пен|ю|я|ем|е|у|а|ом)?$/u;
/** Everyday words of that shape (prefixes): «Один из…», «Причина…», «Обогрев подъезда…». */
const NOT_A_SURNAME_ALONE =
  /^(?:гражданин|господин|один|половин|середин|причин|картин|мужчин|женщин|глубин|ширин|длин|вершин|долин|равнин|старшин|годовщин|обогрев|подогрев|прогрев|посев|остров|покров|улов|готов|слов|голов|коров)/u;
/**
 * Towns and streets named after people, which read as a surname alone: «в Курчатове»,
 * «жители Конаева», «Сатпаевтағы», «на Кунаева». Alone they are the place; a person only with
 * a person's verb right after («Конаева обратилась»), as whom a complaint is aimed at
 * («жалоба на Кунаева»), or with a first name, initials or «гражданка» (the other rules).
 */
const TOWN_OF_SURNAME_SHAPE = /^(?:курчатов|конаев|қонаев|кунаев|сатпаев|сәтбаев)/u;
/**
 * A man's surname in the genitive (or a woman's in the nominative), as streets are called
 * without the word «улица»: «Жубанова», «Сейфуллина», «Сарсенбая», «Жумабека».
 */
const STREET_AFTER_PO = /(?:(?:ов|ев|ёв|ин)а|ба[яю]|бека)$/u;
/**
 * What is done to a street, in the few words after «на Жубанова»: «заменены трубы», «уложен
 * асфальт», «установлен светофор» (lower-case prefixes). «Жалоба на Иванова», «На Иванова
 * составлен протокол» have none of them: a person.
 */
const WORKS_AFTER = [
  'замен',
  'ремонт',
  'отремонт',
  'установ',
  'уложен',
  'уложи',
  'положен',
  'асфальт',
  'освещ',
  'фонар',
  'светофор',
  'тротуар',
  'дорог',
  'труб',
  'проложен',
  'построен',
  'благоустр',
  'озелен',
  'очищ',
  'покрыт',
  'ям',
  'люк',
  'колод',
  'канализ',
  'водопровод',
  'теплотрасс',
  'перекрыт',
  'бордюр',
  'остановк',
  'пешеход',
  'лавоч',
  'скамей',
  'контейнер',
  'ливнев',
  'арык',
  'газон',
  'посаж',
  'высаж',
  'открыт',
  'снесен',
  'демонтир',
  'заасфальт',
  'проведен',
  'провели',
  // What goes wrong on a street: «на Жубанова нет света», «отключили воду», «прорыв трубы».
  'свет',
  'вод',
  'газ',
  'тепл',
  'отключ',
  'авари',
  'прорыв',
  'засор',
  'затоп',
  'подтоп',
];
/** A house's number right after a word: «на Жубанова 12-34», «на Жубанова, 5». */
const HOUSE_AFTER = /^[\s\u00a0]*,?[\s\u00a0]*\d/u;
/** Words before «на» that aim at a person: «жалоба на Иванова», «в суд на Сарсенбая». */
const AIMED_AT = /^(?:жалоб|пожаловал|жалует|заявлени|претензи|иск|суд|протокол|штраф|донос)/u;
/**
 * Words before a place's name in the genitive: «жители Карабая», «жителям Конаева»,
 * «населению Бесагаша», «на въезде в…» (not the singular «жительница Иванова»: a person).
 */
const PLACE_OF = /^(?:жител(?:и|ей|ям|ями|ях)|населени[еяю]|окраин\p{L}*|окрестност\p{L}*)$/u;
/** Russian short participles in -ованы, -еваны. */
const PARTICIPLE = /[оеё]ваны$/u;
/** Titles of office before a public figure's surname (keys' prefixes): not a citizen. */
const OFFICE_TITLES = [
  'президент',
  'басшы',
  'елбасы',
  'депутат',
  'әкім',
  'аким',
  'министр',
  'премьер',
  'сенатор',
  'төраға',
  'председател',
  // kk «бөлім басшысы» has its ru «руководитель/начальник отдела»; deputies of either.
  'руководител',
  'начальник',
  'заместител',
  'орынбасар',
  // Heads of public institutions: «директор школы № 12 Иванова», «мектеп директоры»,
  // «заведующая детским садом», «балабақша меңгерушісі», «главврач», «ректор».
  'директор',
  'заведующ',
  'меңгеруш',
  'главврач',
  'ректор',
].map(nameKey);
/**
 * Words before a famous person's name (keys): «поэт Пушкин», «поэту Пушкину», «ақын Абай»,
 * «жазушы Мүсірепов», «памятник Гагарину», «ескерткіш Жамбылға» — a figure, not a citizen.
 */
const FAMOUS_BEFORE =
  /^(?:поет(?:а|у|ом|е|есса|есси|ессе)?|писател\p{L}{0,3}|акин\p{L}{0,4}|жазуши\p{L}{0,4}|академик\p{L}{0,2}|композитор\p{L}{0,2}|памятник\p{L}{0,2}|ескерткиш\p{L}{0,3}|мемориал\p{L}{0,2})$/u;
/** Words joining two places: «улиц Абая и Пушкина», «Абай мен Сейфуллин көшелері». */
const AND_WORDS = new Set(['и', 'мен', 'бен', 'пен', 'және', 'или', 'немесе'].map(nameKey));

/**
 * The case ending of a surname written alone («тың» of «Асановтың», "" of «Асанова»), or
 * null when the word is not a surname of that shape.
 */
function surnameAloneEnding(word: string): string | null {
  let ending = ENDINGS_SEEN.get(word);
  if (ending === undefined) {
    ending = readSurnameAlone(word);
    if (ENDINGS_SEEN.size >= 10_000) ENDINGS_SEEN.clear();
    ENDINGS_SEEN.set(word, ending);
  }
  return ending;
}

/**
 * `surnameAloneEnding` of the words seen: a report's texts repeat their capitalised words
 * (streets, districts), and each is read once. Cleared when it grows past ten thousand.
 */
const ENDINGS_SEEN = new Map<string, string | null>();

function readSurnameAlone(word: string): string | null {
  const lower = lowerCase(word);
  const kazakh = KAZAKH_SURNAME_ALONE.exec(lower);
  if (kazakh !== null) {
    // A historical figure's name is a street's or a district's («На Кабанбай батыра»).
    if (firstNameOf(word)?.place === true || NOT_A_NAME.test(lower)) return null;
    return kazakh[1] ?? '';
  }
  const match = SURNAME_ALONE.exec(lower);
  if (match === null || NOT_A_SURNAME_ALONE.test(lower) || NOT_A_SURNAME.test(lower)) return null;
  // Russian participles: «Отремонтированы», «Согласованы» (not «Асанованы», rare enough).
  if (PARTICIPLE.test(lower)) return null;
  if (NOT_A_NAME.test(lower)) return null;
  return match[1] ?? '';
}

export function isSurnameShaped(word: string): boolean {
  const lower = lowerCase(word);
  return SURNAME.test(lower) && !NOT_A_SURNAME.test(lower) && !NOT_A_NAME.test(lower);
}

/**
 * Whether a capitalised word reads as a street's name said without «улица»: a historical
 * figure's or a town's name («Абая», «Кенесары»), a surname's shape in any case
 * («Жубанова», «Байтұрсынов», «Момышұлы», «Сарсенбая»), or a street of the data.
 */
export function streetLike(word: string, places?: PlaceWords): boolean {
  const lower = lowerCase(word);
  if (firstNameOf(word)?.place === true || places?.has(word) === true) return true;
  if (NOT_A_NAME.test(lower) || NOT_A_SURNAME.test(lower)) return false;
  return SURNAME.test(lower) || KAZAKH_SURNAME_ALONE.test(lower);
}

/** Patronymics: Петрович, Петровна, Ильинична; Серікұлы, Маратқызы (with any case ending). */
const PATRONYMIC_RU = /^(?:.{3,})(?:ович|евич|овна|евна|ична)(?:а|у|ем|ом|е|и|ой|ою|ы)?$/u;
/**
 * «-ұлы», «-қызы» after a consonant or й: «Серікұлы», «Маратқызына», «Серікбайқызы»,
 * «Төлебайұлы». After a vowel the same letters end everyday words: «атаулы» (targeted),
 * «таулы», «даулы», «қаулы» (a decree).
 */
const PATRONYMIC_KK =
  /^\p{L}{2,}[^аәеёиіоөуұүыэюя](?:ұлы|улы|уулу|қызы|кызы)(?:на|ның|нан|мен|нда|н|ны)?$/u;

function isPatronymic(token: Token): boolean {
  if (!token.capitalised) return false;
  const lower = lowerCase(token.text);
  return PATRONYMIC_RU.test(nameKey(lower)) || PATRONYMIC_KK.test(lower);
}

/** «ұлы», «қызы» written apart from the father's name («Марат қызы», «Серік ұлына»). */
const SEPARATE_PATRONYMIC = /^(?:ұлы|улы|қызы|кызы)(?:на|ның|нан|мен|нда|н|ны)?$/iu;

/** What `SEPARATE_PATRONYMIC` needs, cheaply: three to seven letters, the first ұ, у, қ or к. */
function mayBeSeparatePatronymic(word: string): boolean {
  if (word.length < 3 || word.length > 7) return false;
  const first = lowerCase(word.charAt(0));
  return first === 'ұ' || first === 'у' || first === 'қ' || first === 'к';
}

/** Whether the gap between two tokens is only spaces (a name group is not split by commas). */
function spaced(text: string, a: Token, b: Token): boolean {
  return /^[ \u00a0]+$/.test(text.slice(a.end, b.start));
}

function isTitle(token: Token): boolean {
  return TITLES.has(nameKey(token.text));
}

/**
 * The tokens of the name group around tokens[i..j]: capitalised words, initials and titles
 * next to each other, as in «Бауыржан Момышұлы», «Ж. Баласағұн», «Бөгенбай батыр».
 */
function group(text: string, tokens: readonly Token[], i: number, j = i): [number, number] {
  let from = i;
  let to = j;
  const joins = (a: Token, b: Token) =>
    spaced(text, a, b) || (a.initial && /^\.\s?$/.test(text.slice(a.end, b.start)));
  while (from > 0) {
    const prev = tokens[from - 1]!;
    if ((prev.capitalised || prev.initial) && !prev.quoted && joins(prev, tokens[from]!)) from -= 1;
    else break;
  }
  while (to < tokens.length - 1) {
    const next = tokens[to + 1]!;
    if ((next.capitalised || isTitle(next)) && joins(tokens[to]!, next)) to += 1;
    else break;
  }
  return [from, to];
}

/** A name group that names a place: a place word right after it or right before it. */
function isPlace(text: string, tokens: readonly Token[], [from, to]: [number, number]): boolean {
  const after = tokens[to + 1];
  if (after && /^[\s\u00a0-]+$/.test(text.slice(tokens[to]!.end, after.start))) {
    const key = nameKey(after.text);
    if (PLACE_AFTER.some((stem) => key.startsWith(stem))) return true;
  }
  const before = tokens[from - 1];
  if (before) {
    const gap = text.slice(before.end, tokens[from]!.start);
    const key = nameKey(before.text);
    if (/^[\s\u00a0]+$/.test(gap) && PLACE_BEFORE.has(key)) return true;
    if (/^\.[\s\u00a0]*$/.test(gap) && (PLACE_ABBREVIATIONS.has(key) || PLACE_BEFORE.has(key))) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a surname-shaped word alone names a person: capitalised inside a sentence (at its
 * start only with a case ending or a verb of a person after it: «Асановтың өтініші…»,
 * «Асанова обратилась»), not a place's name nor one of two places («улиц Абая и Пушкина»),
 * not after a title of office («Президент Тоқаевтың Жолдауы»).
 */
function isTitleOrPlaceBefore(key: string): boolean {
  return (
    PLACE_BEFORE.has(key) ||
    OFFICE_TITLES.some((title) => key.startsWith(title)) ||
    FAMOUS_BEFORE.test(key)
  );
}

/**
 * What `SURNAME_ALONE` needs, by a look at the word's last nine letters: «ов», «ев», «ёв»,
 * «ин» or «енко» after two letters at least (or «ба», «бе» for `KAZAKH_SURNAME_ALONE`).
 * Every capitalised word of every printed text comes here; few are surname-shaped.
 */
function maySurnameAlone(word: string): boolean {
  // (Nine: «Ахметовтардың» has its «ов» eight letters from the end.)
  for (let k = Math.max(2, word.length - 9); k < word.length - 1; k++) {
    const b = word.charCodeAt(k + 1);
    if (b !== 0x432 && b !== 0x43d) continue; // в, н
    const a = word.charCodeAt(k);
    if (b === 0x432 ? a === 0x43e || a === 0x435 || a === 0x451 : a === 0x438) return true;
    if (a === 0x435 && word.startsWith('ко', k + 2)) return true; // -енко
  }
  // -бай, -бек (KAZAKH_SURNAME_ALONE): «ба» or «бе» among the last seven letters.
  for (let k = Math.max(3, word.length - 7); k < word.length - 1; k++) {
    const c = word.charCodeAt(k + 1);
    if (word.charCodeAt(k) === 0x431 && (c === 0x430 || c === 0x435)) return true; // ба, бе
  }
  return false;
}

/**
 * Whether the surname-shaped word at tokens[i] (with its case `ending`) is said as a place by
 * the words before it: a street after «по» («по Жубанова»: a person after «по» is in the
 * dative, «по Жубанову»), or after «на» with works after it or a street of the data («На
 * Жубанова заменены трубы»; not «жалоба на Иванова»); a town after «в» in the prepositional
 * («в Курчатове», «в Карабае») or «из» in the genitive («из Карабая»); a place after plural
 * residents («жители Карабая»); a street or a locality of the data after «в» in any case
 * («в Карабай»), «из», «возле», «вдоль».
 */
function saidAsPlace(
  text: string,
  tokens: readonly Token[],
  i: number,
  ending: string,
  places: PlaceWords | undefined,
): boolean {
  const token = tokens[i]!;
  const prev = tokens[i - 1];
  if (prev === undefined || !spaced(text, prev, token)) return false;
  const word = lowerCase(prev.text);
  if (PLACE_OF.test(word)) return true;
  const street = STREET_AFTER_PO.test(lowerCase(token.text));
  switch (word) {
    case 'по':
      return street;
    case 'на': {
      if (!street || aimedAt(tokens, i)) return false;
      return (
        HOUSE_AFTER.test(text.slice(token.end, token.end + 4)) ||
        worksAfter(tokens, i) ||
        places?.has(token.text) === true
      );
    }
    case 'в':
    case 'во':
      return ending === 'е' || places?.has(token.text) === true;
    case 'из':
      return ending === '' || ending === 'а' || ending === 'я' || places?.has(token.text) === true;
    // (Not «до», «около»: «дозвониться до Иванова», «около Иванова» are a person's.)
    case 'возле':
    case 'вдоль':
      return places?.has(token.text) === true;
    default:
      return false;
  }
}

/**
 * Kazakh verbs of works done (prefixes): «Сейфуллинде жол жөнделді», «Жұбановта жарық
 * орнатылды». Verbs only: «Асановта жарық жоқ» (Asanov has no light) is a person's.
 */
const KK_WORKS_DONE = [
  'жөнд',
  'орнат',
  'салын',
  'ауыстыр',
  'төсел',
  'абаттанд',
  'тазарт',
  'отырғыз',
  'қалпына',
  'жарықтанд',
];

/** The Kazakh locative endings: «Сейфуллинде», «Жұбановта», «Қарабайда». */
const LOCATIVE: ReadonlySet<string> = new Set(['да', 'де', 'та', 'те', 'нда', 'нде']);

/** «жалоба на Иванова», «в суд на Кунаева»: tokens[i] is who a complaint is aimed at. */
function aimedAt(tokens: readonly Token[], i: number): boolean {
  const on = tokens[i - 1];
  const aim = tokens[i - 2];
  return (
    on !== undefined &&
    aim !== undefined &&
    lowerCase(on.text) === 'на' &&
    AIMED_AT.test(lowerCase(aim.text))
  );
}

/** Whether a word of works on a street comes in the four words after tokens[i]. */
function worksAfter(
  tokens: readonly Token[],
  i: number,
  stems: readonly string[] = WORKS_AFTER,
): boolean {
  for (let k = i + 1; k <= Math.min(tokens.length - 1, i + 4); k++) {
    const word = lowerCase(tokens[k]!.text);
    if (stems.some((stem) => word.startsWith(stem))) return true;
  }
  return false;
}

/**
 * The streets, districts and localities of a report's data (appeals' places), as keys cut
 * to their stem: «ул. Жубанова», «Жұбанов көшесі» and «Карабай» make «жубанов», «караба».
 * A text's word is one of them when its key begins with a stem, up to four letters of case
 * ending after it («Жубановой», «Карабая»). Used only where a word before says «place»
 * («на», «в», «из», «возле», «вдоль»): a citizen named like a street is still found
 * everywhere else.
 */
export class PlaceWords {
  private readonly stems = new Set<string>();

  add(place: string): void {
    const { starts, ends } = words(place);
    for (let w = 0; w < starts.length; w++) {
      const word = place.slice(starts[w], ends[w]);
      if (!startsWithCapital(word)) continue;
      let key = nameKey(word);
      if (key.length > 4 && PLACE_VOWEL_END.test(key)) key = key.slice(0, -1);
      if (key.length >= MIN_PLACE_STEM) this.stems.add(key);
    }
  }

  get size(): number {
    return this.stems.size;
  }

  has(word: string): boolean {
    if (this.stems.size === 0) return false;
    const key = nameKey(word);
    for (let length = key.length; length >= Math.max(MIN_PLACE_STEM, key.length - 4); length--) {
      if (this.stems.has(key.slice(0, length))) return true;
    }
    return false;
  }
}

/** A place's name ending in a vowel drops it when declined («Карабай» → «Карабая»: и as a key). */
const PLACE_VOWEL_END = /[аеиоуэюя]$/u;
const MIN_PLACE_STEM = 4;

function surnameAlone(
  text: string,
  tokens: readonly Token[],
  i: number,
  places: PlaceWords | undefined,
): boolean {
  const token = tokens[i]!;
  if (token.compound) return false;
  const ending = surnameAloneEnding(token.text);
  if (ending === null) return false;
  const [from, to] = group(text, tokens, i);
  // «ИП Сериков», «ЖК Серікова»: an individual entrepreneur («ЖК» is also a residential
  // complex, but those are not called by a surname).
  const owner = tokens[from - 1];
  if (
    owner !== undefined &&
    ENTREPRENEUR.has(lowerCase(owner.text)) &&
    spaced(text, owner, tokens[from]!)
  ) {
    return true;
  }
  if (isPlace(text, tokens, [from, to])) return false;
  if (saidAsPlace(text, tokens, i, ending, places)) return false;
  // «Сейфуллинде жол жөнделді», «Қарабайда клуб жөнделді»: a street or a village in the
  // Kazakh locative, with works done there.
  if (LOCATIVE.has(ending) && worksAfter(tokens, i, KK_WORKS_DONE)) return false;
  if (
    TOWN_OF_SURNAME_SHAPE.test(lowerCase(token.text)) &&
    !followedByPersonVerb(tokens, to) &&
    !aimedAt(tokens, i)
  ) {
    return false;
  }
  if (token.sentenceStart && !ENDING_AT_START.test(ending) && !followedByPersonVerb(tokens, i)) {
    return false;
  }
  // A place word or a title inside the group, written with a capital: «Назарбаев
  // Университета», «Сквер Гагарина», «Улица Шевченко», «Президент Тоқаев», «Депутат Асанов».
  for (let k = from; k <= to; k++) {
    if (k === i) continue;
    const key = nameKey(tokens[k]!.text);
    if (k > i ? PLACE_AFTER.some((stem) => key.startsWith(stem)) : isTitleOrPlaceBefore(key)) {
      return false;
    }
  }
  if (afterTitle(text, tokens, from) || oneOfTwoStreets(text, tokens, from, to)) return false;
  const before = tokens[from - 1];
  if (before !== undefined) {
    const key = nameKey(before.text);
    if (isTitleOrPlaceBefore(key)) return false;
    const other = tokens[from - 2];
    if (
      AND_WORDS.has(key) &&
      other?.capitalised &&
      isPlace(text, tokens, group(text, tokens, from - 2))
    ) {
      return false;
    }
  }
  // «Сейфуллин мен Кенесары көшелерінің қиылысы»: one of two places named after it.
  const and = tokens[to + 1];
  const next = tokens[to + 2];
  return !(
    and !== undefined &&
    next?.capitalised === true &&
    AND_WORDS.has(nameKey(and.text)) &&
    isPlace(text, tokens, group(text, tokens, to + 2))
  );
}

/**
 * Kazakh words before a name, as they are (not their plurals: «азаматтарға Жер кодексі…»):
 * «азамат Асанов», «азаматша Ким», «өтініш беруші Сейтқали».
 */
const CITIZEN_BEFORE = new Set(
  ['азамат', 'азаматша', 'азаматшасы', 'беруші', 'берушіге', 'берушінің', 'берушіден'].map(
    lowerCase,
  ),
);

/** «гр.», «гр-ка», «гр-ну», «гр-ке» (гражданин, гражданка) before a name. */
const CITIZEN_SUFFIXES = new Set(['н', 'ну', 'на', 'ка', 'ке', 'ки', 'ку', 'кой']);

/** The index of the word after «гр.» or «гр-ка» at tokens[i], or -1. */
function afterCitizenAbbreviation(text: string, tokens: readonly Token[], i: number): number {
  const token = tokens[i]!;
  if (token.text.length !== 2 || lowerCase(token.text) !== 'гр') return -1;
  const next = tokens[i + 1];
  if (next === undefined) return -1;
  const gap = text.slice(token.end, next.start);
  if (/^\.[ \u00a0]*$/u.test(gap)) return i + 1;
  const name = tokens[i + 2];
  if (
    gap === '-' &&
    name !== undefined &&
    CITIZEN_SUFFIXES.has(lowerCase(next.text)) &&
    /^\.?[ \u00a0]+$/u.test(text.slice(next.end, name.start))
  ) {
    return i + 2;
  }
  return -1;
}

function followedByPersonVerb(tokens: readonly Token[], to: number): boolean {
  for (let k = to + 1; k <= Math.min(tokens.length - 1, to + 3); k++) {
    const word = lowerCase(tokens[k]!.text);
    if (PERSON_VERBS.some((verb) => word.startsWith(verb))) return true;
    if (tokens[k]!.capitalised) return false;
  }
  return false;
}

function isFirstName(token: Token, alone: boolean): boolean {
  if (!token.capitalised || token.compound) return false;
  const entry = firstNameOf(token.text);
  if (entry === null) return false;
  if (alone && entry.place) return false;
  if (entry.ambiguous && token.sentenceStart) return false;
  return true;
}

/** A title of office or fame (key): «әкімі», «руководитель», «поэт». */
function isTitleKey(key: string): boolean {
  return OFFICE_TITLES.some((title) => key.startsWith(title)) || FAMOUS_BEFORE.test(key);
}

/**
 * Whether a title of office or a famous person's title stands right before tokens[at], or
 * before one or two lower-case words of the office there, and its number («руководитель
 * отдела Сериков Е.», «аким района Б. Сагинтаев», «директор школы № 12 Иванова А.»,
 * «заведующая детским садом № 5 Петрова»): a public figure, named in public anyway.
 */
function afterTitle(text: string, tokens: readonly Token[], at: number): boolean {
  let k = at - 1;
  // The institution's number between: NFKC writes «№» as «No».
  const sign = tokens[k];
  if (
    sign !== undefined &&
    (sign.text === 'No' || sign.text === 'N') &&
    INSTITUTION_NUMBER.test(text.slice(sign.end, tokens[at]!.start))
  ) {
    k -= 1;
  }
  // The institution's name in quotes, and its kind before it: «руководитель ГУ «Отдел ЖКХ»
  // Петров», «директор КГУ «Школа-лицей № 5» Иванова».
  if (tokens[k]?.quoted === true && tokens[at]?.quoted === false) {
    while (tokens[k]?.quoted === true) k -= 1;
    const kind = tokens[k];
    if (kind !== undefined && INSTITUTION_KIND.test(lowerCase(kind.text))) k -= 1;
  }
  const before = tokens[k];
  if (before === undefined || (before.capitalised && !before.sentenceStart)) return false;
  if (isTitleAt(tokens, k)) return true;
  for (let of = k; of > k - 2 && of >= 1; of--) {
    const word = tokens[of]!;
    if (word.capitalised || !OF_AN_OFFICE.test(lowerCase(word.text))) return false;
    if (isTitleAt(tokens, of - 1)) return true;
  }
  return false;
}

/** The kinds of public institutions before their names in quotes: ГУ, КГУ, КГП, ГККП. */
const INSTITUTION_KIND = /^(?:гу|кгу|ргу|кгп|гкп|гккп|ркп|мкк|кгкп)$/u;

/** «12», «.12 » after «№» («No» after NFKC): an institution's number. */
const INSTITUTION_NUMBER = /^[\s\u00a0.]*\d+[\s\u00a0]*$/u;

/** A title at tokens[k]: «аким», «поэт», and «главный врач», «бас дәрігер» (a doctor is not). */
function isTitleAt(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k];
  if (token === undefined) return false;
  const key = nameKey(token.text);
  if (isTitleKey(key)) return true;
  if (!key.startsWith('врач') && !key.startsWith('дариге')) return false;
  const head = tokens[k - 1];
  return head !== undefined && /^(?:главн|бас$)/u.test(nameKey(head.text));
}

/**
 * What a Russian title of office is «of»: «отдела», «района», «акимата», «школы», «детским
 * садом», «поликлиники».
 */
const OF_AN_OFFICE =
  /^(?:отдел|управлени|район|город|област|акимат|аппарат|департамент|школ|округ|сел|маслихат|комитет|министерств|учреждени|предприяти|организаци|ведомств|службы|университет|академи|институт|детск|сад(?:а|у|ом|е|ик\p{L}*)?$|ясл|поликлиник|больниц|амбулатори|гимнази|лице[яйею]|колледж|библиотек|центр|клуб|дом(?:а|е|ом)?$|культур|кгу$|гу$|кгп$|гкп$)\p{L}*$/u;

/**
 * Whether the name group of tokens[i] is a public figure's: a title of office or fame before
 * it («аким района Ерлан Сериков», «жазушы Ғабит Мүсірепов») or inside it («Президент
 * Тоқаев»).
 */
function publicFigure(text: string, tokens: readonly Token[], i: number): boolean {
  const [from] = group(text, tokens, i);
  if (afterTitle(text, tokens, from)) return true;
  for (let k = from; k < i; k++) {
    if (isTitleKey(nameKey(tokens[k]!.text))) return true;
  }
  return false;
}

/**
 * Whether the word at tokens[k] is a street's or a place's name: a historical figure's name
 * («Абая», «Райымбека») or a name group with a place word around it.
 */
function placeName(text: string, tokens: readonly Token[], k: number): boolean {
  const token = tokens[k];
  if (token === undefined || !token.capitalised) return false;
  return firstNameOf(token.text)?.place === true || isPlace(text, tokens, group(text, tokens, k));
}

/** «Абая – Сейфуллина», «Райымбека и Саина»: the gap or word that joins two streets. */
const STREET_DASH = /^[\s\u00a0]*[-–—][\s\u00a0]*$/;

/** Whether the group [from, to] is one of two streets joined by «и», «мен» or a dash. */
function oneOfTwoStreets(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): boolean {
  const before = tokens[from - 1];
  if (before !== undefined) {
    if (
      STREET_DASH.test(text.slice(before.end, tokens[from]!.start)) &&
      placeName(text, tokens, from - 1)
    ) {
      return true;
    }
    if (AND_WORDS.has(nameKey(before.text)) && placeName(text, tokens, from - 2)) return true;
  }
  const after = tokens[to + 1];
  if (after !== undefined) {
    if (
      STREET_DASH.test(text.slice(tokens[to]!.end, after.start)) &&
      placeName(text, tokens, to + 1)
    ) {
      return true;
    }
    if (AND_WORDS.has(nameKey(after.text)) && placeName(text, tokens, to + 2)) return true;
  }
  return false;
}

/** «ИП», «ЖК» (жеке кәсіпкер): an individual entrepreneur's name is a person's name. */
const ENTREPRENEUR = new Set(['ип', 'жк']);

/**
 * A word with initials after it names a person: «Серикова А.Б.», «Иванов И.», «Ким С.»,
 * «Тен В. обратилась», «Айгерим К.», «ИП Сериков Е.», «ЖК Серікова Ә.» — unless a title of
 * office stands before it («депутат Сериков Е.»), or it is a place («ул. Абая 5»: no initial
 * there), an institution, or an everyday word at a sentence's start with no person's verb
 * after its initials.
 */
function nameWithInitialsAfter(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const lower = lowerCase(token.text);
  if (token.compound || NOT_A_NAME.test(lower)) return false;
  const [from] = group(text, tokens, i);
  if (afterTitle(text, tokens, from)) return false;
  const before = tokens[i - 1];
  const entrepreneur =
    before !== undefined && ENTREPRENEUR.has(lowerCase(before.text)) && spaced(text, before, token);
  // Two initials, or a surname's shape: as before, a place's name is the group's.
  let last = i + 1;
  while (
    tokens[last + 1]?.initial &&
    /^\.\s?$/.test(text.slice(tokens[last]!.end, tokens[last + 1]!.start))
  ) {
    last += 1;
  }
  if (last > i + 1 || tokens[i + 2]?.initial === true || isSurnameShaped(token.text)) {
    return entrepreneur || !placeAround(text, tokens, group(text, tokens, i), last);
  }
  // One initial after any other word: a first name («Айгерим К.»), a short or Kazakh surname
  // («Ким С.», «Оспан Ж.»). A place word counts only right before the word itself: «с. Береке
  // Айгерим К.» is a person in Береке.
  if (entrepreneur) return true;
  if (placeAround(text, tokens, [i, i], last) || firstNameOf(token.text)?.place === true) {
    return false;
  }
  return !token.sentenceStart || followedByPersonVerb(tokens, last);
}

/** «атындағы» (named after), «көшесі» after a name's initials: «Қонаев Д. атындағы көше». */
const NAMED_AFTER = ['атында', 'көше'].map(nameKey);

/**
 * Whether a name group [from, to] with initials up to tokens[last] is a place's: a place
 * word before it or right after it, «атындағы» or «көшесі» after its last initial («Қонаев
 * Д. атындағы көше»; not «Ахметов А.С. мектеп директоры», a person), or a place word inside
 * it («Улица Д. Кунаева»).
 */
function placeAround(
  text: string,
  tokens: readonly Token[],
  [from, to]: [number, number],
  last: number,
): boolean {
  if (isPlace(text, tokens, [from, Math.max(to, last)])) return true;
  const after = tokens[last + 1];
  if (
    after !== undefined &&
    /^\.?[\s\u00a0-]+$/.test(text.slice(tokens[last]!.end, after.start)) &&
    NAMED_AFTER.some((stem) => nameKey(after.text).startsWith(stem))
  ) {
    return true;
  }
  for (let k = from; k <= to; k++) {
    if (PLACE_BEFORE.has(nameKey(tokens[k]!.text))) return true;
  }
  return false;
}

/**
 * Whether a Kazakh patronymic-shaped word is said as a street: after «по» («по Момышулы») or
 * as one of two streets («Угол Абая и Момышулы»).
 */
function saidAsStreet(text: string, tokens: readonly Token[], i: number): boolean {
  // Streets carry Kazakh patronymics only: «Петровна» is a person next to any street.
  if (!PATRONYMIC_KK.test(lowerCase(tokens[i]!.text))) return false;
  const prev = tokens[i - 1];
  if (prev !== undefined && lowerCase(prev.text) === 'по' && spaced(text, prev, tokens[i]!)) {
    return true;
  }
  const [from, to] = group(text, tokens, i);
  return oneOfTwoStreets(text, tokens, from, to);
}

/**
 * Surnames of the Koreans, Germans and others of Kazakhstan that have no Russian suffix and
 * are short (lower case): «семья Ким», «обратилась Пак», «гражданин Шмидт», «Цойға».
 * Not «Хан» (a title: «Абылай хан»), nor «Нам», «Ан», «О», «Ни» (words: «Нам сообщили»).
 */
// prettier-ignore
const OTHER_SURNAMES: ReadonlySet<string> = new Set([
  'ким', 'пак', 'цой', 'тен', 'ли', 'лим', 'югай', 'огай', 'когай', 'хегай', 'тян', 'шин',
  'кан', 'пан', 'цхай', 'лигай', 'дегай', 'мун', 'чой', 'чен', 'шмидт', 'мюллер', 'миллер',
  'вебер', 'беккер', 'шульц', 'фишер', 'майер', 'мейер', 'вагнер', 'келлер', 'шнайдер',
  'шнейдер', 'гофман', 'нейман', 'классен', 'фризен', 'вольф', 'рихтер', 'циммерман',
  'краузе', 'петерс', 'эннс',
]);
/**
 * Their first two letters' codes (a × 0x10000 + b), capitalised and in lower case: most
 * capitalised words are ruled out by them with no string made.
 */
const OTHER_SURNAME_STARTS: ReadonlySet<number> = new Set(
  [...OTHER_SURNAMES].flatMap((name) => {
    const second = name.charCodeAt(1);
    return [
      name.charCodeAt(0) * 0x10000 + second,
      name.toUpperCase().charCodeAt(0) * 0x10000 + second,
    ];
  }),
);
/** Russian (a man's) and Kazakh case endings after them: «Киму», «Шмидта», «Кимге», «Пактың». */
const OTHER_SURNAME_ENDINGS: ReadonlySet<string> = new Set(
  (
    'а у ом е ым ке ге қа ға ка га тың тің дың дің ның нің ты ті ды ді ны ні та те да де нда ' +
    'тан тен дан ден нан нен пен бен мен'
  )
    .split(' ')
    .concat(''),
);
/**
 * Armenian, Georgian and Ukrainian surnames by their ending, in any case: «Саркисян»,
 * «Петросяну», «Гогиберидзе», «Ковальчук», «Полищуком».
 */
const OTHER_SURNAME_SHAPE = /^\p{L}{3,}(?:ян|янц|дзе|швили|чук|щук|юк)(?:а|у|ом|ым|е)?$/u;
/** Everyday words of those shapes. */
const NOT_OTHER_SURNAME = /^(?:тенге|крестьян|дворян|славян|армян|граждан)/u;

/** Whether a capitalised word is one of `OTHER_SURNAMES` in a case, or of their shapes. */
function otherSurname(word: string): boolean {
  // Most capitalised words are ruled out by their first two letters and their last ones,
  // with no string made.
  const listed = OTHER_SURNAME_STARTS.has(word.charCodeAt(0) * 0x10000 + word.charCodeAt(1));
  if (!listed && !mayHaveOtherShape(word)) return false;
  const lower = lowerCase(word);
  if (NOT_OTHER_SURNAME.test(lower)) return false;
  if (listed) {
    for (let length = 2; length <= Math.min(lower.length, 9); length++) {
      if (
        OTHER_SURNAMES.has(lower.slice(0, length)) &&
        OTHER_SURNAME_ENDINGS.has(lower.slice(length))
      ) {
        return true;
      }
    }
  }
  return OTHER_SURNAME_SHAPE.test(lower);
}

/**
 * What `OTHER_SURNAME_SHAPE` needs, by a look at the word's last four letters: «ян», «дзе»,
 * «ли» (of «швили») or «к» after «у», «ю» (of «чук», «щук», «юк») among them.
 */
function mayHaveOtherShape(word: string): boolean {
  if (word.length < 5) return false;
  for (let k = word.length - 4; k < word.length - 1; k++) {
    const a = word.charCodeAt(k);
    const b = word.charCodeAt(k + 1);
    if (a === 0x44f && b === 0x43d) return true; // ян
    if (a === 0x437 && b === 0x435) return true; // зе
    if (a === 0x43b && b === 0x438) return true; // ли
    if ((a === 0x443 || a === 0x44e) && b === 0x43a) return true; // ук, юк
  }
  return false;
}

/** Whether the text names a person by any of the rules of this module. */
export function namesSomebody(
  text: string,
  spans: WordSpans = words(text),
  places?: PlaceWords,
): boolean {
  const tokens = tokenize(text, spans);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.quoted) continue;
    const place = (from: number, to: number) =>
      isPlace(text, tokens, group(text, tokens, from, to));

    // A first name alone, in any case.
    if (isFirstName(token, true) && !place(i, i) && !publicFigure(text, tokens, i)) return true;

    // A surname alone, in any case: «Асановтың өтініші», «ответ Тургумбаевой».
    if (
      token.capitalised &&
      token.text.length >= 5 &&
      maySurnameAlone(token.text) &&
      surnameAlone(text, tokens, i, places)
    ) {
      return true;
    }

    // A short surname of the Koreans, Germans… or an Armenian, Georgian, Ukrainian one,
    // alone: «семья Ким», «Обратилась Пак», «Саркисяну разъяснено» (at a sentence's start
    // only with a person's verb after it: «Нам сообщили»).
    if (
      token.capitalised &&
      !token.compound &&
      otherSurname(token.text) &&
      (!token.sentenceStart || followedByPersonVerb(tokens, i)) &&
      !place(i, i) &&
      !publicFigure(text, tokens, i)
    ) {
      return true;
    }

    // A patronymic: «Петровна», «Серікұлы»; or «Марат қызы» written apart.
    if (isPatronymic(token) && !place(i, i) && !saidAsStreet(text, tokens, i)) return true;
    if (i > 0 && mayBeSeparatePatronymic(token.text) && SEPARATE_PATRONYMIC.test(token.text)) {
      const prev = tokens[i - 1]!;
      if (
        isFirstName(prev, false) &&
        !firstNameOf(prev.text)?.place &&
        spaced(text, prev, token) &&
        !place(i - 1, i)
      ) {
        return true;
      }
    }

    const next = tokens[i + 1];
    // A capitalised pair with a surname: «Иванов Петр», «Гульмира Абенова обратилась».
    if (
      next &&
      token.capitalised &&
      next.capitalised &&
      !next.quoted &&
      spaced(text, token, next) &&
      token.text.length >= 3 &&
      next.text.length >= 3
    ) {
      const surnames = [token, next].filter((t) => isSurnameShaped(t.text));
      const other = surnames.length === 1 ? (surnames[0] === token ? next : token) : null;
      const plausible =
        surnames.length === 2 ||
        (other !== null &&
          !NOT_A_NAME.test(lowerCase(other.text)) &&
          (firstNameOf(other.text) !== null || followedByPersonVerb(tokens, i + 1)));
      if (plausible && !place(i, i + 1) && !publicFigure(text, tokens, i)) return true;
    }

    // Initials with a surname: «А. Серикова», «А.Б. Серикова», «Серикова А.Б.».
    if (
      token.initial &&
      next &&
      (next.capitalised || next.initial) &&
      /^\.\s?$/.test(text.slice(token.end, next.start))
    ) {
      let k = i + 1;
      let initials = 1;
      while (
        tokens[k]?.initial &&
        /^\.\s?$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))
      ) {
        initials += 1;
        k += 1;
      }
      const word = tokens[k];
      if (
        word?.capitalised &&
        (initials >= 2 || isSurnameShaped(word.text) || firstNameOf(word.text) !== null) &&
        !afterTitle(text, tokens, i)
      ) {
        if (!placeAround(text, tokens, group(text, tokens, i, k), k)) return true;
      }
    }
    if (token.capitalised && next?.initial && spaced(text, token, next)) {
      if (nameWithInitialsAfter(text, tokens, i)) return true;
    }

    // A surname in capitals with initials, as lists and forms write it: «ИВАНОВ И.И.».
    if (
      next?.initial &&
      !token.capitalised &&
      token.text.length >= 4 &&
      startsWithCapital(token.text) &&
      spaced(text, token, next) &&
      isSurnameShaped(token.text) &&
      !afterTitle(text, tokens, i)
    ) {
      return true;
    }

    // Honorifics: «Серікова ханым», «Марат ағай»; «гражданка Абенова», «жителю Ахметову».
    if (
      next &&
      token.capitalised &&
      HONORIFIC_AFTER.has(nameKey(next.text)) &&
      spaced(text, token, next)
    ) {
      if (!place(i, i)) return true;
    }
    if (
      next?.capitalised &&
      !next.quoted &&
      (HONORIFIC_BEFORE.test(lowerCase(token.text)) || CITIZEN_BEFORE.has(lowerCase(token.text))) &&
      spaced(text, token, next)
    ) {
      if (!NOT_A_NAME.test(lowerCase(next.text)) && !place(i + 1, i + 1)) return true;
    }
    // «гр. Ким», «гр-ка Ли»: гражданин, гражданка abbreviated.
    const named = afterCitizenAbbreviation(text, tokens, i);
    if (named >= 0) {
      const name = tokens[named]!;
      if (
        name.capitalised &&
        !name.quoted &&
        !NOT_A_NAME.test(lowerCase(name.text)) &&
        !place(named, named)
      ) {
        return true;
      }
    }
  }
  return false;
}
