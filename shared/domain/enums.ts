/**
 * Closed value sets of the domain as const arrays (for zod enums, selects and iteration)
 * and their union types. Labels in Kazakh and Russian are in `labels.ts`.
 */

export const APPEAL_CHANNELS = [
  'reception',
  'letter',
  'email',
  'phone',
  'telegram',
  'whatsapp',
  'instagram',
  'website',
  'eotinish',
  'hearing',
  'other',
] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** The kinds of appeal of the Administrative Procedural Code (АППК). */
export const APPEAL_KINDS = [
  'application',
  'complaint',
  'proposal',
  'information_request',
  'feedback',
  'report',
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_STATUSES = [
  'registered',
  'in_progress',
  'waiting_agency',
  'decided',
  'closed',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Statuses in which an appeal has a decision and therefore an outcome. */
export const DECIDED_STATUSES = ['decided', 'closed'] as const satisfies readonly AppealStatus[];

export const OUTCOMES = [
  'resolved',
  'partially_resolved',
  'explained',
  'forwarded',
  'not_resolved',
  'withdrawn',
  'not_considered',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const NOT_RESOLVED_REASONS = [
  'needs_budget',
  'outside_competence',
  'agency_refused',
  'other',
] as const;
export type NotResolvedReason = (typeof NOT_RESOLVED_REASONS)[number];

/** Checklist step 4: the course of action offered to the visitor. */
export const PROPOSED_ACTIONS = ['inquiry', 'meeting', 'forwarding', 'consultation'] as const;
export type ProposedAction = (typeof PROPOSED_ACTIONS)[number];

export const VULNERABLE_CATEGORIES = [
  'disability',
  'large_family',
  'pensioner',
  'veteran',
  'low_income',
  'other',
] as const;
export type VulnerableCategory = (typeof VULNERABLE_CATEGORIES)[number];

/** How the office reaches an applicant (preferred channel). */
export const CONTACT_CHANNELS = [
  'in_person',
  'phone',
  'sms',
  'letter',
  'email',
  'telegram',
  'whatsapp',
  'eotinish',
  'other',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * How the applicant was told the result (checklist step 7). `publication` is for appeals
 * with nobody to write to (anonymous, or hundreds of signatories): the answer was published.
 */
export const INFORM_CHANNELS = [...CONTACT_CHANNELS, 'publication'] as const;
export type InformChannel = (typeof INFORM_CHANNELS)[number];

export const EVENT_TYPES = [
  'created',
  'statusChanged',
  'fieldChanged',
  'noteAdded',
  'inquirySent',
  'responseReceived',
  'deadlineExtended',
  'applicantInformed',
  'attachmentAdded',
  'merged',
  'applicantAnonymised',
  'deleted',
  /** The appeal came from the office's paper/Excel journal (one row of an import batch). */
  'journalImported',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Actions of the status state machine (shared/workflow/status.ts). */
export const WORKFLOW_ACTIONS = [
  'start',
  'awaitAgency',
  'agencyAnswered',
  'decide',
  'informApplicant',
  'close',
  'reopen',
] as const;
export type WorkflowActionType = (typeof WORKFLOW_ACTIONS)[number];

export const INQUIRY_STATUSES = ['draft', 'sent', 'answered', 'overdue', 'closed'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** The five parts of a proper answer to a deputy inquiry (seed handout). */
export const RESPONSE_PARTS = [
  'reference',
  'receipt',
  'answer',
  'furtherActions',
  'conclusion',
] as const;
export type ResponsePart = (typeof RESPONSE_PARTS)[number];

export const AGENCY_KINDS = [
  'akimat',
  'akimat_department',
  'utility',
  'police',
  'prosecutor',
  'healthcare',
  'education',
  'social',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const RECEPTION_FORMATS = ['in_person', 'online', 'visiting'] as const;
export type ReceptionFormat = (typeof RECEPTION_FORMATS)[number];

export const RECEPTION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ReceptionStatus = (typeof RECEPTION_STATUSES)[number];

export const QUEUE_STATUSES = ['waiting', 'in_conversation', 'done', 'left'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const CHECKLIST_PURPOSES = [
  'reception_preparation',
  'meeting',
  'public_hearing',
  'custom',
] as const;
export type ChecklistPurpose = (typeof CHECKLIST_PURPOSES)[number];

export const TEMPLATE_KINDS = [
  'inquiry',
  'reply',
  'forwarding',
  'extension',
  'acknowledgement',
  'announcement',
  'custom',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Forms of consent a person gives at intake (the choices of the forms). */
export const CONSENT_FORMS = ['written', 'oral', 'electronic'] as const;
/**
 * Every form a stored consent may have: also `paper_journal`, for applicants brought in from
 * the office's journal (the consent was taken on paper before the app), never offered by a form.
 */
export const RECORDED_CONSENT_FORMS = [...CONSENT_FORMS, 'paper_journal'] as const;
export type ConsentForm = (typeof RECORDED_CONSENT_FORMS)[number];

export const INITIATIVE_TARGETS = ['session', 'akimat', 'budget', 'other'] as const;
export type InitiativeTarget = (typeof INITIATIVE_TARGETS)[number];

export const INITIATIVE_STATUSES = [
  'draft',
  'submitted',
  'under_consideration',
  'adopted',
  'partially_adopted',
  'rejected',
  'withdrawn',
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const MASLIKHAT_LEVELS = ['oblast', 'republican_city', 'city', 'district'] as const;
export type MaslikhatLevel = (typeof MASLIKHAT_LEVELS)[number];

export const USER_ROLES = ['deputy', 'assistant', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** How fine-grained places may be in the public report (never below street: no houses). */
export const REPORT_PLACE_LEVELS = ['locality', 'district', 'street'] as const;
export type ReportPlaceLevel = (typeof REPORT_PLACE_LEVELS)[number];
