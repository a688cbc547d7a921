/**
 * Names, IINs, phones and e-mails of made-up applicants. Every person is invented; the
 * IINs are valid by the checksum but generated at random.
 */
import { KAZAKH_TO_RUSSIAN } from '../search/alphabet';
import { iinCheckDigit } from '../validation/iin';
import type { Rng } from './rng';

export type Sex = 'male' | 'female';

const KZ_MALE = [
  'Ерлан',
  'Серік',
  'Нұрлан',
  'Асхат',
  'Бауыржан',
  'Қайрат',
  'Мұрат',
  'Ержан',
  'Дәурен',
  'Айдос',
  'Арман',
  'Бекзат',
  'Жандос',
  'Ғалым',
  'Талғат',
  'Самат',
  'Ерболат',
  'Мақсат',
  'Нұрсұлтан',
  'Әділет',
  'Рүстем',
  'Бақытжан',
  'Марат',
  'Болат',
  'Азамат',
  'Ербол',
  'Данияр',
  'Ақылбек',
  'Жомарт',
  'Қуаныш',
  'Төлеген',
  'Сәкен',
  'Әлібек',
  'Ермек',
  'Амангелді',
  'Берік',
] as const;

const KZ_FEMALE = [
  'Айгүл',
  'Гүлнар',
  'Жанар',
  'Динара',
  'Әсел',
  'Ботагөз',
  'Сәуле',
  'Мадина',
  'Айжан',
  'Гүлмира',
  'Жұлдыз',
  'Салтанат',
  'Меруерт',
  'Ақмарал',
  'Назгүл',
  'Қарлығаш',
  'Роза',
  'Бибігүл',
  'Күлпаш',
  'Гүлжан',
  'Ләззат',
  'Айнұр',
  'Дана',
  'Аружан',
  'Әйгерім',
  'Жібек',
  'Шынар',
  'Алма',
  'Раушан',
  'Зәуре',
  'Сандуғаш',
  'Индира',
] as const;

/** Male forms; the female form adds «а» (Ахметов → Ахметова, Мусин → Мусина). */
const KZ_SURNAMES = [
  'Ахметов',
  'Жұмабаев',
  'Сейітов',
  'Омаров',
  'Нұрланов',
  'Қасымов',
  'Тоқтаров',
  'Әбенов',
  'Бекмұханов',
  'Мұхаметжанов',
  'Серікбаев',
  'Есенов',
  'Ибраев',
  'Оспанов',
  'Сұлтанов',
  'Исабеков',
  'Байжанов',
  'Қожахметов',
  'Жақыпов',
  'Смағұлов',
  'Әлиев',
  'Төлеуов',
  'Рахымов',
  'Кенжебаев',
  'Мусин',
  'Кәрімов',
  'Дүйсенов',
  'Ержанов',
  'Шәкенов',
  'Бейсенов',
  'Әміров',
  'Сәрсенбаев',
  'Мұқанов',
  'Жанұзақов',
  'Тілеубердиев',
  'Қалиев',
  'Нұрпейісов',
  'Байтұрсынов',
] as const;

const RU_MALE = [
  'Сергей',
  'Александр',
  'Владимир',
  'Андрей',
  'Дмитрий',
  'Николай',
  'Виктор',
  'Юрий',
  'Олег',
  'Игорь',
  'Михаил',
  'Евгений',
  'Алексей',
  'Павел',
  'Геннадий',
] as const;

const RU_FEMALE = [
  'Елена',
  'Ольга',
  'Татьяна',
  'Наталья',
  'Ирина',
  'Светлана',
  'Людмила',
  'Галина',
  'Валентина',
  'Надежда',
  'Марина',
  'Анна',
  'Любовь',
  'Оксана',
  'Вера',
] as const;

const RU_SURNAMES = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Никитин',
  'Белов',
  'Тарасов',
  'Ковалёв',
] as const;

