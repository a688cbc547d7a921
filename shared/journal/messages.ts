import type { Lang } from '../i18n/lang';
import { enumLabels } from '../domain/labels';
import type { JournalField } from './fields';
import type { RowIssue, SkipReason } from './issues';
import { MAX_JOURNAL_ROWS, type FileProblem } from './model';
import { parseDateText } from './dates';

type Texts = { kk: string; ru: string };

/** What each app field is called in the mapping step, the problem-rows file and the export. */
export const FIELD_LABELS: Record<JournalField, Texts> = {
  journalNo: { kk: 'Журналдағы нөмірі', ru: 'Номер в журнале' },
  regNo: { kk: 'Тізілім нөмірі', ru: 'Номер в реестре' },
  receivedDate: { kk: 'Түскен күні', ru: 'Дата поступления' },
  receivedTime: { kk: 'Түскен уақыты', ru: 'Время поступления' },
  registeredDate: { kk: 'Тіркелген күні', ru: 'Дата регистрации' },
  fullName: { kk: 'Аты-жөні', ru: 'Ф.И.О.' },
  firstName: { kk: 'Аты (бөлек бағанда)', ru: 'Имя (отдельным столбцом)' },
  patronymic: { kk: 'Әкесінің аты (бөлек бағанда)', ru: 'Отчество (отдельным столбцом)' },
  nameAddress: { kk: 'Аты-жөні мен мекенжайы', ru: 'Ф.И.О. и адрес' },
  iin: { kk: 'ЖСН', ru: 'ИИН' },
  phone: { kk: 'Телефон', ru: 'Телефон' },
  address: { kk: 'Мекенжайы', ru: 'Адрес' },
  phoneAddress: { kk: 'Мекенжайы мен телефоны', ru: 'Адрес и телефон' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта' },
  locality: { kk: 'Елді мекен', ru: 'Населённый пункт' },
  subject: { kk: 'Мәселе (қысқаша)', ru: 'Суть вопроса (кратко)' },
  text: { kk: 'Өтініштің мазмұны', ru: 'Содержание обращения' },
  expectation: { kk: 'Өтініш берушінің күтетіні', ru: 'Чего ожидает заявитель' },
  topic: { kk: 'Тақырыбы', ru: 'Тема' },
  channel: { kk: 'Түскен жолы', ru: 'Способ поступления' },
  kind: { kk: 'Өтініш түрі', ru: 'Вид обращения' },
  result: { kk: 'Қарау нәтижесі', ru: 'Результат рассмотрения' },
  outcomeSummary: { kk: 'Қабылданған шаралар', ru: 'Принятые меры' },
  answerDate: { kk: 'Жауап берілген күні', ru: 'Дата ответа' },
  informedDate: { kk: 'Өтініш берушіге хабарланған күні', ru: 'Дата уведомления заявителя' },
  forwardedTo: { kk: 'Қайда жолданды', ru: 'Куда направлено' },
  assignee: { kk: 'Орындаушы', ru: 'Исполнитель' },
  deadline: { kk: 'Журналдағы мерзімі', ru: 'Срок по журналу' },
  notes: { kk: 'Ескертпе', ru: 'Примечание' },
  collective: { kk: 'Ұжымдық', ru: 'Коллективное' },
  signatories: { kk: 'Қол қойғандар саны', ru: 'Число подписавших' },
};

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

function dmy(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`
    : date;
}

const FILE: Record<FileProblem['code'], Texts> = {
  empty_file: { kk: 'Файл бос.', ru: 'Файл пустой.' },
  too_large: {
    kk: 'Файл тым үлкен ({mb} МБ). Журналды жылдар бойынша бөлек файлдарға бөліп, әрқайсысын жеке көшіріңіз.',
    ru: 'Файл слишком большой ({mb} МБ). Разделите журнал на файлы по годам и перенесите их по одному.',
  },
  old_excel: {
    kk: 'Бұл ескі Excel пішіміндегі файл (.xls). Оны Excel-де ашып, «Басқаша сақтау» → «Excel кітабы (.xlsx)» арқылы сақтаңыз да, .xlsx файлын таңдаңыз.',
    ru: 'Это файл старого формата Excel (.xls). Откройте его в Excel, сохраните через «Сохранить как» → «Книга Excel (.xlsx)» и выберите файл .xlsx.',
  },
  old_word: {
    kk: 'Бұл ескі Word пішіміндегі құжат (.doc). Оны Word-та ашып, «Басқаша сақтау» → «Word құжаты (.docx)» арқылы сақтаңыз да, .docx файлын таңдаңыз.',
    ru: 'Это документ старого формата Word (.doc). Откройте его в Word, сохраните через «Сохранить как» → «Документ Word (.docx)» и выберите файл .docx.',
  },
  no_table: {
    kk: 'Құжатта кесте жоқ. Word-тағы журнал кесте түрінде болуы керек: әр өтініш — кестенің бір жолы. Журнал кәдімгі мәтінмен жазылса, оны Excel-ге кесте ретінде көшіріп, .xlsx файлын таңдаңыз.',
    ru: 'В документе нет таблицы. Журнал в Word должен быть таблицей: каждое обращение — отдельная строка таблицы. Если журнал записан обычным текстом, перенесите его в Excel в виде таблицы и выберите файл .xlsx.',
  },
  xlsb: {
    kk: 'Бұл Excel-дің екілік кітабы (.xlsb). Оны Excel-де ашып, «Excel кітабы (.xlsx)» ретінде сақтаңыз.',
    ru: 'Это двоичная книга Excel (.xlsb). Откройте её в Excel и сохраните как «Книга Excel (.xlsx)».',
  },
  encrypted: {
    kk: 'Файл құпиясөзбен қорғалған, оны оқу мүмкін емес. Excel-де құпиясөзді енгізіп ашыңыз, «Файл» → «Мәліметтер» → «Кітапты қорғау» бөлімінде құпиясөзді алып тастап, файлды қайта сақтаңыз.',
    ru: 'Файл защищён паролем, прочитать его нельзя. Откройте его в Excel с паролем, снимите пароль («Файл» → «Сведения» → «Защита книги») и сохраните файл заново.',
  },
  encrypted_word: {
    kk: 'Құжат құпиясөзбен қорғалған, оны оқу мүмкін емес. Word-та құпиясөзді енгізіп ашыңыз, «Файл» → «Мәліметтер» → «Құжатты қорғау» → «Құпиясөзбен шифрлау» бөлімінде құпиясөзді өшіріп, құжатты қайта сақтаңыз.',
    ru: 'Документ защищён паролем, прочитать его нельзя. Откройте его в Word с паролем, снимите пароль («Файл» → «Сведения» → «Защита документа» → «Зашифровать с использованием пароля») и сохраните документ заново.',
  },
  not_spreadsheet: {
    kk: 'Бұл файл кесте емес. Журналды .xlsx, .ods, .csv файлы немесе кестесі бар құжат (.docx, .odt) ретінде таңдаңыз.',
    ru: 'Этот файл — не таблица. Выберите журнал в виде файла .xlsx, .ods, .csv или документа с таблицей (.docx, .odt).',
  },
  unreadable: {
    kk: 'Файлды оқу мүмкін болмады: ол зақымдалған немесе толық сақталмаған. Оны жасалған бағдарламада (Excel, Word) ашып, қайта сақтап көріңіз.',
    ru: 'Не удалось прочитать файл: он повреждён или сохранён не полностью. Попробуйте открыть его в программе, в которой он создан (Excel, Word), и сохранить заново.',
  },
  too_many_rows: {
    kk: '«{sheet}» парағында {rows} жол бар. Бір рет көшіруге ең көбі {limit} жол алынады: журналды жылдар бойынша бөлек парақтарға немесе файлдарға бөліңіз.',
    ru: 'На листе «{sheet}» {rows} строк. За один раз можно перенести не больше {limit} строк: разделите журнал на листы или файлы по годам.',
  },
  no_sheets: { kk: 'Файлда бірде-бір парақ жоқ.', ru: 'В файле нет ни одного листа.' },
};

export function describeFileProblem(problem: FileProblem, lang: Lang): string {
  const params: Record<string, string | number> = {
    limit: MAX_JOURNAL_ROWS.toLocaleString('ru-RU'),
  };
  if (problem.code === 'too_large') params.mb = Math.round(problem.bytes / 1024 / 1024);
  if (problem.code === 'too_many_rows') {
    params.sheet = problem.sheet;
    params.rows = problem.rows.toLocaleString('ru-RU');
  }
  return fill(FILE[problem.code][lang], params);
}

export const SHEET_MESSAGES = {
  empty_sheet: {
    kk: 'Бұл парақ бос: онда бірде-бір толтырылған жол жоқ.',
    ru: 'Этот лист пуст: на нём нет ни одной заполненной строки.',
  },
  no_header: {
    kk: 'Бағандардың тақырып жолы табылмады. Тақырыптар тұрған жолды өзіңіз көрсетіңіз.',
    ru: 'Строка с заголовками столбцов не найдена. Укажите строку с заголовками сами.',
  },
  nothing_importable: {
    kk: 'Көшіретін жол жоқ: барлық жол өткізіліп кетті (себептері тізімде).',
    ru: 'Переносить нечего: все строки пропущены (причины в списке).',
  },
} as const satisfies Record<string, Texts>;

const ISSUES: Record<RowIssue['code'], Texts> = {
  title: {
    kk: 'Кесте тақырыбы (бағандар тақырыбының үстінде)',
    ru: 'Заголовок таблицы (над заголовками столбцов)',
  },
  header_repeat: { kk: 'Бағандар тақырыбының қайталануы', ru: 'Повтор заголовков столбцов' },
  column_numbers: { kk: 'Бағандардың нөмірлері (1, 2, 3…)', ru: 'Номера столбцов (1, 2, 3…)' },
  empty: { kk: 'Бос жол', ru: 'Пустая строка' },
  section: { kk: 'Бөлім жолы: «{text}»', ru: 'Строка раздела: «{text}»' },
  totals: { kk: 'Қорытынды жол: «{text}»', ru: 'Итоговая строка: «{text}»' },
  no_data: {
    kk: 'Жолда таңдалған бағандардың ешқайсысы толтырылмаған',
    ru: 'В строке не заполнен ни один из выбранных столбцов',
  },
  no_date: { kk: 'Түскен күні көрсетілмеген', ru: 'Не указана дата поступления' },
  bad_date: {
    kk: 'Түскен күнін оқу мүмкін емес: «{value}»',
    ru: 'Не удалось прочитать дату поступления: «{value}»',
  },
  swapped_date: {
    kk: 'Түскен күні екіұшты: {date} немесе {swapped}. Excel күн мен айдың орнын ауыстырып жіберген болуы мүмкін — бұл бағандағы басқа күндер «күн/ай» түрінде жазылған. Күнді журнал бойынша тексеріп, КК.АА.ЖЖЖЖ түрінде жазыңыз',
    ru: 'Дата поступления неоднозначна: {date} или {swapped}. Excel мог поменять местами день и месяц — другие даты этого столбца записаны как «день/месяц». Проверьте дату по журналу и запишите её как ДД.ММ.ГГГГ',
  },
  future_date: { kk: 'Түскен күні болашақта: {date}', ru: 'Дата поступления в будущем: {date}' },
  old_date: {
    kk: 'Түскен күні 2000 жылдан бұрын: {date} — күнді тексеріңіз',
    ru: 'Дата поступления раньше 2000 года: {date} — проверьте дату',
  },
  no_text: { kk: 'Өтініштің мазмұны бос', ru: 'Содержание обращения не заполнено' },
  already_imported: {
    kk: 'Бұл жол бұрын көшірілген: {regNo}',
    ru: 'Эта строка уже перенесена: {regNo}',
  },
  already_in_registry: {
    kk: '{regNo} нөмірлі өтініш тізілімде бар',
    ru: 'Обращение {regNo} уже есть в реестре',
  },
  phone_invalid: {
    kk: 'Телефон танылмады: «{value}» — ескертпеде сақталды',
    ru: 'Телефон не распознан: «{value}» — сохранён в примечании',
  },
  iin_invalid: {
    kk: 'ЖСН дұрыс емес: «{value}» — ескертпеде сақталды',
    ru: 'Неверный ИИН: «{value}» — сохранён в примечании',
  },
  email_invalid: {
    kk: 'Электрондық пошта дұрыс емес: «{value}» — ескертпеде сақталды',
    ru: 'Неверный адрес почты: «{value}» — сохранён в примечании',
  },
  anonymous: {
    kk: 'Өтініш беруші көрсетілмеген: жасырын өтініш ретінде тіркеледі',
    ru: 'Заявитель не указан: обращение будет анонимным',
  },
  no_name: {
    kk: 'Аты-жөні жоқ, тек байланыс деректері бар: «{value}» — ескертпеде сақталды',
    ru: 'Нет Ф.И.О., есть только контакты: «{value}» — сохранены в примечании',
  },
  decided_without_date: {
    kk: '«{value}» нәтижесінің күні жоқ: өтініш «Жұмыста» ретінде көшіріледі, шешімді қосымшада енгізіңіз',
    ru: 'У результата «{value}» нет даты: обращение переносится как «В работе», решение внесите в приложении',
  },
  answer_date_invalid: {
    kk: 'Жауап күнін оқу мүмкін емес: «{value}»',
    ru: 'Не удалось прочитать дату ответа: «{value}»',
  },
  answer_before_registration: {
    kk: 'Жауап күні ({date}) тіркелген күннен бұрын: шешім күні алынбады',
    ru: 'Дата ответа ({date}) раньше даты регистрации: дата решения не перенесена',
  },
  answer_in_future: {
    kk: 'Жауап күні болашақта ({date}): шешім күні алынбады',
    ru: 'Дата ответа в будущем ({date}): дата решения не перенесена',
  },
  unknown_value: {
    kk: '«{field}» бағанындағы «{value}» мәні тізімде жоқ: әдепкі мән алынды',
    ru: 'Значение «{value}» в столбце «{field}» не сопоставлено: взято значение по умолчанию',
  },
  lost_letters: {
    kk: 'Мәтінде әріптің орнында «?» тұр: қазақ әріптері жоғалған болуы мүмкін (файл Windows-1251 кодтауында сақталған). Файлды UTF-8 кодтауында қайта сақтаңыз',
    ru: 'В тексте «?» на месте букв: вероятно, потеряны казахские буквы (файл сохранён в кодировке Windows-1251). Сохраните файл заново в UTF-8',
  },
  signatories_unknown: {
    kk: 'Ұжымдық өтініш, бірақ қол қойғандар саны көрсетілмеген: 2 деп алынды, тексеріңіз',
    ru: 'Коллективное обращение без числа подписавших: указано 2, проверьте',
  },
  assignee_unknown: {
    kk: 'Орындаушы «{value}» қызметкерлер тізімінде жоқ — ескертпеде сақталды',
    ru: 'Исполнителя «{value}» нет в списке сотрудников — сохранён в примечании',
  },
  time_invalid: {
    kk: 'Уақытты оқу мүмкін емес: «{value}»',
    ru: 'Не удалось прочитать время: «{value}»',
  },
  text_cut: {
    kk: '«{field}» мәтіні тым ұзын, қысқартылды',
    ru: 'Текст «{field}» слишком длинный и сокращён',
  },
  reg_no_taken: {
    kk: '{value} тізілім нөмірі файлда қайталанады: жаңа нөмір берілді',
    ru: 'Номер в реестре {value} повторяется в файле: присвоен новый номер',
  },
};

/** Said after an unreadable date that is a day and a month with no year («12.03», «5 марта»). */
const NO_YEAR: Texts = {
  kk: ' — жылы жазылмаған: оны күнге қосыңыз немесе парақтың атауына не журналдың тақырыбына жазыңыз (мысалы, «Наурыз 2024»)',
  ru: ' — не указан год: допишите его к дате или укажите в названии листа или в заголовке журнала (например, «Март 2024»)',
};

/** A skip reason or a warning of a row, in Kazakh or Russian. */
export function describeRowIssue(issue: RowIssue, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(issue)) {
    if (key === 'code') continue;
    if (key === 'date' || key === 'swapped') params[key] = dmy(String(value));
    else if (key === 'field') params[key] = FIELD_LABELS[value as JournalField][lang];
    else params[key] = String(value);
  }
  const text = fill(ISSUES[issue.code][lang], params);
  // A date read with a year but not without it lacks only the year: say how to give it.
  const yearOnlyMissing =
    issue.code === 'bad_date' &&
    parseDateText(issue.value) === null &&
    parseDateText(issue.value, { year: 2000 }) !== null;
  return yearOnlyMissing ? text + NO_YEAR[lang] : text;
}

/** Reasons a row is not an appeal at all; the others are appeals that could not be read. */
const NOT_APPEAL: ReadonlySet<SkipReason['code']> = new Set([
  'title',
  'header_repeat',
  'column_numbers',
  'empty',
  'section',
  'totals',
  'no_data',
]);

const MAIN_REASON: Texts = {
  kk: 'Негізгі себебі ({count} жол): {reason}.',
  ru: 'Основная причина (строк: {count}): {reason}.',
};

/**
 * Why nothing of a journal can be imported, in one message: that nothing is, and the commonest
 * reason among the rows that were appeals (unreadable dates, dates in the future…), with an
 * example — so a journal whose dates cannot be read says so.
 */
export function describeNothingImportable(
  rows: readonly { reason?: SkipReason }[],
  lang: Lang,
): string {
  const byCode = new Map<SkipReason['code'], { count: number; first: SkipReason }>();
  for (const { reason } of rows) {
    if (reason === undefined || NOT_APPEAL.has(reason.code)) continue;
    const entry = byCode.get(reason.code);
    if (entry) entry.count++;
    else byCode.set(reason.code, { count: 1, first: reason });
  }
  const nothing = SHEET_MESSAGES.nothing_importable[lang];
  let main: { count: number; first: SkipReason } | null = null;
  for (const entry of byCode.values()) if (main === null || entry.count > main.count) main = entry;
  if (main === null) return nothing;
  const reason = describeRowIssue(main.first, lang);
  return `${nothing} ${fill(MAIN_REASON[lang], { count: main.count, reason })}`;
}

/** The same, said once this sheet has been imported. */
const SAME_LAYOUT_AFTER: Texts = {
  kk: 'Файлда осындай бағандары бар басқа парақтар да бар: {sheets} (толтырылған жол саны: {rows}). Келесі парақты көшіру үшін файлды қайта ашып, сол парақты таңдаңыз — бағандардың сәйкестігі есте сақталды, бұрын көшірілген жолдар қайта қосылмайды.',
  ru: 'В файле есть и другие листы с такими же столбцами: {sheets} (заполненных строк: {rows}). Чтобы перенести следующий, откройте файл снова и выберите его — сопоставление столбцов запомнено, уже перенесённые строки повторно не добавятся.',
};

const SAME_LAYOUT: Texts = {
  kk: 'Файлда осындай бағандары бар басқа парақтар да бар: {sheets} (толтырылған жол саны: {rows}). Бір көшіруде бір ғана парақ көшіріледі: алдымен осы парақты көшіріңіз, содан кейін файлды қайта ашып, келесі парақты таңдаңыз — бағандардың сәйкестігі есте сақталады, бұрын көшірілген жолдар қайта қосылмайды.',
  ru: 'В файле есть и другие листы с такими же столбцами: {sheets} (заполненных строк: {rows}). За один раз переносится один лист: перенесите этот, затем откройте файл снова и выберите следующий — сопоставление столбцов запомнится, уже перенесённые строки повторно не добавятся.',
};

/**
 * That other sheets of the file hold rows under the same columns (a journal kept one sheet
 * a month), naming them; null when there are none. `imported`: said after this sheet came
 * in (what to do for the next one), not before.
 */
export function describeSameLayoutSheets(
  others: readonly { name: string; rows: number }[],
  lang: Lang,
  imported = false,
): string | null {
  if (others.length === 0) return null;
  const rows = others.reduce((sum, s) => sum + s.rows, 0);
  const text = (imported ? SAME_LAYOUT_AFTER : SAME_LAYOUT)[lang];
  return fill(text, { sheets: others.map((s) => `«${s.name}»`).join(', '), rows });
}

/** Lines of the «imported from journal» event's note. */
export const NOTE_TEXTS = {
  row: {
    kk: 'Журналдың {row}-жолы («{sheet}» парағы, {file})',
    ru: 'Строка {row} журнала (лист «{sheet}», {file})',
  },
  journalNo: { kk: 'Журналдағы нөмірі: {value}', ru: 'Номер в журнале: {value}' },
  phone: {
    kk: 'Журналдағы телефон (танылмады): {value}',
    ru: 'Телефон из журнала (не распознан): {value}',
  },
  iin: { kk: 'Журналдағы ЖСН (дұрыс емес): {value}', ru: 'ИИН из журнала (неверный): {value}' },
  email: {
    kk: 'Журналдағы электрондық пошта (дұрыс емес): {value}',
    ru: 'Почта из журнала (неверная): {value}',
  },
  contacts: {
    kk: 'Журналдағы байланыс деректері (аты-жөнісіз): {value}',
    ru: 'Контакты из журнала (без Ф.И.О.): {value}',
  },
  result: { kk: 'Журналдағы нәтиже: {value}', ru: 'Результат по журналу: {value}' },
  answerDate: { kk: 'Журналдағы жауап күні: {value}', ru: 'Дата ответа по журналу: {value}' },
  assignee: { kk: 'Журналдағы орындаушы: {value}', ru: 'Исполнитель по журналу: {value}' },
  deadline: { kk: 'Журналдағы мерзімі: {value}', ru: 'Срок по журналу: {value}' },
  notes: { kk: 'Журналдағы ескертпе: {value}', ru: 'Примечание из журнала: {value}' },
  channel: { kk: 'Журналдағы түскен жолы: {value}', ru: 'Способ поступления по журналу: {value}' },
  kind: { kk: 'Журналдағы өтініш түрі: {value}', ru: 'Вид обращения по журналу: {value}' },
  topic: { kk: 'Журналдағы тақырыбы: {value}', ru: 'Тема по журналу: {value}' },
  time: {
    kk: 'Журналдағы уақыты (оқылмады): {value}',
    ru: 'Время по журналу (не прочитано): {value}',
  },
} as const satisfies Record<string, Texts>;

export function noteLine(
  key: keyof typeof NOTE_TEXTS,
  lang: Lang,
  params: Record<string, string | number>,
): string {
  return fill(NOTE_TEXTS[key][lang], params);
}

/** Names of the app's value lists, for the value mapping step. */
export function valueLabel(
  field: 'channel' | 'kind' | 'outcome' | 'status',
  value: string,
  lang: Lang,
): string {
  const labels = enumLabels[field] as Record<string, Texts>;
  return labels[value]?.[lang] ?? value;
}
