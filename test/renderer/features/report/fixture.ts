import type { CountRow, QuarterlyReport, QuarterRef } from '@shared/report/types';
import type { Lang } from '@shared/i18n/lang';

/**
 * A hand-written report model (as `buildQuarterlyReport` returns it), so the layout, the
 * spreadsheet and the text can be checked against known numbers independently of the model.
 */
const L = <T>(lang: Lang, kk: T, ru: T): T => (lang === 'kk' ? kk : ru);

function row(key: string, label: string, count: number | null, percent: number | null): CountRow {
  return {
    key,
    label,
    count,
    display: count === null ? '<3' : String(count),
    percent,
  };
}

function quarter(lang: Lang, id: string, q: 1 | 2 | 3 | 4, from: string, to: string): QuarterRef {
  const roman = ['I', 'II', 'III', 'IV'][q - 1];
  return {
    id,
    year: 2026,
    quarter: q,
    from,
    to,
    label: L(lang, `2026 жылғы ${roman} тоқсан`, `${roman} квартал 2026 года`),
    periodLabel: L(lang, `2026 жылғы 1 шілде – 30 қыркүйек`, `1 июля – 30 сентября 2026 года`),
  };
}

export function fixtureReport(
  lang: Lang,
  overrides: Partial<QuarterlyReport> = {},
): QuarterlyReport {
  return {
    modelVersion: 1,
    lang,
    quarter: quarter(lang, '2026-Q3', 3, '2026-07-01', '2026-09-30'),
    previousQuarter: quarter(lang, '2026-Q2', 2, '2026-04-01', '2026-06-30'),
    nextQuarter: quarter(lang, '2026-Q4', 4, '2026-10-01', '2026-12-31'),
    generatedOn: '2026-11-22',
    generatedOnLabel: '22.11.2026',
    dueOn: '2026-10-15',
    preliminary: false,
    header: {
      deputyName: L(lang, 'Серік Болатұлы Ахметов', 'Ахметов Серик Болатович'),
      deputyPosition: L(
        lang,
        'Астана қалалық мәслихатының депутаты',
        'Депутат маслихата города Астаны',
      ),
      maslikhatName: L(lang, 'Астана қалалық мәслихаты', 'Маслихат города Астаны'),
      maslikhatLevel: 'republican_city',
      maslikhatLevelLabel: L(
        lang,
        'республикалық маңызы бар қала',
        'город республиканского значения',
      ),
      okrugNumber: 7,
      okrugDescription: '',
      receptionAddress: L(lang, 'Астана қ., Бейбітшілік к., 11', 'г. Астана, ул. Бейбитшилик, 11'),
      officePhone: '+77172555123',
      officeEmail: 'deputy7@maslihat-astana.kz',
      officeTelegram: '@deputy7',
      officeWebsite: '',
      signedBy: '',
    },
    appeals: {
      hotSpots: [],
      total: 12500,
      change: {
        current: 12500,
        previous: 11000,
        absolute: 1500,
        percent: 13.6,
        display: L(lang, '+1 500 (+13,6 %)', '+1 500 (+13,6 %)'),
      },
      byTopic: [
        row('housing_utilities', L(lang, 'Тұрғын үй-коммуналдық шаруашылық', 'ЖКХ'), 7000, 56),
        row('roads_transport', L(lang, 'Жолдар және көлік', 'Дороги и транспорт'), 5498, 44),
        row('ecology_waste', L(lang, 'Экология және қалдықтар', 'Экология и отходы'), null, null),
      ],
      topTopics: [
        row('housing_utilities', L(lang, 'Тұрғын үй-коммуналдық шаруашылық', 'ЖКХ'), 7000, 56),
        row('roads_transport', L(lang, 'Жолдар және көлік', 'Дороги и транспорт'), 5498, 44),
      ],
      byChannel: [
        row('reception', L(lang, 'Жеке қабылдау', 'Личный приём'), 12498, 100),
        row('telegram', 'Telegram', null, null),
      ],
      byKind: [row('complaint', L(lang, 'Шағым', 'Жалоба'), 12500, 100)],
      collectiveCount: 4,
      collectiveSignatories: 96,
      priorityCount: 9,
      anonymousCount: 1,
      byMonth: [
        { month: '2026-07', label: L(lang, 'шілде', 'июль'), count: 4000, receptionsHeld: 2 },
        { month: '2026-08', label: L(lang, 'тамыз', 'август'), count: 4500, receptionsHeld: 1 },
        {
          month: '2026-09',
          label: L(lang, 'қыркүйек', 'сентябрь'),
          count: 4000,
          receptionsHeld: 0,
        },
      ],
      byPlace: {
        level: 'street',
        rows: [row('астана / сарыарқа / абай', 'Астана / Сарыарқа / Абай', 40, 0.3)],
        otherPlaces: row('other', L(lang, 'Басқа мекенжайлар', 'Другие адреса'), 12000, 96),
        unspecified: 460,
      },
      receptions: {
        held: 3,
        cancelled: 1,
        visitors: 37,
        appealsAtReceptions: 30,
        monthsWithout: [L(lang, 'қыркүйек', 'сентябрь')],
      },
    },
    resolved: {
      decidedTotal: 10,
      resolved: 6,
      partiallyResolved: 2,
      byOutcome: [
        row('resolved', L(lang, 'Шешілді', 'Решено'), 6, 60),
        row('partially_resolved', L(lang, 'Ішінара шешілді', 'Решено частично'), null, null),
        row('explained', L(lang, 'Түсіндірілді', 'Разъяснено'), null, null),
      ],
      summaries: [
        {
          key: 'housing_utilities',
          label: L(lang, 'Тұрғын үй-коммуналдық шаруашылық', 'ЖКХ'),
          count: 6,
          display: '6',
          more: 5,
          items: [
            {
              id: 'app-1',
              regNo: '2026-0001',
              otherLanguage: false,
              text: L(
                lang,
                'Абай көшесіндегі үйдің шатыры жөнделді.',
                'Отремонтирована кровля дома на улице Абая.',
              ),
              outcomeLabel: L(lang, 'Шешілді', 'Решено'),
              solved: true,
            },
          ],
        },
      ],
    },
    unresolved: {
      total: 5,
      openAtQuarterEnd: 4,
      openOverdue: 1,
      notResolved: 1,
      byReason: [
        row('open_within_deadline', L(lang, 'Мерзімі өтпеген', 'Срок не истёк'), 3, 60),
        row('open_overdue', L(lang, 'Мерзімі өткен', 'Срок истёк'), null, null),
        row('needs_budget', L(lang, 'Бюджет қажет', 'Нужен бюджет'), null, null),
      ],
      summaries: [],
    },
    initiatives: {
      items: [
        {
          id: 'ini-1',
          submittedOn: '2026-08-15',
          submittedOnLabel: '15.08.2026',
          title: L(lang, 'Аулаларды абаттандыру бағдарламасы', 'Программа благоустройства дворов'),
          target: 'session',
          targetLabel: L(lang, 'Мәслихат сессиясы', 'Сессия маслихата'),
          status: 'submitted',
          statusLabel: L(lang, 'Енгізілді', 'Внесена'),
          result: '',
          topicLabel: '',
          publicSummary: '',
        },
      ],
    },
    plan: {
      quarter: quarter(lang, '2026-Q4', 4, '2026-10-01', '2026-12-31'),
      items: [
        {
          id: 'plan-1',
          title: L(lang, 'Жылу маусымына дайындық', 'Подготовка к отопительному сезону'),
          actions: [L(lang, 'Жылу желілерін тексеру', 'Проверить теплосети')],
          topicLabel: '',
          status: 'planned',
          statusLabel: L(lang, 'Жоспарланған', 'Запланировано'),
        },
      ],
    },
    indicators: {
      decidedWithinDeadline: { numerator: 8, denominator: 9, percent: 88.9, display: '88,9 %' },
      medianWorkingDaysToDecision: 6.5,
      medianWorkingDaysDisplay: '6,5',
      firstContactWithin72h: { numerator: 10, denominator: 12, percent: 83.3, display: '83,3 %' },
      acknowledgeHours: 72,
      extendedCount: 2,
      inquiries: {
        sent: 4,
        answered: 3,
        answeredOnTime: 2,
        overdue: 1,
        awaiting: 0,
        onTimeShare: { numerator: 2, denominator: 4, percent: 50, display: '50 %' },
      },
      receptionsHeld: 3,
      receptionsPerMonth: 1,
      receptionsPerMonthDisplay: '1',
    },
    charts: {
      topics: {
        title: L(lang, 'Өтініштер тақырып бойынша', 'Обращения по темам'),
        points: [
          { key: 'housing_utilities', label: 'ТКШ', value: 7000, display: '7 000' },
          { key: 'ecology_waste', label: 'Экология', value: null, display: '<3' },
        ],
      },
      months: {
        title: L(lang, 'Ай бойынша', 'По месяцам'),
        points: [
          { key: '2026-07', label: 'Шілде', value: 4000, display: '4000' },
          { key: '2026-08', label: 'Тамыз', value: 4500, display: '4500' },
          { key: '2026-09', label: 'Қыркүйек', value: 4000, display: '4000' },
        ],
      },
    },
    blocked: null,
    otherLanguage: { items: [] },
    missingTranslations: { items: [] },
    annex: null,
    options: { annex: false, otherLanguageInBrackets: false },
    ...overrides,
  };
}
