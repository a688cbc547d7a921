// The anonymisation check of the public report: finds what looks like personal data in the free
// text that the report prints (appeals' public summaries, initiatives' and plan items' texts). It
// errs on the side of blocking: a false alarm costs the office a rewording, a miss publishes a
// citizen's details. Only the kinds found are reported, never the text.
//
// What it catches: IINs and phones however they are written (spaces, dashes, en dashes, dots,
// brackets, partly in words: «8 701 жүз жиырма үш 45 67»); e-mails, also obfuscated
// («aigul.serikova [at] mail.ru», «(собака)», «dot»), and messenger handles, also without the @
// after a messenger's name («инстаграм: aigul_88»); house and flat numbers in every Kazakh and
// Russian form («Абай к-сі 12-34», «ул. Абая 12-34», «д. 5, кв. 7», «12 үй 34 пәтер», «12/34», «по
// адресу: Абая, 12», «мекенжайы: Абай 12-34»); identity-card and passport numbers after the
// document's name («жеке куәлік № 012345678», «паспорт N12345678»); the names of applicants of the
// data (two words of a name, or a surname with an initial, in any case); and names of anybody
// (piiNames.ts): a first name alone in any case, a surname alone in any case («Асановтың»,
// «Тургумбаевой»), patronymics, initials with a surname, a name pair with a surname, names with
// honorifics («гр. Ким», «азаматша Ли») — in Cyrillic, in Latin («Aigul Serikova») and with Latin
// look-alike letters inside a Cyrillic word («Серiкова»), which is itself reported; a name with one
// initial after it («Ким С.», «Айгерим К.»), a Kazakh surname on «-бай», «-бек» alone
// («Сәрсенбайға», «Сарсенбаю»), and an individual entrepreneur's name («ИП Сериков», «ЖК Серікова»:
// a person's name, unlike a ТОО's); a family in the plural («Ахметовы», «семье Ахметовых»,
// «Сулейменовтерге»); a surname in capitals with initials («ИВАНОВ И.И.»), a double surname
// («Иванова-Петрова»; other hyphened pairs are places: «Нур-Султан», «Алма-Ата»); short Korean and
// German surnames alone («семья Ким», «Обратилась Пак», «Шмидту») and Armenian, Georgian, Ukrainian
// ones by their ending («Саркисян», «Ковальчук»). Birth dates and years («1985 г.р.», «85 г.р.»,
// «1985 ж.т.», «родилась 05.03.1985», «дата рождения 05.03.85», «туған күні: …»); bank cards
// (sixteen digits passing Luhn, in one run or in fours) and IBANs («KZ12 3456 …»); car plates («123
// ABC 02», «123ABC02», after a car word «А 123 ВС»); a driving licence's series and number
// («удостоверение АА 123456»); a street's name with a house and flat and no street word, whatever
// follows («Абая 10-25 протекает», «Самал-2, 5-12», «Сатпаева 5/12»; not a range of houses: «домов
// по Абая 10-12»); a street and a house after a word of living there («проживает на Абая, 10»,
// «живёт по Жубанова 12», «тұрады: Абай 10»); a room of a hostel somebody lives in («общежитие,
// комната 312», «312-бөлме») and a dacha's plot («дачный массив …, участок 125»).
//
// What it leaves alone: streets and microdistricts without a house number (the report counts by
// street), places and schools named after people, agencies, dates, registry numbers, a company's
// BIN («БИН 050140012345»: a legal entity's fifth digit; a sole trader's BIN is an IIN), amounts of
// money and counts («120 пәтерлі үй», «5 үйдің ауласы»), outgoing numbers («№ 12/345», «№
// 3-12/456»), public figures after their title («Президент Тоқаев», «аким района Сериков», «әкімі
// Б. Жұмабаев», «поэт Пушкин», and heads of public institutions: «директор школы № 12 Иванова А.»,
// «заведующая детским садом № 5 Петрова», «главный врач поликлиники Сидоров», «балабақша
// меңгерушісі», «руководитель ГУ «Отдел ЖКХ» Петров»: officials in office and famous people are
// named in public anyway; a teacher or a doctor is not one), towns and villages that read as names
// («в Алматы», «в Курчатове», «в Карабае», «из Карабая», «жители Береке», «жителям Карабая»), a
// street said with «по» («по Жубанова») or with «на» and works done on it or a house after it («На
// Жубанова заменены трубы»; «жалоба на Иванова», «На Иванова составлен протокол» are people), or in
// the Kazakh locative with a verb of works done («Сейфуллинде жол жөнделді», «Қарабайда клуб
// жөнделді»; «Асановта жарық жоқ» is a person's). A town or a street of a surname's shape alone
// («Конаева», «на Кунаева») is the place; with a person's verb after it («Конаева обратилась»),
// «гражданка», a first name or initials, it is a person. The streets and localities of the report's
// data (`PlaceWords`, from the appeals' places and the okrug's description) make a place of such a
// word after «на», «в», «из», «возле», «вдоль» too («Пущен автобус в Карабай»; not after «до»,
// «около»: «дозвониться до Иванова»).

import { alignedKey, alignedKeyNumber, keyLayout, keyNumber, nameKey } from './names';
import { PlaceWords, namesSomebody, streetLike } from './piiNames';
import { CYRILLIC, DIGIT, LATIN, NFKC, traitsOf, words, type WordSpans } from './piiWords';
import {
  MAIL_SERVICES,
  deobfuscateEmails,
  fixLookalikes,
  maskDates,
  numberWordsToDigits,
  transliterateLatin,
} from './piiText';
import type { PiiKind } from './types';

// --- Numbers: IINs and phones ---------------------------------------------------------------