const RU_PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'],
  ['Александрович', 'Александровна'],
  ['Николаевич', 'Николаевна'],
  ['Владимирович', 'Владимировна'],
  ['Викторович', 'Викторовна'],
  ['Иванович', 'Ивановна'],
  ['Юрьевич', 'Юрьевна'],
  ['Анатольевич', 'Анатольевна'],
  ['Михайлович', 'Михайловна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Олегович', 'Олеговна'],
];

/** Surnames of other peoples of Kazakhstan that do not change with sex, or do regularly. */
const OTHER_PEOPLE: readonly {
  surname: readonly [string, string];
  male: string;
  female: string;
}[] = [
  { surname: ['Ким', 'Ким'], male: 'Виктор', female: 'Анна' },
  { surname: ['Пак', 'Пак'], male: 'Вячеслав', female: 'Елена' },
  { surname: ['Ли', 'Ли'], male: 'Константин', female: 'Марина' },
  { surname: ['Шевченко', 'Шевченко'], male: 'Николай', female: 'Оксана' },
  { surname: ['Бондаренко', 'Бондаренко'], male: 'Игорь', female: 'Татьяна' },
  { surname: ['Шмидт', 'Шмидт'], male: 'Андрей', female: 'Ирина' },
  { surname: ['Гарипов', 'Гарипова'], male: 'Ринат', female: 'Гульшат' },
  { surname: ['Хасанов', 'Хасанова'], male: 'Рустам', female: 'Альфия' },
];

/** Russian spellings that the letter-by-letter rule gets wrong. */
const RU_SPELLING_OVERRIDES: Readonly<Record<string, string>> = {
  Әсел: 'Асель',
  Ләззат: 'Ляззат',
  Рүстем: 'Рустем',
};

/** How a Kazakh name is usually spelt in Russian documents (Гүлнар → Гульнар). */
export function ruSpelling(kk: string): string {
  const override = RU_SPELLING_OVERRIDES[kk];
  if (override !== undefined) return override;
  return kk
    .replace(/үл/g, 'уль')
    .replace(/Үл/g, 'Уль')
    .replace(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g, (c) => KAZAKH_TO_RUSSIAN[c] ?? c);
}

function ruPatronymic(fatherRu: string, sex: Sex): string {
  if (/[жшчщц]$/.test(fatherRu)) return fatherRu + (sex === 'male' ? 'евич' : 'евна');
  if (fatherRu.endsWith('й')) return fatherRu.slice(0, -1) + (sex === 'male' ? 'евич' : 'евна');
  // Амангелди → Амангелдиевич, as Кайрат → Кайратович would give «Амангелдиович».
  if (fatherRu.endsWith('и')) return fatherRu + (sex === 'male' ? 'евич' : 'евна');
  return fatherRu + (sex === 'male' ? 'ович' : 'овна');
}

export interface PersonName {
  fullName: string;
  /** Given name, for e-mail addresses. */
  given: string;
  surname: string;
}

/**
 * A full name «Surname Given Patronymic» as written on documents. Kazakh-speaking
 * applicants mostly use the Kazakh patronymic (…ұлы / …қызы); Russian-speaking Kazakhs mostly
 * the Russian form in Russian spelling; some applicants of other peoples write in Russian.
 */
