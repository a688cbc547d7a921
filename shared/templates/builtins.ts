import type { Template, TemplateKind, TemplateSection } from '../domain';
import type { BuiltInTemplateKey } from './types';

/*
 * The built-in letters. Legal references name the laws without article numbers where the
 * article could not be confirmed: the Law «On local public administration and
 * self-government in the RK» for the deputy's powers, and the Administrative Procedural
 * Code (ӘРПК / АППК) for terms. A wrong article number in an official letter is worse than
 * none. Kazakh dates use the inflected forms of `dates.ts` (|of «қарашадағы», |to
 * «қарашаға дейін», |on «қарашада»); Russian dates read the same in every form.
 */

type Pair = readonly [kk: string, ru: string];

function section(
  key: string,
  title: Pair,
  body: Pair,
  options: Partial<Pick<TemplateSection, 'optional' | 'layout'>> = {},
): TemplateSection {
  return {
    key,
    title: { kk: title[0], ru: title[1] },
    body: { kk: body[0], ru: body[1] },
    optional: options.optional ?? false,
    layout: options.layout ?? 'body',
  };
}

const LAW_KK =
  '«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасы Заңының';
const LAW_RU =
  'Закона Республики Казахстан «О местном государственном управлении и самоуправлении в Республике Казахстан»';
const CODE_KK = 'Қазақстан Республикасы Әкімшілік рәсімдік-процестік кодексінің';
const CODE_RU = 'Административного процедурно-процессуального кодекса Республики Казахстан';

const APPLICANT_ADDRESSEE = section(
  'addressee',
  ['Хат алушы', 'Адресат'],
  [
    '{{applicant.fullName}}\n{{applicant.address?}}',
    '{{applicant.fullName}}\n{{applicant.address?}}',
  ],
  { layout: 'addressee' },
);

const GREETING = section(
  'greeting',
  ['Құрметті сөз', 'Обращение'],
  ['Құрметті {{applicant.callName}}!', '{{applicant.dear}} {{applicant.callName}}!'],
  { layout: 'heading' },
);

const CONTACT_OFFICE = section(
  'contact',
  ['Байланыс', 'Контакты'],
  [
    'Байланыс телефоны: {{deputy.phone}}\nЭлектрондық пошта: {{deputy.email?}}',
    'Контактный телефон: {{deputy.phone}}\nЭлектронная почта: {{deputy.email?}}',
  ],
);

const INQUIRY_ADDRESSEE = section(
  'addressee',
  ['Хат алушы', 'Адресат'],
  ['{{inquiry.addressee}}', '{{inquiry.addressee}}'],
  { layout: 'addressee' },
);

const ASK_FIVE_PARTS: Pair = [
  'Жауапта осы сауалдың нөмірі мен күнін, оның алынғаны және қаралғаны туралы растауды, әр сұраққа нақты жауапты, алдағы әрекеттер мен олардың мерзімдерін, сондай-ақ жауапты орындаушының аты-жөні мен байланыс телефонын көрсетуіңізді сұраймын.',
  'Прошу указать в ответе номер и дату настоящего запроса, подтвердить его получение и рассмотрение, дать конкретный ответ на каждый вопрос, сообщить о дальнейших действиях и их сроках, а также указать фамилию и телефон ответственного исполнителя.',
];

