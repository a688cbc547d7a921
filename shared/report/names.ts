import { KAZAKH_FOLD } from '../search/alphabet';
/**
 * First names people in Kazakhstan are called by — Kazakh, Russian, and the Tatar, Uzbek,
 * Uyghur and other names common in the country — for the personal-data check of the public
 * report (pii.ts), which must catch a first name alone in any grammatical case: «Айгүлге»,
 * «Айгүлдің», «Айгуль», «Ивану», «Марии», «Сергеем».
 *
 * A name is matched through its *key* (`nameKey`): lower case, Kazakh letters folded to their
 * Russian look-alikes (ә→а, і→и, ң→н, ғ→г, ү/ұ→у, қ→к, ө→о, һ→х), ё→е, э→е, й/ы→и, soft and
 * hard signs dropped. Keys make «Серікова»/«Серикова», «Айгүл»/«Айгуль» and the Latin
 * «Aigul» (after transliteration) one word, and let the case endings of both languages be
 * listed once (`FULL_ENDINGS`, `TRUNCATED_ENDINGS`).
 *
 * Names that are also everyday words (Азамат "citizen", Мақсат "goal", Арман "dream", Вера
 * "faith") are in `AMBIGUOUS_NAMES`: they count only written with a capital inside a
 * sentence. Names of historical figures that streets, districts and schools carry (Абай,
 * Абылай, Кенесары…), and towns, villages and microdistricts called by a name or by a word
 * that reads as a name's case form (Алматы as «Алма» + «-ты», Береке, Самал, Ақжол), are in
 * `PLACE_NAMES`: alone they are places, not people.
 */

// prettier-ignore
const KAZAKH_MALE = [
  'Абзал', 'Абылайхан', 'Адиль', 'Әділ', 'Айбар', 'Айбек', 'Айбол', 'Айдар', 'Айдос', 'Айдын',
  'Айтжан', 'Ақан', 'Ақылбек', 'Алибек', 'Әлібек', 'Алихан', 'Әлихан', 'Алмат', 'Алтынбек',
  'Аманжол', 'Амангелді', 'Аманкелді', 'Арсен', 'Асан', 'Асылбек', 'Асхат', 'Ахмет', 'Әбілқайыр',
  'Әлішер', 'Әсет', 'Бағлан', 'Байжан', 'Бақытжан', 'Бақытбек', 'Балтабек', 'Батырхан',
  'Бауыржан', 'Бейбарыс', 'Бекарыс', 'Бекжан', 'Бекзат', 'Бекболат', 'Бекнұр', 'Берік', 'Ғани',
  'Дамир', 'Даниал', 'Данияр', 'Дархан', 'Дәурен', 'Досжан', 'Ерасыл', 'Ербол', 'Ерболат',
  'Ерғали', 'Ердос', 'Ержан', 'Еркебұлан', 'Ерлан', 'Ермек', 'Ернар', 'Ерназар', 'Ерсайын',
  'Ертай', 'Есенгелді', 'Жақсыбек', 'Жандос', 'Жанболат', 'Жанұзақ', 'Жасұлан', 'Жұмабек',
  'Ильяс', 'Ілияс', 'Исатай', 'Құдайберген', 'Қасым', 'Мағжан', 'Мадияр', 'Марат', 'Мейірбек',
  'Мұхтар', 'Мұхамед', 'Мұхаммед', 'Нұрбек', 'Нұрболат', 'Нұржан', 'Нұрлан', 'Нұрсұлтан',
  'Нұртас', 'Нұрислам', 'Олжас', 'Оразбек', 'Оспан', 'Өмірзақ', 'Рақымжан', 'Рауан', 'Ринат',
  'Руслан', 'Рүстем', 'Рустем', 'Самат', 'Санжар', 'Сәкен', 'Серік', 'Серікбол', 'Серікжан',
  'Саят', 'Талғат', 'Темірлан', 'Тимур', 'Тоқтар', 'Төлеген', 'Ұлықбек', 'Шерхан', 'Шыңғыс',
  'Ахан', 'Бекмұрат', 'Ғабит', 'Елдос', 'Елжас', 'Ерхан', 'Жеңісбек', 'Кенжебек', 'Мейрамбек',
  'Мұратбек', 'Нұрдәулет', 'Нұрым', 'Сағындық', 'Сұлтанбек', 'Талғатбек', 'Шәмші', 'Ербақыт',
  'Қанатбек', 'Азатбек', 'Бақберген', 'Есжан', 'Жәнібек', 'Қалдыбек', 'Мирлан', 'Нұрасыл',
  'Серғазы', 'Тұрсын', 'Ғалымжан', 'Дулат', 'Ерзат', 'Жасқайрат', 'Сырым', 'Арыстанбек',
  'Бердібек', 'Қалжан', 'Мейіржан',
  // Names given since the 2000s: the young adults who now appeal.
  'Айсұлтан', 'Алдияр', 'Ансар', 'Диас', 'Ернұр', 'Нұрбол', 'Тамерлан', 'Алинұр', 'Бақдәулет',
  'Жансерік', 'Айбын', 'Нұрислам', 'Ерасыл', 'Әмірхан', 'Мұхаммедәли',
];

