// Where a placeholder's value comes from: the pieces the table in placeholders.ts is built
// from, and how a letter addresses the person (callName, dearWord).
import {
  labelOf,
  missingResponseParts,
  type Appeal,
  type Applicant,
  type Inquiry,
} from '../domain';
import { formatLetterDate } from '../format';
import type { Lang } from '../i18n/lang';
import { idSchema } from '../ids';
import type { PlaceholderDef, PlaceholderGroup, PlaceholderType, TemplateContext } from './types';

/** A value as found in the context: a date is formatted later, in the form the letter asks. */
export type RawValue = { type: 'date'; day: string } | { type: 'text'; text: string } | null;

export function text(value: string | number | null | undefined): RawValue {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : { type: 'text', text: s };
}

export function date(value: string | null | undefined): RawValue {
  return value ? { type: 'date', day: value.slice(0, 10) } : null;
}

export function joinAddress(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

export function appealsOf(ctx: TemplateContext): Appeal[] {
  if (ctx.appeals && ctx.appeals.length > 0) return ctx.appeals;
  return ctx.appeal ? [ctx.appeal] : [];
}

/** «№ 2026-0042 (03.11.2026), № 2026-0047 (05.11.2026)»: reads the same in both languages. */
export function appealList(ctx: TemplateContext): string {
  return appealsOf(ctx)
    .map((a) => `№ ${a.regNo} (${formatLetterDate(a.receivedAt.slice(0, 10), ctx.lang, 'short')})`)
    .join(', ');
}

/**
 * `forwardedTo` is either an agency id from the directory or a body's name typed by hand.
 * An id is only resolved through the agency the caller passed in.
 */
export function forwardedTo(ctx: TemplateContext): RawValue {
  const value = ctx.appeal?.forwardedTo ?? null;
  if (value === null) return null;
  if (idSchema.safeParse(value).success) {
    return ctx.agency?.id === value ? text(ctx.agency.name[ctx.lang]) : null;
  }
  return text(value);
}

/** The flat written as an address line reads it: «12-пәтер», «кв. 12» (as typed if not a number). */
export function flatText(flat: string, lang: Lang): string {
  const value = flat.trim();
  if (!/^\d+[а-яa-zәғқңөұүһі]?$/iu.test(value)) return value;
  return lang === 'kk' ? `${value}-пәтер` : `кв. ${value}`;
}

export function applicantAddress(applicant: Applicant | null | undefined, lang: Lang): RawValue {
  if (!applicant) return null;
  const a = applicant.address;
  return text(joinAddress([a.locality, a.district, a.street, a.building, flatText(a.flat, lang)]));
}

export function missingParts(inquiry: Inquiry | undefined, lang: Lang): RawValue {
  if (!inquiry?.response) return null;
  const parts = missingResponseParts(inquiry.response.check);
  return text(parts.map((part) => labelOf('responsePart', part, lang)).join('\n'));
}

/** kk «10:00–12:00»; ru «с 10:00 до 12:00» or «в 10:00» when there is no end time. */
export function timeRange(ctx: TemplateContext): RawValue {
  const r = ctx.reception;
  if (!r) return null;
  const start = r.startTime.slice(0, 5);
  const end = r.endTime?.slice(0, 5) ?? null;
  if (ctx.lang === 'kk') return text(end ? `${start}–${end}` : start);
  return text(end ? `с ${start} до ${end}` : `в ${start}`);
}

/**
 * How a letter addresses the person: name and patronymic («Гүлнар Ерболқызы») when the full
 * name is written surname first with a patronymic, else the full name as typed.
 */
export function callName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const patronymic = /(овна|евна|ична|ович|евич|ич|қызы|кызы|ұлы|улы|оглы)$/i;
  if (words.length >= 3 && patronymic.test(words[words.length - 1] ?? '')) {
    return words.slice(1).join(' ');
  }
  return fullName.trim();
}

/**
 * «Уважаемый» or «Уважаемая» from the patronymic or surname ending; «Уважаемый(-ая)» when
 * the name does not tell. Kazakh «Құрметті» has no gender.
 */
export function dearWord(fullName: string, lang: Lang): string {
  if (lang === 'kk') return 'Құрметті';
  const words = fullName
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const female = /(овна|евна|ична|инична|қызы|кызы)$/;
  const male = /(ович|евич|ич|ұлы|улы|оглы)$/;
  if (words.some((w) => female.test(w))) return 'Уважаемая';
  if (words.some((w) => male.test(w))) return 'Уважаемый';
  const surname = words[0] ?? '';
  if (/(ова|ева|ина|ая)$/.test(surname)) return 'Уважаемая';
  if (/(ов|ев|ин|ий)$/.test(surname)) return 'Уважаемый';
  return 'Уважаемый(-ая)';
}

export interface PlaceholderSpec extends PlaceholderDef {
  get(ctx: TemplateContext): RawValue;
}

export function def(
  key: string,
  group: PlaceholderGroup,
  type: PlaceholderType,
  label: [kk: string, ru: string],
  example: [kk: string, ru: string],
  get: (ctx: TemplateContext) => RawValue,
): PlaceholderSpec {
  return {
    key,
    group,
    type,
    label: { kk: label[0], ru: label[1] },
    example: { kk: example[0], ru: example[1] },
    get,
  };
}
