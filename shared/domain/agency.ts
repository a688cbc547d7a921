import { z } from 'zod';

import { AGENCY_KINDS } from './enums';
import type { Lang } from '../i18n/lang';
import { tokenize } from '../validation/text';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  idSchema,
  localizedTextSchema,
  nullableEmailSchema,
  plainText,
} from './common';

const EMPTY_LOCALIZED = { kk: '', ru: '' };

/**
 * The agency directory: addressees of deputy inquiries and forwarded appeals (akimat
 * departments, utilities, police...). Names are kept in both languages because letters go
 * out in either.
 */
const agencyFieldsShape = {
  name: localizedTextSchema,
  shortName: localizedTextSchema.default(EMPTY_LOCALIZED),
  kind: enumSchema(AGENCY_KINDS).default('other'),
  /** The agency this one belongs to (a department of an akimat), if any. */
  parentId: idSchema.nullable().default(null),
  headName: plainText(200).default(''),
  headPosition: localizedTextSchema.default(EMPTY_LOCALIZED),
  address: plainText(500).default(''),
  /**
   * Free text, not E.164: agencies publish short numbers (109), toll-free 8 800 lines and
   * extensions that are not a citizen's phone.
   */
  phone: plainText(200).default(''),
  email: nullableEmailSchema.default(null),
  website: plainText(300).default(''),
  notes: plainText(5_000).default(''),
  /** No longer exists or no longer used; kept so old letters still name it. */
  retired: z.boolean().default(false),
};

function checkAgencyName(agency: { name: { kk: string; ru: string } }, ctx: z.RefinementCtx) {
  if (agency.name.kk === '' && agency.name.ru === '') {
    addIssue(ctx, ['name'], 'name_required');
  }
}

export const agencyInputObjectSchema = z.object(agencyFieldsShape);
export const agencyInputSchema = agencyInputObjectSchema.superRefine(checkAgencyName);

export const agencyObjectSchema = z.object({
  ...baseRecordShape,
  ...agencyFieldsShape,
});
export const agencySchema = agencyObjectSchema.superRefine(checkAgencyName);

export type AgencyInput = z.input<typeof agencyInputSchema>;
export type AgencyInputData = z.output<typeof agencyInputSchema>;
export type Agency = z.output<typeof agencySchema>;

/** The agency's name in a language, falling back to the other language when it is empty. */
export function agencyName(agency: Pick<Agency, 'name'>, lang: Lang): string {
  const other = lang === 'kk' ? 'ru' : 'kk';
  return agency.name[lang] !== '' ? agency.name[lang] : agency.name[other];
}

/** Words an agency is found by: both names, short names, the head and the e-mail. */
export function agencySearchWords(
  agency: Pick<AgencyInputData, 'name' | 'shortName' | 'headName' | 'email'>,
): string[] {
  return tokenize(
    [
      agency.name.kk,
      agency.name.ru,
      agency.shortName.kk,
      agency.shortName.ru,
      agency.headName,
      agency.email ?? '',
    ].join(' '),
  );
}
