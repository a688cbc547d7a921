// The personal-data check against the forms an assistant types into the registry that the
// other tests did not cover: a surname alone in a Kazakh or Russian case, «гр.», «азамат»,
// «өтініш беруші» before a name, patronymics on «-бай», addresses after «по адресу» /
// «мекенжайы», identity-card and passport numbers — and, against them, the words and
// official names that must pass, so the check stays of use to the office.
import { describe, expect, it } from 'vitest';

import { buildQuarterlyReport, type ReportAppeal } from '@shared/report';
import { NameIndex, findPersonalData } from '@shared/report/pii';
import type { PiiKind } from '@shared/report/types';
import { APPEALS, QUARTER, TODAY, fixtureInput } from './fixture';

/** Nobody of the data: every name below is caught by the rules for anybody's name. */
const NOBODY = new NameIndex();
const scan = (text: string) => findPersonalData(text, NOBODY);

/** Forms the check learnt here (each failed before). */
const NEWLY_CAUGHT: readonly (readonly [string, readonly PiiKind[]])[] = [
  // A surname alone, in a Kazakh or Russian case.
  ['Төлегеновадан түскен өтініш бойынша аулаға жарық орнатылды.', ['name']],
  ['Асановтың өтініші бойынша кіреберістің есігі ауыстырылды.', ['name']],
  ['Жауап Тұрғымбаеваға 15 жұмыс күні ішінде жолданды.', ['name']],
  ['Өтініш беруші Асанов шатырды жөндеуді сұрады, жұмыс жоспарға енгізілді.', ['name']],
  ['Ответ направлен Тургумбаевой в установленный срок.', ['name']],
  ['Асанову разъяснён порядок получения жилищной помощи.', ['name']],
  ['По жалобе Петренко проведена проверка управляющей компании.', ['name']],
  ['Отремонтирован подъезд, где проживает Жумабаева, работы приняты КСК.', ['name']],
  // «гр.», «гр-ка» and «азамат(ша)» before a name, «азаматқа» after it.
  ['Обратилась гр. Ким по поводу отопления, вопрос решён.', ['name']],
  ['Обратилась гр. Толегенова по поводу отопления.', ['name']],
  ['Гр-ка Ли просила заменить лампы в подъезде.', ['name']],
  ['Азаматша Ким жүгінген мәселе бойынша жол жөнделді.', ['name']],
  ['Өтініш беруші Сейтқали жер телімі бойынша кеңес алды.', ['name']],
  ['Асанов азаматқа жер телімін ресімдеу тәртібі түсіндірілді.', ['name']],
  // A patronymic on «-бай».
  ['Серікбайқызы жүгінген мәселе бойынша жарық орнатылды.', ['name']],
  ['Жауап Төлебайұлына жолданды.', ['name']],
  // A street and its number after an address word, «к.» for «көшесі».
  ['Проверка проведена по адресу: Абая, 12.', ['address']],
  ['Сантехник по адресу Жубанова 12-34 вызван повторно.', ['address']],
  ['Мекенжайы: Абай 12-34, жылу берілді.', ['address']],
  ['Абай 12-34 мекенжайы бойынша тексеру жүргізілді.', ['address']],
  ['Абай к., 12 — аула жарықтандырылды.', ['address']],
  // Identity-card and passport numbers.
  ['Жеке куәлік № 012345678 көшірмесі өтінішке тіркелді.', ['idDocument']],
  ['Приложена копия удостоверения личности №012345678.', ['idDocument']],
  ['Уд.л. 045678912 выдано МВД РК, данные сверены.', ['idDocument']],
  ['Паспорт N12345678 ұсынылды.', ['idDocument']],
  ['Төлқұжаты № N12345678, анықтама берілді.', ['idDocument']],
  // Together, in the fixed order.
  [
    'Тұрғымбаеваға (ЖСН 900101300123, куәлік № 012345678) жауап берілді.',
    ['name', 'iin', 'idDocument'],
  ],
];

/** Forms the check caught already, kept here so they stay caught. */
const CAUGHT_ALREADY: readonly (readonly [string, readonly PiiKind[]])[] = [
  ['Өтініш беруші Төлегенова А.Б. жарық мәселесін көтерді.', ['name']],
  ['А.Б. Төлегенова жүгінді, кіреберіске жарық орнатылды.', ['name']],
  ['Толегенова Айгуль обратилась по поводу освещения двора.', ['name']],
  ['Tolegenova Aigul ауласына жарық орнатылды.', ['name']],
  ['Серікке жер телімі бойынша жауап берілді.', ['name']],
  ['Ерболатқызы жүгінген мәселе бойынша жол жөнделді.', ['name']],
  ['Сергеевна обратилась в приёмную по поводу пособия.', ['name']],
  ['Заявитель Асанов просит отремонтировать крышу.', ['name']],
  ['Асанов мырзаға жауап берілді.', ['name']],
  ['Байланыс телефоны 8 701 123 45 67.', ['phone']],
  ['Номер для связи: +7(701)123-45-67.', ['phone']],
  ['Тел. 8701-123-4567, звонить после 18:00.', ['phone']],
  ['87011234567 нөміріне хабарласты.', ['phone']],
  ['ИИН 900101 300 123 указан в заявлении.', ['iin']],
  ['Заменены окна по адресу ул. Абая 12, кв. 34.', ['address']],
  ['Абай көшесі, 12 үй, 34 пәтер тұрғынына жылу берілді.', ['address']],
  ['мкр. Самал-2, д. 5 — восстановлено освещение.', ['address']],
  ['Жауап aigul.tolegenova@gmail.com поштасына жолданды.', ['email']],
];

