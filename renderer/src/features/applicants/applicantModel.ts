import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  applicantInputSchema,
  CONSENT_FORMS,
  CONTACT_CHANNELS,
  VULNERABLE_CATEGORIES,
  type AppealChannel,
  type ApplicantInput,
  type ConsentForm,
  type ContactChannel,
  type VulnerableCategory,
} from '@shared/domain';
import type { Lang } from '@shared/i18n/lang';

/** The new-applicant form: a person typed in at the counter or over the phone. */
export interface ApplicantFormValues {
  fullName: string;
  phones: string[];
  iin: string;
  email: string;
  address: { locality: string; district: string; street: string; building: string; flat: string };
  preferredLanguage: Lang;
  preferredChannel: ContactChannel | '';
  vulnerableCategories: VulnerableCategory[];
  consentGiven: boolean;
  consentDate: string;
  consentForm: ConsentForm;
}

/** How consent is usually recorded for an appeal that came in this way. */
export function consentFormFor(channel: AppealChannel | ''): ConsentForm {
  if (channel === 'reception' || channel === 'letter' || channel === 'hearing') return 'written';
  if (channel === 'phone') return 'oral';
  return 'electronic';
}

/** A fresh form, prefilled with what was typed into the search box. */
export function newApplicantValues(
  query: string,
  options: { today: string; lang: Lang; channel: AppealChannel | '' },
): ApplicantFormValues {
  const kind = guessQueryKind(query);
  const q = query.trim();
  return {
    fullName: kind === 'name' ? q : '',
    phones: [kind === 'phone' ? q : ''],
    iin: kind === 'iin' ? q : '',
    email: '',
    address: { locality: '', district: '', street: '', building: '', flat: '' },
    preferredLanguage: options.lang,
    preferredChannel: '',
    vulnerableCategories: [],
    consentGiven: false,
    consentDate: options.today,
    consentForm: consentFormFor(options.channel),
  };
}

export function applicantFormToInput(v: ApplicantFormValues): ApplicantInput {
  return {
    fullName: v.fullName,
    phones: v.phones.filter((p) => p.trim() !== ''),
    iin: v.iin.trim() === '' ? null : v.iin,
    email: v.email.trim() === '' ? null : v.email,
    address: { ...v.address },
    preferredLanguage: v.preferredLanguage,
    preferredChannel: v.preferredChannel === '' ? null : v.preferredChannel,
    vulnerableCategories: v.vulnerableCategories,
    consent: v.consentGiven ? { given: true, date: v.consentDate, form: v.consentForm } : null,
  };
}

const schemaResolver = zodResolver(applicantInputSchema);

/**
 * The domain's applicantInputSchema, with the consent's nested issues moved onto the flat
 * consent inputs. Empty phone boxes must be removed before validating (see `compactPhones`)
 * so the issue indexes match the boxes on screen.
 */
export const applicantFormResolver: Resolver<ApplicantFormValues> = async (
  values,
  context,
  options,
) => {
  const result = await schemaResolver(
    applicantFormToInput(values),
    context,
    options as unknown as Parameters<typeof schemaResolver>[2],
  );
  const raw = result.errors as FieldErrors<ApplicantInput> & Record<string, unknown>;
  if (Object.keys(raw).length === 0) return { values, errors: {} };
  const { consent, ...rest } = raw;
  const errors = { ...rest } as FieldErrors<ApplicantFormValues>;
  const nested = consent as FieldErrors<{ date: string; form: string }> | undefined;
  if (nested?.date) errors.consentDate = nested.date;
  if (nested?.form) errors.consentForm = nested.form;
  return { values: {}, errors };
};

/** Phone boxes without the empty ones, keeping one box to type into. */
export function compactPhones(phones: readonly string[]): string[] {
  const filled = phones.filter((p) => p.trim() !== '');
  return filled.length > 0 ? filled : [''];
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The panel's values read back from a draft; anything unexpected keeps its default. */
export function applicantValuesFromDraft(
  data: unknown,
  defaults: ApplicantFormValues,
): ApplicantFormValues {
  if (typeof data !== 'object' || data === null) return defaults;
  const d = data as Record<string, unknown>;
  const str = (v: unknown, fallback: string) => (isString(v) ? v : fallback);
  const address = (typeof d.address === 'object' && d.address !== null ? d.address : {}) as Record<
    string,
    unknown
  >;
  return {
    fullName: str(d.fullName, defaults.fullName),
    phones:
      Array.isArray(d.phones) && d.phones.length > 0 && d.phones.every(isString)
        ? [...d.phones]
        : defaults.phones,
    iin: str(d.iin, defaults.iin),
    email: str(d.email, defaults.email),
    address: {
      locality: str(address.locality, ''),
      district: str(address.district, ''),
      street: str(address.street, ''),
      building: str(address.building, ''),
      flat: str(address.flat, ''),
    },
    preferredLanguage:
      d.preferredLanguage === 'ru' || d.preferredLanguage === 'kk'
        ? d.preferredLanguage
        : defaults.preferredLanguage,
    preferredChannel:
      isString(d.preferredChannel) &&
      (CONTACT_CHANNELS as readonly string[]).includes(d.preferredChannel)
        ? (d.preferredChannel as ContactChannel)
        : '',
    vulnerableCategories: Array.isArray(d.vulnerableCategories)
      ? d.vulnerableCategories.filter((c): c is VulnerableCategory =>
          (VULNERABLE_CATEGORIES as readonly unknown[]).includes(c),
        )
      : [],
    consentGiven: typeof d.consentGiven === 'boolean' ? d.consentGiven : defaults.consentGiven,
    consentDate: str(d.consentDate, defaults.consentDate),
    consentForm:
      isString(d.consentForm) && (CONSENT_FORMS as readonly string[]).includes(d.consentForm)
        ? (d.consentForm as ConsentForm)
        : defaults.consentForm,
  };
}

/** What a typed query most likely is, to prefill the new-applicant form. */
export function guessQueryKind(query: string): 'phone' | 'iin' | 'name' {
  const q = query.trim();
  if (/^\d{12}$/.test(q)) return 'iin';
  if (/^[\d\s()+\-.]+$/.test(q) && q.replace(/\D/g, '').length >= 5) return 'phone';
  return 'name';
}