export function makeName(rng: Rng, sex: Sex, lang: 'kk' | 'ru'): PersonName {
  const kazakh = lang === 'kk' || rng.chance(0.6);
  if (!kazakh) {
    if (rng.chance(0.25)) {
      const other = rng.pick(OTHER_PEOPLE);
      const surname = sex === 'male' ? other.surname[0] : other.surname[1];
      const given = sex === 'male' ? other.male : other.female;
      const patronymic = rng.pick(RU_PATRONYMICS)[sex === 'male' ? 0 : 1];
      return { fullName: `${surname} ${given} ${patronymic}`, given, surname };
    }
    const base = rng.pick(RU_SURNAMES);
    const surname = sex === 'male' ? base : `${base}а`;
    const given = sex === 'male' ? rng.pick(RU_MALE) : rng.pick(RU_FEMALE);
    const patronymic = rng.pick(RU_PATRONYMICS)[sex === 'male' ? 0 : 1];
    return { fullName: `${surname} ${given} ${patronymic}`, given, surname };
  }
  const father = rng.pick(KZ_MALE);
  const givenKk = sex === 'male' ? rng.pick(KZ_MALE) : rng.pick(KZ_FEMALE);
  const baseKk = rng.pick(KZ_SURNAMES);
  const surnameKk = sex === 'male' ? baseKk : `${baseKk}а`;
  const kkPatronymic = `${father}${sex === 'male' ? 'ұлы' : 'қызы'}`;
  if (lang === 'kk') {
    const style = rng.next();
    // Some families dropped the Russian-style surname and use the father's name instead.
    if (style < 0.1)
      return { fullName: `${kkPatronymic} ${givenKk}`, given: givenKk, surname: kkPatronymic };
    if (style < 0.2) {
      const patronymic = ruPatronymic(ruSpelling(father), sex);
      return {
        fullName: `${surnameKk} ${givenKk} ${patronymic}`,
        given: givenKk,
        surname: surnameKk,
      };
    }
    return {
      fullName: `${surnameKk} ${givenKk} ${kkPatronymic}`,
      given: givenKk,
      surname: surnameKk,
    };
  }
  if (rng.chance(0.3)) {
    return {
      fullName: `${surnameKk} ${givenKk} ${kkPatronymic}`,
      given: givenKk,
      surname: surnameKk,
    };
  }
  const given = ruSpelling(givenKk);
  const surname = ruSpelling(surnameKk);
  return {
    fullName: `${surname} ${given} ${ruPatronymic(ruSpelling(father), sex)}`,
    given,
    surname,
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A valid IIN for a birth date 'YYYY-MM-DD' and sex (the serial is random). */
export function makeIin(rng: Rng, birthDate: string, sex: Sex): string {
  const year = Number(birthDate.slice(0, 4));
  const century = year >= 2000 ? 5 : year >= 1900 ? 3 : 1;
  const sexDigit = century + (sex === 'female' ? 1 : 0);
  const prefix = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${sexDigit}`;
  let serial = rng.int(1, 9_998);
  for (;;) {
    const first11 = `${prefix}${String(serial).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
    // About one prefix in a hundred has no check digit; the next serial will.
    serial = serial >= 9_999 ? 1 : serial + 1;
  }
}

const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ['701', 16],
  ['702', 8],
  ['705', 8],
  ['707', 12],
  ['708', 4],
  ['700', 3],
  ['747', 10],
  ['771', 6],
  ['775', 6],
  ['776', 5],
  ['777', 14],
  ['778', 8],
];

/** A Kazakhstan mobile number in E.164 (+77XXXXXXXXX). */
export function makeMobile(rng: Rng): string {
  return `+7${rng.weighted(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

function latin(s: string): string {
  return Array.from(s.toLowerCase(), (c) => LATIN[c] ?? (/[a-z0-9]/.test(c) ? c : '')).join('');
}

const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['mail.ru', 40],
  ['gmail.com', 35],
  ['inbox.ru', 6],
  ['list.ru', 5],
  ['yandex.kz', 6],
  ['bk.ru', 4],
];

export function makeEmail(rng: Rng, name: PersonName, birthYear: number): string {
  const given = latin(name.given);
  const surname = latin(name.surname).slice(0, 14);
  const style = rng.int(0, 3);
  const local =
    style === 0
      ? `${given}.${surname}`
      : style === 1
        ? `${surname}${String(birthYear).slice(2)}`
        : style === 2
          ? `${given.slice(0, 1)}.${surname}`
          : `${given}_${rng.int(1, 999)}`;
  return `${local}@${rng.weighted(EMAIL_DOMAINS)}`;
}

/** A birth date 'YYYY-MM-DD' for someone aged `age` on `onDay` (YYYY-MM-DD). */
export function birthDateForAge(rng: Rng, age: number, onDay: string): string {
  const year = Number(onDay.slice(0, 4)) - age - (rng.chance(0.5) ? 1 : 0);
  const month = rng.int(1, 12);
  const day = rng.int(1, month === 2 ? 28 : 30);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Age in whole years on a day, both 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
