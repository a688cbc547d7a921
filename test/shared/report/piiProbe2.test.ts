// The personal-data check probed with summaries as an assistant writes them, in forms the
// other tests did not cover: misses (a person, a birth date, a car, a card, a flat that got
// through) and false alarms (towns, streets said without «улица», officials after their
// title). Each text of FIXED_MISSES and FIXED_ALARMS failed before this round; KEPT passed
// before and must stay as it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildQuarterlyReport, type ReportAppeal } from '@shared/report';
import { NameIndex, PII_KINDS, findPersonalData } from '@shared/report/pii';
import type { PiiKind } from '@shared/report/types';
import { APPEALS, QUARTER, TODAY, fixtureInput } from './fixture';

/** Nobody of the data: every name below is caught by the rules for anybody's name. */
const NOBODY = new NameIndex();
const scan = (text: string) => findPersonalData(text, NOBODY);

/** Personal data the check let through before (or named as another kind). */
const FIXED_MISSES: readonly (readonly [string, readonly PiiKind[]])[] = [
  // A first name or a short surname with one initial after it.
  ['Жительница с. Береке Айгерим К. просит отремонтировать сельский клуб.', ['name']],
  ['Обратился Ким С. по поводу отопления в подъезде.', ['name']],
  ['Тен В. обратилась с просьбой установить лавочки у подъезда.', ['name']],
  // A Kazakh surname on -бай, -бек alone, in a Kazakh or Russian case.
  ['Жауап Сәрсенбайға 15 жұмыс күні ішінде жолданды.', ['name']],
  ['Ответ направлен Сарсенбаю в установленный срок.', ['name']],
  ['Жұмабайдың өтініші бойынша аулаға жарық орнатылды.', ['name']],
  ['Разъяснения даны Сапарбеку по телефону горячей линии.', ['name']],
  // An individual entrepreneur («ЖК» in Kazakh, «ИП» in Russian) is a person.
  ['ЖК Серікова Ә. сауда павильонын орнатуға рұқсат алды.', ['name']],
  ['ЖК Серікова аула маңында дүңгіршек қойды, тексеру жүргізілді.', ['name']],
  // Birth dates and years.
  ['Заявитель 1985 г.р. просит помочь с оформлением пособия.', ['birthDate']],
  ['Өтініш беруші, 1958 ж.т., зейнетақы бойынша кеңес алды.', ['birthDate']],
  ['Заявительница, родилась 05.03.1985, просит включить её в очередь на жильё.', ['birthDate']],
  ['1962 жылы туған зейнеткерге көмір жеткізілді.', ['birthDate']],
  ['Дата рождения заявителя: 12 марта 1979 г., справка приложена.', ['birthDate']],
  ['Туған күні: 05.03.1985, құжаттары тексерілді.', ['birthDate']],
  // Car plates.
  ['Эвакуирован автомобиль 123 ABC 02, стоявший на газоне.', ['vehiclePlate']],
  ['Аулада 777AAA01 көлігі ұзақ уақыт тұр.', ['vehiclePlate']],
  ['Машина с госномером А 123 ВС мешает проезду скорой помощи.', ['vehiclePlate']],
  // A bank card (was «ИИН») and a Kazakh IBAN (was «ИИН»).
  ['Пособие перечислено на карту 4400 4301 2345 6789.', ['bankAccount']],
  ['Материалдық көмек KZ12 3456 7890 1234 5678 шотына аударылды.', ['bankAccount']],
  // A house with its flat after a street's name, with no street word.
  ['Абая 10-25, протекает крыша над квартирой.', ['address']],
  ['Проживает: Кенесары 40-12, просит заменить стояк.', ['address']],
  ['Байтұрсынов 25-15 пәтерінде суық су жоқ.', ['address']],
  ['Самал-2, 5-12 тұрғынына жылу берілді.', ['address']],
  ['Тұрғын үй: Мәңгілік Ел 10, 45 пәтер — жылу жоқ.', ['address']],
  ['Абай д-лы, 40 — аула жарықтандырылды.', ['address']],
  // A street said with «по», and its house and flat (was «name»: Жубанова read as a person).
  ['Живёт по Жубанова 12-34, просит проверить счётчик.', ['address']],
];