// prettier-ignore
const KAZAKH_FEMALE = [
  'Айгерім', 'Әйгерім', 'Айгүл', 'Айжан', 'Айдана', 'Айнұр', 'Айым', 'Айсұлу', 'Айша', 'Ақерке',
  'Ақмарал', 'Ақнұр', 'Ақтоты', 'Алтынай', 'Алия', 'Әлия', 'Әсел', 'Асель', 'Аружан', 'Арайлым',
  'Аяжан', 'Айсана', 'Балжан', 'Балнұр', 'Бағила', 'Бибігүл', 'Ботагөз', 'Гүлбану', 'Гүлжан',
  'Гүлмира', 'Гүлнар', 'Гүлнара', 'Гүлназ', 'Гүлсім', 'Гүлшат', 'Гүлжазира', 'Данагүл', 'Дариға',
  'Динара', 'Дильназ', 'Жадыра', 'Жазира', 'Жанар', 'Жанара', 'Жанна', 'Жансая', 'Жанерке',
  'Жәмила', 'Зарина', 'Зейнеп', 'Зере', 'Зәуре', 'Індира', 'Индира', 'Інкар', 'Камила', 'Камшат',
  'Қарлығаш', 'Ляззат', 'Мадина', 'Мәдина', 'Маржан', 'Меруерт', 'Назгүл', 'Назерке', 'Назира',
  'Нәзира', 'Нұргүл', 'Нұрсұлу', 'Перизат', 'Райхан', 'Сабина', 'Сандуғаш', 'Сания', 'Таңшолпан',
  'Тоғжан', 'Томирис', 'Ұлжан', 'Ұлдана', 'Ұлпан', 'Фарида', 'Шынар', 'Шолпан', 'Эльмира',
  'Айгуль', 'Гульнара', 'Гульмира', 'Жибек', 'Қуралай', 'Күләш', 'Майра', 'Мәншүк', 'Нұрия',
  'Раушангүл', 'Римма', 'Сағила', 'Сәбира', 'Тамила', 'Ұмсынай', 'Үміттай', 'Хадиша', 'Ырысты',
  'Айкерім', 'Бақытгүл', 'Ғалия', 'Гүлдана', 'Дәмеш', 'Жаңылсын', 'Зағира', 'Кәмила', 'Лаура',
  'Мейрамгүл', 'Нұршат', 'Сымбатгүл', 'Торғын', 'Әйгерім', 'Гүлсара', 'Ақбаян', 'Айнагүл',
  'Гүлзат', 'Қанипа', 'Нұрай',
  // Names given since the 2000s.
  'Дильнара', 'Нұрсәуле', 'Айару', 'Аяулым', 'Адия', 'Аиша', 'Дилназ', 'Жанель', 'Анель',
  'Айзере', 'Еркежан', 'Бибінұр', 'Аида', 'Альмира', 'Айнаш', 'Аяла', 'Медина', 'Раяна',
  'Айлин', 'Инжу', 'Інжу',
];