/**
 * A run of digits that may be written with spaces, hyphens, dashes, dots or brackets between
 * them ("+7 (701) 123-45-67", "880101 300 123", "8.701.234.56.78", "880101–300123"). Dates,
 * registry numbers and times are masked first (maskDates), so they never join a run.
 */
const DIGIT_RUN = /\+?\d(?:[ \u00a0\-‐‑‒–—.()]{0,3}\d)*/g;
/** An amount written with thousands groups ("7 500 000 000", "1.500.000"). */
const THOUSANDS = /^\d{1,3}(?:([ \u00a0.])\d{3})(?:\1\d{3})*$/;
/** A city number without the area code: "55-12-34", "255–12–34", "2-50-50-50". */
const LOCAL_PHONE = /^(?:\d{2,3}|\d[-‐‑‒–—]\d{2})[-‐‑‒–—]\d{2}[-‐‑‒–—]\d{2}$/;
/** Words after an amount: currencies, units, counts. */
const AMOUNT_AFTER =
  /^[\s\u00a0]*(?:теңге|тенге|тг|₸|млн|млрд|мың|тыс|сом|рубл|руб|доллар|\$|евро|€|шаршы|кв|м²|м2|текше|куб|тонна|кг|литр|адам|человек|пайыз|процент|%)/iu;
/** Words after a house and flat that say somebody lives there: «…тұрғыны», «…пәтерінде». */
const RESIDENT_WORDS = String.raw`тұрғын|пәтер|жител|жилец|жильц|кв\.|квартир|прожив|мекен`;
/** Words before a short number that make it a phone: "тел. 51 23 45", "звоните 2-50-50-50". */
const PHONE_CUE =
  /(?:тел|телефон|ұялы|моб|байланыс|whatsapp|ватсап|вотсап|номер|нөмір|звон|позвон|қоңырау|хабарлас)\p{L}*\.?[\s:\u00a0]*$/iu;

