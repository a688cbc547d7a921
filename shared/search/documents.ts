/**
 * What appeals, applicants and agencies are found by: the domain records as search
 * documents. One function per record kind, so the app, the command line and the tests
 * index the same fields.
 */
import type { Agency, Appeal, Applicant } from '../domain';
import type { SearchDocument } from './collection';

/**
 * The fields of an appeal the search reads. `journalNo` (the paper journal's number of
 * an imported appeal) and `aliases` (receipt, provisional or earlier numbers) are
 * optional so records of every version are accepted.
 */
export type AppealSearchSource = Pick<
  Appeal,
  | 'id'
  | 'regNo'
  | 'subject'
  | 'text'
  | 'expectation'
  | 'location'
  | 'tags'
  | 'applicantId'
  | 'coApplicantIds'
  | 'deletedAt'
> & {
  journalNo?: string | null;
  aliases?: readonly string[] | null;
};

export type ApplicantSearchSource = Pick<
  Applicant,
  'id' | 'fullName' | 'phones' | 'iin' | 'address' | 'createdAt' | 'deletedAt'
>;

export type AgencySearchSource = Pick<
  Agency,
  'id' | 'name' | 'shortName' | 'headName' | 'address' | 'email' | 'deletedAt'
>;

/** Newer registry numbers first: 2026-0042 → 2026000042. */
function regNoOrder(regNo: string): number {
  const m = /^(\d{4})-(\d+)$/.exec(regNo);
  return m ? Number(m[1]) * 1_000_000 + Number(m[2]) : 0;
}

/** Every number an appeal is found by: its registry number, journal number and aliases. */
export function appealNumbers(appeal: AppealSearchSource): string[] {
  const numbers = [appeal.regNo];
  if (appeal.journalNo) numbers.push(appeal.journalNo);
  for (const alias of appeal.aliases ?? []) if (alias) numbers.push(alias);
  return numbers;
}

/** An appeal's own words and numbers; its applicants' names, phones and IIN are joined in. */
export function appealDocument(appeal: AppealSearchSource): SearchDocument {
  const { locality, district, street, building } = appeal.location;
  return {
    id: appeal.id,
    texts: [
      appeal.subject,
      appeal.text,
      appeal.expectation,
      locality,
      district,
      street,
      building,
      ...appeal.tags,
    ],
    numbers: appealNumbers(appeal),
    links: appealParties(appeal),
    order: regNoOrder(appeal.regNo),
  };
}

/** The applicants of an appeal: the lead one and the co-applicants. */
export function appealParties(appeal: AppealSearchSource): string[] {
  return appeal.applicantId
    ? [appeal.applicantId, ...appeal.coApplicantIds]
    : [...appeal.coApplicantIds];
}

export function applicantDocument(applicant: ApplicantSearchSource): SearchDocument {
  const { locality, district, street, building, flat } = applicant.address;
  const created = Date.parse(applicant.createdAt);
  return {
    id: applicant.id,
    names: [applicant.fullName],
    texts: [locality, district, street, building, flat],
    phones: applicant.phones,
    iins: [applicant.iin],
    // Newer first, in seconds so the order stays a small exact number.
    order: Number.isFinite(created) ? Math.floor(created / 1000) : 0,
  };
}

export function agencyDocument(agency: AgencySearchSource): SearchDocument {
  return {
    id: agency.id,
    names: [agency.name.kk, agency.name.ru, agency.shortName.kk, agency.shortName.ru],
    texts: [agency.headName, agency.address, agency.email ?? ''],
  };
}