// prettier-ignore
const RUSSIAN_MALE = [
  'Александр', 'Алексей', 'Анатолий', 'Андрей', 'Антон', 'Аркадий', 'Арсений', 'Артём', 'Артем',
  'Артур', 'Богдан', 'Борис', 'Вадим', 'Валентин', 'Валерий', 'Василий', 'Вениамин', 'Виктор',
  'Виталий', 'Владимир', 'Владислав', 'Всеволод', 'Вячеслав', 'Геннадий', 'Георгий', 'Глеб',
  'Григорий', 'Даниил', 'Денис', 'Дмитрий', 'Евгений', 'Егор', 'Захар', 'Иван', 'Игорь', 'Илья',
  'Кирилл', 'Константин', 'Леонид', 'Максим', 'Матвей', 'Михаил', 'Мирон', 'Никита', 'Николай',
  'Олег', 'Павел', 'Пётр', 'Петр', 'Платон', 'Савелий', 'Святослав', 'Семён', 'Семен', 'Сергей',
  'Станислав', 'Степан', 'Тарас', 'Тимофей', 'Фёдор', 'Федор', 'Филипп', 'Эдуард', 'Юрий',
  'Ярослав', 'Валентин', 'Герман', 'Ефим', 'Илларион', 'Лаврентий', 'Макар', 'Прохор',
  'Ростислав', 'Тихон', 'Эмиль', 'Альберт', 'Геннадий', 'Афанасий', 'Аристарх', 'Венедикт',
];

// prettier-ignore
const RUSSIAN_FEMALE = [
  'Александра', 'Алёна', 'Алена', 'Алина', 'Алла', 'Анастасия', 'Ангелина', 'Анна', 'Антонина',
  'Арина', 'Валентина', 'Валерия', 'Варвара', 'Василиса', 'Вероника', 'Галина', 'Дарья', 'Диана',
  'Евгения', 'Екатерина', 'Елена', 'Елизавета', 'Зинаида', 'Инна', 'Ирина', 'Карина', 'Кристина',
  'Ксения', 'Лариса', 'Лидия', 'Людмила', 'Маргарита', 'Марина', 'Мария', 'Наталья', 'Наталия',
  'Нина', 'Оксана', 'Ольга', 'Полина', 'Раиса', 'Регина', 'Светлана', 'Снежана', 'София', 'Софья',
  'Таисия', 'Тамара', 'Татьяна', 'Ульяна', 'Юлия', 'Эвелина', 'Аделина', 'Милана', 'Виолетта',
  'Нелли', 'Альбина', 'Эльвира', 'Злата', 'Анжелика', 'Евдокия', 'Клавдия', 'Лилиана', 'Любава',
  'Мирослава', 'Олеся', 'Прасковья', 'Стефания', 'Яна', 'Дина',
];

/** Tatar, Uzbek, Uyghur, Azerbaijani, Korean and other names common in Kazakhstan. */
// prettier-ignore
const OTHER_NAMES = [
  'Ринат', 'Рустам', 'Рашид', 'Ильдар', 'Ильнур', 'Рамиль', 'Ренат', 'Расул', 'Фарид', 'Шамиль',
  'Анвар', 'Ахмед', 'Дильшод', 'Бахтияр', 'Улугбек', 'Фаррух', 'Шерзод', 'Тохир', 'Алишер',
  'Равшан', 'Зафар', 'Эльдар', 'Тимур', 'Мурад', 'Ибрагим', 'Юсуф', 'Мухаммад', 'Магомед',
  'Альфия', 'Гузель', 'Зухра', 'Шахноза', 'Дильноза', 'Гульшат', 'Лейла', 'Фатима', 'Марьям',
  'Амина', 'Зарема', 'Наиля', 'Резеда', 'Ильмира', 'Гульнур', 'Венера', 'Розалия', 'Эльнара',
  'Севара', 'Нигора', 'Мадина', 'Айсылу', 'Динмухамед', 'Абдулла', 'Камиль', 'Вячеслав',
];

/**
 * Names that are also everyday words of an appeal or a report («азамат» citizen, «мақсат»
 * goal, «арман» dream, «бақыт» happiness, «қуат» power, «вера» faith, «роман» novel…): a
 * person only when written with a capital inside a sentence.
 */
