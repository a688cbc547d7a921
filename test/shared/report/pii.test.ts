import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { NameIndex, findPersonalData } from '@shared/report/pii';
import { buildQuarterlyReport, type ReportAppeal } from '@shared/report';
import { APPEALS, QUARTER, TODAY, fixtureInput } from './fixture';

const names = new NameIndex();
names.add('Ахметов Ерлан Серікұлы');
names.add('Иванова Мария Петровна');
names.add('Жұмабаева Айгүл Нұрлан қызы');
names.add('Ли');

const scan = (text: string) => findPersonalData(text, names);

describe('findPersonalData', () => {
  it.each([
    // IINs: twelve digits, whatever the checksum, however spaced.
    ['ЖСН 061211600012 бойынша тексерілді', ['iin']],
    ['ИИН 880101300123', ['iin']],
    ['ИИН 880101 300 123', ['iin']],
    ['ИИН: 123456789012', ['iin']],
    ['номер 12345678901234', ['iin']],
    // Phones in every Kazakhstan shape.
    ['тел. +7 701 123 45 67', ['phone']],
    ['8 (701) 123-45-67 нөміріне', ['phone']],
    ['87011234567', ['phone']],
    ['+77011234567', ['phone']],
    ['7011234567 арқылы', ['phone']],
    ['8 7172 55 12 34', ['phone']],
    ['телефон 55-12-34', ['phone']],
    ['255-12-34 нөмірі', ['phone']],
    // E-mails and handles.
    ['aigul.zh@mail.kz поштасына', ['email']],
    ['жазыңыз: айгүл@пошта.қз', ['email']],
    ['Telegram: @aigul_88', ['handle']],
    ['https://t.me/aigul88 арнасы', ['handle']],
    ['instagram.com/aigul.zh', ['handle']],
    // House and flat numbers.
    ['Кенесары көшесі, 12-үй', ['address']],
    ['12а-үйдің жертөлесі', ['address']],
    ['14-пәтер су астында қалды', ['address']],
    ['үй №5 жанында', ['address']],
    ['№5 үйдің ауласы', ['address']],
    ['пәтер 14', ['address']],
    ['Абай даңғылы, 40 мекенжайы', ['address']],
    ['Кенесары көшесі 12, кіреберіс', ['address']],
    ['ул. Абая, д. 5', ['address']],
    ['д.5 подвал', ['address']],
    ['дом 5 по улице', ['address']],
    ['в доме № 12', ['address']],
    ['кв. 14', ['address']],
    ['квартира 14 затоплена', ['address']],
    ['корпус 2', ['address']],
    ['ул. Кенесары, 40', ['address']],
    ['мкр. Самал-2, 15', ['address']],
    // Names: two words of one person in any case and order, or a surname with an initial.
    ['Ахметов Ерлан келді', ['name']],
    ['Ерлан Ахметовке жауап берілді', ['name']],
    ['Ахметовтың Ерланға хаты', ['name']],
    ['Серикулы? нет: Ерлан Серікұлы Ахметов', ['name']],
    ['Ахметов Е.С. өтініші', ['name']],
    ['Е.С. Ахметовке хабарланды', ['name']],
    ['Ивановой Марии разъяснено', ['name']],
    ['Мария Петровна Иванова', ['name']],
    ['гражданке Ивановой М.П.', ['name']],
    ['Жумабаевой Айгуль', ['name']],
    ['Айгүл Нұрланқызы', ['name']],
    // Anybody's first name, not only an applicant's: «a young specialist named Yerlan».
    ['Ерлан деген жас маман көмектесті.', ['name']],
    // Several kinds at once, in a fixed order.
    ['Ахметов Ерлан, +77011234567, erlan@mail.kz, 12-пәтер', ['name', 'phone', 'email', 'address']],
  ])('%s → %j', (text, kinds) => {
    expect(scan(text)).toEqual(kinds);
  });

  it.each([
    'Кенесары көшесіндегі көппәтерлі үйдің шатыры жөнделді.',
    'Бюджеттен 7 500 000 000 теңге бөлінді.',
    'Жөндеуге 150 000 000 теңге қажет.',
    '120 пәтерлі үйдің жылу жүйесі ауыстырылды.',
    '5 үйдің ауласы абаттандырылды.',
    'Округтің 12 көшесіне жаңа шамдар қойылады.',
    'Өтініш 2026-0042 нөмірімен тіркелді.',
    'Мерзімі 01.07.2026 – 30.09.2026 аралығында.',
    '2026 жылғы 15 тамызда кездесу өтті.',
    'Жұмыс 10–12 күнде аяқталады.',
    '№12 мектептің маңындағы жол жөнделді.',
    'Обращение по вопросу освещения двора направлено в акимат.',
    'Отремонтированы 3 дома и 2 подъезда.',
    'Площадь 120 кв. м благоустроена.',
    'Ахметов көшесінде жол жөнделді.',
    'Кімге жүгінуге болатыны түсіндірілді.',
    'Абай даңғылындағы аялдама жөнделді.',
    'В Есильском районе построена площадка.',
    '',
  ])('leaves clean text alone: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it('ignores names it was not given, short names and particles', () => {
    const index = new NameIndex();
    index.add('Ли');
    index.add('Ким Ли');
    index.add('');
    expect(index.size).toBe(1);
    expect(index.test('Ким Ли келді')).toBe(false);
    // (The text still names somebody: «Ли» inside a sentence is a Korean surname to any
    // reader, found by the rules for anybody's name.)
    expect(findPersonalData('Ким Ли келді', index)).toEqual(['name']);
    expect(findPersonalData('Кім келді', index)).toEqual([]);
    expect(new NameIndex().test('Ахметов Ерлан')).toBe(false);
  });
});