const inquiry = [
  INQUIRY_ADDRESSEE,
  section(
    'heading',
    ['Тақырып', 'Заголовок'],
    ['ДЕПУТАТТЫҚ САУАЛ\n{{inquiry.subject}}', 'ДЕПУТАТСКИЙ ЗАПРОС\n{{inquiry.subject}}'],
    { layout: 'heading' },
  ),
  section(
    'basis',
    ['Өтініштерге сілтеме', 'Ссылка на обращения'],
    ['Негіздеме: {{appeals.list}}.', 'Основание: {{appeals.list}}.'],
    { optional: true },
  ),
  section('problem', ['Мәселе', 'Проблема'], ['{{extra.problem}}', '{{extra.problem}}']),
  section(
    'legalBasis',
    ['Құқықтық негіз', 'Правовое основание'],
    [
      `${LAW_KK} мәслихат депутатының өкілеттіктерін айқындайтын нормаларын басшылыққа ала отырып, осы мәселені қарап, мына сұрақтарға жауап беруіңізді сұраймын:`,
      `Руководствуясь нормами ${LAW_RU}, определяющими полномочия депутата маслихата, прошу рассмотреть данный вопрос и ответить на следующие вопросы:`,
    ],
  ),
  section(
    'questions',
    ['Сұрақтар', 'Вопросы'],
    ['{{extra.questions|numbered}}', '{{extra.questions|numbered}}'],
  ),
  section(
    'answerBy',
    ['Жауап беру мерзімі', 'Срок ответа'],
    [
      `Жауапты ${CODE_KK} талаптарына сәйкес {{inquiry.dueDate|to}} дейін жазбаша түрде беруіңізді сұраймын. ${ASK_FIVE_PARTS[0]}`,
      `Ответ прошу направить в письменной форме в срок до {{inquiry.dueDate}} с соблюдением требований ${CODE_RU}. ${ASK_FIVE_PARTS[1]}`,
    ],
  ),
  CONTACT_OFFICE,
];

const inquiryRepeat = [
  INQUIRY_ADDRESSEE,
  section(
    'heading',
    ['Тақырып', 'Заголовок'],
    [
      'ҚАЙТАЛАМА ДЕПУТАТТЫҚ САУАЛ\n{{inquiry.subject}}',
      'ПОВТОРНЫЙ ДЕПУТАТСКИЙ ЗАПРОС\n{{inquiry.subject}}',
    ],
    { layout: 'heading' },
  ),
  section(
    'reference',
    ['Алдыңғы сауалға сілтеме', 'Ссылка на предыдущий запрос'],
    [
      'Менің {{previous.date|of}} № {{previous.number}} депутаттық сауалыма толық жауап алынбағандықтан, осы мәселе бойынша қайталама сауал жолдаймын.',
      'В связи с тем, что на мой депутатский запрос от {{previous.date}} № {{previous.number}} не получен полный ответ, направляю повторный запрос по данному вопросу.',
    ],
  ),
  section(
    'gaps',
    ['Жауаптағы олқылықтар', 'Недостатки ответа'],
    [
      'Сіздің {{previous.answerDate|of}} жауап хатыңызда мына бөліктер жоқ:\n{{previous.missingParts|numbered}}',
      'В Вашем ответе от {{previous.answerDate}} отсутствуют следующие части:\n{{previous.missingParts|numbered}}',
    ],
    { optional: true },
  ),
  section('problem', ['Мәселе', 'Проблема'], ['{{extra.problem}}', '{{extra.problem}}'], {
    optional: true,
  }),
  section(
    'questions',
    ['Сұрақтар', 'Вопросы'],
    [
      `${LAW_KK} мәслихат депутатының өкілеттіктерін айқындайтын нормаларын басшылыққа ала отырып, мына сұрақтарға нақты жауап беруіңізді қайта сұраймын:\n{{extra.questions|numbered}}`,
      `Руководствуясь нормами ${LAW_RU}, определяющими полномочия депутата маслихата, повторно прошу дать конкретный ответ на следующие вопросы:\n{{extra.questions|numbered}}`,
    ],
  ),
  section(
    'answerBy',
    ['Жауап беру мерзімі', 'Срок ответа'],
    [
      `Жауапты {{inquiry.dueDate|to}} дейін жазбаша түрде беруіңізді сұраймын. ${ASK_FIVE_PARTS[0]}`,
      `Ответ прошу направить в письменной форме в срок до {{inquiry.dueDate}}. ${ASK_FIVE_PARTS[1]}`,
    ],
  ),
  CONTACT_OFFICE,
];

