import type { Lang } from '../i18n/lang';
import { deadlineErrorMessages, type DeadlineErrorCode } from '../workflow/deadlines';
import type { WorkflowErrorCode } from '../workflow/status';
import type { IinErrorCode } from './iin';
import type { PhoneErrorCode } from './phone';

/**
 * The one catalog of validation messages of shared/: zod schemas in shared/domain and the
 * checks in shared/validation and shared/workflow report a CODE, and the interface shows
 * `messageFor(code, lang)`. Codes never change meaning; wording can be improved here freely.
 */

export interface LocalizedMessage {
  readonly kk: string;
  readonly ru: string;
}

export const MESSAGES = {
  // Generic
  invalid_value: { kk: 'Мән дұрыс емес', ru: 'Недопустимое значение' },
  required: { kk: 'Бұл өрісті толтырыңыз', ru: 'Заполните это поле' },
  too_long: { kk: 'Мәтін тым ұзын', ru: 'Слишком длинный текст' },
  invalid_option: { kk: 'Тізімнен мән таңдаңыз', ru: 'Выберите значение из списка' },
  invalid_id: { kk: 'Идентификатор дұрыс емес', ru: 'Неверный идентификатор' },
  invalid_date: {
    kk: 'Күн дұрыс емес: мұндай күн күнтізбеде жоқ немесе пішімі қате',
    ru: 'Неверная дата: такого дня нет в календаре или неверный формат',
  },
  invalid_time: { kk: 'Уақыт дұрыс емес (СС:ММ)', ru: 'Неверное время (ЧЧ:ММ)' },
  invalid_datetime: { kk: 'Күні немесе уақыты дұрыс емес', ru: 'Неверная дата или время' },
  invalid_timestamp: { kk: 'Уақыт белгісі дұрыс емес', ru: 'Неверная отметка времени' },
  invalid_email: {
    kk: 'Электрондық пошта мекенжайы дұрыс емес',
    ru: 'Неверный адрес электронной почты',
  },
  positive_int: { kk: 'Оң бүтін сан енгізіңіз', ru: 'Введите целое положительное число' },
  non_negative_int: {
    kk: 'Нөлден кем емес бүтін сан енгізіңіз',
    ru: 'Введите целое число не меньше нуля',
  },
  duplicate_key: { kk: 'Бұл мән тізімде бұрыннан бар', ru: 'Такое значение уже есть в списке' },
  name_required: {
    kk: 'Атауын кемінде бір тілде жазыңыз',
    ru: 'Укажите название хотя бы на одном языке',
  },
  end_before_start: {
    kk: 'Аяқталу уақыты басталу уақытынан кейін болуы керек',
    ru: 'Время окончания должно быть позже времени начала',
  },
  year_invalid: { kk: 'Жыл дұрыс емес', ru: 'Неверный год' },
  quarter_invalid: {
    kk: 'Тоқсан 1-ден 4-ке дейін болуы керек',
    ru: 'Квартал должен быть от 1 до 4',
  },

  // IIN
  iin_length: { kk: 'ЖСН 12 цифрдан тұруы керек', ru: 'ИИН должен состоять из 12 цифр' },
  iin_digits: {
    kk: 'ЖСН-де тек цифрлар болуы керек, бос орынсыз',
    ru: 'ИИН должен содержать только цифры, без пробелов',
  },
  iin_century: {
    kk: 'ЖСН-нің 7-цифры 1-ден 6-ға дейін болуы керек',
    ru: 'Седьмая цифра ИИН должна быть от 1 до 6',
  },
  iin_date: {
    kk: 'ЖСН-нің алғашқы алты цифры нақты туған күнді білдірмейді',
    ru: 'Первые шесть цифр ИИН не образуют существующую дату рождения',
  },
  iin_checksum: {
    kk: 'ЖСН-нің бақылау цифры сәйкес келмейді — нөмірді тексеріңіз',
    ru: 'Не сходится контрольная цифра ИИН — проверьте номер',
  },
  iin_invalid: { kk: 'ЖСН дұрыс емес', ru: 'Неверный ИИН' },

  // Phones
  phone_empty: { kk: 'Телефон нөмірін енгізіңіз', ru: 'Введите номер телефона' },
  phone_letters: {
    kk: 'Телефон нөмірінде әріп болмауы керек',
    ru: 'В номере телефона не должно быть букв',
  },
  phone_chars: {
    kk: 'Телефон нөмірінде рұқсат етілмеген таңбалар бар',
    ru: 'В номере телефона есть недопустимые символы',
  },
  phone_too_short: {
    kk: 'Телефон нөмірінде цифрлар жетіспейді',
    ru: 'В номере телефона не хватает цифр',
  },
  phone_too_long: {
    kk: 'Телефон нөмірінде артық цифрлар бар',
    ru: 'В номере телефона лишние цифры',
  },
  phone_not_kz: {
    kk: 'Бұл қазақстандық нөмір емес (мысалы, Ресей нөмірі +7 9…)',
    ru: 'Это не казахстанский номер (например, российский +7 9…)',
  },
  phone_invalid: {
    kk: 'Мұндай код Қазақстанда жоқ — нөмірді тексеріңіз',
    ru: 'Такого кода в Казахстане нет — проверьте номер',
  },
  phone_e164: {
    kk: 'Телефон +7XXXXXXXXXX түрінде сақталуы керек',
    ru: 'Телефон должен храниться в виде +7XXXXXXXXXX',
  },

  // Appeal
  reg_no_invalid: {
    kk: 'Тіркеу нөмірі ЖЖЖЖ-NNNN түрінде болуы керек, мысалы 2026-0042',
    ru: 'Регистрационный номер должен иметь вид ГГГГ-NNNN, например 2026-0042',
  },
  topic_id_invalid: {
    kk: 'Тақырып коды тек латын әріптерінен, цифрлардан, «_» және «-» таңбаларынан тұрады',
    ru: 'Код темы может содержать только латинские буквы, цифры, «_» и «-»',
  },
  signatories_required: {
    kk: 'Ұжымдық өтініште қол қойғандар саны кемінде 2 болуы керек',
    ru: 'У коллективного обращения должно быть не меньше 2 подписавших',
  },
  signatories_not_collective: {
    kk: 'Қол қойғандар саны тек ұжымдық өтініш үшін көрсетіледі',
    ru: 'Число подписавших указывается только для коллективного обращения',
  },
  outcome_required: {
    kk: 'Өтінішті қарау нәтижесін таңдаңыз',
    ru: 'Выберите результат рассмотрения обращения',
  },
  outcome_unexpected: {
    kk: 'Нәтиже тек шешім қабылданғаннан кейін көрсетіледі',
    ru: 'Результат указывается только после принятия решения',
  },
  not_resolved_reason_required: {
    kk: 'Мәселе неліктен шешілмегенін көрсетіңіз',
    ru: 'Укажите, почему вопрос не решён',
  },
  not_resolved_reason_unexpected: {
    kk: 'Себеп тек «Шешілмеді» нәтижесі үшін көрсетіледі',
    ru: 'Причина указывается только для результата «Не решено»',
  },
  decided_on_required: {
    kk: 'Шешім қабылданған күнді көрсетіңіз',
    ru: 'Укажите дату принятия решения',
  },
  applicant_informed_required: {
    kk: 'Жабу алдында өтініш берушіге нәтижені хабарлаңыз',
    ru: 'Перед закрытием сообщите заявителю о результате',
  },
  extension_reason_required: {
    kk: 'Мерзімді ұзартудың негіздемесін жазыңыз',
    ru: 'Укажите обоснование продления срока',
  },

  // Applicant
  merge_into_self: {
    kk: 'Жазбаны өзімен біріктіруге болмайды',
    ru: 'Нельзя объединить запись саму с собой',
  },

  // Inquiry
  sent_date_required: {
    kk: 'Сауалдың жіберілген күнін көрсетіңіз',
    ru: 'Укажите дату отправки запроса',
  },
  response_required: {
    kk: 'Органның жауабы туралы мәліметтерді толтырыңыз',
    ru: 'Заполните сведения об ответе органа',
  },

  // Reception
  queue_number_taken: {
    kk: 'Кезектегі бұл нөмір бос емес',
    ru: 'Этот номер в очереди уже занят',
  },

  // Checklists and templates
  steps_required: {
    kk: 'Тізімге кемінде бір қадам қосыңыз',
    ru: 'Добавьте в список хотя бы один пункт',
  },
  sections_required: {
    kk: 'Үлгіге кемінде бір бөлім қосыңыз',
    ru: 'Добавьте в шаблон хотя бы один раздел',
  },
  section_key_invalid: {
    kk: 'Бөлім кілті латын әрпінен басталып, тек әріп, цифр, «_» және «-» таңбаларынан тұруы керек',
    ru: 'Ключ раздела должен начинаться с латинской буквы и содержать только буквы, цифры, «_» и «-»',
  },

  // Attachments and counters
  file_required: { kk: 'Файлды таңдаңыз', ru: 'Выберите файл' },
  attachment_owner_required: {
    kk: 'Файл өтінішке немесе сауалға тіркелуі керек',
    ru: 'Файл должен относиться к обращению или запросу',
  },
  counter_id_invalid: { kk: 'Есептегіш атауы дұрыс емес', ru: 'Неверное имя счётчика' },

  // Settings
  date_outside_year: {
    kk: 'Күн осы жылға жатпайды',
    ru: 'Дата не относится к этому году',
  },
  day_both_off_and_working: {
    kk: 'Бір күн әрі демалыс, әрі жұмыс күні бола алмайды',
    ru: 'Один день не может быть одновременно выходным и рабочим',
  },
  report_language_required: {
    kk: 'Есептің кемінде бір тілін таңдаңыз',
    ru: 'Выберите хотя бы один язык отчёта',
  },
  topics_required: {
    kk: 'Кемінде бір тақырып болуы керек',
    ru: 'Нужна хотя бы одна тема',
  },

  // Status workflow
  invalid_transition: {
    kk: 'Өтініштің қазіргі мәртебесінде бұл әрекет қолжетімсіз',
    ru: 'Это действие недоступно при текущем статусе обращения',
  },
  outcome_summary_required: {
    kk: 'Не істелгенін және қалай шешілгенін қысқаша жазыңыз',
    ru: 'Кратко опишите, что и как было сделано',
  },
  decided_before_received: {
    kk: 'Шешім күні өтініш келіп түскен күннен бұрын бола алмайды',
    ru: 'Дата решения не может быть раньше дня поступления обращения',
  },
  forwarded_to_required: {
    kk: 'Өтініш қай органға жолданғанын көрсетіңіз',
    ru: 'Укажите, в какой орган направлено обращение',
  },
  informed_at_invalid: {
    kk: 'Өтініш берушіге хабарланған күн мен уақытты көрсетіңіз',
    ru: 'Укажите дату и время, когда заявителю сообщили результат',
  },
  informed_via_invalid: {
    kk: 'Өтініш берушіге қалай хабарланғанын таңдаңыз',
    ru: 'Выберите, как заявителю сообщили результат',
  },
  informed_before_decision: {
    kk: 'Нәтижені шешім қабылданғанға дейін хабарлау мүмкін емес',
    ru: 'Сообщить результат можно не раньше даты решения',
  },
  reopen_reason_required: {
    kk: 'Өтінішті қайта ашу себебін жазыңыз',
    ru: 'Укажите причину повторного открытия обращения',
  },

  // Deadlines (texts kept next to the rules in shared/workflow/deadlines.ts)
  ...deadlineErrorMessages,

  // Storage (repositories refuse a write with these)
  field_not_editable: {
    kk: 'Бұл өрісті қарапайым өңдеумен өзгертуге болмайды: ол үшін бөлек әрекет бар',
    ru: 'Это поле нельзя изменить обычным редактированием: для этого есть отдельное действие',
  },
  record_not_found: {
    kk: 'Жазба табылмады: ол жойылған болуы мүмкін',
    ru: 'Запись не найдена: возможно, она удалена',
  },
  edit_conflict: {
    kk: 'Бұл жазбаны сізден бұрын басқа қызметкер өзгертті. Бетті жаңартып, өзгерістерді қайта енгізіңіз',
    ru: 'Эту запись уже изменил другой сотрудник. Обновите страницу и внесите изменения заново',
  },
  file_too_large: {
    kk: 'Файл тым үлкен: бір файлдың көлемі 25 МБ-тан аспауы керек',
    ru: 'Файл слишком большой: размер одного файла не должен превышать 25 МБ',
  },
  applicant_already_anonymised: {
    kk: 'Бұл өтініш берушінің деректері бұрын жасырылған: оны өзгертуге немесе біріктіруге болмайды',
    ru: 'Данные этого заявителя уже обезличены: его нельзя изменить или объединить',
  },
  merge_iin_conflict: {
    kk: 'ЖСН-дері әртүрлі екі адамды біріктіруге болмайды',
    ru: 'Нельзя объединить двух людей с разными ИИН',
  },
} as const satisfies Readonly<Record<string, LocalizedMessage>>;

export type MessageCode = keyof typeof MESSAGES;

// Every code the validators and the workflow can return has a message (checked by tsc).
const _covered: Readonly<
  Record<IinErrorCode | PhoneErrorCode | WorkflowErrorCode | DeadlineErrorCode, LocalizedMessage>
> = MESSAGES;
void _covered;

export const GENERIC_MESSAGE_CODE = 'invalid_value' satisfies MessageCode;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/**
 * The message for a code in a language. Anything else — zod's own English texts for checks
 * that carry no code, or a code from a newer version — gets the generic "invalid value".
 */
export function messageFor(code: string, lang: Lang): string {
  return (isMessageCode(code) ? MESSAGES[code] : MESSAGES[GENERIC_MESSAGE_CODE])[lang];
}