// prettier-ignore
const AMBIGUOUS_NAMES = [
  'Азамат', 'Азат', 'Арман', 'Бақыт', 'Мейрам', 'Мереке', 'Әділет', 'Бейбіт', 'Алма', 'Жұлдыз',
  'Сәуле', 'Дана', 'Дария', 'Айна', 'Ерке', 'Бота', 'Ақбота', 'Арай', 'Ләззат', 'Мерей', 'Сабыр',
  'Талап', 'Әмір', 'Мақсат', 'Ерік', 'Еркін', 'Дәулет', 'Қуат', 'Асыл', 'Мұрат', 'Жігер', 'Қанат',
  'Қуаныш', 'Медет', 'Мирас', 'Жомарт', 'Дастан', 'Думан', 'Ғалым', 'Қайрат', 'Жақсылық', 'Сағат',
  'Сайлау', 'Рахат', 'Рамазан', 'Ислам', 'Сұлтан', 'Ұлан', 'Ықылас', 'Арыстан', 'Сұңқар',
  'Заңғар', 'Жарас', 'Қымбат', 'Мөлдір', 'Раушан', 'Роза', 'Салтанат', 'Самал', 'Толқын', 'Үміт',
  'Сымбат', 'Әсем', 'Баян', 'Жібек', 'Гүл', 'Алтын', 'Вера', 'Надежда', 'Любовь', 'Слава',
  'Роман', 'Лилия', 'Виктория', 'Марк', 'Майя', 'Ева', 'Лев', 'Нұр', 'Жан', 'Береке', 'Сезім',
  'Бағдат', 'Ақжол', 'Аягөз', 'Тұрар', 'Шаттық', 'Кенже', 'Анар', 'Ардақ', 'Тілек', 'Өркен',
  'Жарқын', 'Дидар', 'Қайсар', 'Мақпал', 'Торғын', 'Шырын', 'Жұпар', 'Гаухар', 'Мұхит', 'Болат',
  'Алмас', 'Асқар', 'Есен', 'Берік', 'Ораз', 'Жаннат', 'Балауса', 'Арлан',
];

/**
 * Historical figures whose names streets, avenues, districts and schools carry, and places
 * whose names are first names or read as a first name's case form. Alone (and in any case)
 * they name a place or the figure, not an applicant; with a surname, patronymic or initials
 * they are checked like any name.
 */
// prettier-ignore
const PLACE_NAMES = [
  'Абай', 'Абылай', 'Кенесары', 'Жамбыл', 'Райымбек', 'Бөгенбай', 'Қабанбай', 'Наурызбай',
  'Махамбет', 'Шоқан', 'Төле', 'Әйтеке', 'Қазыбек', 'Кебек', 'Есет', 'Ақтамберді', 'Керей',
  'Тәуке',
  // Towns, villages and microdistricts: «в Алматы» (not «Алма» + «-ты»), «в Аягозе», «жители
  // Береке», «в Самале», «в Акжоле».
  'Алматы', 'Аягөз', 'Береке', 'Самал', 'Ақжол',
];

/** Letters folded for keys: Kazakh letters to their Russian look-alikes, and the rest. */
const KEY_FOLD: Readonly<Record<string, string>> = {
  ...KAZAKH_FOLD,
  э: 'е',
  й: 'и',
  ы: 'и',
  ь: '',
  ъ: '',
};
const KEY_FOLDED = /[әіңғүұқөһёэйыьъ]/g;

/**
 * Lower case and key of each UTF-16 code below U+0500 (Latin, Greek, Cyrillic with the
 * Kazakh letters). Keys are made for every word of every printed text, so they are built by
 * a loop over these tables rather than by `toLowerCase` (slow on Cyrillic) and a pattern.
 * Codes whose lower case depends on the context (Σ) or is longer than one letter (İ) are
 * left out (undefined): a word with one of them, or with a code past the tables, takes the
 * plain way, so both functions give exactly what `toLowerCase` and the pattern give.
 */
const LOWER_BY_CODE: (string | undefined)[] = [];
const KEY_BY_CODE: (string | undefined)[] = [];
for (let code = 0; code < 0x500; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  if (code === 0x3a3 || lower.length !== 1) continue;
  LOWER_BY_CODE[code] = lower;
  KEY_BY_CODE[code] = KEY_FOLD[lower] ?? lower;
}