/** Words, places, agencies, documents: no alarm. */
const MUST_PASS: readonly string[] = [
  // Streets, places and institutions named after people.
  'Абай көшесінің жөндеуі 2026 жылы аяқталады.',
  'Ремонт улицы Абая завершится в 2026 году.',
  'На улице Абая заменено 12 фонарей.',
  'Назарбаев Университеті маңындағы аялдама жөнделді.',
  'Возле Назарбаев Университета отремонтирована остановка.',
  'Сейфуллин мен Кенесары көшелерінің қиылысында бағдаршам орнатылды.',
  'На пересечении улиц Абая и Пушкина установлен светофор.',
  'Улица Шевченко и проспект Достык отремонтированы.',
  'Сквер Гагарина благоустроен.',
  'Ауэзов аялдамасы жаңартылды.',
  'На остановке Ауэзова установлен павильон.',
  'Уалиханов ауданында көпір салынды.',
  'Театр имени Ауэзова отремонтирован.',
  'Алтынсарин атындағы мектепке жаңа спортзал берілді.',
  'Мұқанов ауылына газ тартылды.',
  'Алмалинский и Медеуский районы получили новые автобусы.',
  'Карагандинская область передала технику.',
  // Public figures after their title.
  'Мемлекет басшысы Тоқаевтың Жолдауы бойынша жұмыс жүргізілді.',
  'Президент Тоқаев поручил отремонтировать дороги.',
  'Депутат Асанов провёл приём граждан.',
  'Сарыарқа ауданының әкімі Жұмабаев жауап берді.',
  // Russian words of a surname's shape at a sentence's start.
  'Бытовой мусор вывезен со двора.',
  'Отремонтированы подъезды.',
  'Согласованы сроки ремонта.',
  'Резина на детской площадке заменена.',
  'Причина — засор канализации.',
  'Половина жителей обратилась в КСК.',
  'Один из фонарей восстановлен.',
  'Обогрев подъезда восстановлен.',
  'Гражданин обратился по поводу отопления.',
  // Citizens in general, agencies, months.
  'Азаматтарға Жер кодексінің нормалары түсіндірілді.',
  'Өтініш беруші жол жөндеуді сұрады.',
  'Гр. обратилась по поводу отопления.',
  'Қоқыс шығару кестесі ЖКХ бөлімімен келісілді.',
  'Управление ЖКХ ответило в срок.',
  'Обращение передано в АО «Казахтелеком».',
  'Мамыр, маусым және шілде айларында жөндеу жүргізілді.',
  'В мае и июне отремонтированы дворы.',
  // Numbers that are no address and no document (the first two were read as a house and a
  // flat before: «№» is «No» after NFKC).
  'Решение маслихата № 12/345 от 15.03.2026 опубликовано.',
  'Мәслихаттың 2026 жылғы 12 наурыздағы № 3-12/456 шешімі.',
  'Удостоверение о регистрации № 12 выдано КСК.',
  'Технический паспорт на 12 домов обновлён.',
  'Адресная помощь оказана 12 семьям.',
  'Мекенжайлық анықтама 3 күнде беріледі.',
  'По адресу проведена проверка.',
  'Мекенжайы: Астана қаласы, Есіл ауданы.',
  'Адрес: Астана, Есильский район.',
  'В микрорайоне Самал-2 отремонтирован двор.',
];

describe('the personal-data check on forms the other tests do not cover', () => {
  it.each(NEWLY_CAUGHT)('blocks %s → %j', (text, kinds) => {
    expect(scan(text)).toEqual(kinds);
  });

  it.each(CAUGHT_ALREADY)('still blocks %s → %j', (text, kinds) => {
    expect(scan(text)).toEqual(kinds);
  });

  it.each(MUST_PASS)('lets through: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it('names an identity document among the kinds that block the report', () => {
    const input = fixtureInput();
    input.appeals = APPEALS.map((a): ReportAppeal =>
      a.id === 'A1'
        ? { ...a, publicSummary: { kk: 'Жеке куәлік № 012345678 тексерілді.', ru: '' } }
        : a,
    );
    const report = buildQuarterlyReport(input, QUARTER, { lang: 'kk', today: TODAY });
    const item = report.blocked?.items.find((i) => i.id === 'A1');
    expect(item?.kinds).toEqual(['idDocument']);
    expect(JSON.stringify(report)).not.toContain('012345678');
  });
});