// --- No personal data in the model, whatever the summaries say ------------------------------------

const SURNAMES = ['Ахметов', 'Серікбаев', 'Жұмабаев', 'Иванов', 'Ким', 'Оспанов', 'Нұрланов'];
const FIRST_NAMES = ['Ерлан', 'Айгүл', 'Мария', 'Бауыржан', 'Дина', 'Асхат', 'Сергей'];

const person = fc.record({
  surname: fc.constantFrom(...SURNAMES),
  name: fc.constantFrom(...FIRST_NAMES),
  iin: fc.stringMatching(/^\d{12}$/),
  mobile: fc.stringMatching(/^7[0-7]\d{8}$/),
});

const phoneWritten = (nsn: string, style: number): string => {
  const [a, b, c, d] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6, 8), nsn.slice(8)];
  switch (style) {
    case 0:
      return `+7 ${a} ${b} ${c} ${d}`;
    case 1:
      return `8 (${a}) ${b}-${c}-${d}`;
    case 2:
      return `8${nsn}`;
    default:
      return `+7${nsn}`;
  }
};

/** How a careless summary might carry the person's details. */
const leak = fc.record({
  p: person,
  style: fc.integer({ min: 0, max: 3 }),
  what: fc.constantFrom('name', 'iin', 'phone', 'all'),
  lang: fc.constantFrom('kk', 'ru'),
});

describe('the report model never carries an applicant’s details', () => {
  it('blocks, and keeps out of the JSON, any name, IIN or phone put into a summary', () => {
    fc.assert(
      fc.property(leak, ({ p, style, what, lang }) => {
        const phone = phoneWritten(p.mobile, style);
        const female = p.surname === 'Ким' ? p.surname : `${p.surname}а`;
        const nameText = lang === 'kk' ? `${p.surname} ${p.name} мырзаға` : `${female} ${p.name}у`;
        const parts = {
          name: `Өтініш беруші ${nameText} хабарланды.`,
          iin: `ЖСН ${p.iin} бойынша тексерілді.`,
          phone: `Байланыс: ${phone}.`,
          all: `${nameText}, ЖСН ${p.iin}, ${phone}`,
        } as const;
        const input = fixtureInput();
        const target = 'A1';
        input.appeals = APPEALS.map((a): ReportAppeal =>
          a.id === target
            ? { ...a, applicantId: 'ap-x', publicSummary: { kk: parts[what], ru: '' } }
            : a,
        );
        input.applicants = [
          ...input.applicants,
          { id: 'ap-x', fullName: `${p.surname} ${p.name}` },
        ];
        const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
        const json = JSON.stringify(report);
        expect(report.blocked?.items.map((i) => i.id)).toContain(target);
        expect(json).not.toContain(p.iin);
        expect(json).not.toContain(phone);
        expect(json).not.toContain(p.mobile.slice(3));
        expect(json).not.toContain(nameText);
      }),
      { numRuns: 200 },
    );
  });

  it('never prints an applicant field: building, names, IINs, phones of the data', () => {
    const input = fixtureInput();
    const json = JSON.stringify(buildQuarterlyReport(input, QUARTER, { lang: 'ru', today: TODAY }));
    for (const applicant of input.applicants) {
      if (applicant.fullName !== '') expect(json).not.toContain(applicant.fullName);
    }
    expect(json).not.toContain('"building"');
    expect(json).not.toContain('applicantId');
  });
});