/** Ordinary texts the check flagged before. */
const FIXED_ALARMS: readonly string[] = [
  // Towns and villages that read as a name's case form or a surname.
  'В Алматы отремонтирован мост через реку.',
  'Трасса Алматы — Талдыкорган отремонтирована на участке 12 км.',
  'Жительнице в Курчатове разъяснён порядок получения субсидии.',
  'Жители Конаева просят построить школу.',
  'В Аягозе построена новая школа.',
  'Жители Береке просят отремонтировать клуб.',
  'В Самале отремонтирован двор.',
  'В Акжоле построена школа.',
  'Тұрғындар Ақжолға жол салуды сұрады.',
  // Streets said with «по», as people say them.
  'Ремонт дороги по Жубанова завершён.',
  'По Сейфуллина установлены новые фонари.',
  // Famous people after their title, officials after theirs with an initial.
  'Поэт Пушкин — так названа библиотека, вывеска обновлена.',
  'Памятник поэту Пушкину отреставрирован.',
  'Жауапты Сарыарқа ауданының әкімі Б. Жұмабаев берді.',
  'Приём провёл депутат Сериков Е.',
  'Ауыл әкімі Жұмабаев А. жауап берді.',
  'Ответ подписан руководителем отдела Сериковым Е.',
  'Жазушы Ғабит Мүсіреповтің мұражайы жөнделді.',
  'Абай Құнанбайұлының ескерткіші жөнделді.',
  // Two streets, a crossing.
  'На Райымбека и Саина установлен светофор.',
  'Светофор на пересечении Саина — Райымбека.',
  'Перекрёсток Абая – Сейфуллина отремонтирован.',
  'По Момышулы заменены трубы.',
  'Угол Абая и Момышулы отремонтирован.',
  // A street named with an initial.
  'Қонаев Д. атындағы көше жөнделді.',
  'Улица Д. Кунаева отремонтирована.',
  // Years, months and counts after a street or a house word.
  'Улица Гоголя, 2026 год: ремонт завершён.',
  'Абай көшесі, 2026 жылы жөндеу жоспарланған.',
  'Кенесары көшесі, 12 наурызда жарық қосылды.',
  'В доме 5 подъездов, отремонтированы все.',
];

/** What passed or was caught before, kept so. */
const KEPT: readonly (readonly [string, readonly PiiKind[]])[] = [
  ['Обращение передано в ТОО «Ержан и К».', []],
  ['ТОО Ержан и К получило разрешение на вывоз мусора.', []],
  ['На Кабанбай батыра заменён асфальт.', []],
  ['Төле би көшесінде жарық орнатылды.', []],
  ['Қонаев көшесінде жол жөнделді.', []],
  ['Аким района Сериков провёл встречу с жителями.', []],
  ['Аудан әкімі Серіков тұрғындармен кездесті.', []],
  ['Программа 2020-2025 гг. выполнена.', []],
  ['Приём граждан пройдёт 10-12 марта.', []],
  ['Дети 7-10 лет получили путёвки в лагерь.', []],
  ['Выделено 5-10 млн тенге на ремонт.', []],
  ['В 1985 году построенный дом отремонтирован.', []],
  ['Ко дню рождения ветерана вручены подарки.', []],
  ['В 120 ТОО проведены проверки.', []],
  ['Маршрут № 45 продлён до мкр. Аксай-4.', []],
  // What the new rules must not read: counted ranges, a block's letter, a district's hero.
  ['Заменено 5-6 окон в подъезде.', []],
  ['Высажено 50-60 деревьев вдоль арыка.', []],
  ['Өскемен 2-3 сынып оқушыларына автобус бөлінді.', []],
  ['Корпус А. отремонтирован.', []],
  ['На Райымбека установлен светофор.', []],
  ['Райымбек ауданында жол жөнделді.', []],
  ['Решение маслихата № 12/345 от 15.03.2026 опубликовано.', []],
  ['Протокол 2026 г. р/с не указан.', []],
  // A title before a citizen's name with a verb between: still a citizen.
  ['Депутатқа жүгінген Ерлан Серіков жол жөндеуді сұрады.', ['name']],
  ['Депутату написала Айгерим Серикова.', ['name']],
  ['Ерлан Серікұлы жүгінді.', ['name']],
  ['Ахметов Д. жүгінді.', ['name']],
  ['Ахметов А.С. мектеп директорына жүгінді.', ['name']],
  ['Айгуль Петровне — ул. Абая, 12-34 — разъяснён порядок.', ['name', 'address']],
  // («На Жубанова заменены трубы» is a street now: piiProbe3.test.ts.)
  ['Жалоба на Иванова рассмотрена.', ['name']],
  ['ИП Сериков получил разрешение на торговлю.', ['name']],
  ['Жұмабай ағайдың өтініші бойынша жол жөнделді.', ['name']],
  ['Иванов И.И. обратился по поводу отопления.', ['name']],
  ['И. И. Иванов обратился по поводу отопления.', ['name']],
  ['Ж.Қ. Оспанова жүгінді.', ['name']],
  ['Жалобу Aigerim Kasymova рассмотрели.', ['name']],
  ['Ахметова Г.Б. (тел. 8 701 123 45 67) обратилась.', ['name', 'phone']],
  ['ЖСН: 900101 300 123, өтініш тіркелді.', ['iin']],
  ['Телефон доверия 55-12-34.', ['phone']],
  ['мкр. Аксай-4, д. 12, кв. 5 — протечка.', ['address']],
  // A whole house number before a word that begins like a count word («раз…»).
  ['Жильцам дома по ул. Абая, 12 разъяснён порядок перерасчёта.', ['address']],
  ['Обратилась жительница дома по ул. Абая, 12 М. Ахметова.', ['name', 'address']],
  ['Сарыарқа ауданы, Республика даңғылы 12/3 — жарық жоқ.', ['address']],
  ['үй 5, пәтер 12 тұрғыны жүгінді.', ['address']],
  ['Жауап aigerim85@mail.ru адресіне жіберілді.', ['email']],
];

