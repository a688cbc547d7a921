import { z } from 'zod';

import { CHECKLIST_PURPOSES } from './enums';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  err,
  localizedTextSchema,
  nullableText,
  requiredText,
} from './common';

export const checklistStepSchema = z.object({
  /** Stable within its template, so reception checklist states survive edits of the text. */
  id: requiredText(64),
  text: localizedTextSchema,
  /** The intake form field in which this step is answered, if any (e.g. 'expectation'). */
  field: nullableText(64).default(null),
});
export type ChecklistStep = z.output<typeof checklistStepSchema>;

const checklistFieldsShape = {
  /** Identifies a built-in template across databases ('meeting'); null for the office's own. */
  key: nullableText(64).default(null),
  purpose: enumSchema(CHECKLIST_PURPOSES).default('custom'),
  name: localizedTextSchema,
  steps: z.array(checklistStepSchema).min(1, err('steps_required')),
  builtIn: z.boolean().default(false),
  /** An own list the office no longer offers; kept because receptions refer to it. */
  archived: z.boolean().default(false),
};

function checkStepIds(template: { steps: readonly ChecklistStep[] }, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  template.steps.forEach((step, i) => {
    if (ids.has(step.id)) {
      addIssue(ctx, ['steps', i, 'id'], 'duplicate_key');
    }
    ids.add(step.id);
  });
}

export const checklistTemplateInputObjectSchema = z.object(checklistFieldsShape);
export const checklistTemplateInputSchema =
  checklistTemplateInputObjectSchema.superRefine(checkStepIds);

export const checklistTemplateObjectSchema = z.object({
  ...baseRecordShape,
  ...checklistFieldsShape,
});
export const checklistTemplateSchema = checklistTemplateObjectSchema.superRefine(checkStepIds);

export type ChecklistTemplateInput = z.input<typeof checklistTemplateInputSchema>;
export type ChecklistTemplate = z.output<typeof checklistTemplateSchema>;

/**
 * Fixed ids of the built-in checklists, the same in every database: a screen can show a
 * built-in list before it is stored, and a reception that refers to one finds it anywhere.
 */
export const BUILT_IN_CHECKLIST_IDS = {
  reception_preparation: '01900000-0000-7000-8000-000000000101',
  meeting: '01900000-0000-7000-8000-000000000102',
  public_hearing: '01900000-0000-7000-8000-000000000103',
} as const;

/**
 * Built-in checklists from the seed handouts ("Чек-парақ: депутаттың азаматтармен
 * кездесуі", "Қоғамдық тыңдау құрылымы", section 2.1 on receptions), worded for the app. The
 * database layer seeds them once (matching on `key`); offices then edit copies or add their
 * own.
 */
