/**
 * Consent to processing personal data (Law on personal data, 2013; domain.md, "Rules added
 * … 2026-12"): every appeal that stores personal data has the consent of each person whose
 * data it stores, recorded with its date and form — on every path: the office form, the
 * reception intake, the journal import («from the paper journal»), the merge. A person who
 * refuses still gets their appeal registered, without personal data, and that is an explicit
 * choice of the one registering it, never what happens when a box is left unticked.
 *
 * Consent lives on the applicant (`Applicant.consent`: given, date, form). An appeal holds
 * personal data through its lead applicant and co-applicants; an appeal without applicants
 * (anonymous, or registered without personal data) holds none and needs no consent.
 *
 * The JSON import (a restore of the office's own database) does not refuse a file for
 * missing consent — refusing would make old backups unrestorable — it lists such applicants
 * (`applicantsMissingConsent`) so the office can record consent or anonymise them.
 */

import { CONSENT_FORMS, RECORDED_CONSENT_FORMS, type ConsentForm } from '../domain/enums';
import { checkConsentDate, type DateIssue, type FactClock } from './dates';

/** The fields that identify a person. */
export interface PersonalFields {
  fullName?: string | null;
  iin?: string | null;
  phones?: readonly string[];
  email?: string | null;
  address?: {
    locality?: string;
    district?: string;
    street?: string;
    building?: string;
    flat?: string;
  } | null;
  /** Anonymised on request: whatever remains identifies nobody. */
  anonymisedAt?: string | null;
}

