import { parseLocalDateTime } from '@shared/calendar/dates';
import {
  labelOf,
  type ProposedAction,
  type QueueEntry,
  type VulnerableCategory,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';
import { formatKzPhone } from '@shared/validation/phone';
import type { IntakeInput } from '@shared/reception/intake';

/**
 * Everything typed during one visitor's conversation, as the intake screen holds it and the
 * draft stores it: strings exactly as typed (never trimmed here), so a restored draft is the
 * same to the last character.
 */
export interface IntakeValues {
  /** Step 2: the problem word for word. */
  text: string;
  /** Step 3. */
  expectation: string;
  /** Step 4. */
  proposedAction: ProposedAction | '';
  /** Step 5. */
  result: string;
  /** Step 5: '' until the deputy changes the suggested date. */
  respondBy: string;
  subject: string;
  topic: string;
  locality: string;
  district: string;
  street: string;
  building: string;
  /** A returning applicant, or '' for a new one made of the fields below. */
  applicantId: string;
  fullName: string;
  phone: string;
  iin: string;
  /**
   * The visitor's choice about their personal data: '' until one is made (registering then
   * asks for it), 'given' (written consent), or 'refused' — registered without personal data.
   */
  consent: IntakeConsent;
}

export type IntakeConsent = '' | 'given' | 'refused';

export function initialIntake(entry: Pick<QueueEntry, 'name' | 'phone' | 'applicantId'>) {
  return {
    text: '',
    expectation: '',
    proposedAction: '',
    result: '',
    respondBy: '',
    subject: '',
    topic: '',
    locality: '',
    district: '',
    street: '',
    building: '',
    applicantId: entry.applicantId ?? '',
    fullName: entry.name,
    phone: entry.phone ? formatKzPhone(entry.phone) : '',
    iin: '',
    consent: '' as IntakeConsent,
  } satisfies IntakeValues;
}

/** A draft read back: any field missing from an older draft takes its initial value. */
export function restoreIntake(
  entry: Pick<QueueEntry, 'name' | 'phone' | 'applicantId'>,
  data: unknown,
): IntakeValues {
  const base: IntakeValues = initialIntake(entry);
  if (typeof data !== 'object' || data === null) return base;
  const stored = data as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base) as (keyof IntakeValues)[]) {
    if (typeof stored[key] === typeof base[key]) out[key] = stored[key];
  }
  // Drafts from before the explicit choice kept a ticked box.
  if (stored.consent === true) out.consent = 'given';
  if (!['', 'given', 'refused'].includes(out.consent as string)) out.consent = '';
  return out as unknown as IntakeValues;
}

/** The vulnerable categories in words, for the queue and the appeal's priority reason. */
export function vulnerableReason(categories: readonly VulnerableCategory[], lang: Lang): string {
  return categories.map((c) => labelOf('vulnerableCategory', c, lang)).join(', ');
}

export function toIntakeInput(
  values: IntakeValues,
  ids: { receptionId: string; entryId: string },
  options: { today: string; lang: Lang; categories: readonly VulnerableCategory[] },
): IntakeInput {
  const refused = values.consent === 'refused';
  return {
    ...ids,
    // A refusal registers the appeal without personal data: no applicant at all.
    applicant: refused
      ? null
      : values.applicantId
        ? { existingId: values.applicantId }
        : {
            create: {
              fullName: values.fullName,
              phones: values.phone.trim() === '' ? [] : [values.phone],
              iin: values.iin.trim() === '' ? null : values.iin,
              preferredLanguage: options.lang,
              preferredChannel: values.phone.trim() === '' ? null : 'phone',
            },
          },
    consent:
      values.consent === 'given'
        ? { kind: 'given', date: options.today, form: 'written' }
        : refused
          ? { kind: 'refused' }
          : null,
    text: values.text,
    expectation: values.expectation,
    proposedAction: values.proposedAction === '' ? null : values.proposedAction,
    conversationResult: values.result,
    respondBy: values.respondBy === '' ? null : values.respondBy,
    subject: values.subject,
    topic: values.topic,
    location: {
      locality: values.locality,
      district: values.district,
      street: values.street,
      building: values.building,
    },
    priorityReason: options.categories.length
      ? vulnerableReason(options.categories, options.lang)
      : null,
  };
}

/** Whole minutes between two local date-times 'YYYY-MM-DDTHH:mm' (never negative). */
export function minutesBetween(from: string, to: string): number {
  return Math.max(0, parseLocalDateTime(to.slice(0, 16)) - parseLocalDateTime(from.slice(0, 16)));
}
