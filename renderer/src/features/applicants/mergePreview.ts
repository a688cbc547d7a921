import { hasConsent } from '@shared/validation/consent';
import type { Applicant } from '@shared/domain';
import type { MessageCode } from '@shared/validation/messages';
import { normalizeAddress } from '@shared/validation/text';

/** The fields the merge preview compares, in the order it shows them. */
export const MERGE_FIELDS = [
  'fullName',
  'iin',
  'phones',
  'email',
  'address',
  'preferredLanguage',
  'preferredChannel',
  'vulnerableCategories',
  'consent',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergedFields = Pick<Applicant, MergeField>;

export interface MergePreview {
  /** What the kept record will hold after the merge. */
  result: MergedFields;
  /** Fields whose result takes something from the duplicate (filled or combined). */
  fromDuplicate: ReadonlySet<MergeField>;
  /** Why the merge would be refused, as a message code; null when it can go ahead. */
  refusal: MessageCode | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The kept record after `mergeApplicants(keep, merge)`, computed without writing: the same
 * rules as the repository (name and language of the kept record; IIN, e-mail, address,
 * channel and consent filled from the duplicate when the kept record has none; phones and
 * vulnerable categories combined). A test checks it against the real merge.
 */
export function previewMerge(keep: Applicant, merge: Applicant): MergePreview {
  const result: MergedFields = {
    fullName: keep.fullName,
    iin: keep.iin ?? merge.iin,
    phones: [...new Set([...keep.phones, ...merge.phones])],
    email: keep.email ?? merge.email,
    address: normalizeAddress(keep.address) === '' ? merge.address : keep.address,
    preferredLanguage: keep.preferredLanguage,
    preferredChannel: keep.preferredChannel ?? merge.preferredChannel,
    vulnerableCategories: [
      ...new Set([...keep.vulnerableCategories, ...merge.vulnerableCategories]),
    ],
    // As the merge does: the consent recorded on either record goes with the person who stays.
    consent: hasConsent(keep)
      ? keep.consent
      : hasConsent(merge)
        ? merge.consent
        : (keep.consent ?? merge.consent),
  };
  const fromDuplicate = new Set<MergeField>(
    MERGE_FIELDS.filter((field) => !same(result[field], keep[field])),
  );
  let refusal: MessageCode | null = null;
  if (keep.id === merge.id) refusal = 'merge_into_self';
  else if (keep.iin && merge.iin && keep.iin !== merge.iin) refusal = 'merge_iin_conflict';
  else if (keep.deletedAt !== null || merge.deletedAt !== null) refusal = 'record_not_found';
  return { result, fromDuplicate, refusal };
}
