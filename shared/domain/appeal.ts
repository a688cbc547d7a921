import { z } from 'zod';

import {
  APPEAL_CHANNELS,
  APPEAL_KINDS,
  APPEAL_STATUSES,
  DECIDED_STATUSES,
  INFORM_CHANNELS,
  NOT_RESOLVED_REASONS,
  OUTCOMES,
  PROPOSED_ACTIONS,
} from './enums';
import type { AppealStatus } from './enums';
import type { MessageCode } from '../validation/messages';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  err,
  idSchema,
  localDateSchema,
  localDateTimeSchema,
  nullableText,
  plainText,
  requiredText,
  uniqueList,
  userIdSchema,
} from './common';
import { topicIdSchema } from './topics';
import { bilingualText } from './bilingual';
import { isRegistryNumber } from '../numbering/format';

/** `YYYY-NNNN`: year, dash, a sequence number of at least four digits. */
const REG_NO = /^(\d{4})-(\d{4,})$/;

/** The largest sequence number of a year (six digits): far beyond any office, finite. */
export const MAX_REG_SEQUENCE = 999_999;
/** Signatures under one collective appeal: a whole town's petition fits, 900 million does not. */
export const MAX_SIGNATORIES = 100_000;

/**
 * Numbers a record was known by before it got its current one: a provisional number replaced
 * by the office, or a number two laptops both gave out, renumbered on merge. Printed on a
 * receipt or a letter once, a number stays findable for ever (docs/merge.md). Optional, so
 * records and files from before it parse unchanged; read it with `aliasesOf`.
 */
export const aliasesSchema = z.array(z.string().trim().min(1).max(100)).optional();

/** A record's earlier numbers (none when the field is absent). */
export function aliasesOf(record: { aliases?: readonly string[] | undefined }): readonly string[] {
  return record.aliases ?? [];
}

/** `formatRegNo(2026, 42)` → `2026-0042`. */
export function formatRegNo(year: number, sequence: number): string {
  return `${String(year)}-${String(sequence).padStart(4, '0')}`;
}

