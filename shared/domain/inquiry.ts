import { z } from 'zod';

import { INQUIRY_STATUSES, RESPONSE_PARTS } from './enums';
import type { ResponsePart } from './enums';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  idSchema,
  langSchema,
  localDateSchema,
  nullableText,
  plainText,
  requiredText,
  uniqueList,
  userIdSchema,
} from './common';
import { aliasesSchema } from './appeal';

/**
 * Which of the five parts of a proper answer the agency's letter contains (seed handout
 * "structure of a response to a deputy inquiry"): a reference to our number and date,
 * confirmation of receipt and consideration, a concrete answer, further actions, and a
 * conclusion with a contact person.
 */
export const responseCheckSchema = z.object({
  reference: z.boolean().default(false),
  receipt: z.boolean().default(false),
  answer: z.boolean().default(false),
  furtherActions: z.boolean().default(false),
  conclusion: z.boolean().default(false),
}) satisfies z.ZodType<Record<ResponsePart, boolean>>;
export type ResponseCheck = z.output<typeof responseCheckSchema>;

/** Parts missing from an answer; an answer missing any is flagged for a repeat inquiry. */
export function missingResponseParts(check: ResponseCheck): ResponsePart[] {
  return RESPONSE_PARTS.filter((part) => !check[part]);
}

export function isResponseComplete(check: ResponseCheck): boolean {
  return missingResponseParts(check).length === 0;
}

export const inquiryResponseSchema = z.object({
  receivedOn: localDateSchema,
  /** The agency's outgoing number and date on their letter. */
  theirNo: plainText(100).default(''),
  theirDate: localDateSchema.nullable().default(null),
  summary: plainText(10_000).default(''),
  attachmentIds: uniqueList(idSchema).default([]),
  check: responseCheckSchema.default({
    reference: false,
    receipt: false,
    answer: false,
    furtherActions: false,
    conclusion: false,
  }),
});
export type InquiryResponse = z.output<typeof inquiryResponseSchema>;

const inquiryFieldsShape = {
  /** Our outgoing number, given when the letter is sent. */
  outgoingNo: nullableText(100).default(null),
  /** The date the letter was sent (the date on it). */
  outgoingDate: localDateSchema.nullable().default(null),
  /** The addressee from the agency directory, if it is there. */
  agencyId: idSchema.nullable().default(null),
  /** The addressee line as written in the letter (position and name). */
  addressee: requiredText(500),
  /** The appeals this inquiry is about; empty for an inquiry on the deputy's own initiative. */
  appealIds: uniqueList(idSchema).default([]),
  subject: requiredText(300),
  body: plainText(50_000).default(''),
  templateId: idSchema.nullable().default(null),
  /**
   * What was typed for the template's `extra.*` fields (the problem, the questions), so the
   * letter is rendered again with its number, date and due date once it is sent.
   */
  extra: z.record(z.string(), plainText(20_000)).default({}),
  language: langSchema.default('kk'),
  /** When the agency's answer is due (computed by the deadline rules when sent). */
  dueDate: localDateSchema.nullable().default(null),
  status: enumSchema(INQUIRY_STATUSES).default('draft'),
  response: inquiryResponseSchema.nullable().default(null),
  /** The earlier inquiry this one repeats (after an incomplete or missing answer). */
  repeatOfId: idSchema.nullable().default(null),
  assignee: userIdSchema.nullable().default(null),
  notes: plainText(5_000).default(''),
};

interface InquiryRuleFields {
  status: (typeof INQUIRY_STATUSES)[number];
  outgoingDate: string | null;
  response: InquiryResponse | null;
}

function checkInquiryRules(inquiry: InquiryRuleFields, ctx: z.RefinementCtx): void {
  if (inquiry.status !== 'draft' && inquiry.outgoingDate === null) {
    addIssue(ctx, ['outgoingDate'], 'sent_date_required');
  }
  if (inquiry.status === 'answered' && inquiry.response === null) {
    addIssue(ctx, ['response'], 'response_required');
  }
}

export const inquiryInputObjectSchema = z.object(inquiryFieldsShape);
export const inquiryInputSchema = inquiryInputObjectSchema.superRefine(checkInquiryRules);

export const inquiryObjectSchema = z.object({
  ...baseRecordShape,
  ...inquiryFieldsShape,
  /** Earlier outgoing numbers (a provisional one, or one renumbered on merge); searchable. */
  aliases: aliasesSchema,
});
export const inquirySchema = inquiryObjectSchema.superRefine(checkInquiryRules);

export type InquiryInput = z.input<typeof inquiryInputSchema>;
export type InquiryInputData = z.output<typeof inquiryInputSchema>;
export type Inquiry = z.output<typeof inquirySchema>;
