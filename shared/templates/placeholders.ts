// The placeholders a letter template may use ({{appeal.regNo}}, {{reception.date|on}}…): one
// table of what each means, its label and example in both languages, and where its value
// comes from. The value helpers are in values.ts.
import { labelOf } from '../domain';
import { weekdayName as weekday } from '../format';
import { formatKzPhone } from '../validation/phone';
import type { PlaceholderDef, PlaceholderType, TemplateContext } from './types';
import {
  appealList,
  appealsOf,
  applicantAddress,
  callName,
  date,
  dearWord,
  def,
  forwardedTo,
  joinAddress,
  missingParts,
  text,
  timeRange,
  type PlaceholderSpec,
  type RawValue,
} from './values';

const SAME_DATE: [string, string] = ['2026 жылғы 20 қараша', '20 ноября 2026 г.'];

const SPECS: readonly PlaceholderSpec[] = [
  def(
    'appeal.regNo',
    'appeal',
    'text',
    ['Өтініштің тіркеу нөмірі', 'Регистрационный номер обращения'],
    ['2026-0042', '2026-0042'],
    (c) => text(c.appeal?.regNo),
  ),
  def(
    'appeal.receivedOn',
    'appeal',
    'date',
    ['Өтініш келіп түскен күн', 'Дата поступления обращения'],
    SAME_DATE,
    (c) => date(c.appeal?.receivedAt),
  ),
  def(
    'appeal.registeredOn',
    'appeal',
    'date',
    ['Өтініш тіркелген күн', 'Дата регистрации обращения'],
    SAME_DATE,
    (c) => date(c.appeal?.registeredOn),
  ),
  def(
    'appeal.subject',
    'appeal',
    'text',
    ['Өтініштің мәні', 'Суть обращения'],
    ['Жылу берілмей тұр', 'Нет отопления'],
    (c) => text(c.appeal?.subject),
  ),
  def(
    'appeal.address',
    'appeal',
    'text',
    ['Мәселе орны (мекенжай)', 'Место проблемы (адрес)'],
    ['Алматы, Әуезов ауданы, Жандосов к-сі, 140', 'Алматы, Ауэзовский район, ул. Жандосова, 140'],
    (c) =>
      c.appeal
        ? text(
            joinAddress([
              c.appeal.location.locality,
              c.appeal.location.district,
              c.appeal.location.street,
              c.appeal.location.building,
            ]),
          )
        : null,
  ),
  def('appeal.decideBy', 'appeal', 'date', ['Қарау мерзімі', 'Срок рассмотрения'], SAME_DATE, (c) =>
    date(c.appeal?.decideBy),
  ),
  def(
    'appeal.extendedTo',
    'appeal',
    'date',
    ['Ұзартылған мерзім', 'Продлённый срок'],
    SAME_DATE,
    (c) => date(c.appeal?.extendedTo),
  ),
  def(
    'appeal.extensionReason',
    'appeal',
    'text',
    ['Мерзімді ұзарту себебі', 'Причина продления срока'],
    ['Қосымша тексеру қажет', 'Требуется дополнительная проверка'],
    (c) => text(c.appeal?.extensionReason),
  ),
  def(
    'appeal.forwardedTo',
    'appeal',
    'text',
    ['Өтініш жолданған орган', 'Орган, куда направлено обращение'],
    ['Алматы қаласының Энергетика басқармасы', 'Управление энергетики города Алматы'],
    forwardedTo,
  ),
  def(
    'appeal.outcomeSummary',
    'appeal',
    'multiline',
    ['Не істелді (нәтиже)', 'Что сделано (результат)'],
    ['Жылу беру қалпына келтірілді', 'Отопление восстановлено'],
    (c) => text(c.appeal?.outcomeSummary),
  ),
  def(
    'appeals.list',
    'appeals',
    'text',
    ['Өтініштер тізімі (нөмірі мен күні)', 'Список обращений (номер и дата)'],
    ['№ 2026-0042 (03.11.2026)', '№ 2026-0042 (03.11.2026)'],
    (c) => text(appealList(c)),
  ),
  def(
    'appeals.count',
    'appeals',
    'text',
    ['Өтініштер саны', 'Количество обращений'],
    ['2', '2'],
    (c) => (appealsOf(c).length > 0 ? text(appealsOf(c).length) : null),
  ),
  def(
    'applicant.fullName',
    'applicant',
    'text',
    ['Өтініш берушінің аты-жөні', 'ФИО заявителя'],
    ['Айгүл Серікқызы Омарова', 'Омарова Айгуль Сериковна'],
    (c) => text(c.applicant?.fullName),
  ),
  def(
    'applicant.callName',
    'applicant',
    'text',
    ['Аты мен әкесінің аты (құрметті сөзге)', 'Имя и отчество (для обращения)'],
    ['Гүлнар Ерболқызы', 'Айгуль Сериковна'],
    (c) => (c.applicant?.fullName ? text(callName(c.applicant.fullName)) : null),
  ),
  def(
    'applicant.dear',
    'applicant',
    'text',
    ['«Құрметті» / «Уважаемый(-ая)»', '«Уважаемый» или «Уважаемая»'],
    ['Құрметті', 'Уважаемая'],
    (c) => (c.applicant?.fullName ? text(dearWord(c.applicant.fullName, c.lang)) : null),
  ),
  def(
    'applicant.address',
    'applicant',
    'text',
    ['Өтініш берушінің мекенжайы', 'Адрес заявителя'],
    ['Алматы, Жандосов к-сі, 140, 12-пәтер', 'Алматы, ул. Жандосова, 140, кв. 12'],
    (c) => applicantAddress(c.applicant, c.lang),
  ),
  def(
    'applicant.phone',
    'applicant',
    'text',
    ['Өтініш берушінің телефоны', 'Телефон заявителя'],
    ['+7 701 234 56 78', '+7 701 234 56 78'],
    (c) => text(c.applicant?.phones[0] ? formatKzPhone(c.applicant.phones[0]) : null),
  ),
  def(
    'deputy.fullName',
    'deputy',
    'text',
    ['Депутаттың аты-жөні', 'ФИО депутата'],
    ['Асқар Болатұлы Серікбаев', 'Серикбаев Аскар Болатович'],
    (c) => text(c.settings.deputy.fullName[c.lang]),
  ),
  def(
    'deputy.position',
    'deputy',
    'text',
    ['Депутаттың лауазымы', 'Должность депутата'],
    ['Алматы қалалық мәслихатының депутаты', 'Депутат маслихата города Алматы'],
    (c) => text(c.settings.deputy.position[c.lang]),
  ),
  def(
    'deputy.phone',
    'deputy',
    'text',
    ['Кеңсе телефоны', 'Телефон приёмной'],
    ['+7 727 123 45 67', '+7 727 123 45 67'],
    (c) => text(c.settings.contacts.phone ? formatKzPhone(c.settings.contacts.phone) : null),
  ),
  def(
    'deputy.email',
    'deputy',
    'text',
    ['Кеңсенің электрондық поштасы', 'Электронная почта приёмной'],
    ['deputy@example.kz', 'deputy@example.kz'],
    (c) => text(c.settings.contacts.email),
  ),
  def(
    'deputy.address',
    'deputy',
    'text',
    ['Қабылдау бөлмесінің мекенжайы', 'Адрес приёмной'],
    ['Алматы, Абай даңғылы, 10, 5-кабинет', 'Алматы, пр. Абая, 10, кабинет 5'],
    (c) => text(c.settings.receptionAddress[c.lang]),
  ),
  def(
    'deputy.telegram',
    'deputy',
    'text',
    ['Telegram', 'Telegram'],
    ['@deputy_office', '@deputy_office'],
    (c) => text(c.settings.contacts.telegram),
  ),
  def(
    'maslikhat.name',
    'maslikhat',
    'text',
    ['Мәслихаттың атауы', 'Название маслихата'],
    ['Алматы қалалық мәслихаты', 'Маслихат города Алматы'],
    (c) => text(c.settings.maslikhat.name[c.lang]),
  ),
  def(
    'okrug.number',
    'okrug',
    'text',
    ['Сайлау округінің нөмірі', 'Номер избирательного округа'],
    ['12', '12'],
    (c) => text(c.settings.okrugNumber),
  ),
  def(
    'inquiry.number',
    'inquiry',
    'text',
    ['Сауалдың шығыс нөмірі', 'Исходящий номер запроса'],
    ['12-04/118', '12-04/118'],
    (c) => text(c.inquiry?.outgoingNo),
  ),
  def('inquiry.date', 'inquiry', 'date', ['Сауалдың күні', 'Дата запроса'], SAME_DATE, (c) =>
    date(c.inquiry?.outgoingDate),
  ),
  def('inquiry.dueDate', 'inquiry', 'date', ['Жауап беру мерзімі', 'Срок ответа'], SAME_DATE, (c) =>
    date(c.inquiry?.dueDate),
  ),
  def(
    'inquiry.subject',
    'inquiry',
    'text',
    ['Сауалдың тақырыбы', 'Тема запроса'],
    ['Жылу беру туралы', 'Об отоплении'],
    (c) => text(c.inquiry?.subject),
  ),
  def(
    'inquiry.addressee',
    'inquiry',
    'multiline',
    ['Хат алушы (лауазымы мен аты-жөні)', 'Адресат (должность и ФИО)'],
    [
      'Энергетика басқармасының басшысы А.Қ. Қасымовқа',
      'Руководителю управления энергетики Касымову А.К.',
    ],
    (c) => text(c.inquiry?.addressee),
  ),
  def(
    'previous.number',
    'previous',
    'text',
    ['Алдыңғы сауалдың нөмірі', 'Номер предыдущего запроса'],
    ['12-04/101', '12-04/101'],
    (c) => text(c.previousInquiry?.outgoingNo),
  ),
  def(
    'previous.date',
    'previous',
    'date',
    ['Алдыңғы сауалдың күні', 'Дата предыдущего запроса'],
    SAME_DATE,
    (c) => date(c.previousInquiry?.outgoingDate),
  ),
  def(
    'previous.answerNumber',
    'previous',
    'text',
    ['Органның жауап хатының нөмірі', 'Номер ответа органа'],
    ['3Т-1520', '3Т-1520'],
    (c) => text(c.previousInquiry?.response?.theirNo),
  ),
  def(
    'previous.answerDate',
    'previous',
    'date',
    ['Органның жауап хатының күні', 'Дата ответа органа'],
    SAME_DATE,
    (c) => date(c.previousInquiry?.response?.theirDate ?? c.previousInquiry?.response?.receivedOn),
  ),
  def(
    'previous.missingParts',
    'previous',
    'multiline',
    ['Жауапта жоқ бөліктер', 'Недостающие части ответа'],
    ['Нақты жауап', 'Конкретный ответ'],
    (c) => missingParts(c.previousInquiry, c.lang),
  ),
  def(
    'agency.name',
    'agency',
    'text',
    ['Органның атауы', 'Название органа'],
    ['Алматы қаласының Энергетика басқармасы', 'Управление энергетики города Алматы'],
    (c) => text(c.agency?.name[c.lang]),
  ),
  def(
    'agency.headName',
    'agency',
    'text',
    ['Орган басшысының аты-жөні', 'ФИО руководителя органа'],
    ['Қасымов Арман Қайратұлы', 'Касымов Арман Кайратович'],
    (c) => text(c.agency?.headName),
  ),
  def(
    'agency.headPosition',
    'agency',
    'text',
    ['Орган басшысының лауазымы', 'Должность руководителя органа'],
    ['Басқарма басшысы', 'Руководитель управления'],
    (c) => text(c.agency?.headPosition[c.lang]),
  ),
  def(
    'agency.address',
    'agency',
    'text',
    ['Органның мекенжайы', 'Адрес органа'],
    ['Алматы, Абай даңғылы, 90', 'Алматы, пр. Абая, 90'],
    (c) => text(c.agency?.address),
  ),
  def('reception.date', 'reception', 'date', ['Қабылдау күні', 'Дата приёма'], SAME_DATE, (c) =>
    date(c.reception?.date),
  ),
  def(
    'reception.weekday',
    'reception',
    'text',
    ['Қабылдау күні (апта күні)', 'День недели приёма'],
    ['жұма', 'пятница'],
    (c) => (c.reception ? text(weekday(c.reception.date, c.lang)) : null),
  ),
  def(
    'reception.startTime',
    'reception',
    'text',
    ['Басталу уақыты', 'Время начала'],
    ['10:00', '10:00'],
    (c) => text(c.reception?.startTime),
  ),
  def(
    'reception.endTime',
    'reception',
    'text',
    ['Аяқталу уақыты', 'Время окончания'],
    ['12:00', '12:00'],
    (c) => text(c.reception?.endTime),
  ),
  def(
    'reception.time',
    'reception',
    'text',
    ['Қабылдау уақыты', 'Время приёма'],
    ['10:00–12:00', 'с 10:00 до 12:00'],
    timeRange,
  ),
  def(
    'reception.place',
    'reception',
    'text',
    ['Қабылдау орны', 'Место приёма'],
    ['№ 45 мектеп, акт залы', 'Школа № 45, актовый зал'],
    (c) => text(c.reception?.place[c.lang]),
  ),
  def(
    'reception.format',
    'reception',
    'text',
    ['Қабылдау түрі', 'Формат приёма'],
    ['Бетпе-бет', 'Очно'],
    (c) => (c.reception ? text(labelOf('receptionFormat', c.reception.format, c.lang)) : null),
  ),
  def(
    'reception.accessibilityNotes',
    'reception',
    'text',
    ['Қолжетімділік (пандус, қабат...)', 'Доступность (пандус, этаж...)'],
    ['Бірінші қабат, пандус бар', 'Первый этаж, есть пандус'],
    (c) => text(c.reception?.accessibilityNotes[c.lang]),
  ),
  def('today', 'date', 'date', ['Хаттың күні (бүгін)', 'Дата письма (сегодня)'], SAME_DATE, (c) =>
    date(c.today),
  ),
];

