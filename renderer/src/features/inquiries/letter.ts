import type { WorkCalendar } from '@shared/calendar';
import type { Agency, Appeal, Inquiry, Settings, Template } from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import {
  BUILT_IN_TEMPLATES,
  builtInTemplate,
  letterFrame,
  letterToDocx,
  letterToPlainText,
  placeholderDef,
  renderTemplate,
  templateExtraFields,
  type RenderResult,
} from '@shared/templates';
import { inquiryAnswerBy } from '@shared/workflow/deadlines';
import type { TizilimDb } from '@renderer/db/database';
import { getPlatform } from '@renderer/platform';

export const INQUIRY_TEMPLATE_ID = builtInTemplate('inquiry').id;
export const REPEAT_TEMPLATE_ID = builtInTemplate('inquiry-repeat').id;

/** Templates an inquiry may be written from: the built-ins and the office's own. */
export async function inquiryTemplates(db: TizilimDb): Promise<Template[]> {
  const own = await db.templates.where('kind').equals('inquiry').toArray();
  return [
    ...BUILT_IN_TEMPLATES.filter((t) => t.kind === 'inquiry'),
    ...own.filter((t) => t.deletedAt === null),
  ];
}

/** The template of an inquiry (the built-in inquiry letter when none is set or it is gone). */
export async function templateOf(db: TizilimDb, templateId: string | null): Promise<Template> {
  const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === templateId);
  if (builtIn) return builtIn;
  const own = templateId ? await db.templates.get(templateId) : undefined;
  return own && own.deletedAt === null ? own : builtInTemplate('inquiry');
}

/** Everything the letter of an inquiry is made from. */
export interface InquiryLetterData {
  inquiry: Inquiry;
  template: Template;
  appeals: Appeal[];
  agency: Agency | null;
  previous: Inquiry | null;
}

export async function loadLetterData(db: TizilimDb, inquiry: Inquiry): Promise<InquiryLetterData> {
  const [template, appeals, agency, previous] = await Promise.all([
    templateOf(db, inquiry.templateId),
    db.appeals.bulkGet(inquiry.appealIds),
    inquiry.agencyId ? db.agencies.get(inquiry.agencyId) : undefined,
    inquiry.repeatOfId ? db.inquiries.get(inquiry.repeatOfId) : undefined,
  ]);
  return {
    inquiry,
    template,
    appeals: appeals.filter((a): a is Appeal => a !== undefined),
    agency: agency ?? null,
    previous: previous ?? null,
  };
}

/**
 * Renders the letter. A draft has no number and no due date yet: the due date is the one
 * it would get if sent today, so the letter reads as it will go out; the number and date
 * are left blank in the frame to be filled in by hand or on sending.
 */
export function renderInquiryLetter(
  data: InquiryLetterData,
  env: { settings: Settings; calendar: WorkCalendar; today: string },
): RenderResult {
  const { inquiry } = data;
  const dueDate =
    inquiry.dueDate ?? inquiryAnswerBy(env.calendar, env.today, env.settings.deadlines);
  return renderTemplate(data.template, {
    lang: inquiry.language,
    today: inquiry.outgoingDate ?? env.today,
    settings: env.settings,
    appeals: data.appeals,
    ...(data.appeals.length === 1 ? { appeal: data.appeals[0] } : {}),
    inquiry: { ...inquiry, dueDate },
    ...(data.previous ? { previousInquiry: data.previous } : {}),
    agency: data.agency,
    extra: inquiry.extra,
  });
}

/** The fields the user types for a template (problem, questions...), with their labels. */
export function extraFieldsOf(template: Template, lang: Lang) {
  return templateExtraFields(template, lang).map((name) => {
    const def = placeholderDef(`extra.${name}`);
    return { name, label: def?.label ?? { kk: name, ru: name }, type: def?.type ?? 'multiline' };
  });
}

/** A missing placeholder as the user knows it («Сұрақтар»), not as the template writes it. */
export function placeholderLabel(key: string, lang: Lang): string {
  return placeholderDef(key)?.label[lang] ?? key;
}

/** «Сауал 12-2026 2026-11-20» — the number and date name the file; a draft says so. */
export function letterFileName(inquiry: Inquiry, draftWord: string, ext: string): string {
  const number = inquiry.outgoingNo ? inquiry.outgoingNo.replace('/', '-') : draftWord;
  const date = inquiry.outgoingDate ?? '';
  const base = inquiry.language === 'kk' ? 'Депутаттық сауал' : 'Депутатский запрос';
  return `${[base, number, date].filter(Boolean).join(' ')}.${ext}`;
}

export async function saveInquiryDocx(
  data: InquiryLetterData,
  env: { settings: Settings; calendar: WorkCalendar; today: string },
  fileName: string,
): Promise<boolean> {
  const rendered = renderInquiryLetter(data, env);
  if (!rendered.ok) return false;
  const bytes = await letterToDocx(rendered.letter, {
    frame: letterFrame(env.settings, data.inquiry.language, {
      number: data.inquiry.outgoingNo,
      date: data.inquiry.outgoingDate,
    }),
  });
  const result = await getPlatform().saveFile({
    fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    data: bytes,
  });
  return result.saved;
}

export async function saveInquiryPdf(inquiry: Inquiry, fileName: string): Promise<boolean> {
  const result = await getPlatform().printToPdf({
    route: `/print/inquiry/${inquiry.id}`,
    fileName,
  });
  return result.saved;
}

export function inquiryPlainText(
  data: InquiryLetterData,
  env: { settings: Settings; calendar: WorkCalendar; today: string },
): string | null {
  const rendered = renderInquiryLetter(data, env);
  return rendered.ok ? letterToPlainText(rendered.letter) : null;
}