/** The reply to the applicant in the seed's five parts, after the addressee and greeting. */
const reply = [
  APPLICANT_ADDRESSEE,
  GREETING,
  section(
    'reference',
    ['1. Өтініштің нөмірі мен күніне сілтеме', '1. Ссылка на номер и дату обращения'],
    [
      'Сіздің {{appeal.registeredOn|of}} № {{appeal.regNo}} «{{appeal.subject}}» мәселесі бойынша өтінішіңізге мынаны хабарлаймын.',
      'На Ваше обращение от {{appeal.registeredOn}} № {{appeal.regNo}} по вопросу «{{appeal.subject}}» сообщаю следующее.',
    ],
  ),
  section(
    'receipt',
    ['2. Алынғаны және қаралғаны туралы растау', '2. Подтверждение получения и рассмотрения'],
    [
      `Өтінішіңіз тіркеліп, ${CODE_KK} талаптарына сәйкес қаралды.`,
      `Ваше обращение зарегистрировано и рассмотрено в соответствии с требованиями ${CODE_RU}.`,
    ],
  ),
  section(
    'answer',
    ['3. Нақты жауап', '3. Конкретный ответ'],
    ['{{extra.answer}}', '{{extra.answer}}'],
  ),
  section(
    'furtherActions',
    ['4. Алдағы әрекеттер', '4. Дальнейшие действия'],
    ['{{extra.furtherActions}}', '{{extra.furtherActions}}'],
    { optional: true },
  ),
  section(
    'conclusion',
    ['5. Қорытынды және байланыс тұлғасы', '5. Заключение и контактное лицо'],
    [
      'Осы жауаппен келіспеген жағдайда Сіз оған Қазақстан Республикасының заңнамасында белгіленген тәртіппен шағым жасай аласыз.\nБайланыс тұлғасы: {{extra.contactPerson}}, тел. {{deputy.phone}}.',
      'В случае несогласия с настоящим ответом Вы вправе обжаловать его в порядке, установленном законодательством Республики Казахстан.\nКонтактное лицо: {{extra.contactPerson}}, тел. {{deputy.phone}}.',
    ],
  ),
];

const forwarding = [
  APPLICANT_ADDRESSEE,
  GREETING,
  section(
    'notice',
    ['Құзыретке жатпауы және жолдау', 'Не относится к компетенции, направлено'],
    [
      `Сіздің {{appeal.registeredOn|of}} № {{appeal.regNo}} өтінішіңізде көтерілген мәселені («{{appeal.subject}}») шешу мәслихат депутатының құзыретіне жатпайды. Сондықтан ${CODE_KK} талаптарына сәйкес өтінішіңіз үш жұмыс күні ішінде құзыреті бойынша қарау үшін мына органға жолданды: {{appeal.forwardedTo}}.`,
      `Вопрос, изложенный в Вашем обращении от {{appeal.registeredOn}} № {{appeal.regNo}} («{{appeal.subject}}»), не относится к компетенции депутата маслихата. В соответствии с требованиями ${CODE_RU} Ваше обращение в течение трёх рабочих дней направлено для рассмотрения по компетенции: {{appeal.forwardedTo}}.`,
    ],
  ),
  section(
    'control',
    ['Бақылау', 'Контроль'],
    [
      'Өтінішті мәні бойынша қарау нәтижесі туралы жауапты аталған орган береді. Өтінішіңіздің қаралу барысын бақылауда ұстаймын.',
      'Ответ по существу обращения Вам направит указанный орган. Ход рассмотрения Вашего обращения остаётся на моём контроле.',
    ],
  ),
  CONTACT_OFFICE,
];

const extension = [
  APPLICANT_ADDRESSEE,
  GREETING,
  section(
    'notice',
    ['Мерзімді ұзарту туралы хабарлама', 'Уведомление о продлении срока'],
    [
      `Сіздің {{appeal.registeredOn|of}} № {{appeal.regNo}} өтінішіңізді қарау мерзімі ${CODE_KK} талаптарына сәйкес {{appeal.extendedTo|to}} дейін ұзартылғанын хабарлаймын.\nҰзарту себебі: {{appeal.extensionReason}}`,
      `Сообщаю, что срок рассмотрения Вашего обращения от {{appeal.registeredOn}} № {{appeal.regNo}} в соответствии с требованиями ${CODE_RU} продлён до {{appeal.extendedTo}}.\nПричина продления: {{appeal.extensionReason}}`,
    ],
  ),
  section(
    'result',
    ['Нәтиже туралы', 'О результате'],
    [
      'Өтінішіңізді қарау нәтижесі туралы Сізге белгіленген мерзімде хабарланады.',
      'О результатах рассмотрения обращения Вам будет сообщено в установленный срок.',
    ],
  ),
  CONTACT_OFFICE,
];

