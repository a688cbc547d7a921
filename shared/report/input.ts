// What `buildQuarterlyReport` reads: plain records (a stored appeal, applicant… fits as is)
// and the options of one build.

import type {
  Appeal,
  Applicant,
  Initiative,
  Inquiry,
  PlanItem,
  Reception,
  Settings,
} from '../domain';
import type { Lang } from '../i18n/lang';

/** The appeal fields the report reads. A stored `Appeal` fits as is. */
export type ReportAppeal = Pick<
  Appeal,
  | 'id'
  | 'regNo'
  | 'deletedAt'
  | 'receivedAt'
  | 'registeredOn'
  | 'channel'
  | 'kind'
  | 'collective'
  | 'signatories'
  | 'applicantId'
  | 'coApplicantIds'
  | 'topic'
  | 'location'
  | 'priority'
  | 'status'
  | 'outcome'
  | 'notResolvedReason'
  | 'publicSummary'
  | 'inReport'
  | 'reportHighlight'
  | 'firstContactAt'
  | 'decidedOn'
  | 'extendedTo'
  | 'decideBy'
  | 'acknowledgeBy'
>;

/** Applicants are read only for their names, to find them in public text. */
export type ReportApplicant = Pick<Applicant, 'id' | 'fullName'>;

export type ReportReception = Pick<Reception, 'id' | 'deletedAt' | 'date' | 'status' | 'queue'>;

export type ReportInquiry = Pick<
  Inquiry,
  'id' | 'deletedAt' | 'status' | 'outgoingDate' | 'dueDate' | 'response'
>;

export type ReportInitiative = Pick<
  Initiative,
  | 'id'
  | 'deletedAt'
  | 'title'
  | 'target'
  | 'submittedOn'
  | 'status'
  | 'result'
  | 'topic'
  | 'publicSummary'
  | 'inReport'
>;

export type ReportPlanItem = Pick<
  PlanItem,
  | 'id'
  | 'deletedAt'
  | 'year'
  | 'quarter'
  | 'title'
  | 'actions'
  | 'topic'
  | 'status'
  | 'order'
  | 'inReport'
>;

export type ReportSettings = Pick<
  Settings,
  | 'deputy'
  | 'maslikhat'
  | 'okrugNumber'
  | 'okrugDescription'
  | 'receptionAddress'
  | 'contacts'
  | 'workHours'
  | 'calendar'
  | 'deadlines'
  | 'topics'
  | 'report'
>;

/**
 * Plain records, as stored (or as in the JSON export): `buildQuarterlyReport` needs nothing
 * else. Soft-deleted records (deletedAt set) may be included; they are ignored.
 */
export interface ReportInput {
  appeals: readonly ReportAppeal[];
  /** Only to scan public text for applicants' names; nothing of them reaches the report. */
  applicants: readonly ReportApplicant[];
  receptions: readonly ReportReception[];
  inquiries: readonly ReportInquiry[];
  initiatives: readonly ReportInitiative[];
  planItems: readonly ReportPlanItem[];
  settings: ReportSettings;
}

export interface ReportOptions {
  lang: Lang;
  /** The office's today, 'YYYY-MM-DD' (Kazakhstan local date): the generation date. */
  today: string;
  /** Print the annex: every public summary of sections 2 and 3 by topic. Default false. */
  annex?: boolean;
  /**
   * A public summary missing in the report's language is printed in the other language, in
   * brackets, instead of blocking the export. An explicit choice of the office; default false.
   */
  otherLanguageInBrackets?: boolean;
}
