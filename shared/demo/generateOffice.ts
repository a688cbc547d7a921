/**
 * A whole office as a data export: the appeals, applicants and histories of
 * `generateDataset`, plus what the office keeps around them — its settings, the agency
 * directory, the deputy inquiries behind the "waiting for an agency" steps (sent, answered,
 * late, some answers missing parts of the five-part structure), monthly receptions with
 * their visitor queues linked to the appeals registered there, the deputy's initiatives and
 * the quarterly plans. Used by `npm run demo-data`, by tests of the export and of the report.
 * Seeded: one seed always gives the same export.
 */
import { addWorkingDays, createKzCalendar, isWorkingDay } from '../calendar';
import { formatDay, parseDay } from '../calendar/dates';
import { toKzLocalDate } from '../calendar/zone';
import {
  DEFAULT_CHECKLIST_TEMPLATES,
  checklistTemplateSchema,
  inquirySchema,
  DEFAULT_TOPICS,
  counterId,
  defaultSettingsData,
  SETTINGS_ID,
  type Agency,
  type Appeal,
  type AppEvent,
  type Applicant,
  type ChecklistTemplate,
  type Counter,
  type Initiative,
  type InitiativeStatus,
  type InitiativeTarget,
  type Inquiry,
  type PlanItem,
  type PlanStatus,
  type QueueEntry,
  type Reception,
  type ResponseCheck,
  type Settings,
} from '../domain';
import {
  bytesToBase64,
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  emptyTables,
  type ExportFile,
} from '../export';
import type { Lang } from '../i18n/lang';
import { inquiryAnswerBy } from '../workflow/deadlines';
import { formatInquiryNo } from '../workflow/inquiries';
import { eventRecord, generateDataset, type DatasetOptions } from './generate';
import { AGENCIES, districtAkimat, type Agency as AgencyName } from './phrases';
import { CITY_DISTRICTS, demoPlaceGlossary } from './places';
import { createRng, type Rng } from './rng';

export interface OfficeOptions extends DatasetOptions {
  /** Marks the export as demo data (the app shows a banner and can remove it). Default true. */
  demo?: boolean;
}

const DEFAULT_TODAY = '2026-11-20';

/** The one office the demo data belongs to: an Astana city maslikhat deputy. */
function officeSettings(base: { users: Settings['users']; now: string; userId: string }): Settings {
  return {
    ...defaultSettingsData(),
    id: SETTINGS_ID,
    createdAt: base.now,
    updatedAt: base.now,
    createdBy: base.userId,
    updatedBy: base.userId,
    version: 1,
    deletedAt: null,
    deputy: {
      fullName: { kk: 'Ерлан Серікұлы Қасымов', ru: 'Касымов Ерлан Серикович' },
      position: {
        kk: 'Астана қалалық мәслихатының депутаты',
        ru: 'Депутат маслихата города Астаны',
      },
    },
    maslikhat: {
      level: 'republican_city',
      name: { kk: 'Астана қалалық мәслихаты', ru: 'Маслихат города Астаны' },
    },
    okrugNumber: 14,
    okrugDescription: {
      kk: 'Сарыарқа және Алматы аудандарының бір бөлігі',
      ru: 'Часть районов Сарыарка и Алматы',
    },
    receptionAddress: {
      kk: 'Астана қ., Сарыарқа ауданы, Бөгенбай батыр даңғылы, 42, 3-қабат',
      ru: 'г. Астана, район Сарыарка, проспект Богенбай батыра, 42, 3 этаж',
    },
    contacts: {
      phone: '+77172554014',
      email: 'okrug14@maslihat-astana.kz',
      telegram: '@deputat_okrug14',
      website: '',
      other: '',
    },
    users: base.users,
    topics: DEFAULT_TOPICS.map((t) => ({ ...t })),
    report: { ...defaultSettingsData().report, placeNames: demoPlaceGlossary() },
  };
}

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  version: number;
  deletedAt: null;
}

/** A local day-time in Kazakhstan (UTC+5) as ISO UTC. */
function isoOf(localDateTime: string): string {
  return new Date(`${localDateTime}:00+05:00`).toISOString();
}

function quarterOf(day: string): { year: number; quarter: number } {
  return {
    year: Number(day.slice(0, 4)),
    quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1,
  };
}