const acknowledgement = [
  section(
    'message',
    ['Хабарлама', 'Сообщение'],
    [
      'Құрметті {{applicant.callName}}! Өтінішіңіз {{appeal.registeredOn|on}} № {{appeal.regNo}} болып тіркелді. Қарау мерзімі — {{appeal.decideBy|to}} дейін. Анықтама телефоны: {{deputy.phone}}.',
      '{{applicant.dear}} {{applicant.callName}}! Ваше обращение зарегистрировано {{appeal.registeredOn}} под № {{appeal.regNo}}. Срок рассмотрения — до {{appeal.decideBy}}. Справки по телефону {{deputy.phone}}.',
    ],
  ),
  section(
    'signature',
    ['Қолтаңба', 'Подпись'],
    ['{{deputy.position}}\n{{deputy.fullName}}', '{{deputy.position}}\n{{deputy.fullName}}'],
  ),
];

const announcement = [
  section(
    'heading',
    ['Тақырып', 'Заголовок'],
    ['АЗАМАТТАРДЫ ЖЕКЕ ҚАБЫЛДАУ ТУРАЛЫ ХАБАРЛАНДЫРУ', 'ОБЪЯВЛЕНИЕ О ЛИЧНОМ ПРИЁМЕ ГРАЖДАН'],
    { layout: 'heading' },
  ),
  section(
    'lead',
    ['Кім қабылдайды', 'Кто проводит приём'],
    [
      '{{deputy.position}} {{deputy.fullName}} азаматтарды жеке қабылдайды.',
      '{{deputy.position}} {{deputy.fullName}} проводит личный приём граждан.',
    ],
  ),
  section(
    'details',
    ['Күні, уақыты, орны', 'Дата, время, место'],
    [
      'Күні: {{reception.date}}, {{reception.weekday}}\nУақыты: {{reception.time}}\nӨтетін орны: {{reception.place}}\nҚабылдау түрі: {{reception.format}}\nСайлау округі: № {{okrug.number?}}',
      'Дата: {{reception.date}}, {{reception.weekday}}\nВремя: {{reception.time}}\nМесто: {{reception.place}}\nФормат приёма: {{reception.format}}\nИзбирательный округ: № {{okrug.number?}}',
    ],
  ),
  section(
    'accessibility',
    ['Қолжетімділік', 'Доступность'],
    [
      'Қолжетімділік: {{reception.accessibilityNotes}}',
      'Доступность: {{reception.accessibilityNotes}}',
    ],
    { optional: true },
  ),
  section(
    'invitation',
    ['Шақыру', 'Приглашение'],
    [
      'Тұрғындарды өздерін толғандыратын мәселелер мен ұсыныстарымен келуге шақырамыз. Өзіңізбен бірге жеке басыңызды куәландыратын құжатты ала келіңіз. Мүмкіндігі шектеулі азаматтар, зейнеткерлер, көпбалалы отбасылардың өкілдері және ардагерлер кезексіз қабылданады.\nАлдын ала жазылу және анықтама телефоны: {{deputy.phone}}\nҚабылдау бөлмесінің мекенжайы: {{deputy.address?}}',
      'Приглашаем жителей обратиться с вопросами и предложениями. При себе необходимо иметь документ, удостоверяющий личность. Граждане с инвалидностью, пенсионеры, представители многодетных семей и ветераны принимаются вне очереди.\nПредварительная запись и справки по телефону: {{deputy.phone}}\nАдрес приёмной: {{deputy.address?}}',
    ],
  ),
];