/** `word.toLowerCase()`, faster on Cyrillic words. */
export function lowerCase(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const lower = LOWER_BY_CODE[word.charCodeAt(i)];
    if (lower === undefined) return word.toLowerCase();
    out += lower;
  }
  return out;
}

/** By code below U+0500: 1 when it is a capital (`lowerCase` changes it). */
const CAPITAL_BY_CODE = Uint8Array.from({ length: 0x500 }, (_, code) => {
  const letter = String.fromCharCode(code);
  return letter !== lowerCase(letter) ? 1 : 0;
});

/** Whether the word's first code is a capital: `first !== lowerCase(first)`, with no string made. */
export function startsWithCapital(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x500) return CAPITAL_BY_CODE[code] === 1;
  const first = word.charAt(0);
  return first !== lowerCase(first);
}

/**
 * By code below U+0500: 0 when upper case leaves it as it is, 1 when it makes it another
 * letter, 2 when it makes it more than one (ß → SS): a word with one takes the plain way.
 */
const UPPER_CHANGE_BY_CODE = Uint8Array.from({ length: 0x500 }, (_, code) => {
  const letter = String.fromCharCode(code);
  const upper = letter.toUpperCase();
  return upper === letter ? 0 : upper.length === 1 ? 1 : 2;
});

/**
 * `word !== word.toUpperCase()` (the word has a letter upper case changes), read from a
 * table: upper case changes each letter by itself, so the word changes from the first
 * letter that does.
 */
export function changesInUpperCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const change = code < 0x500 ? UPPER_CHANGE_BY_CODE[code] : 2;
    if (change === 1) return true;
    if (change === 2) return word !== word.toUpperCase();
  }
  return false;
}

/**
 * How a text's key lines up with the text: 'aligned' when every letter keys to one letter
 * (the key of the word at [start, end) is the key's [start, end)), 'shorter' when some sign
 * (ь, ъ) keys to nothing, null when some code is past the tables (see `nameKey`).
 */
export function keyLayout(text: string): 'aligned' | 'shorter' | null {
  let layout: 'aligned' | 'shorter' = 'aligned';
  for (let i = 0; i < text.length; i++) {
    const key = KEY_BY_CODE[text.charCodeAt(i)];
    if (key === undefined) return null;
    if (key === '') layout = 'shorter';
  }
  return layout;
}

/** The key of the `length` letters at `start` of a text whose `keyLayout` is 'aligned'. */
export function alignedKey(text: string, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length; i++) out += KEY_BY_CODE[text.charCodeAt(i)]!;
  return out;
}

/** The code of the key of each code below U+0500, when that key is one letter; else -1. */
const KEY_CODE_BY_CODE = Int32Array.from({ length: 0x500 }, (_, code) => {
  const key = KEY_BY_CODE[code];
  return key?.length === 1 ? key.charCodeAt(0) : -1;
});

function keyNumberOf(a: number, b: number, c: number): number {
  return a >= 0 && a < 0x500 && b >= 0 && b < 0x500 && c >= 0 && c < 0x500
    ? (a * 0x500 + b) * 0x500 + c
    : -1;
}

/**
 * Three letters of a key as one number, (a × 0x500 + b) × 0x500 + c, for letters below
 * U+0500; -1 for any other key (of other letters, or not of three).
 */
export function keyNumber(key: string): number {
  return key.length === 3
    ? keyNumberOf(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2))
    : -1;
}

/**
 * `keyNumber(alignedKey(text, start, 3))` with no string made, for a text whose `keyLayout`
 * is 'aligned' and has three letters at `start`.
 */
export function alignedKeyNumber(text: string, start: number): number {
  const code = (i: number) => KEY_CODE_BY_CODE[text.charCodeAt(start + i)]!;
  return keyNumberOf(code(0), code(1), code(2));
}

/** The matching key of a word (see the module comment). */
export function nameKey(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const key = KEY_BY_CODE[word.charCodeAt(i)];
    if (key === undefined) {
      return word.toLowerCase().replace(KEY_FOLDED, (ch) => KEY_FOLD[ch] ?? ch);
    }
    out += key;
  }
  return out;
}