describe('the personal-data check probed with realistic summaries (round 2)', () => {
  it.each(FIXED_MISSES)('blocks %s → %j', (text, kinds) => {
    expect(scan(text)).toEqual(kinds);
  });

  it.each(FIXED_ALARMS)('lets through: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it.each(KEPT)('keeps %s → %j', (text, kinds) => {
    expect(scan(text)).toEqual(kinds);
  });

  it('lists every kind once, the new ones among them', () => {
    expect(new Set(PII_KINDS).size).toBe(PII_KINDS.length);
    expect(PII_KINDS).toEqual(expect.arrayContaining(['birthDate', 'bankAccount', 'vehiclePlate']));
  });

  it('names a birth date, a card and a plate among the kinds that block the report', () => {
    const input = fixtureInput();
    const texts: Record<string, string> = {
      A1: 'Өтініш беруші 1958 ж.т. көмір алды.',
      A3: 'Пособие перечислено на карту 4400 4301 2345 6789.',
      A4: 'Аулада 777 AAA 01 көлігі тұр.',
    };
    input.appeals = APPEALS.map((a): ReportAppeal => {
      const kk = texts[a.id];
      return kk === undefined ? a : { ...a, publicSummary: { kk, ru: '' } };
    });
    const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
    const kinds = Object.fromEntries(report.blocked?.items.map((i) => [i.id, i.kinds]) ?? []);
    expect(kinds).toMatchObject({
      A1: ['birthDate'],
      A3: ['bankAccount'],
      A4: ['vehiclePlate'],
    });
    const json = JSON.stringify(report);
    expect(json).not.toContain('4400');
    expect(json).not.toContain('AAA');
  });
});

/** Number words of both languages: a text wholly of them can dictate a phone. */
const NUMBER_WORDS = new Set(
  (
    'ноль нуль один одна одно два две три четыре пять шесть семь восемь девять десять ' +
    'одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать ' +
    'восемнадцать девятнадцать двадцать тридцать сорок пятьдесят шестьдесят семьдесят ' +
    'восемьдесят девяносто сто двести триста четыреста пятьсот шестьсот семьсот восемьсот ' +
    'девятьсот нөл бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу ' +
    'алпыс жетпіс сексен тоқсан жүз'
  ).split(' '),
);

describe('the personal-data check, properties', () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digitsOf = (n: number) =>
    fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

  it('finds a Kazakh mobile number however it is grouped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('8', '+7', '+7 ', '8 ', ''),
        fc.constantFrom('70', '77', '74', '75', '76'),
        digitsOf(8),
        fc.constantFrom(' ', '-', '', '–'),
        fc.boolean(),
        (prefix, operator, rest, sep, brackets) => {
          const code = `7${operator.charAt(1)}${rest.charAt(0)}`;
          const area = brackets ? `(${code})` : code;
          const number = [area, rest.slice(1, 4), rest.slice(4, 6), rest.slice(6, 8)].join(sep);
          const text = `Байланыс: ${prefix}${number}, хабарласыңыз.`;
          expect(findPersonalData(text, NOBODY)).toContain('phone');
        },
      ),
    );
  });

  it('finds a birth year with «г.р.» or «ж.т.» in any spacing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1930, max: 2010 }),
        fc.constantFrom('г.р.', 'г. р.', 'гр.', 'ж.т.', 'ж. т.', 'жылы туған', 'года рождения'),
        (year, cue) => {
          expect(findPersonalData(`Заявитель ${year} ${cue} просит помощь.`, NOBODY)).toContain(
            'birthDate',
          );
        },
      ),
    );
  });

  it('finds any post-2012 car plate, spaced or not', () => {
    const letter = fc.constantFrom(...'ABCEHKMOPTXYZ');
    fc.assert(
      fc.property(
        digitsOf(3),
        fc.array(letter, { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(' ', ''),
        (number, letters, region, sep) => {
          const plate = [number, letters.join(''), String(region).padStart(2, '0')].join(sep);
          expect(findPersonalData(`Көлік ${plate} аулада тұр.`, NOBODY)).toContain('vehiclePlate');
        },
      ),
    );
  });

  it('never flags a text with no digit, no capital letter and no number word', () => {
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі';
    const word = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 })
      .map((l) => l.join(''))
      .filter((w) => !NUMBER_WORDS.has(w));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '. ', ' — ', ' (', ') ', ': ')), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.map(([w, sep]) => w + sep).join('');
          expect(findPersonalData(text, NOBODY)).toEqual([]);
        },
      ),
    );
  });
});