const announcementShort = [
  section(
    'message',
    ['Хабарлама', 'Сообщение'],
    [
      '{{deputy.position}} {{deputy.fullName}} {{reception.date|on}} ({{reception.weekday}}), сағат {{reception.time}}, азаматтарды қабылдайды. Орны: {{reception.place}}. Мүмкіндігі шектеулі азаматтар, зейнеткерлер, көпбалалы отбасылар мен ардагерлер кезексіз қабылданады. Алдын ала жазылу: {{deputy.phone}}.',
      '{{deputy.position}} {{deputy.fullName}} проводит приём граждан {{reception.date}} ({{reception.weekday}}), {{reception.time}}. Место: {{reception.place}}. Люди с инвалидностью, пенсионеры, многодетные семьи и ветераны принимаются вне очереди. Предварительная запись: {{deputy.phone}}.',
    ],
  ),
];

interface BuiltInSpec {
  key: BuiltInTemplateKey;
  id: string;
  kind: TemplateKind;
  name: Pair;
  sections: TemplateSection[];
}

// Stable UUIDv7-shaped ids: the same in every database, so a copy can point at its source.
const SPECS: readonly BuiltInSpec[] = [
  {
    key: 'inquiry',
    id: '0192f000-0000-7000-8000-000000000001',
    kind: 'inquiry',
    name: ['Депутаттық сауал', 'Депутатский запрос'],
    sections: inquiry,
  },
  {
    key: 'inquiry-repeat',
    id: '0192f000-0000-7000-8000-000000000002',
    kind: 'inquiry',
    name: ['Қайталама депутаттық сауал', 'Повторный депутатский запрос'],
    sections: inquiryRepeat,
  },
  {
    key: 'reply',
    id: '0192f000-0000-7000-8000-000000000003',
    kind: 'reply',
    name: ['Өтініш берушіге жауап (бес бөлім)', 'Ответ заявителю (пять частей)'],
    sections: reply,
  },
  {
    key: 'forwarding',
    id: '0192f000-0000-7000-8000-000000000004',
    kind: 'forwarding',
    name: ['Құзыретті органға жолдау туралы хабарлама', 'Уведомление о направлении по компетенции'],
    sections: forwarding,
  },
  {
    key: 'extension',
    id: '0192f000-0000-7000-8000-000000000005',
    kind: 'extension',
    name: ['Қарау мерзімін ұзарту туралы хабарлама', 'Уведомление о продлении срока рассмотрения'],
    sections: extension,
  },
  {
    key: 'acknowledgement',
    id: '0192f000-0000-7000-8000-000000000006',
    kind: 'acknowledgement',
    name: [
      'Өтініш тіркелді (Telegram, WhatsApp, SMS)',
      'Обращение зарегистрировано (Telegram, WhatsApp, SMS)',
    ],
    sections: acknowledgement,
  },
  {
    key: 'announcement',
    id: '0192f000-0000-7000-8000-000000000007',
    kind: 'announcement',
    name: ['Қабылдау туралы хабарландыру', 'Объявление о приёме граждан'],
    sections: announcement,
  },
  {
    key: 'announcement-short',
    id: '0192f000-0000-7000-8000-000000000008',
    kind: 'announcement',
    name: ['Қабылдау туралы қысқа хабарлама', 'Короткое объявление о приёме'],
    sections: announcementShort,
  },
];

const BUILT_IN_AT = '2026-01-01T00:00:00.000Z';

export const BUILT_IN_TEMPLATES: readonly Template[] = SPECS.map((spec) => ({
  id: spec.id,
  createdAt: BUILT_IN_AT,
  updatedAt: BUILT_IN_AT,
  createdBy: 'system',
  updatedBy: 'system',
  version: 1,
  deletedAt: null,
  key: spec.key,
  kind: spec.kind,
  name: { kk: spec.name[0], ru: spec.name[1] },
  sections: spec.sections,
  builtIn: true,
  copiedFromId: null,
}));

export function builtInTemplate(key: BuiltInTemplateKey): Template {
  const template = BUILT_IN_TEMPLATES.find((t) => t.key === key);
  if (!template) throw new Error(`No built-in template '${key}'`);
  return template;
}

export function isBuiltInTemplateId(id: string): boolean {
  return BUILT_IN_TEMPLATES.some((t) => t.id === id);
}
