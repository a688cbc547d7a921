import type { Lang } from '../i18n/lang';
import type {
  AgencyKind,
  AppealChannel,
  AppealKind,
  AppealStatus,
  ChecklistPurpose,
  ConsentForm,
  ContactChannel,
  EventType,
  InformChannel,
  InitiativeStatus,
  InitiativeTarget,
  InquiryStatus,
  MaslikhatLevel,
  NotResolvedReason,
  Outcome,
  PlanStatus,
  ProposedAction,
  QueueStatus,
  ReceptionFormat,
  ReceptionStatus,
  ReportPlaceLevel,
  ResponsePart,
  TemplateKind,
  UserRole,
  VulnerableCategory,
  WorkflowActionType,
} from './enums';

export interface Label {
  readonly kk: string;
  readonly ru: string;
}

type Labels<T extends string> = Readonly<Record<T, Label>>;

const channel: Labels<AppealChannel> = {
  reception: { kk: 'Жеке қабылдау', ru: 'Личный приём' },
  letter: { kk: 'Хат', ru: 'Письмо' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта' },
  phone: { kk: 'Телефон', ru: 'Телефон' },
  telegram: { kk: 'Telegram', ru: 'Telegram' },
  whatsapp: { kk: 'WhatsApp', ru: 'WhatsApp' },
  instagram: { kk: 'Instagram', ru: 'Instagram' },
  website: { kk: 'Сайт', ru: 'Сайт' },
  eotinish: { kk: 'e-Otinish порталы', ru: 'Портал e-Otinish' },
  hearing: { kk: 'Қоғамдық тыңдау немесе кездесу', ru: 'Публичные слушания или встреча' },
  other: { kk: 'Басқа', ru: 'Другое' },
};

/** The terms of the Administrative Procedural Code in each language. */
const kind: Labels<AppealKind> = {
  application: { kk: 'Арыз', ru: 'Заявление' },
  complaint: { kk: 'Шағым', ru: 'Жалоба' },
  proposal: { kk: 'Ұсыныс', ru: 'Предложение' },
  information_request: { kk: 'Ақпарат сұрау', ru: 'Запрос информации' },
  feedback: { kk: 'Пікір (ден қою)', ru: 'Отклик' },
  report: { kk: 'Хабарлама', ru: 'Сообщение' },
};

const status: Labels<AppealStatus> = {
  registered: { kk: 'Тіркелді', ru: 'Зарегистрировано' },
  in_progress: { kk: 'Жұмыста', ru: 'В работе' },
  waiting_agency: { kk: 'Органның жауабын күтуде', ru: 'Ожидает ответа органа' },
  decided: { kk: 'Шешім қабылданды', ru: 'Решение принято' },
  closed: { kk: 'Жабылды', ru: 'Закрыто' },
};

const outcome: Labels<Outcome> = {
  resolved: { kk: 'Шешілді', ru: 'Решено' },
  partially_resolved: { kk: 'Ішінара шешілді', ru: 'Решено частично' },
  explained: { kk: 'Түсіндірме берілді', ru: 'Дано разъяснение' },
  forwarded: { kk: 'Құзыретті органға жолданды', ru: 'Направлено в компетентный орган' },
  not_resolved: { kk: 'Шешілмеді', ru: 'Не решено' },
  withdrawn: { kk: 'Өтініш беруші кері қайтарып алды', ru: 'Отозвано заявителем' },
  not_considered: { kk: 'Қараусыз қалдырылды', ru: 'Оставлено без рассмотрения' },
};

const notResolvedReason: Labels<NotResolvedReason> = {
  needs_budget: { kk: 'Бюджет қаражаты қажет', ru: 'Требуется бюджетное финансирование' },
  outside_competence: { kk: 'Депутаттың құзыретінен тыс', ru: 'Вне компетенции депутата' },
  agency_refused: { kk: 'Орган бас тартты', ru: 'Орган отказал' },
  other: { kk: 'Басқа себеп', ru: 'Иная причина' },
};

const proposedAction: Labels<ProposedAction> = {
  inquiry: { kk: 'Депутаттық сауал', ru: 'Депутатский запрос' },
  meeting: { kk: 'Кездесу', ru: 'Встреча' },
  forwarding: { kk: 'Құзыретті органға жолдау', ru: 'Направление в компетентный орган' },
  consultation: { kk: 'Орнында кеңес беру', ru: 'Консультация на месте' },
};

const vulnerableCategory: Labels<VulnerableCategory> = {
  disability: { kk: 'Мүгедектігі бар адам', ru: 'Человек с инвалидностью' },
  large_family: { kk: 'Көпбалалы отбасы', ru: 'Многодетная семья' },
  pensioner: { kk: 'Зейнеткер', ru: 'Пенсионер' },
  veteran: { kk: 'Ардагер', ru: 'Ветеран' },
  low_income: { kk: 'Аз қамтылған отбасы', ru: 'Малообеспеченная семья' },
  other: { kk: 'Басқа әлеуметтік осал топ', ru: 'Другая уязвимая категория' },
};

const contactChannel: Labels<ContactChannel> = {
  in_person: { kk: 'Жеке кездесуде', ru: 'Лично' },
  phone: { kk: 'Телефон арқылы', ru: 'По телефону' },
  sms: { kk: 'SMS', ru: 'SMS' },
  letter: { kk: 'Хатпен', ru: 'Письмом' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта' },
  telegram: { kk: 'Telegram', ru: 'Telegram' },
  whatsapp: { kk: 'WhatsApp', ru: 'WhatsApp' },
  eotinish: { kk: 'e-Otinish порталы', ru: 'Портал e-Otinish' },
  other: { kk: 'Басқа', ru: 'Другое' },
};

const informChannel: Labels<InformChannel> = {
  ...contactChannel,
  publication: { kk: 'Жауап жарияланды', ru: 'Ответ опубликован' },
};

const eventType: Labels<EventType> = {
  created: { kk: 'Өтініш тіркелді', ru: 'Обращение зарегистрировано' },
  statusChanged: { kk: 'Мәртебесі өзгерді', ru: 'Изменён статус' },
  fieldChanged: { kk: 'Деректер өзгертілді', ru: 'Изменены данные' },
  noteAdded: { kk: 'Ескертпе қосылды', ru: 'Добавлена заметка' },
  inquirySent: { kk: 'Депутаттық сауал жіберілді', ru: 'Отправлен депутатский запрос' },
  responseReceived: { kk: 'Органнан жауап келді', ru: 'Получен ответ органа' },
  deadlineExtended: { kk: 'Қарау мерзімі ұзартылды', ru: 'Продлён срок рассмотрения' },
  applicantInformed: { kk: 'Өтініш берушіге хабарланды', ru: 'Заявитель уведомлён' },
  attachmentAdded: { kk: 'Файл қосылды', ru: 'Добавлен файл' },
  merged: { kk: 'Жазбалар біріктірілді', ru: 'Записи объединены' },
  applicantAnonymised: {
    kk: 'Өтініш берушінің дербес деректері иесіздендірілді',
    ru: 'Персональные данные заявителя обезличены',
  },
  deleted: { kk: 'Жойылды', ru: 'Удалено' },
  journalImported: { kk: 'Кеңсе журналынан көшірілді', ru: 'Перенесено из журнала офиса' },
};

/** Buttons of the status workflow. */
const workflowAction: Labels<WorkflowActionType> = {
  start: { kk: 'Жұмысқа алу', ru: 'Взять в работу' },
  awaitAgency: { kk: 'Органның жауабын күту', ru: 'Ждать ответа органа' },
  agencyAnswered: { kk: 'Органнан жауап келді', ru: 'Орган ответил' },
  decide: { kk: 'Шешім қабылдау', ru: 'Принять решение' },
  informApplicant: { kk: 'Өтініш берушіге хабарлау', ru: 'Сообщить заявителю' },
  close: { kk: 'Жабу', ru: 'Закрыть' },
  reopen: { kk: 'Қайта ашу', ru: 'Открыть повторно' },
};

const inquiryStatus: Labels<InquiryStatus> = {
  draft: { kk: 'Жоба', ru: 'Черновик' },
  sent: { kk: 'Жіберілді', ru: 'Отправлен' },
  answered: { kk: 'Жауап алынды', ru: 'Получен ответ' },
  overdue: { kk: 'Жауап мерзімі өтті', ru: 'Срок ответа истёк' },
  closed: { kk: 'Жабылды', ru: 'Закрыт' },
};

const responsePart: Labels<ResponsePart> = {
  reference: {
    kk: 'Сауалдың нөмірі мен күніне сілтеме',
    ru: 'Ссылка на номер и дату запроса',
  },
  receipt: {
    kk: 'Сауалдың алынғаны және қаралғаны туралы растау',
    ru: 'Подтверждение получения и рассмотрения',
  },
  answer: { kk: 'Нақты жауап', ru: 'Конкретный ответ' },
  furtherActions: {
    kk: 'Алдағы әрекеттер туралы түсіндірме',
    ru: 'Разъяснение дальнейших действий',
  },
  conclusion: { kk: 'Қорытынды және байланыс тұлғасы', ru: 'Заключение и контактное лицо' },
};

const agencyKind: Labels<AgencyKind> = {
  akimat: { kk: 'Әкімдік', ru: 'Акимат' },
  akimat_department: {
    kk: 'Әкімдіктің бөлімі немесе басқармасы',
    ru: 'Отдел или управление акимата',
  },
  utility: { kk: 'Коммуналдық қызмет', ru: 'Коммунальная служба' },
  police: { kk: 'Полиция', ru: 'Полиция' },
  prosecutor: { kk: 'Прокуратура', ru: 'Прокуратура' },
  healthcare: { kk: 'Денсаулық сақтау ұйымы', ru: 'Организация здравоохранения' },
  education: { kk: 'Білім беру ұйымы', ru: 'Организация образования' },
  social: { kk: 'Әлеуметтік қорғау органы', ru: 'Орган социальной защиты' },
  other: { kk: 'Басқа ұйым', ru: 'Другая организация' },
};

const receptionFormat: Labels<ReceptionFormat> = {
  in_person: { kk: 'Бетпе-бет', ru: 'Очно' },
  online: { kk: 'Онлайн', ru: 'Онлайн' },
  visiting: { kk: 'Көшпелі қабылдау', ru: 'Выездной приём' },
};

const receptionStatus: Labels<ReceptionStatus> = {
  planned: { kk: 'Жоспарланған', ru: 'Запланирован' },
  held: { kk: 'Өткізілді', ru: 'Проведён' },
  cancelled: { kk: 'Болдырылмады', ru: 'Отменён' },
};

const queueStatus: Labels<QueueStatus> = {
  waiting: { kk: 'Кезекте', ru: 'В очереди' },
  in_conversation: { kk: 'Қабылдауда', ru: 'На приёме' },
  done: { kk: 'Қабылданды', ru: 'Принят' },
  left: { kk: 'Кетіп қалды', ru: 'Ушёл' },
};

const checklistPurpose: Labels<ChecklistPurpose> = {
  reception_preparation: { kk: 'Қабылдауға дайындық', ru: 'Подготовка к приёму' },
  meeting: { kk: 'Азаматпен кездесу', ru: 'Встреча с гражданином' },
  public_hearing: { kk: 'Қоғамдық тыңдау', ru: 'Публичные слушания' },
  custom: { kk: 'Басқа', ru: 'Другое' },
};

const templateKind: Labels<TemplateKind> = {
  inquiry: { kk: 'Депутаттық сауал', ru: 'Депутатский запрос' },
  reply: { kk: 'Өтініш берушіге жауап', ru: 'Ответ заявителю' },
  forwarding: {
    kk: 'Құзыретті органға жолдау туралы хабарлама',
    ru: 'Уведомление о направлении в компетентный орган',
  },
  extension: {
    kk: 'Қарау мерзімін ұзарту туралы хабарлама',
    ru: 'Уведомление о продлении срока рассмотрения',
  },
  acknowledgement: {
    kk: 'Өтініштің қабылданғаны туралы хабарлама',
    ru: 'Подтверждение получения обращения',
  },
  announcement: { kk: 'Қабылдау туралы хабарландыру', ru: 'Объявление о приёме граждан' },
  custom: { kk: 'Өзге құжат', ru: 'Другой документ' },
};

const consentForm: Labels<ConsentForm> = {
  written: { kk: 'Жазбаша', ru: 'Письменное' },
  oral: { kk: 'Ауызша', ru: 'Устное' },
  electronic: { kk: 'Электрондық', ru: 'Электронное' },
  paper_journal: { kk: 'Қағаз журналдан', ru: 'Из бумажного журнала' },
};

const initiativeTarget: Labels<InitiativeTarget> = {
  session: { kk: 'Мәслихат сессиясы', ru: 'Сессия маслихата' },
  akimat: { kk: 'Әкімдік', ru: 'Акимат' },
  budget: { kk: 'Бюджет', ru: 'Бюджет' },
  other: { kk: 'Басқа', ru: 'Другое' },
};

const initiativeStatus: Labels<InitiativeStatus> = {
  draft: { kk: 'Әзірленуде', ru: 'Готовится' },
  submitted: { kk: 'Енгізілді', ru: 'Внесено' },
  under_consideration: { kk: 'Қаралуда', ru: 'На рассмотрении' },
  adopted: { kk: 'Қабылданды', ru: 'Принято' },
  partially_adopted: { kk: 'Ішінара қабылданды', ru: 'Принято частично' },
  rejected: { kk: 'Қабылданбады', ru: 'Отклонено' },
  withdrawn: { kk: 'Кері қайтарылды', ru: 'Отозвано' },
};

const planStatus: Labels<PlanStatus> = {
  planned: { kk: 'Жоспарланған', ru: 'Запланировано' },
  in_progress: { kk: 'Орындалуда', ru: 'Выполняется' },
  done: { kk: 'Орындалды', ru: 'Выполнено' },
  dropped: { kk: 'Алынып тасталды', ru: 'Исключено' },
};

const maslikhatLevel: Labels<MaslikhatLevel> = {
  oblast: { kk: 'Облыстық мәслихат', ru: 'Областной маслихат' },
  republican_city: {
    kk: 'Республикалық маңызы бар қаланың мәслихаты',
    ru: 'Маслихат города республиканского значения',
  },
  city: { kk: 'Қалалық мәслихат', ru: 'Городской маслихат' },
  district: { kk: 'Аудандық мәслихат', ru: 'Районный маслихат' },
};

const userRole: Labels<UserRole> = {
  deputy: { kk: 'Депутат', ru: 'Депутат' },
  assistant: { kk: 'Депутаттың көмекшісі', ru: 'Помощник депутата' },
  staff: { kk: 'Мәслихат аппаратының қызметкері', ru: 'Сотрудник аппарата маслихата' },
};

const reportPlaceLevel: Labels<ReportPlaceLevel> = {
  locality: { kk: 'Елді мекен', ru: 'Населённый пункт' },
  district: { kk: 'Аудан немесе шағын аудан', ru: 'Район или микрорайон' },
  street: { kk: 'Көше', ru: 'Улица' },
};

const language: Labels<Lang> = {
  kk: { kk: 'Қазақ тілі', ru: 'Казахский язык' },
  ru: { kk: 'Орыс тілі', ru: 'Русский язык' },
};

/** Kazakh and Russian names of every enum value: `enumLabels.channel.telegram.kk`. */
export const enumLabels = {
  channel,
  kind,
  status,
  outcome,
  notResolvedReason,
  proposedAction,
  vulnerableCategory,
  contactChannel,
  informChannel,
  eventType,
  workflowAction,
  inquiryStatus,
  responsePart,
  agencyKind,
  receptionFormat,
  receptionStatus,
  queueStatus,
  checklistPurpose,
  templateKind,
  consentForm,
  initiativeTarget,
  initiativeStatus,
  planStatus,
  maslikhatLevel,
  userRole,
  reportPlaceLevel,
  language,
} as const;

export type EnumLabelGroup = keyof typeof enumLabels;
export type EnumValue<G extends EnumLabelGroup> = keyof (typeof enumLabels)[G] & string;

/** The label of an enum value; an unknown value (from newer data) is shown as is. */
export function labelOf<G extends EnumLabelGroup>(group: G, value: string, lang: Lang): string {
  const labels: Readonly<Record<string, Label>> = enumLabels[group];
  return labels[value]?.[lang] ?? value;
}
