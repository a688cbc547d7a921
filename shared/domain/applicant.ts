import { z } from 'zod';

import { iinError } from '../validation/iin';
import { normalizePhone } from '../validation/phone';
import { CONTACT_CHANNELS, RECORDED_CONSENT_FORMS, VULNERABLE_CATEGORIES } from './enums';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  err,
  idSchema,
  isoDateTimeSchema,
  langSchema,
  localDateSchema,
  nullableEmailSchema,
  plainText,
  requiredText,
  uniqueList,
} from './common';

/** An optional IIN: '' becomes null; anything else must pass the IIN check. */
export const iinSchema = z
  .string(err('iin_invalid'))
  .trim()
  .nullable()
  .transform((value) => (value === '' ? null : value))
  .superRefine((value, ctx) => {
    if (value === null) return;
    const code = iinError(value);
    if (code !== null) ctx.addIssue({ code: 'custom', message: code });
  });

/** A phone typed in any common format, turned into E.164. */
export const phoneInputSchema = z.string(err('phone_empty')).transform((value, ctx) => {
  const result = normalizePhone(value);
  if (result.ok) return result.e164;
  ctx.addIssue({ code: 'custom', message: result.code });
  return z.NEVER;
});

/** An optional phone for forms: '' becomes null, anything else is normalised to E.164. */
export const nullablePhoneInputSchema = z
  .string(err('phone_empty'))
  .nullable()
  .transform((value, ctx) => {
    if (value === null || value.trim() === '') return null;
    const result = normalizePhone(value);
    if (result.ok) return result.e164;
    ctx.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  });

/** A stored phone: already E.164, a valid number of any country. */
export const e164PhoneSchema = z.string(err('phone_e164')).refine((value) => {
  const result = normalizePhone(value);
  return result.ok && result.e164 === value;
}, err('phone_e164'));

export const personAddressSchema = z.object({
  locality: plainText(200).default(''),
  district: plainText(200).default(''),
  street: plainText(200).default(''),
  building: plainText(50).default(''),
  flat: plainText(50).default(''),
});
export type PersonAddress = z.output<typeof personAddressSchema>;

export const EMPTY_PERSON_ADDRESS: PersonAddress = {
  locality: '',
  district: '',
  street: '',
  building: '',
  flat: '',
};

/** Consent to personal-data processing, recorded at intake (date and form). */
export const consentSchema = z.object({
  given: z.boolean(),
  date: localDateSchema,
  form: enumSchema(RECORDED_CONSENT_FORMS),
});
export type Consent = z.output<typeof consentSchema>;

const applicantCommonShape = {
  iin: iinSchema.default(null),
  email: nullableEmailSchema.default(null),
  address: personAddressSchema.default(EMPTY_PERSON_ADDRESS),
  preferredLanguage: langSchema.default('kk'),
  preferredChannel: enumSchema(CONTACT_CHANNELS).nullable().default(null),
  vulnerableCategories: uniqueList(enumSchema(VULNERABLE_CATEGORIES)).default([]),
  consent: consentSchema.nullable().default(null),
};

/** What a form or an import supplies: phones in any format, normalised to E.164. */
export const applicantInputSchema = z.object({
  fullName: requiredText(200),
  phones: uniqueList(phoneInputSchema).default([]),
  ...applicantCommonShape,
});

/**
 * A stored applicant. After anonymisation (on request, keeping the appeals' statistics)
 * the name may be empty and the personal fields are cleared.
 */
export const applicantObjectSchema = z.object({
  ...baseRecordShape,
  fullName: plainText(200),
  phones: z.array(e164PhoneSchema),
  ...applicantCommonShape,
  anonymisedAt: isoDateTimeSchema.nullable(),
  /** The journal import that created this applicant (undo removes it with the batch). */
  importBatchId: idSchema.nullable().default(null),
  /** Set when this record was merged into another applicant (a duplicate). */
  mergedInto: idSchema.nullable(),
});

export const applicantSchema = applicantObjectSchema.superRefine((applicant, ctx) => {
  if (applicant.anonymisedAt === null && applicant.fullName === '') {
    addIssue(ctx, ['fullName'], 'required');
  }
  if (applicant.mergedInto !== null && applicant.mergedInto === applicant.id) {
    addIssue(ctx, ['mergedInto'], 'merge_into_self');
  }
});

export type ApplicantInput = z.input<typeof applicantInputSchema>;
export type ApplicantInputData = z.output<typeof applicantInputSchema>;
export type Applicant = z.output<typeof applicantSchema>;
