import type { Lang } from '../i18n/lang';
import { messageFor } from '../validation/messages';
import type { ReferenceTarget } from './integrity';
import type { ExportProblem } from './parse';
import type { ExportTableName } from './schema';

/** Table names as the office knows them, for messages about a bad record. */
export const EXPORT_TABLE_LABELS: Readonly<Record<ExportTableName, { kk: string; ru: string }>> = {
  settings: { kk: 'Баптаулар', ru: 'Настройки' },
  applicants: { kk: 'Өтініш берушілер', ru: 'Заявители' },
  appeals: { kk: 'Өтініштер', ru: 'Обращения' },
  events: { kk: 'Өтініш тарихы', ru: 'История обращений' },
  agencies: { kk: 'Мекемелер анықтамалығы', ru: 'Справочник организаций' },
  inquiries: { kk: 'Депутаттық сауалдар', ru: 'Депутатские запросы' },
  receptions: { kk: 'Қабылдаулар', ru: 'Приёмы' },
  checklistTemplates: { kk: 'Чек-парақтар', ru: 'Чек-листы' },
  templates: { kk: 'Хат үлгілері', ru: 'Шаблоны писем' },
  initiatives: { kk: 'Бастамалар', ru: 'Инициативы' },
  planItems: { kk: 'Жоспар', ru: 'План' },
  reportPublications: { kk: 'Есептің жариялануы', ru: 'Публикации отчёта' },
  feedbackRounds: { kk: 'Кері байланыс', ru: 'Сбор откликов' },
  attachments: { kk: 'Тіркелген файлдар', ru: 'Вложения' },
  counters: { kk: 'Нөмір есептегіштері', ru: 'Счётчики номеров' },
};

/** Where a reference should have found its record, as the end of a sentence. */
function targetPlace(target: ReferenceTarget, lang: Lang): string {
  if (target === 'users') {
    return lang === 'kk'
      ? 'баптаулардағы қызметкерлер тізімінде'
      : 'в списке сотрудников (раздел «Настройки»)';
  }
  if (target === 'topics') {
    return lang === 'kk'
      ? 'баптаулардағы тақырыптар тізімінде'
      : 'в списке тем (раздел «Настройки»)';
  }
  const name = EXPORT_TABLE_LABELS[target][lang];
  return lang === 'kk' ? `«${name}» кестесінде` : `в таблице «${name}»`;
}

function where(table: ExportTableName, index: number, lang: Lang): string {
  const name = EXPORT_TABLE_LABELS[table][lang];
  // People count records from one; the index is 0-based.
  return lang === 'kk'
    ? `«${name}» кестесі, ${String(index + 1)}-жазба`
    : `Таблица «${name}», запись № ${String(index + 1)}`;
}

function field(path: string, lang: Lang): string {
  if (path === '') return '';
  return lang === 'kk' ? `, «${path}» өрісі` : `, поле «${path}»`;
}

/** One problem of a refused file, as a sentence for the user. */
export function describeExportProblem(problem: ExportProblem, lang: Lang): string {
  const kk = lang === 'kk';
  switch (problem.code) {
    case 'not_json':
      return kk
        ? 'Файл JSON пішімінде емес немесе зақымдалған.'
        : 'Файл не в формате JSON или повреждён.';
    case 'wrong_format':
      return kk
        ? 'Бұл Tizilim экспорт файлы емес. Tizilim-нің «Деректер» бөлімінде жасалған .json файлын таңдаңыз.'
        : 'Это не файл экспорта Tizilim. Выберите файл .json, созданный в разделе «Данные» Tizilim.';
    case 'newer_version':
      return kk
        ? `Файл бағдарламаның жаңа нұсқасында жасалған (пішім нұсқасы ${String(problem.version)}). Оны ашу үшін Tizilim-ді жаңартыңыз.`
        : `Файл создан более новой версией программы (версия формата ${String(problem.version)}). Обновите Tizilim, чтобы открыть его.`;
    case 'invalid_header':
      return kk
        ? `Файл тақырыбы дұрыс емес${field(problem.path, lang)}: ${messageFor(problem.message, lang)}.`
        : `Неверный заголовок файла${field(problem.path, lang)}: ${messageFor(problem.message, lang)}.`;
    case 'invalid_table':
      return kk
        ? `«${EXPORT_TABLE_LABELS[problem.table].kk}» кестесі жазбалар тізімі болуы керек.`
        : `Таблица «${EXPORT_TABLE_LABELS[problem.table].ru}» должна быть списком записей.`;
    case 'invalid_record':
      return `${where(problem.table, problem.index, lang)}${field(problem.path, lang)}: ${messageFor(problem.message, lang)}.`;
    case 'duplicate_id':
      return kk
        ? `${where(problem.table, problem.index, lang)}: ${problem.id} идентификаторы қайталанады.`
        : `${where(problem.table, problem.index, lang)}: идентификатор ${problem.id} повторяется.`;
    case 'duplicate_reg_no':
      return kk
        ? `${where('appeals', problem.index, lang)}: ${problem.regNo} тіркеу нөмірі қайталанады.`
        : `${where('appeals', problem.index, lang)}: регистрационный номер ${problem.regNo} повторяется.`;
    case 'too_many_records':
      return kk
        ? `«${EXPORT_TABLE_LABELS[problem.table].kk}» кестесінде жазба тым көп: ең көбі ${String(problem.max)}.`
        : `В таблице «${EXPORT_TABLE_LABELS[problem.table].ru}» слишком много записей: не больше ${String(problem.max)}.`;
    case 'dangling_reference':
      return kk
        ? `${where(problem.table, problem.index, lang)}${field(problem.path, lang)}: ${targetPlace(problem.target, lang)} жоқ жазбаға сілтейді.`
        : `${where(problem.table, problem.index, lang)}${field(problem.path, lang)}: ссылка на запись, которой нет ${targetPlace(problem.target, lang)}.`;
    case 'merge_cycle':
      return kk
        ? `${where('applicants', problem.index, lang)}, «mergedInto» өрісі: біріктірулер тізбегі өзіне қайта оралады.`
        : `${where('applicants', problem.index, lang)}, поле «mergedInto»: цепочка объединений замыкается сама на себя.`;
    case 'duplicate_iin':
      return kk
        ? `${where('applicants', problem.index, lang)}, «iin» өрісі: бұл ЖСН ${String(problem.other + 1)}-жазбада да бар — бір адамның екі жазбасы болмауы керек.`
        : `${where('applicants', problem.index, lang)}, поле «iin»: тот же ИИН у записи № ${String(problem.other + 1)} — у одного человека не может быть двух записей.`;
    case 'too_many_problems':
      return kk
        ? `Тағы ${String(problem.more)} қате бар.`
        : `И ещё ошибок: ${String(problem.more)}.`;
  }
}