/** Every placeholder a template may use (besides `extra.*`), with labels for the picker. */
export const PLACEHOLDERS: readonly PlaceholderDef[] = SPECS.map(
  ({ get: _get, ...placeholder }) => placeholder,
);

const BY_KEY: ReadonlyMap<string, PlaceholderSpec> = new Map(SPECS.map((s) => [s.key, s]));

/**
 * Text the user types for a letter. Any `extra.<name>` is allowed (an office's own template
 * may ask for its own parts); these have labels in the composer.
 */
export const EXTRA_FIELDS: readonly PlaceholderDef[] = [
  ['problem', 'Мәселенің сипаттамасы', 'Описание проблемы', 'multiline'],
  ['questions', 'Сұрақтар (әрқайсысы жаңа жолдан)', 'Вопросы (каждый с новой строки)', 'multiline'],
  ['answer', 'Нақты жауап', 'Конкретный ответ', 'multiline'],
  ['furtherActions', 'Алдағы әрекеттер', 'Дальнейшие действия', 'multiline'],
  ['contactPerson', 'Байланыс тұлғасы', 'Контактное лицо', 'text'],
  ['reason', 'Себебі', 'Причина', 'multiline'],
  ['message', 'Хабарлама мәтіні', 'Текст сообщения', 'multiline'],
].map(([name, kk, ru, type]) => ({
  key: `extra.${name ?? ''}`,
  group: 'extra' as const,
  type: type as PlaceholderType,
  label: { kk: kk ?? '', ru: ru ?? '' },
  example: { kk: '…', ru: '…' },
}));

export const EXTRA_NAME = /^extra\.[a-zA-Z][a-zA-Z0-9]*$/;

export function placeholderDef(key: string): PlaceholderDef | undefined {
  return BY_KEY.get(key) ?? EXTRA_FIELDS.find((field) => field.key === key);
}

export function isKnownPlaceholder(key: string): boolean {
  return BY_KEY.has(key) || EXTRA_NAME.test(key);
}

export function placeholderType(key: string): PlaceholderType | null {
  if (BY_KEY.has(key)) return BY_KEY.get(key)?.type ?? null;
  return EXTRA_NAME.test(key) ? 'multiline' : null;
}

/** The placeholder's value in the context, or null when there is none. */
export function resolvePlaceholder(key: string, ctx: TemplateContext): RawValue {
  if (EXTRA_NAME.test(key)) return text(ctx.extra?.[key.slice('extra.'.length)]);
  return BY_KEY.get(key)?.get(ctx) ?? null;
}