export function parseRegNo(regNo: string): { year: number; sequence: number } | null {
  const m = REG_NO.exec(regNo.trim());
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/**
 * A registry number exactly as `formatRegNo` writes it: a year from 2000 to 2100, a dash,
 * and the sequence (1 to 999999) zero-padded to four digits and no further — «2026-0042»,
 * «2026-12345». «2026-00042» or «2026-042» would be a second spelling of the same number
 * (and «2026-1000000000000000000000» a counter no office reaches), so they are refused.
 */
export function isCanonicalRegNo(regNo: string): boolean {
  const parsed = /^(\d{4})-(\d{4,6})$/.exec(regNo) ? parseRegNo(regNo) : null;
  return (
    parsed !== null &&
    parsed.year >= 2000 &&
    parsed.year <= 2100 &&
    parsed.sequence >= 1 &&
    parsed.sequence <= MAX_REG_SEQUENCE &&
    formatRegNo(parsed.year, parsed.sequence) === regNo
  );
}

/**
 * A provisional registry number (`2026-KTM-0003`, given by a laptop that had no numbers of
 * the office's series left; shared/numbering/format.ts), written canonically like a final one.
 */
export function isCanonicalProvisionalRegNo(regNo: string): boolean {
  const m = /^(\d{4})-([A-Z]{3})-(\d{4,6})$/.exec(regNo);
  if (!m || !isRegistryNumber(regNo)) return false;
  return isCanonicalRegNo(`${m[1]}-${m[3]}`);
}

/** A stored registry number: final (`2026-0042`) or provisional (`2026-KTM-0003`). */
export const regNoSchema = z
  .string(err('reg_no_invalid'))
  .refine(
    (regNo) => isCanonicalRegNo(regNo) || isCanonicalProvisionalRegNo(regNo),
    err('reg_no_invalid'),
  );

export const locationSchema = z.object({
  locality: plainText(200).default(''),
  district: plainText(200).default(''),
  street: plainText(200).default(''),
  building: plainText(50).default(''),
});
export type Location = z.output<typeof locationSchema>;

export const EMPTY_LOCATION: Location = { locality: '', district: '', street: '', building: '' };

export const tagSchema = requiredText(50);

/** The longest problem text, in characters: a long letter fits (the form shows a counter). */
export const APPEAL_TEXT_MAX = 50_000;

/** Free-form fields: typed by the office, so limits are generous but finite. */
const LIMITS = {
  subject: 300,
  text: APPEAL_TEXT_MAX,
  expectation: 5_000,
  reason: 1_000,
  summary: 5_000,
  publicSummary: 1_000,
  forwardedTo: 500,
} as const;

/**
 * Everything a form or an import supplies. Not here: id, regNo and base fields (the
 * repository assigns them) and the derived decideBy and acknowledgeBy.
 * `registeredOn` may be left out: the repository then derives it from `receivedAt` and the
 * working-day calendar (next working day after hours or on a day off).
 */
export const appealInputObjectSchema = z.object({
  receivedAt: localDateTimeSchema,
  registeredOn: localDateSchema.optional(),
  channel: enumSchema(APPEAL_CHANNELS),
  kind: enumSchema(APPEAL_KINDS).default('application'),
  collective: z.boolean().default(false),
  signatories: z
    .int(err('signatories_required'))
    .max(MAX_SIGNATORIES, err('signatories_too_many'))
    .nullable()
    .default(null),
  /** null only for an anonymous appeal. */
  applicantId: idSchema.nullable(),
  coApplicantIds: uniqueList(idSchema).default([]),
  subject: requiredText(LIMITS.subject),
  /** The problem written down word for word (checklist step 2). */
  text: requiredText(LIMITS.text),
  /** "What do you expect from me as your deputy?" (checklist step 3). */
  expectation: plainText(LIMITS.expectation).default(''),
  topic: topicIdSchema,
  location: locationSchema.default(EMPTY_LOCATION),
  priority: z.boolean().default(false),
  priorityReason: nullableText(LIMITS.reason).default(null),
  proposedAction: enumSchema(PROPOSED_ACTIONS).nullable().default(null),
  assignee: userIdSchema.nullable().default(null),
  status: enumSchema(APPEAL_STATUSES).default('registered'),
  outcome: enumSchema(OUTCOMES).nullable().default(null),
  notResolvedReason: enumSchema(NOT_RESOLVED_REASONS).nullable().default(null),
  outcomeSummary: plainText(LIMITS.summary).default(''),
  /** Both languages (bilingual.ts); a single string of an earlier version is moved by its language. */
  publicSummary: bilingualText(LIMITS.publicSummary).default({ kk: '', ru: '' }),
  inReport: z.boolean().default(false),
  /** The office's pick for the report: printed among the first examples of its topic. */
  reportHighlight: z.boolean().default(false),
  applicantInformedAt: localDateTimeSchema.nullable().default(null),
  informedVia: enumSchema(INFORM_CHANNELS).nullable().default(null),
  /** First contact with the applicant, for the 72-hour rule. */
  firstContactAt: localDateTimeSchema.nullable().default(null),
  decidedOn: localDateSchema.nullable().default(null),
  extendedTo: localDateSchema.nullable().default(null),
  extensionReason: nullableText(LIMITS.reason).default(null),
  receptionId: idSchema.nullable().default(null),
  /** An agency id from the directory, or the body's name as free text. */
  forwardedTo: nullableText(LIMITS.forwardedTo).default(null),
  tags: uniqueList(tagSchema).default([]),
  attachmentIds: uniqueList(idSchema).default([]),
  /** The number the office's own journal gave it (searchable), for appeals imported from one. */
  journalNo: nullableText(100).default(null),
});

/** The stored appeal, without its cross-field rules (use `appealSchema` to validate). */
export const appealObjectSchema = z.object({
  ...baseRecordShape,
  regNo: regNoSchema,
  /** Earlier registry numbers (searchable); never taken from a form. */
  aliases: aliasesSchema,
  receivedAt: localDateTimeSchema,
  registeredOn: localDateSchema,
  channel: enumSchema(APPEAL_CHANNELS),
  kind: enumSchema(APPEAL_KINDS),
  collective: z.boolean(),
  signatories: z
    .int(err('signatories_required'))
    .max(MAX_SIGNATORIES, err('signatories_too_many'))
    .nullable(),
  applicantId: idSchema.nullable(),
  coApplicantIds: z.array(idSchema),
  subject: requiredText(LIMITS.subject),
  text: requiredText(LIMITS.text),
  expectation: plainText(LIMITS.expectation),
  topic: topicIdSchema,
  location: z.object({
    locality: plainText(200),
    district: plainText(200),
    street: plainText(200),
    building: plainText(50),
  }),
  priority: z.boolean(),
  priorityReason: nullableText(LIMITS.reason),
  proposedAction: enumSchema(PROPOSED_ACTIONS).nullable(),
  assignee: userIdSchema.nullable(),
  status: enumSchema(APPEAL_STATUSES),
  outcome: enumSchema(OUTCOMES).nullable(),
  notResolvedReason: enumSchema(NOT_RESOLVED_REASONS).nullable(),
  outcomeSummary: plainText(LIMITS.summary),
  publicSummary: bilingualText(LIMITS.publicSummary),
  inReport: z.boolean(),
  reportHighlight: z.boolean().default(false),
  applicantInformedAt: localDateTimeSchema.nullable(),
  informedVia: enumSchema(INFORM_CHANNELS).nullable(),
  firstContactAt: localDateTimeSchema.nullable(),
  decidedOn: localDateSchema.nullable(),
  extendedTo: localDateSchema.nullable(),
  extensionReason: nullableText(LIMITS.reason),
  /** Decision deadline, denormalised by the repository so it can be indexed. */
  decideBy: localDateSchema,
  /** Acknowledgement (first contact) deadline: registration + 72 hours. */
  acknowledgeBy: localDateTimeSchema,
  receptionId: idSchema.nullable(),
  forwardedTo: nullableText(LIMITS.forwardedTo),
  tags: z.array(tagSchema),
  attachmentIds: z.array(idSchema),
  /** The number in the office's own journal (imported appeals); searchable. */
  journalNo: nullableText(100).default(null),
  /** The journal import batch that created the appeal; undo removes the batch whole. */
  importBatchId: idSchema.nullable().default(null),
});

/** The fields the cross-field rules look at. */
interface AppealRuleFields {
  collective: boolean;
  signatories: number | null;
  status: AppealStatus;
  outcome: string | null;
  notResolvedReason: string | null;
  decidedOn: string | null;
  applicantInformedAt: string | null;
  extendedTo: string | null;
  extensionReason: string | null;
}

export function isDecidedStatus(status: AppealStatus): boolean {
  return (DECIDED_STATUSES as readonly AppealStatus[]).includes(status);
}

/**
 * Invariants that hold for every appeal, whether typed, imported or produced by the
 * state machine. Each failure is reported on the field a form should highlight.
 */
function checkAppealRules(appeal: AppealRuleFields, ctx: z.RefinementCtx): void {
  const issue = (path: keyof AppealRuleFields, code: MessageCode) => {
    addIssue(ctx, [path], code);
  };
  if (appeal.collective) {
    if (appeal.signatories === null || appeal.signatories < 2) {
      issue('signatories', 'signatories_required');
    }
  } else if (appeal.signatories !== null) {
    issue('signatories', 'signatories_not_collective');
  }
  if (appeal.outcome === 'not_resolved') {
    if (appeal.notResolvedReason === null)
      issue('notResolvedReason', 'not_resolved_reason_required');
  } else if (appeal.notResolvedReason !== null) {
    issue('notResolvedReason', 'not_resolved_reason_unexpected');
  }
  if (isDecidedStatus(appeal.status)) {
    if (appeal.outcome === null) issue('outcome', 'outcome_required');
    if (appeal.decidedOn === null) issue('decidedOn', 'decided_on_required');
  } else if (appeal.outcome !== null) {
    issue('outcome', 'outcome_unexpected');
  }
  if (appeal.status === 'closed' && appeal.applicantInformedAt === null) {
    issue('applicantInformedAt', 'applicant_informed_required');
  }
  if (appeal.extendedTo !== null && appeal.extensionReason === null) {
    issue('extensionReason', 'extension_reason_required');
  }
}

/** What a form or an import supplies, with defaults filled and cross-field rules checked. */
export const appealInputSchema = appealInputObjectSchema.superRefine(checkAppealRules);
/**
 * A stored appeal: the rules above, and its registry number belongs to the year it was
 * registered in (numbers run per registration year).
 */
export const appealSchema = appealObjectSchema.superRefine((appeal, ctx) => {
  checkAppealRules(appeal, ctx);
  const reg = parseRegNo(appeal.regNo);
  if (reg !== null && String(reg.year) !== appeal.registeredOn.slice(0, 4)) {
    addIssue(ctx, ['regNo'], 'reg_no_year_mismatch');
  }
});

export type AppealInput = z.input<typeof appealInputSchema>;
export type AppealInputData = z.output<typeof appealInputSchema>;
export type Appeal = z.output<typeof appealSchema>;

/** Fields of an Appeal that the repository derives; never taken from a form. */
export const APPEAL_DERIVED_FIELDS = [
  'regNo',
  'aliases',
  'decideBy',
  'acknowledgeBy',
] as const satisfies readonly (keyof Appeal)[];