export const DEFAULT_CHECKLIST_TEMPLATES = [
  {
    key: 'reception_preparation',
    purpose: 'reception_preparation',
    builtIn: true,
    name: { kk: 'Қабылдауға дайындық', ru: 'Подготовка к приёму' },
    steps: [
      {
        id: 'announce',
        text: {
          kk: 'Қабылдау туралы алдын ала жария хабарландыру жасаңыз',
          ru: 'Заранее опубликуйте объявление о приёме',
        },
        field: null,
      },
      {
        id: 'accessibility',
        text: {
          kk: 'Үй-жайдың қолжетімділігін тексеріңіз (пандус, бірінші қабат)',
          ru: 'Проверьте доступность помещения (пандус, первый этаж)',
        },
        field: null,
      },
      {
        id: 'table',
        text: {
          kk: 'Үстел мен келушілерге арналған орындықтар',
          ru: 'Стол и стулья для посетителей',
        },
        field: null,
      },
      {
        id: 'notebook',
        text: { kk: 'Дәптер мен қалам', ru: 'Блокнот и ручка' },
        field: null,
      },
      { id: 'water', text: { kk: 'Ауызсу', ru: 'Питьевая вода' }, field: null },
      {
        id: 'contact_cards',
        text: { kk: 'Байланыс деректері бар карточкалар', ru: 'Карточки с контактами' },
        field: null,
      },
      {
        id: 'consent_forms',
        text: {
          kk: 'Дербес деректерді өңдеуге келісім бланктері',
          ru: 'Бланки согласия на обработку персональных данных',
        },
        field: null,
      },
      {
        id: 'receipts',
        text: {
          kk: 'Талон басып шығаруға принтер мен қағаз дайын',
          ru: 'Принтер и бумага для печати талонов готовы',
        },
        field: null,
      },
      {
        id: 'laptop',
        text: {
          kk: 'Ноутбук толық зарядталған, қуаттағышы қасыңызда',
          ru: 'Ноутбук заряжен, зарядное устройство с собой',
        },
        field: null,
      },
    ],
  },
  {
    key: 'meeting',
    purpose: 'meeting',
    builtIn: true,
    name: { kk: 'Депутаттың азаматпен кездесуі', ru: 'Встреча депутата с гражданином' },
    steps: [
      {
        id: 'prepare',
        text: {
          kk: 'Орынды дайындаңыз: үстел, дәптер, су, байланыс деректері',
          ru: 'Подготовьте место: стол, блокнот, вода, контакты',
        },
        field: null,
      },
      {
        id: 'listen',
        text: {
          kk: 'Сөзін бөлмей тыңдаңыз. Мәселені сөзбе-сөз жазып алыңыз',
          ru: 'Выслушайте, не перебивая. Запишите проблему дословно',
        },
        field: 'text',
      },
      {
        id: 'expectation',
        text: {
          kk: 'Сұраңыз: «Депутат ретінде менен не күтесіз?»',
          ru: 'Спросите: «Чего вы ждёте от меня как от депутата?»',
        },
        field: 'expectation',
      },
      {
        id: 'propose',
        text: {
          kk: 'Әрекет жолын ұсыныңыз: депутаттық сауал, кездесу, құзыретті органға жолдау немесе орнында кеңес беру',
          ru: 'Предложите порядок действий: депутатский запрос, встреча, направление в компетентный орган или консультация на месте',
        },
        field: 'proposedAction',
      },
      {
        id: 'record',
        text: {
          kk: 'Кездесудің нәтижесін және жауап беру мерзімін жазыңыз',
          ru: 'Запишите итог встречи и срок ответа',
        },
        field: null,
      },
      {
        id: 'thank',
        text: {
          kk: 'Алғыс айтып, байланыс деректеріңізді қалдырыңыз',
          ru: 'Поблагодарите и оставьте свои контакты',
        },
        field: null,
      },
      {
        id: 'follow_up',
        text: {
          kk: 'Кездесуден кейін өтінішті пысықтап, нәтижесін азаматқа хабарлаңыз',
          ru: 'После встречи проработайте обращение и сообщите результат заявителю',
        },
        field: null,
      },
    ],
  },
  {
    key: 'public_hearing',
    purpose: 'public_hearing',
    builtIn: true,
    name: { kk: 'Қоғамдық тыңдау құрылымы', ru: 'Порядок публичных слушаний' },
    steps: [
      {
        id: 'introduction',
        text: {
          kk: 'Депутаттың кіріспе сөзі: кездесудің мақсаты, регламенті, тақырыбы',
          ru: 'Вступительное слово депутата: цель встречи, регламент, тема',
        },
        field: null,
      },
      {
        id: 'citizens_speak',
        text: {
          kk: 'Азаматтардың сөз сөйлеуі: әрқайсысына 2–3 минуттан, модерация міндетті',
          ru: 'Выступления граждан: по 2–3 минуты, модерация обязательна',
        },
        field: null,
      },
      {
        id: 'answers',
        text: {
          kk: 'Әкімдік пен органдар өкілдерінің жауаптары мен түсініктемелері',
          ru: 'Ответы и пояснения представителей акимата и органов',
        },
        field: null,
      },
      {
        id: 'summary',
        text: {
          kk: 'Қорытынды шығару және ұсыныстарды бекіту',
          ru: 'Подведение итогов и утверждение предложений',
        },
        field: null,
      },
      {
        id: 'next_steps',
        text: {
          kk: 'Келесі қадамдар: есепті жариялау және орындалуын бақылау',
          ru: 'Следующие шаги: публикация отчёта и контроль исполнения',
        },
        field: null,
      },
    ],
  },
] as const satisfies readonly ChecklistTemplateInput[];