/**
 * Case endings a full name takes, as keys: Kazakh (dative -ға/-ге/-қа/-ке/-а/-е, accusative
 * -ны/-ді/-ты, genitive -ның/-дың/-тың, locative -да/-та/-нда, ablative -дан/-тан/-нан,
 * instrumental -мен/-бен/-пен, possessive -ы/-сы) and Russian for names ending in a
 * consonant (Ивана, Ивану, Иваном, Иване; Игоря, Игорем).
 */
export const FULL_ENDINGS: ReadonlySet<string> = new Set(
  [
    '',
    'а',
    'е',
    'га',
    'ге',
    'ка',
    'ке',
    'на',
    'не',
    'ни',
    'ди',
    'ти',
    'нин',
    'дин',
    'тин',
    'да',
    'де',
    'та',
    'те',
    'нда',
    'нде',
    'дан',
    'ден',
    'тан',
    'тен',
    'нан',
    'нен',
    'мен',
    'бен',
    'пен',
    'и',
    'си',
    'у',
    'ом',
    'ем',
    'ю',
    'я',
    'ой',
    'жан',
    'ге',
    'ка',
  ].map(nameKey),
);

/**
 * Russian endings of names ending in -а, -я, -й (Мария → Марии, Марией; Дина → Дины;
 * Сергей → Сергея; Евгений → Евгению), on the name without its last letter.
 */
export const TRUNCATED_ENDINGS: ReadonlySet<string> = new Set(
  [
    'а',
    'я',
    'ы',
    'и',
    'е',
    'у',
    'ю',
    'ой',
    'ей',
    'ою',
    'ею',
    'ем',
    'ом',
    'ия',
    'ию',
    'ие',
    'ием',
    'ией',
  ].map(nameKey),
);

export interface NameEntry {
  /** As written in the list. */
  name: string;
  /** Only with a capital inside a sentence (also an everyday word). */
  ambiguous: boolean;
  /** Also a place's name (a street, a district): alone, it is not a person. */
  place: boolean;
}

function entries(): Map<string, NameEntry> {
  const out = new Map<string, NameEntry>();
  const add = (name: string, ambiguous: boolean, place: boolean) => {
    const key = nameKey(name);
    const known = out.get(key);
    out.set(key, {
      name,
      ambiguous: ambiguous || (known?.ambiguous ?? false),
      place: place || (known?.place ?? false),
    });
  };
  for (const name of [
    ...KAZAKH_MALE,
    ...KAZAKH_FEMALE,
    ...RUSSIAN_MALE,
    ...RUSSIAN_FEMALE,
    ...OTHER_NAMES,
  ]) {
    add(name, false, false);
  }
  for (const name of AMBIGUOUS_NAMES) add(name, true, false);
  for (const name of PLACE_NAMES) add(name, false, true);
  return out;
}

/** Every first name, by key. */
export const FIRST_NAMES: ReadonlyMap<string, NameEntry> = entries();

/** Names ending in -а, -я or -й (-и as a key), by the key without that letter. */
const TRUNCATED: ReadonlyMap<string, NameEntry> = new Map(
  [...FIRST_NAMES].flatMap(([key, entry]) =>
    /[аяи]$/.test(key) && key.length >= 4 ? [[key.slice(0, -1), entry] as const] : [],
  ),
);

const MAX_ENDING = Math.max(...[...FULL_ENDINGS, ...TRUNCATED_ENDINGS].map((e) => e.length));
const MIN_NAME = 3;

/**
 * The first name a word is a form of («Айгүлге», «Марии», «Aigul» after transliteration),
 * or null. Names shorter than four letters are not looked for: too many words begin so.
 */
export function firstNameOf(word: string): NameEntry | null {
  const key = nameKey(word);
  if (key.length < 4) return null;
  for (let cut = 0; cut <= Math.min(MAX_ENDING, key.length - MIN_NAME); cut++) {
    const stem = key.slice(0, key.length - cut);
    const ending = key.slice(key.length - cut);
    if (FULL_ENDINGS.has(ending)) {
      const entry = FIRST_NAMES.get(stem);
      if (entry && stem.length >= 4) return entry;
    }
    if (TRUNCATED_ENDINGS.has(ending)) {
      const entry = TRUNCATED.get(stem);
      if (entry) return entry;
    }
  }
  return null;
}

/** How many first names the check knows (for the report and the tests). */
export const FIRST_NAME_COUNT = FIRST_NAMES.size;