function quarterStart(year: number, quarter: number): string {
  return `${String(year)}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** A quarter's place in time: one more for each quarter, so quarters compare as numbers. */
function quarterIndex(q: { year: number; quarter: number }): number {
  return q.year * 4 + q.quarter;
}

/** Each quarter from the one `from` falls in through the one numbered `lastIndex`, in order. */
function* quartersFrom(from: string, lastIndex: number) {
  let { year, quarter } = quarterOf(from);
  while (quarterIndex({ year, quarter }) <= lastIndex) {
    yield { year, quarter };
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
}

const INQUIRY_SUMMARIES: Readonly<Record<Lang, readonly string[]>> = {
  kk: [
    'Жұмыстар ағымдағы жылдың жоспарына енгізілгені хабарланды.',
    'Мердігер ұйымға тиісті нұсқау берілгені, жұмыс мерзімі көрсетілген.',
    'Мәселе тексеріліп, бұзушылықтар жойылғаны хабарланды.',
    'Қаржыландыру келесі жылдың бюджетіне ұсынылғаны көрсетілген.',
  ],
  ru: [
    'Сообщается, что работы включены в план текущего года.',
    'Подрядной организации дано поручение, указаны сроки работ.',
    'Вопрос проверен, сообщается об устранении нарушений.',
    'Указано, что финансирование предложено в бюджет следующего года.',
  ],
};

const INITIATIVES: readonly {
  title: string;
  titleRu: string;
  target: InitiativeTarget;
  topic: string;
  summary: string;
  summaryRu: string;
}[] = [
  {
    title: 'Ескі аулалардағы балалар алаңдарын жаңарту бағдарламасы туралы ұсыныс',
    titleRu: 'Предложение о программе обновления детских площадок в старых дворах',
    target: 'akimat',
    topic: 'improvement',
    summary: 'Округтегі 12 ауладағы балалар алаңдарын жаңарту әкімдіктің жоспарына ұсынылды.',
    summaryRu: 'В план акимата предложено обновить детские площадки в 12 дворах округа.',
  },
  {
    title: 'Жылу желілерін күрделі жөндеуге қаржы бөлу туралы бюджеттік ұсыныс',
    titleRu: 'Бюджетное предложение о финансировании капитального ремонта тепловых сетей',
    target: 'budget',
    topic: 'heating_gas',
    summary: 'Жылу желілерінің тозған учаскелерін жөндеуге қаржы бөлу ұсынылды.',
    summaryRu: 'Предложено выделить средства на ремонт изношенных участков тепловых сетей.',
  },
  {
    title: 'Қоғамдық көліктің түнгі бағыттарын ұзарту туралы сауал',
    titleRu: 'Запрос о продлении ночных маршрутов общественного транспорта',
    target: 'session',
    topic: 'roads_transport',
    summary: 'Кешкі уақытта автобус қатынасын ұзарту мәселесі сессияда көтерілді.',
    summaryRu: 'На сессии поднят вопрос о продлении автобусного сообщения в вечернее время.',
  },
  {
    title: 'Көп балалы отбасыларға арналған жалдамалы тұрғын үй кезегінің ашықтығы туралы',
    titleRu: 'Об открытости очереди на арендное жильё для многодетных семей',
    target: 'session',
    topic: 'social_support',
    summary: 'Тұрғын үй кезегінің жаңартылған тізімін ашық жариялау ұсынылды.',
    summaryRu: 'Предложено открыто публиковать обновлённый список очереди на жильё.',
  },
  {
    title: 'Аула ішіндегі жолдарды орташа жөндеу тізіміне енгізу туралы ұсыныс',
    titleRu: 'Предложение о включении внутридворовых дорог в список среднего ремонта',
    target: 'akimat',
    topic: 'roads_transport',
    summary: 'Округтегі 9 аула ішілік жолды жөндеу тізіміне енгізу ұсынылды.',
    summaryRu: 'Предложено включить в список ремонта 9 внутридворовых дорог округа.',
  },
  {
    title: 'Қатты тұрмыстық қалдықтарды бөлек жинау алаңдарын көбейту туралы',
    titleRu: 'Об увеличении числа площадок для раздельного сбора твёрдых бытовых отходов',
    target: 'akimat',
    topic: 'ecology_waste',
    summary: 'Бөлек жинауға арналған контейнер алаңдарын көбейту ұсынылды.',
    summaryRu: 'Предложено увеличить число контейнерных площадок для раздельного сбора.',
  },
  {
    title: 'Мектеп маңындағы жаяу жүргінші өткелдерін жарықтандыру туралы',
    titleRu: 'Об освещении пешеходных переходов возле школ',
    target: 'akimat',
    topic: 'public_safety',
    summary: 'Үш мектеп маңындағы өткелдерді жарықтандыру ұсынылды.',
    summaryRu: 'Предложено осветить переходы возле трёх школ.',
  },
  {
    title: 'Емханадағы кезекті электрондық жазылу арқылы қысқарту туралы ұсыныс',
    titleRu: 'Предложение о сокращении очередей в поликлинике через электронную запись',
    target: 'other',
    topic: 'health',
    summary: 'Емханада алдын ала электрондық жазылуды кеңейту ұсынылды.',
    summaryRu: 'Предложено расширить предварительную электронную запись в поликлинике.',
  },
];

const PLAN_ITEMS: readonly {
  title: string;
  titleRu: string;
  actions: string;
  actionsRu: string;
  topic: string;
}[] = [
  {
    title: 'Жылыту маусымына дайындықты бақылау',
    titleRu: 'Контроль подготовки к отопительному сезону',
    actions: 'Жылу желілері мен үй ішілік жүйелердің дайындығын тексеру, тұрғындармен кездесу.',
    actionsRu: 'Проверка готовности тепловых сетей и внутридомовых систем, встречи с жителями.',
    topic: 'heating_gas',
  },
  {
    title: 'Аулаларды абаттандыру',
    titleRu: 'Благоустройство дворов',
    actions: 'Абаттандыру жұмыстарының сапасын қабылдауға қатысу, тұрғындардың ұсыныстарын жинау.',
    actionsRu: 'Участие в приёмке работ по благоустройству, сбор предложений жителей.',
    topic: 'improvement',
  },
  {
    title: 'Жол жөндеу жұмыстарын бақылау',
    titleRu: 'Контроль ремонта дорог',
    actions: 'Мердігерлердің жұмыс мерзімін бақылау, әкімдікке депутаттық сауалдар.',
    actionsRu: 'Контроль сроков работ подрядчиков, депутатские запросы в акимат.',
    topic: 'roads_transport',
  },
  {
    title: 'Азаматтарды көшпелі қабылдау',
    titleRu: 'Выездные приёмы граждан',
    actions: 'Әр шағын ауданда айына бір рет көшпелі қабылдау өткізу.',
    actionsRu: 'Выездной приём раз в месяц в каждом микрорайоне.',
    topic: 'other',
  },
  {
    title: 'Әлеуметтік осал топтарды қолдау',
    titleRu: 'Поддержка социально уязвимых групп',
    actions: 'Көп балалы отбасылар мен зейнеткерлердің өтініштерін басым тәртіпте қарау.',
    actionsRu: 'Первоочередное рассмотрение обращений многодетных семей и пенсионеров.',
    topic: 'social_support',
  },
];

/** What became of an initiative, in both languages (the report prints one). */
const INITIATIVE_RESULTS: Partial<Record<InitiativeStatus, { kk: string; ru: string }>> = {
  adopted: {
    kk: 'Ұсыныс қабылданып, жұмыс жоспарына енгізілді.',
    ru: 'Предложение принято и включено в план работы.',
  },
  partially_adopted: {
    kk: 'Ұсыныс ішінара қабылданды, қалған бөлігі келесі жылға қалдырылды.',
    ru: 'Предложение принято частично, остальное перенесено на следующий год.',
  },
  rejected: {
    kk: 'Қаржы жоқ деген себеппен қабылданбады; мәселе қайта көтеріледі.',
    ru: 'Не принято из-за отсутствия средств; вопрос будет поднят снова.',
  },
};

class OfficeBuilder {
  private readonly rng: Rng;
  private readonly cal = createKzCalendar();
  private readonly today: string;
  private readonly deputy: string;
  private readonly assistant: string;

  constructor(seed: number, today: string, users: readonly { id: string; role: string }[]) {
    // A stream of its own, so the appeals stay exactly what generateDataset gives.
    this.rng = createRng(seed * 7919 + 17);
    this.today = today;
    this.deputy = users[0]!.id;
    this.assistant = (users[1] ?? users[0]!).id;
  }

  base(localDateTime: string, userId = this.assistant): Stamped {
    const iso = isoOf(localDateTime);
    return {
      id: this.rng.uuidv7(Date.parse(iso) + this.rng.int(0, 59_999)),
      createdAt: iso,
      updatedAt: iso,
      createdBy: userId,
      updatedBy: userId,
      version: 1,
      deletedAt: null,
    };
  }

  agencies(from: string): { records: Agency[]; byName: Map<AgencyName, Agency> } {
    const names: AgencyName[] = [
      ...Object.values(AGENCIES),
      ...Object.values(CITY_DISTRICTS).map((d) => districtAkimat(d)),
    ];
    const byName = new Map<AgencyName, Agency>();
    const records = names.map((name) => {
      const record: Agency = {
        ...this.base(`${from}T09:30`),
        name: { kk: name.kk, ru: name.ru },
        shortName: { kk: '', ru: '' },
        kind: /әкім/.test(name.kk)
          ? 'akimat'
          : /басқарма/.test(name.kk)
            ? 'akimat_department'
            : 'utility',
        parentId: null,
        headName: '',
        headPosition: { kk: '', ru: '' },
        address: '',
        phone: '',
        email: null,
        website: '',
        notes: '',
        retired: false,
      };
      byName.set(name, record);
      return record;
    });
    return { records, byName };
  }

  inquiries(
    appeals: readonly Appeal[],
    events: AppEvent[],
    agencies: Map<AgencyName, Agency>,
  ): { inquiries: Inquiry[]; counters: Map<number, number> } {
    const rng = this.rng;
    const counters = new Map<number, number>();
    const inquiries: Inquiry[] = [];
    const byAppeal = new Map<string, AppEvent[]>();
    for (const event of events) {
      if (event.type !== 'statusChanged') continue;
      const list = byAppeal.get(event.appealId);
      if (list) list.push(event);
      else byAppeal.set(event.appealId, [event]);
    }
    const added: AppEvent[] = [];
    for (const appeal of appeals) {
      const changes = byAppeal.get(appeal.id);
      if (!changes) continue;
      changes.sort((a, b) => a.at.localeCompare(b.at));
      for (let i = 0; i < changes.length; i++) {
        const sent = changes[i]!;
        if (sent.type !== 'statusChanged' || sent.data.action !== 'awaitAgency') continue;
        const answered = changes
          .slice(i + 1)
          .find((e) => e.type === 'statusChanged' && e.data.action === 'agencyAnswered');
        let agency: Agency | undefined;
        let lang: Lang = 'kk';
        for (const [name, record] of agencies) {
          if (sent.note.includes(name.kkDat)) agency = record;
          else if (sent.note.includes(name.ruTo)) {
            agency = record;
            lang = 'ru';
          }
          if (agency) break;
        }
        const outgoingDate = toKzLocalDate(new Date(sent.at));
        const year = Number(outgoingDate.slice(0, 4));
        const seq = (counters.get(year) ?? 0) + 1;
        counters.set(year, seq);
        const dueDate = inquiryAnswerBy(this.cal, outgoingDate);
        const receivedOn = answered ? toKzLocalDate(new Date(answered.at)) : null;
        // Some answers miss parts of the five-part structure (seed handout): the office flags them.
        const check: ResponseCheck = {
          reference: true,
          receipt: true,
          answer: true,
          furtherActions: true,
          conclusion: true,
        };
        if (rng.chance(0.18)) {
          check[rng.pick(['answer', 'furtherActions', 'conclusion', 'reference'] as const)] = false;
          if (rng.chance(0.3)) check.furtherActions = false;
        }
        const addressee = agency ? agency.name[lang] : lang === 'kk' ? 'Әкімдік' : 'Акимат';
        const id = rng.uuidv7(Date.parse(sent.at) + 1);
        // The agency's letter is dated between our letter and its arrival here.
        const theirDate =
          receivedOn === null
            ? null
            : formatDay(Math.max(parseDay(outgoingDate), parseDay(receivedOn) - rng.int(1, 3)));
        inquiries.push(
          inquirySchema.parse({
            id,
            createdAt: sent.at,
            updatedAt: answered?.at ?? sent.at,
            createdBy: sent.userId,
            updatedBy: answered?.userId ?? sent.userId,
            version: answered ? 3 : 2,
            deletedAt: null,
            // As the app numbers them (shared/workflow/inquiries.ts): the counter is
            // recomputed from these numbers on import.
            outgoingNo: formatInquiryNo(year, seq),
            outgoingDate,
            agencyId: agency?.id ?? null,
            addressee,
            appealIds: [appeal.id],
            subject:
              lang === 'kk'
                ? `Депутаттық сауал: ${appeal.subject}`.slice(0, 300)
                : `Депутатский запрос: ${appeal.subject}`.slice(0, 300),
            body:
              lang === 'kk'
                ? `${appeal.regNo} өтініш бойынша мәселені қарап, шара қолдануды және нәтижесі туралы хабарлауды сұраймын.`
                : `Прошу рассмотреть вопрос по обращению ${appeal.regNo}, принять меры и сообщить о результатах.`,
            templateId: null,
            language: lang,
            dueDate,
            status: receivedOn ? 'answered' : dueDate < this.today ? 'overdue' : 'sent',
            response:
              receivedOn === null
                ? null
                : {
                    receivedOn,
                    theirNo: `${String(rng.int(1, 9))}-${String(rng.int(10, 99))}/${String(rng.int(100, 9999))}`,
                    theirDate,
                    summary: rng.pick(INQUIRY_SUMMARIES[lang]),
                    attachmentIds: [],
                    check,
                  },
            repeatOfId: null,
            assignee: appeal.assignee,
            notes: '',
          }),
        );
        // The appeal's history records the letter going out and its answer coming in.
        const letterEvent = (
          type: 'inquirySent' | 'responseReceived',
          step: { at: string; userId: string },
        ) =>
          eventRecord(
            {
              appealId: appeal.id,
              type,
              data: { inquiryId: id },
              now: step.at,
              userId: step.userId,
            },
            rng.uuidv7(Date.parse(step.at) + 2),
          );
        added.push(letterEvent('inquirySent', sent));
        if (answered) added.push(letterEvent('responseReceived', answered));
      }
    }
    events.push(...added);
    return { inquiries, counters };
  }

  receptions(
    appeals: Appeal[],
    applicants: ReadonlyMap<string, Applicant>,
    settings: Settings,
    checklist: ChecklistTemplate | undefined,
  ): Reception[] {
    const rng = this.rng;
    const byDay = new Map<string, Appeal[]>();
    for (const appeal of appeals) {
      if (appeal.channel !== 'reception') continue;
      const day = appeal.receivedAt.slice(0, 10);
      const list = byDay.get(day);
      if (list) list.push(appeal);
      else byDay.set(day, [appeal]);
    }
    const place = { kk: settings.receptionAddress.kk, ru: settings.receptionAddress.ru };
    const access = { kk: 'Бірінші қабат, пандус бар', ru: 'Первый этаж, есть пандус' };
    const prepared = (done: boolean) =>
      (checklist?.steps ?? []).map((step) => ({ stepId: step.id, done, note: '' }));
    const receptions: Reception[] = [];
    for (const day of [...byDay.keys()].sort()) {
      const visitors = byDay.get(day)!.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
      const first = visitors[0]!.receivedAt.slice(11, 13);
      const startTime = Number(first) >= 15 ? '15:00' : '10:00';
      const endTime = startTime === '15:00' ? '18:00' : '13:00';
      const id = rng.uuidv7(Date.parse(isoOf(`${day}T${startTime}`)) - 3_600_000);
      const queue: QueueEntry[] = visitors.map((appeal, i) => {
        const person = appeal.applicantId ? applicants.get(appeal.applicantId) : undefined;
        appeal.receptionId = id;
        const arrived =
          parseDay(day) * 1440 +
          Number(appeal.receivedAt.slice(11, 13)) * 60 +
          Number(appeal.receivedAt.slice(14, 16)) -
          rng.int(3, 25);
        const arrivedAt = `${formatDay(Math.floor(arrived / 1440))}T${String(Math.floor((arrived % 1440) / 60)).padStart(2, '0')}:${String(arrived % 60).padStart(2, '0')}`;
        return {
          id: rng.uuidv7(Date.parse(isoOf(arrivedAt))),
          number: i + 1,
          arrivedAt,
          name: person?.fullName ?? '',
          phone: person?.phones[0] ?? null,
          vulnerable: (person?.vulnerableCategories.length ?? 0) > 0,
          vulnerableCategories: person?.vulnerableCategories ?? [],
          status: 'done',
          applicantId: appeal.applicantId,
          appealId: appeal.id,
          note: '',
        };
      });
      const announced = formatDay(parseDay(day) - rng.int(5, 10));
      receptions.push({
        ...this.base(`${announced}T10:00`),
        id,
        date: day,
        startTime,
        endTime,
        place,
        format: 'in_person',
        announcedOn: announced,
        announcedWhere: rng.pick([
          'Instagram, аула чаттары',
          'Мәслихат сайты, Telegram-арна',
          'Подъездердегі хабарландырулар, WhatsApp-топтар',
        ]),
        accessibilityNotes: access,
        status: day <= this.today ? 'held' : 'planned',
        cancelReason: null,
        checklistTemplateId: checklist?.id ?? null,
        checklist: prepared(true),
        queue,
        notes: '',
      });
    }
    // The next month's receptions are already planned and announced.
    let day = formatDay(parseDay(this.today) + 10);
    for (let n = 0; n < 2; n++) {
      while (!isWorkingDay(this.cal, day)) day = formatDay(parseDay(day) + 1);
      receptions.push({
        ...this.base(`${this.today}T11:00`),
        date: day,
        startTime: n === 0 ? '15:00' : '10:00',
        endTime: n === 0 ? '18:00' : '13:00',
        place,
        format: 'in_person',
        announcedOn: null,
        announcedWhere: '',
        accessibilityNotes: access,
        status: 'planned',
        cancelReason: null,
        checklistTemplateId: checklist?.id ?? null,
        checklist: prepared(false),
        queue: [],
        notes: '',
      });
      day = addWorkingDays(this.cal, day, 10);
    }
    return receptions;
  }

  initiatives(from: string, appeals: readonly Appeal[]): Initiative[] {
    const rng = this.rng;
    const out: Initiative[] = [];
    const last = quarterOf(this.today);
    let k = 0;
    for (const { year, quarter } of quartersFrom(from, quarterIndex(last))) {
      const start = quarterStart(year, quarter);
      const current = year === last.year && quarter === last.quarter;
      for (let n = rng.int(2, 3); n > 0; n--) {
        const idea = INITIATIVES[k++ % INITIATIVES.length]!;
        let submittedOn = formatDay(parseDay(start) + rng.int(5, 80));
        if (submittedOn > this.today)
          submittedOn = formatDay(parseDay(this.today) - rng.int(1, 10));
        const status: InitiativeStatus = current
          ? rng.pick(['submitted', 'under_consideration'] as const)
          : rng.weighted<InitiativeStatus>([
              ['adopted', 5],
              ['partially_adopted', 3],
              ['under_consideration', 1],
              ['rejected', 1],
            ]);
        const related = appeals
          .filter(
            (a) =>
              a.topic === idea.topic && a.registeredOn < submittedOn && a.registeredOn >= start,
          )
          .slice(0, 5)
          .map((a) => a.id);
        out.push({
          ...this.base(`${submittedOn}T16:00`, this.deputy),
          title: { kk: idea.title, ru: idea.titleRu },
          description: '',
          target: idea.target,
          submittedOn,
          status,
          result: INITIATIVE_RESULTS[status] ?? { kk: '', ru: '' },
          topic: idea.topic,
          relatedAppealIds: related,
          publicSummary: { kk: idea.summary, ru: idea.summaryRu },
          inReport: true,
        });
      }
    }
    return out;
  }

  planItems(from: string): PlanItem[] {
    const rng = this.rng;
    const out: PlanItem[] = [];
    const currentIndex = quarterIndex(quarterOf(this.today));
    // Through the quarter after today's: that is the plan the current report publishes.
    for (const { year, quarter } of quartersFrom(from, currentIndex + 1)) {
      const index = quarterIndex({ year, quarter });
      const items = rng.shuffle([...PLAN_ITEMS]).slice(0, rng.int(3, 4));
      const written = formatDay(parseDay(quarterStart(year, quarter)) - rng.int(3, 12));
      items.forEach((item, order) => {
        const status: PlanStatus =
          index < currentIndex
            ? rng.weighted<PlanStatus>([
                ['done', 8],
                ['dropped', 1],
              ])
            : index === currentIndex
              ? 'in_progress'
              : 'planned';
        out.push({
          ...this.base(`${written < this.today ? written : this.today}T17:00`, this.deputy),
          year,
          quarter,
          title: { kk: item.title, ru: item.titleRu },
          actions: { kk: item.actions, ru: item.actionsRu },
          topic: item.topic,
          status,
          order,
          inReport: true,
        });
      });
    }
    return out;
  }
}

/** A PDF attached to an appeal, as an export file carries it: the bytes in base64. */
export function exportedPdf(
  appealId: string,
  fileName: string,
  content: string,
): ExportFile['tables']['attachments'][number] {
  const bytes = new TextEncoder().encode(content);
  return {
    id: '019aa0d6-1c00-7000-8000-000000000001',
    createdAt: '2026-11-20T05:00:00.000Z',
    updatedAt: '2026-11-20T05:00:00.000Z',
    createdBy: 'aigerim',
    updatedBy: 'aigerim',
    version: 1,
    deletedAt: null,
    appealId,
    inquiryId: null,
    fileName,
    mimeType: 'application/pdf',
    size: bytes.byteLength,
    file: { encoding: 'base64', data: bytesToBase64(bytes) },
  };
}

/** A realistic office as an export file (valid against `exportFileSchema`). */
export function generateOffice(options: OfficeOptions): ExportFile {
  const seed = options.seed ?? 1;
  const today = options.today ?? DEFAULT_TODAY;
  const from = options.from ?? '2025-01-01';
  const data = generateDataset({ ...options, seed, today, from });
  const builder = new OfficeBuilder(seed, today, data.users);
  const setupAt = `${formatDay(parseDay(from) - 5)}T09:00`;
  const settings = officeSettings({
    users: data.users,
    now: isoOf(setupAt),
    userId: data.users[0]!.id,
  });

  const checklistTemplates: ChecklistTemplate[] = DEFAULT_CHECKLIST_TEMPLATES.map((t) =>
    checklistTemplateSchema.parse({ ...builder.base(setupAt, data.users[0]!.id), ...t }),
  );
  const agencies = builder.agencies(formatDay(parseDay(from) - 3));
  const events = [...data.events];
  const { inquiries, counters: inquiryCounters } = builder.inquiries(
    data.appeals,
    events,
    agencies.byName,
  );
  const applicants = new Map(data.applicants.map((a) => [a.id, a]));
  // Pushed onto the copies the export carries; generateDataset's own arrays stay as they were.
  const appeals = data.appeals.map((a) => ({ ...a }));
  const receptions = builder.receptions(
    appeals,
    applicants,
    settings,
    checklistTemplates.find((t) => t.key === 'reception_preparation'),
  );
  const counters: Counter[] = [
    ...data.counters,
    ...[...inquiryCounters].map(([year, value]) => ({ id: counterId('inquiry', year), value })),
  ];
  const tables = emptyTables();
  Object.assign(tables, {
    applicants: data.applicants,
    appeals,
    events,
    counters,
  });
  // The office's smaller tables go through their schemas, so fields other features add
  // later (with defaults) are filled in as the app would store them.
  const small = {
    settings: [settings],
    agencies: agencies.records,
    inquiries,
    receptions,
    checklistTemplates,
    initiatives: builder.initiatives(from, appeals),
    planItems: builder.planItems(from),
  };
  for (const [name, records] of Object.entries(small)) {
    const schema = EXPORT_TABLES[name as keyof typeof small];
    Object.assign(tables, { [name]: records.map((r: unknown) => schema.parse(r)) });
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: isoOf(`${today}T18:30`),
    appVersion: 'demo-data',
    demo: options.demo ?? true,
    tables,
  };
}