/** A birth date in the first six digits and a century-and-sex digit: the shape of an IIN. */
function iinShaped(digits: string): boolean {
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const century = Number(digits.charAt(6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && century >= 1 && century <= 6;
}

/** Eleven digits of a Kazakh mobile or landline written with 8/7 in front, or ten without. */
function phoneShaped(digits: string): boolean {
  return /^(?:[78]?7\d{9})$/.test(digits);
}

/** A card's sixteen digits as people write them: «4400430123456789», «4400 4301 2345 6789». */
const CARD_SHAPE = /^\d{4}([ \u00a0-]?)\d{4}\1\d{4}\1\d{4}$/;

/** The Luhn checksum of bank cards. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A Kazakh IBAN: «KZ» and 18 characters, digits and capitals («KZ12 3456 7890 1234 5678»,
 * «KZ86125KZT5004100100»), spaced in fours or not.
 */
const IBAN = /(?<![\p{L}\d])KZ\d{2}(?:[ \u00a0]?[\dA-Z]){16}(?![\p{L}\d])/giu;

/** «БИН», «БСН» (a business identification number) right before a number («№» is «No» here). */
const BIN_BEFORE = /(?<!\p{L})(?:БИН|БСН|бин|бсн)[\s\u00a0:-]*(?:No\.?[\s\u00a0]*)?$/u;

/**
 * Whether twelve digits after «БИН» are a company's: the fifth digit says a legal entity
 * (4, 5, 6), where an IIN has the first digit of a day (0–3). A company's BIN is public; a
 * sole trader's BIN is the owner's IIN, and stays found.
 */
function companyBin(text: string, at: number, digits: string): boolean {
  const kind = digits.charCodeAt(4) - 0x30;
  return kind >= 4 && kind <= 6 && BIN_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}

function scanNumbers(text: string, found: Set<PiiKind>): void {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const raw = match[0].replace(/[ \u00a0\-‐‑‒–—.(]+$/, '');
    const digits = raw.replace(/\D/g, '');
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
    if (THOUSANDS.test(raw)) {
      // An amount, unless it has the shape of an IIN or a phone and nothing says "money".
      if (AMOUNT_AFTER.test(after)) continue;
      if (!(digits.length >= 12 ? iinShaped(digits) : phoneShaped(digits))) continue;
    }
    // Sixteen digits passing the Luhn check, written in one run or in fours: a bank card
    // (two registry numbers side by side, «2026-0042 2026-0042», are not one).
    if (digits.length === 16 && CARD_SHAPE.test(raw) && luhn(digits)) {
      found.add('bankAccount');
    }
    // Twelve digits or more: an IIN (or a longer number an IIN could hide in). Checksums are
    // deliberately ignored: a mistyped IIN is still somebody's IIN.
    else if (digits.length === 12 && companyBin(text, match.index, digits)) continue;
    else if (digits.length >= 12) found.add('iin');
    else if (digits.length >= 10) found.add('phone');
    else if (LOCAL_PHONE.test(raw)) found.add('phone');
    else if (
      digits.length >= 6 &&
      PHONE_CUE.test(text.slice(Math.max(0, match.index - 20), match.index))
    ) {
      found.add('phone');
    }
  }
}

// --- Birth dates and car plates -------------------------------------------------------------

/**
 * A year or a date, with a birth word after it: «1985 г.р.», «1985 ж.т.», «1985 жылы туған»,
 * and a year of two digits before «г.р.», «ж.т.»: «85 г.р.».
 */
const BIRTH_AFTER =
  /(?<!\d)(?:(?:19|20)\d{2}|(?<![\d.,/-])\d{2}(?=[\s\u00a0]*(?:г\.[\s\u00a0]*р\.|ж\.[\s\u00a0]*т\.)))[\s\u00a0]*(?:г\.?[\s\u00a0]*р\.?(?![\p{L}/])|года?[\s\u00a0]+рождения|ж\.?[\s\u00a0]*т\.?(?!\p{L})|(?:жылы|жылғы|ж\.)[\s\u00a0]+(?:туған|туылған))/iu;
/**
 * A birth word with a date or a year after it: «родилась 05.03.1985», «родился в 1985
 * году», «дата рождения заявителя: 5 марта 1985», «туған күні: 05.03.1985», «г.р. 1985»,
 * «дата рождения 05.03.85».
 */
const BIRTH_BEFORE =
  /(?<!\p{L})(?:родил(?:ся|ась)|рожд[её]нн?\p{L}*|д\.[\s\u00a0]*р\.|г\.[\s\u00a0]*р\.|(?:туған|туылған)|(?:рождения|(?:туған|туылған)[\s\u00a0]+(?:күні|жылы))(?:[\s\u00a0]+\p{Ll}+){0,2})[\s\u00a0:\-–—,]*(?:в[\s\u00a0]+)?(?:(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:19|20)?\d{2}|(?:(?:0?[1-9]|[12]\d|3[01])[\s\u00a0]+\p{L}{3,9}[\s\u00a0]+)?(?:19|20)\d{2})(?!\d)/iu;

/** Letters of Kazakh plates, and their Cyrillic look-alikes people type instead. */
const PLATE_LETTER = '[A-ZАВЕКМНОРСТХУ]';
/**
 * A Kazakh car plate since 2012: three digits, two or three letters, the region 01–20
 * («123 ABC 02», «123ABC02»); the older «A 123 BC» only after a word for a number or a car.
 */
const VEHICLE_PLATE = new RegExp(
  String.raw`(?<![\p{L}\d])\d{3}[\s\u00a0]?${PLATE_LETTER}{2,3}[\s\u00a0]?(?:0[1-9]|1\d|20)(?![\p{L}\d])|(?:номер\p{L}*|нөмір\p{L}*|г\/н|госномер\p{L}*|автомобил\p{L}*|машин\p{L}*|көлі\p{L}*)[\s\u00a0:]*${PLATE_LETTER}[\s\u00a0]?\d{3}[\s\u00a0]?${PLATE_LETTER}{2,3}(?![\p{L}\d])`,
  'u',
);

// --- E-mail addresses and social handles ----------------------------------------------------

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;
/** "@aigerim_88" (Telegram, Instagram): a handle points at a person as surely as a phone. */
const HANDLE = /(?:^|[^\p{L}\d@._%+-])@[A-Za-z\d_.]{3,}/u;
/** "t.me/aigerim", "instagram.com/aigerim", "wa.me/7701...". */
const PROFILE_LINK = /(?:t\.me|telegram\.me|wa\.me|instagram\.com|facebook\.com|vk\.com)\/\S+/iu;
/**
 * A handle without its @ after a messenger's or a network's name: «инстаграм: aigul_88»,
 * «Telegram aigul88», «ник в тг — aigul.s» (Latin, with a digit, an underscore or a dot
 * inside: «в Instagram акимата», «Telegram канал» are no handle).
 */
const NAMED_HANDLE =
  /(?<!\p{L})(?:инстаграм\p{L}*|instagram|insta|инста|телеграм\p{L}*|telegram|тг|tg|тикток\p{L}*|tiktok|ник\p{L}*)[\s\u00a0]*[:\-–—]?[\s\u00a0]*(?:[A-Za-z][A-Za-z\d]*[\d_.][A-Za-z\d_.]*[A-Za-z\d])(?![\p{L}\d@])/iu;

// --- House and flat numbers -----------------------------------------------------------------

const NUM = String.raw`\d+[\p{L}]?`;
/** A house with its flat: «12-34», «12/34», «12а/3». */
const HOUSE_FLAT = String.raw`\d+[\p{L}]?\s?[-‐‑‒–—/]\s?\d+`;
/** The number sign: NFKC turns «№» into «No». */
const NO = String.raw`(?:№|no\.?)`;
/** Kazakh street words in the nominative and their abbreviations («көшесі», «к-сі», «даң.»). */
const KK_STREET = String.raw`(?:көшесі|көш\.|к-сі|даңғылы|даң\.|д-лы|тұйығы|шағын ауданы|ықшам ауданы|ш\.а\.|мөлтек ауданы)`;
/** Russian street words («ул.», «улица», «пр.», «мкр.», «пер.»). */
const RU_STREET = String.raw`(?:ул\.|улиц\p{L}*|пр\.|пр-т|просп\.|проспект\p{L}*|мкр\.?|мкрн\.?|микрорайон\p{L}*|пер\.|переул\p{L}*|бульвар\p{L}*|б-р|шоссе)`;
/** Months, kk and ru: «12 наурызда», «5 марта» are dates, not houses. */
const MONTHS = String.raw`қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|январ|феврал|март|апрел|ма[йяе](?!\p{L})|июн|июл|август|сентябр|октябр|ноябр|декабр`;
/**
 * After a number (all its digits: «2026 жылы» is no house «202»), words that make it a count,
 * a time or a date rather than a house: «2026 год», «5 подъездов», «12 наурызда».
 */
const NOT_A_HOUSE = String.raw`(?!\d)(?![\s\u00a0]*(?:жыл|ай(?!\p{L})|күн|апта|сағат|минут|метр|м(?![\p{L}.])|км|шақырым|пайыз|%|адам|рет(?!\p{L})|лет|год|месяц|дн|недел|час(?:а|ов)?(?!\p{L})|раз(?:а)?(?!\p{L})|человек|процент|тонн|кг|литр|единиц|штук|дом(?:ов|а(?!\p{L}))|пәтерлі|қабатты|этаж|подъезд|кіреберіс|квартир|класс|сынып|${MONTHS}))`;
/**
 * House and flat numbers as people write them. Kazakh: «12-үй», «12а-үйдің», «14-пәтер»,
 * «үй №5», «№5 үй», «пәтер 14», «12 үй 34 пәтер», «Абай көшесі, 12», «Абай к-сі 12-34».
 * Russian: «д. 5», «дом 5», «кв. 14», «квартира 14», «корпус 2», «ул. Абая, 12»,
 * «ул. Абая 12-34», «пр. Абая, 10», «мкр. Самал-2, 15». Either: «12/34». A number of houses or
 * flats («5 үй», «120 пәтерлі үй», «көппәтерлі», «3 дома») is not an address.
 */
const ADDRESS_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`${NUM}\s*[-–]\s*(?:үй|пәтер)`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})(?:үй|пәтер)\p{L}{0,4}\s*${NO}\s*\d`, 'iu'),
  new RegExp(String.raw`${NO}\s*${NUM}\s*(?:үй|пәтер)`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})(?:пәтер|пәт\.)\p{L}{0,4}\s+\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})үй\s+${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<![\d\p{L}])\d+\p{L}?\s*үй\p{L}{0,5}\s*,?\s*\d+\s*(?:-?\s*)пәтер`, 'iu'),
  // «Мәңгілік Ел 10, 45 пәтер»: a house, then its flat (a count of flats has no number
  // before it: «үйде 45 пәтер бар»).
  new RegExp(String.raw`(?<![\d\p{L}])\d+\p{L}?\s*,\s*\d+\s*пәтер(?!лі)`, 'iu'),
  new RegExp(
    String.raw`(?<!\p{L})${KK_STREET}\s*(?:,\s*\d+${NOT_A_HOUSE}|\s${NUM}\s*(?:[,.;)]|$|үй)|\s*,?\s*${HOUSE_FLAT})`,
    'iu',
  ),
  new RegExp(String.raw`(?<![\p{L}.])д\.\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})дом(?:а|е|у)?\s*${NO}?\s*\d+${NOT_A_HOUSE}`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})кв\.?\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})квартир\p{L}*\s*${NO}?\s*\d`, 'iu'),
  new RegExp(String.raw`(?<!\p{L})(?:корпус\p{L}*|корп\.)\s*${NO}?\s*\d`, 'iu'),
  new RegExp(
    String.raw`(?<!\p{L})${RU_STREET}\s*[\p{L}\d \-.]{1,40}?(?:,\s*(?:д\.\s*)?\d+${NOT_A_HOUSE}|\s${HOUSE_FLAT}|\s\d+\p{L}?\s*(?:[,;)]|$|\.\s|\.$|[—–](?!\s*\d)))`,
    'iu',
  ),
  // A street's name and a house with its flat, with no street word: «Абая 10-25», «Абай,
  // 12-34», «Самал-2, 5-12», «Мәңгілік Ел 10/3» — ending a phrase or before a resident's or
  // flat's word («…тұрғыны», «…пәтерінде», «…, протекает»). Not a range of things counted
  // after a sentence's first word («Заменено 5-6 окон», «Дети 7-10 лет»), nor a city phone
  // «55-12-34», nor «12/03» or a fraction «1/2» (a house of one digit takes a letter before a
  // slash: «5а/2»), nor an outgoing number «№ 12/345» (NFKC writes «№» as «No»).
  new RegExp(
    String.raw`(?<![\p{L}\d])(?!No[\s.])\p{Lu}\p{Ll}+(?:[\s\u00a0]\p{Lu}\p{Ll}+)?(?:-\d{1,2})?[\s\u00a0]*,?[\s\u00a0]*(?:\d{1,3}\p{L}?[\s\u00a0]?[-‐‑‒–—]|(?:\d{2,3}\p{L}?|\d\p{L})[\s\u00a0]?\/)[\s\u00a0]?(?!0)\d{1,4}(?![-‐‑‒–—/.,:]?\d)(?=[\s\u00a0]*(?:[,.;:)!?—–]|$|${RESIDENT_WORDS}))`,
    'u',
  ),
  // «12/34»: a house and a flat — not a date (the second number is more than 12, or an
  // address word is near), not a fraction, not an outgoing number «№ 12/2026», «№ 12/345»,
  // «№ 3-12/456» (NFKC writes «№» as «No»).
  new RegExp(
    String.raw`(?<![\d/.№]|№\s|No\.?\s?|(?:№|No\.?)\s?\d{1,4}[-‐‑‒–—])\d{1,3}\p{L}?\s?/\s?(?:1[3-9]|[2-9]\d|\d{3})(?![\d/.])`,
    'u',
  ),
];

/**
 * Addresses told by a word most texts lack, so each pattern is tried only on a text that has
 * its word (`cue`): every printed text goes through the check.
 */
const CUED_ADDRESS_PATTERNS: readonly {
  cues: readonly string[];
  pattern: RegExp;
  /** Words the text must also have (tried after the pattern matched). */
  context?: RegExp;
}[] = [
  // A street's name and its number after an address word: «по адресу: Абая, 12», «мекенжайы:
  // Абай 12-34», «адрес: Самал-2, 5» (a place's name alone, «по адресу Самал-2», is not).
  {
    cues: ['дрес', 'екен'],
    pattern: new RegExp(
      String.raw`(?<!\p{L})(?:[Пп]о адресу|[Аа]дрес|[Мм]екен-?жай[ыі]?)(?!\p{L})[\s\u00a0]*[:\-–—]?[\s\u00a0]*(?:\p{Lu}\p{L}*(?:-(?:\p{L}+|\d+))?\.?[\s\u00a0]*,?[\s\u00a0]*){1,3}\d`,
      'u',
    ),
  },
  // … and before one: «Абай 12-34 мекенжайы бойынша».
  {
    cues: ['дрес', 'екен'],
    pattern: new RegExp(
      String.raw`(?<!\p{L})\p{Lu}\p{L}+[\s\u00a0]*,?[\s\u00a0]*${HOUSE_FLAT}[\s\u00a0]+(?:мекен-?жай|по адресу)`,
      'u',
    ),
  },
  // Where somebody lives, a street's name and a house: «проживает на Абая, 10», «живёт по
  // Жубанова 12», «тұрады: Абай 10» (not «живут на Абая 20 лет», «проживает в районе 5 лет»:
  // a count).
  {
    cues: ['рожива', 'ивёт', 'ивет', 'ұрад', 'ұратын'],
    pattern: new RegExp(
      String.raw`(?<!\p{L})(?:[Пп]рожива\p{L}*|[Жж]ив[её]т|[Тт]ұрад\p{L}*|[Тт]ұратын)[\s\u00a0]*:?[\s\u00a0]*(?:(?:на|по|в)[\s\u00a0]+)?\p{Lu}\p{L}+(?:-\d{1,2})?[\s\u00a0]*,?[\s\u00a0]*\d{1,3}\p{L}?${NOT_A_HOUSE}`,
      'u',
    ),
  },
  // A room of a hostel where somebody lives: «общежитие, комната 312», «жатақхана, 312-бөлме»
  // («в комнате 3 человека» is a count; a room of a school or an office is nobody's home).
  {
    cues: ['омн', 'бөлме'],
    pattern: new RegExp(
      String.raw`(?<!\p{L})(?:комнат[аеуы]?|комн?\.|бөлме\p{L}{0,4})\s*${NO}?\s*\d+${NOT_A_HOUSE}(?!\s*[-–]\s*\d)|(?<![\d\p{L}])\d+\s*-\s*бөлме`,
      'iu',
    ),
    context: /общежит|жатақхана|прожива|тұрад|тұратын|живёт|живет|жильц|тұрғын/iu,
  },
  // A plot of a dacha or garden society: «дачный массив «Жулдыз», участок 125», «саяжай, 125
  // учаске» (not «участок дороги 12 км»: no dacha there).
  {
    cues: ['част', 'уч.', 'учаске'],
    pattern: new RegExp(
      String.raw`(?<!\p{L})(?:участ(?:ок|ка|ке)|уч\.|учаске\p{L}{0,4})\s*${NO}?\s*\d+${NOT_A_HOUSE}|(?<![\d\p{L}])\d+\s*-?\s*учаске`,
      'iu',
    ),
    context: /дач|саяжай|садов|СНТ|бақша/iu,
  },
  // «к.» for «көшесі» after a street's name: «Абай к., 12», «Абай к. 12-34».
  {
    cues: ['к.'],
    pattern: new RegExp(
      String.raw`(?<!\p{L})\p{Lu}\p{L}+[\s\u00a0]+к\.[\s\u00a0]*,?[\s\u00a0]*\d`,
      'u',
    ),
  },
];

/**
 * A word and a house with its flat, whatever comes after: «Абая 10-25 протекает», «На
 * Жубанова 12-34 нет воды», «Сатпаева 5/12» — an address when the word reads as a street
 * (`streetLike`), and what follows is no count, time or month («Абая 10-12 марта»: a
 * date's range).
 */
const WORD_HOUSE_FLAT = new RegExp(
  String.raw`(?<![\p{L}\d])(\p{Lu}\p{Ll}+)(?:-\d{1,2})?[\s\u00a0]*,?[\s\u00a0]*\d{1,3}\p{L}?[\s\u00a0]?[-‐‑‒–—/][\s\u00a0]?(?!0)\d{1,4}${NOT_A_HOUSE}(?![-‐‑‒–—/.,:]?\d)`,
  'gu',
);

/** Houses in the plural before a street: what follows is a range of houses. */
const HOUSES_BEFORE = /(?:дом(?:ов|ам|ах|ами)|үйлер\p{L}*)[\s\u00a0]+(?:(?:по|на)[\s\u00a0]+)?$/u;
/** What `WORD_HOUSE_FLAT` needs: two numbers joined by a dash or a slash. */
const NUMBER_DASH_NUMBER = /\d[\s\u00a0]?[-‐‑‒–—/][\s\u00a0]?\d/;

function streetHouseFlat(text: string, places: PlaceWords): boolean {
  if (!NUMBER_DASH_NUMBER.test(text)) return false;
  for (const match of text.matchAll(WORD_HOUSE_FLAT)) {
    if (!streetLike(match[1]!, places)) continue;
    // «жители домов по Абая 10-12»: a range of houses, not a house and a flat.
    if (HOUSES_BEFORE.test(text.slice(Math.max(0, match.index - 16), match.index))) continue;
    return true;
  }
  return false;
}

function hasAddress(text: string, places: PlaceWords): boolean {
  if (ADDRESS_PATTERNS.some((pattern) => pattern.test(text))) return true;
  if (streetHouseFlat(text, places)) return true;
  return CUED_ADDRESS_PATTERNS.some(
    ({ cues, pattern, context }) =>
      cues.some((cue) => text.includes(cue)) &&
      pattern.test(text) &&
      (context === undefined || context.test(text)),
  );
}

// --- Identity documents ---------------------------------------------------------------------

const SIX_DIGITS = /\d{6}/;
/**
 * The number of an identity card (nine digits) or a passport («N12345678») after the
 * document's name: «жеке куәлік № 012345678», «удостоверение личности №012345678», «уд.л.
 * 045678912», «паспорт N12345678», «төлқұжаты 12345678». A shorter number after «куәлік»
 * (a certificate's) is not one, unless it has a series (`DOCUMENT_SERIES`).
 */
const ID_DOCUMENT =
  /(?<!\p{L})(?:удостоверени\p{L}*|уд\.?[\s\u00a0]*(?:л\.|личн\p{L}*)|куәлі\p{L}*|паспорт\p{L}*|төлқұжат\p{L}*)[^\d\n]{0,30}?(?<!\d)(?:[NnNн][\s\u00a0]?)?\d{7,9}(?!\d)/iu;
/**
 * A driving licence's (or another card's) series of two capitals and six digits or more
 * after the document's name: «водительское удостоверение АА 123456», «жүргізуші куәлігі KZ
 * 123456» (case-sensitive: «удостоверение от 123456» is no series).
 */
const DOCUMENT_SERIES =
  /(?<!\p{L})(?:[Уу]достоверени\p{L}*|[Кк]уәлі\p{L}*|[Пп]рав(?:а|ами)(?!\p{L}))[^\d\n]{0,30}?(?<!\p{L})[A-ZА-ЯЁӘҒҚҢӨҰҮІ]{2}[\s\u00a0]?\d{6,9}(?!\d)/u;

// --- Names ----------------------------------------------------------------------------------

/**
 * Folds a word for comparing names (names.ts `nameKey`): Kazakh letters to their Russian
 * look-alikes, ё/э to е, й/ы to и, signs dropped — so «Серікболов» and «Серикболов», «Айгүл»
 * and «Айгуль» and the transliterated «Aigul» compare equal.
 */
const fold = nameKey;

/** A name ending in a vowel drops it when declined («Мария» → «Марии»): the stem is cut there. */
const VOWEL_END = /[аеиоуыэюяь]$/;
/** Patronymic words written apart («Серік ұлы»): not names by themselves. */
const NAME_PARTICLES = new Set(['ули', 'кизи', 'огли']);
/** Case and derivation endings a name may carry: «Ерланға», «Ахметовтың», «Ерлановна». */
const MAX_ENDING = 6;
/** Three letters, as `keyNumber` numbers a stem's first letters. */
const MIN_STEM = 3;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
/** An initial right after a word: «Ахметов Е.» / «Ахметов Е.С.». */
const INITIAL_AFTER = /^\s+(\p{Lu})\./u;
/** An initial (or two) right before a word: «Е. Ахметов», «Е.С. Ахметов». */
const INITIAL_BEFORE = /(\p{Lu})\.\s*(?:\p{Lu}\.\s*)?$/u;

/** A word of a name: its folded first letter's code and its stem's number (null: too short to match). */
interface NameWord {
  initial: number;
  stem: number | null;
}

/** A space-separated part of a name and its words (see `NameIndex.partAt`). */
interface Part {
  text: string;
  words: readonly NameWord[];
}

/**
 * A hash of the part [from, to) of a name, from its length and its first and last two
 * codes: cheap, and enough to tell most of an office's few hundred parts apart (those that
 * share it are told apart by their text).
 */
function partHash(name: string, from: number, to: number): number {
  const length = to - from;
  let hash = length;
  hash = Math.imul(hash, 31) + name.charCodeAt(from);
  hash = Math.imul(hash, 31) + (length > 1 ? name.charCodeAt(from + 1) : 0);
  hash = Math.imul(hash, 31) + name.charCodeAt(to - 1);
  return (Math.imul(hash, 31) + (length > 1 ? name.charCodeAt(to - 2) : 0)) | 0;
}

/** What a text needs to know of a stem (see `NameIndex.factsOf`). */
interface StemFacts {
  /** Stems that are a different word of one person's name with it. */
  partners: Set<number>;
  /** The codes of the folded first letters of the other words of its names. */
  initials: Set<number>;
}

/** Whether the folded initial is one of the letters (codes). */
function hasInitial(initials: ReadonlySet<number>, initial: string): boolean {
  const key = fold(initial);
  return key.length === 1 && initials.has(key.charCodeAt(0));
}

/**
 * Names of the people in the data, indexed by word stem. A text names a person when it
 * contains two different words of their name in any order and any grammatical case
 * («Ахметов Ерлан», «Ерлан Ахметовке», «Ахметовой Айгерим»), or a surname with the initial
 * of their first name («Ахметов Е.С.», «Е. Ахметов»). One word alone is not a hit: first
 * names and surnames are also street names, words and other people's names.
 *
 * Kept as what the test needs, not person by person: which two stems belong to one person
 * (as different words of their name), and for each stem the first letters of the other words
 * of the names it is in. An office's tens of thousands of names share a few hundred words,
 * so a text's word that is also a common name («Алма», «Роза») costs one look-up, not one
 * per person of that name (after the first). Building it only numbers each name's stems and
 * lists the names by stem; a stem's pairs and initials are gathered the first time a text
 * has it, so the tens of thousands of names cost little more than reading them.
 */
export class NameIndex {
  /** Stem → its number. */
  private readonly stems = new Map<string, number>();
  /** The names added (with two words or more), by number. */
  private readonly names: string[] = [];
  /** By stem number: the numbers of the names it is a word of (each name once). */
  private readonly postings: number[][] = [];
  /**
   * By stem number, made the first time a text has the stem (most stems never come up):
   * the stems that are a different word of one person's name with it, and the folded first
   * letters of the other words of its names.
   */
  private readonly facts: (StemFacts | undefined)[] = [];
  /** The first three letters of every stem: most words of a text are ruled out by them. */
  private readonly prefixes = new Set<string>();
  /** The same as `keyNumber`s, where they have one: a text's words are looked up by them. */
  private readonly prefixNumbers = new Set<number>();
  private maxStem = 0;
  /**
   * The words of each space-separated part of the names added (see `wordsOf`), by
   * `partHash`: a part's words are found without cutting it out of the name (a new string
   * to hash for every part of tens of thousands of names); a hash shared by different parts
   * lists each.
   */
  private readonly partsByHash = new Map<number, Part[]>();

  add(fullName: string): void {
    // The name's words are visited part by part (see `wordsOf`), with nothing kept but the
    // name's number in its stems' lists: an office has tens of thousands of names.
    const id = this.names.length;
    let count = 0;
    let listed = -1;
    let from = 0;
    for (;;) {
      const space = fullName.indexOf(' ', from);
      const to = space < 0 ? fullName.length : space;
      if (to > from) {
        for (const { stem } of this.partAt(fullName, from, to)) {
          count++;
          if (stem === null) continue;
          // Each stem lists a name once (a stem repeated in a name is one word).
          const posting = this.postings[stem]!;
          if (posting[posting.length - 1] !== id) posting.push(id);
          this.facts[stem] = undefined;
          listed = stem;
        }
      }
      if (space < 0) break;
      from = space + 1;
    }
    if (count >= 2) this.names.push(fullName);
    else if (listed >= 0) this.postings[listed]!.pop(); // One word is no name to look for.
  }

  /** The words of the part [from, to) of a name. */
  private partAt(fullName: string, from: number, to: number): readonly NameWord[] {
    const hash = partHash(fullName, from, to);
    let parts = this.partsByHash.get(hash);
    if (parts === undefined) {
      parts = [];
      this.partsByHash.set(hash, parts);
    }
    for (let p = 0; p < parts.length; p++) {
      const { text, words } = parts[p]!;
      if (text.length === to - from && fullName.startsWith(text, from)) return words;
    }
    const text = fullName.slice(from, to);
    const words = this.foldPart(text);
    parts.push({ text, words });
    return words;
  }

  /**
   * The pairs and initials of a stem from the names it is in. Words are told apart as bits
   * of a 32-bit set, so positions 32 apart count as one word.
   */
  private factsOf(stem: number): StemFacts {
    let facts = this.facts[stem];
    if (facts !== undefined) return facts;
    facts = { partners: new Set(), initials: new Set() };
    for (const id of this.postings[stem]!) {
      const words = this.wordsOf(this.names[id]!);
      const index = words.findIndex((word) => word.stem === stem);
      const bit = index & 31;
      words.forEach((word, i) => {
        if (i === index) return;
        facts.initials.add(word.initial);
        const other = word.stem;
        // The other stem counts at its own first word, and only when that word's bit differs.
        if (other === null || other === stem) return;
        if (words.findIndex((w) => w.stem === other) === i && (i & 31) !== bit) {
          facts.partners.add(other);
        }
      });
    }
    this.facts[stem] = facts;
    return facts;
  }

  /**
   * The folded words of a name (particles left out) with their stems. Names are folded by
   * their space-separated parts, each part once: an office's tens of thousands of names are
   * made of a few hundred words. (Folding and the word pattern never look across a space,
   * so this is what folding the whole name gives; other spaces are split by the pattern.)
   */
  private wordsOf(fullName: string): readonly NameWord[] {
    let out: NameWord[] | readonly NameWord[] | null = null;
    let from = 0;
    for (;;) {
      const space = fullName.indexOf(' ', from);
      const to = space < 0 ? fullName.length : space;
      if (to > from) {
        const words = this.partAt(fullName, from, to);
        // A name of one part is that part's list itself; more parts are joined.
        if (out === null) out = words;
        else out = [...out, ...words];
      }
      if (space < 0) return out ?? [];
      from = space + 1;
    }
  }

  private foldPart(part: string): readonly NameWord[] {
    return (fold(part).match(WORD) ?? [])
      .filter((word) => !NAME_PARTICLES.has(word))
      .map((word) => {
        const stem = word.length > 4 && VOWEL_END.test(word) ? word.slice(0, -1) : word;
        return {
          initial: word.charCodeAt(0),
          stem: stem.length < MIN_STEM ? null : this.numberOf(stem),
        };
      });
  }

  private numberOf(stem: string): number {
    let n = this.stems.get(stem);
    if (n === undefined) {
      n = this.stems.size;
      this.stems.set(stem, n);
      this.postings.push([]);
      this.facts.push(undefined);
      const prefix = stem.slice(0, MIN_STEM);
      this.prefixes.add(prefix);
      const number = keyNumber(prefix);
      if (number >= 0) this.prefixNumbers.add(number);
      this.maxStem = Math.max(this.maxStem, stem.length);
    }
    return n;
  }

  /**
   * Whether the key of the word at `start` begins as a stem does: by its number when the
   * text is aligned with its key (no string made for most words of a text).
   */
  private hasPrefix(text: string, start: number, aligned: boolean, whole: string | null): boolean {
    if (aligned && whole === null) {
      const number = alignedKeyNumber(text, start);
      if (number >= 0) return this.prefixNumbers.has(number);
    }
    const prefix = !aligned
      ? fold(text.slice(start, start + MIN_STEM + 1)).slice(0, MIN_STEM)
      : whole === null
        ? alignedKey(text, start, MIN_STEM)
        : whole.slice(start, start + MIN_STEM);
    return this.prefixes.has(prefix);
  }

  get size(): number {
    return this.names.length;
  }

  /** Whether the text names one of the indexed people (`spans`: the text's `words`). */
  test(text: string, spans: WordSpans = words(text)): boolean {
    if (this.names.length === 0) return false;
    // A word's key is the text's key at the word when every letter keys to one letter;
    // else words are folded one by one. (Keys letter by letter where the tables reach; the
    // text folded whole otherwise, as it always was.)
    const layout = keyLayout(text);
    const whole = layout === null ? fold(text) : null;
    const aligned = whole === null ? layout === 'aligned' : whole.length === text.length;
    /** The stems found in the text so far. */
    const found: number[] = [];
    const { starts, ends } = spans;
    for (let w = 0; w < starts.length; w++) {
      const start = starts[w]!;
      const end = ends[w]!;
      if (end - start < MIN_STEM) continue;
      if (!this.hasPrefix(text, start, aligned, whole)) continue;
      const token =
        aligned && whole !== null ? whole.slice(start, end) : fold(text.slice(start, end));
      const longest = Math.min(token.length, this.maxStem);
      const shortest = Math.max(MIN_STEM, token.length - MAX_ENDING);
      for (let length = longest; length >= shortest; length--) {
        const stem = this.stems.get(token.slice(0, length));
        if (stem === undefined) continue;
        const { partners, initials } = this.factsOf(stem);
        if (found.some((other) => partners.has(other))) return true;
        if (!found.includes(stem)) found.push(stem);
        const after = INITIAL_AFTER.exec(text.slice(end, end + 4))?.[1];
        if (after !== undefined && hasInitial(initials, after)) return true;
        const before = INITIAL_BEFORE.exec(text.slice(Math.max(0, start - 8), start))?.[1];
        if (before !== undefined && hasInitial(initials, before)) return true;
      }
    }
    return false;
  }
}

export { PlaceWords };

/** No places known: a street is told by its context alone. */
const NO_PLACES = new PlaceWords();

/**
 * The kinds of personal data the text seems to contain, in a fixed order; [] when clean.
 * `names`: the data's people; `places`: the data's streets and localities («ул. Жубанова»,
 * «Карабай»), so that one said as a place («на Жубанова заменены трубы», «в Карабае») is not
 * read as a person.
 */
export function findPersonalData(
  text: string,
  names: NameIndex,
  places: PlaceWords = NO_PLACES,
): PiiKind[] {
  if (text.trim() === '') return [];
  // What the text is written with, in one loop over it: most summaries are plain Cyrillic
  // and need neither the normalisation, nor the number and e-mail patterns, nor the Latin.
  let traits = traitsOf(text);
  let normalised = text;
  if ((traits & NFKC) === 0) {
    normalised = text.normalize('NFKC');
    traits = traitsOf(normalised);
  }
  const found = new Set<PiiKind>();
  // Every number and address pattern needs a digit (or a number word), every e-mail and
  // handle an @, a slash or an "at": most summaries have none, and these cheap checks spare
  // them the regular expressions.
  const digits = (traits & DIGIT) !== 0;
  // An IBAN's digits are no IIN: it is found and masked before the number scan.
  let banked = normalised;
  if (digits && (banked.includes('KZ') || banked.includes('kz') || banked.includes('Kz'))) {
    banked = banked.replace(IBAN, (m) => {
      found.add('bankAccount');
      return '‹'.padEnd(m.length, '›');
    });
  }
  // The words of the text are found once for all the checks: they are its letter runs too
  // when no apostrophe joins letters.
  const spans = words(normalised);
  const numbers = digits
    ? numberWordsToDigits(maskDates(banked))
    : numberWordsToDigits(normalised, /['’]/.test(normalised) ? undefined : spans);
  if ((digits || numbers !== normalised) && /\d/.test(numbers)) scanNumbers(numbers, found);
  if (digits && hasAddress(normalised, places)) found.add('address');
  if (digits && (BIRTH_AFTER.test(normalised) || BIRTH_BEFORE.test(normalised))) {
    found.add('birthDate');
  }
  if (digits && VEHICLE_PLATE.test(normalised)) found.add('vehiclePlate');
  // A document's number has six digits or more in a row.
  if (
    digits &&
    SIX_DIGITS.test(normalised) &&
    (ID_DOCUMENT.test(normalised) || DOCUMENT_SERIES.test(normalised))
  ) {
    found.add('idDocument');
  }
  const latin = (traits & LATIN) !== 0;
  const mail = latin ? deobfuscateEmails(normalised) : normalised;
  if (mail.includes('@')) {
    if (EMAIL.test(mail) || MAIL_SERVICES.test(mail)) found.add('email');
    if (HANDLE.test(normalised)) found.add('handle');
  }
  if (normalised.includes('/') && PROFILE_LINK.test(normalised)) found.add('handle');
  if (latin && NAMED_HANDLE.test(normalised)) found.add('handle');
  // Names: in the text with look-alike letters put right, and again with Latin names
  // written in Cyrillic. A word mixing the two alphabets hides something by itself.
  const { text: cyrillic, mixed } =
    latin && (traits & CYRILLIC) !== 0
      ? fixLookalikes(normalised)
      : { text: normalised, mixed: false };
  const namesIn = (read: string, spans = words(read)): boolean =>
    names.test(read, spans) || namesSomebody(read, spans, places);
  if (mixed || namesIn(cyrillic, cyrillic === normalised ? spans : undefined)) {
    found.add('name');
  } else if (latin) {
    // Not mixed: `cyrillic` is the text itself, and its Latin words are read in Cyrillic.
    const latinRead = transliterateLatin(cyrillic);
    if (latinRead !== cyrillic && namesIn(latinRead)) found.add('name');
  }
  return PII_KINDS.filter((kind) => found.has(kind));
}

export const PII_KINDS: readonly PiiKind[] = [
  'name',
  'iin',
  'idDocument',
  'birthDate',
  'phone',
  'email',
  'handle',
  'bankAccount',
  'vehiclePlate',
  'address',
];