function filled(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Whether a person's record stores personal data: a name, an IIN, a phone, an e-mail, or a
 * home address down to the street (a locality or district alone identifies nobody). The
 * language, preferred channel and vulnerable categories of a nameless record do not identify
 * anyone either.
 */
export function holdsPersonalData(person: PersonalFields | null | undefined): boolean {
  if (person === null || person === undefined) return false;
  if (filled(person.anonymisedAt)) return false;
  const address = person.address ?? {};
  return (
    filled(person.fullName) ||
    filled(person.iin) ||
    (person.phones ?? []).some(filled) ||
    filled(person.email) ||
    filled(address.street) ||
    filled(address.building) ||
    filled(address.flat)
  );
}

export interface ConsentLike {
  given: boolean;
  date: string;
  form: ConsentForm;
}

/** Consent is recorded: given, with a date and a known form. */
export function hasConsent(person: { consent?: ConsentLike | null } | null | undefined): boolean {
  const consent = person?.consent;
  return (
    consent !== null &&
    consent !== undefined &&
    consent.given &&
    (RECORDED_CONSENT_FORMS as readonly string[]).includes(consent.form)
  );
}

/** A person whose data is stored must have consented. */
export function needsConsent(
  person: (PersonalFields & { consent?: ConsentLike | null }) | null | undefined,
): boolean {
  return holdsPersonalData(person) && !hasConsent(person);
}

/**
 * What the one registering an appeal chose for this person: consent given (date and form),
 * or refused — the appeal is then registered without personal data.
 */
export type ConsentChoice =
  { kind: 'given'; date: string; form: ConsentForm } | { kind: 'refused' };

export const CONSENT_ERROR_CODES = [
  'consent_choice_required',
  'consent_refused_personal_data',
  'consent_required',
  'consent_before_storing',
  'invalid_option',
] as const;
export type ConsentErrorCode = (typeof CONSENT_ERROR_CODES)[number];

export interface ConsentIssue {
  path: string;
  code: ConsentErrorCode | DateIssue['code'];
}

/**
 * The check of a form or the intake before an appeal is registered: `person` is the data
 * about to be stored for the applicant (null for none), `onFile` the consent an existing
 * applicant already has, `choice` what was chosen now.
 * - data and consent on file: nothing more is needed;
 * - data and no choice: `consent_choice_required` (record consent, or register without data);
 * - data and «refused»: `consent_refused_personal_data` (remove the data first);
 * - consent given: its date is a fact (not in the future, not before 2000) and its form known.
 */
export function checkConsentChoice(
  input: {
    person: PersonalFields | null;
    onFile?: ConsentLike | null;
    choice: ConsentChoice | null;
  },
  now: Date | FactClock,
): ConsentIssue[] {
  const { person, choice } = input;
  if (choice?.kind === 'given') {
    const issues: ConsentIssue[] = checkConsentDate({ date: choice.date }, now);
    if (!(CONSENT_FORMS as readonly string[]).includes(choice.form)) {
      issues.push({ path: 'consent.form', code: 'invalid_option' });
    }
    return issues;
  }
  if (!holdsPersonalData(person)) return [];
  if (choice?.kind === 'refused')
    return [{ path: 'consent', code: 'consent_refused_personal_data' }];
  if (hasConsent({ consent: input.onFile ?? null })) return [];
  return [{ path: 'consent', code: 'consent_choice_required' }];
}

/** The consent to store on the applicant for a choice (nothing is stored for a refusal). */
export function consentOf(choice: ConsentChoice): ConsentLike | null {
  return choice.kind === 'given' ? { given: true, date: choice.date, form: choice.form } : null;
}

type Lookup<T> = ReadonlyMap<string, T> | ((id: string) => T | undefined);

function find<T>(lookup: Lookup<T>, id: string): T | undefined {
  return typeof lookup === 'function' ? lookup(id) : lookup.get(id);
}

type PersonRecord = PersonalFields & { consent?: ConsentLike | null };

/** Whether an appeal stores personal data through any of its applicants. */
export function appealHoldsPersonalData(
  appeal: { applicantId: string | null; coApplicantIds: readonly string[] },
  applicants: Lookup<PersonRecord>,
): boolean {
  const ids = [appeal.applicantId, ...appeal.coApplicantIds].filter((id) => id !== null);
  return ids.some((id) => holdsPersonalData(find(applicants, id)));
}

/**
 * The applicants of an appeal whose data is stored without consent, on the appeal's field
 * that links them (`applicantId`, `coApplicantIds.1`): what a repository refuses before it
 * registers or re-links an appeal, and what a merge checks on the applicant that stays.
 */
export function checkAppealConsent(
  appeal: { applicantId: string | null; coApplicantIds: readonly string[] },
  applicants: Lookup<PersonRecord>,
): ConsentIssue[] {
  const issues: ConsentIssue[] = [];
  if (appeal.applicantId !== null && needsConsent(find(applicants, appeal.applicantId))) {
    issues.push({ path: 'applicantId', code: 'consent_required' });
  }
  appeal.coApplicantIds.forEach((id, i) => {
    if (needsConsent(find(applicants, id))) {
      issues.push({ path: `coApplicantIds.${String(i)}`, code: 'consent_required' });
    }
  });
  return issues;
}

/** Applicants (live, not anonymised) that store personal data without recorded consent. */
export function applicantsMissingConsent<
  T extends PersonRecord & { id: string; deletedAt?: string | null },
>(applicants: readonly T[]): string[] {
  return applicants
    .filter((a) => (a.deletedAt ?? null) === null && needsConsent(a))
    .map((a) => a.id);
}

/** kk/ru texts of the codes above, spread into MESSAGES. */
export const consentMessages = {
  consent_choice_required: {
    kk: 'Жеке деректерді өңдеуге келісімді белгілеңіз немесе адам келіспесе, өтінішті жеке деректерсіз тіркеуді таңдаңыз',
    ru: 'Отметьте согласие на обработку персональных данных или, если человек не согласен, выберите регистрацию обращения без персональных данных',
  },
  consent_refused_personal_data: {
    kk: 'Адам келісім бермеді: аты-жөнін, ЖСН-ін, телефонын, поштасын және мекенжайын өшіріңіз — өтініш жеке деректерсіз тіркеледі',
    ru: 'Человек не дал согласия: уберите ФИО, ИИН, телефон, почту и адрес — обращение регистрируется без персональных данных',
  },
  consent_required: {
    kk: 'Бұл адамның жеке деректерін өңдеуге келісімі жазылмаған: келісімін белгілеңіз',
    ru: 'Не записано согласие этого человека на обработку персональных данных: отметьте его',
  },
  consent_before_storing: {
    kk: 'Өтініш берушінің деректері тек жазбаша келісіммен сақталады: келісімді белгілеңіз. Адам келіспесе, өтінішті жеке деректерсіз (анонимді) тіркеңіз',
    ru: 'Данные заявителя сохраняются только с письменным согласием: отметьте согласие. Если человек не согласен, зарегистрируйте обращение без персональных данных (анонимно)',
  },
} as const;
