import { z } from 'zod';

import {
  addIssue,
  baseRecordShape,
  err,
  idSchema,
  nonNegativeIntSchema,
  plainText,
  requiredText,
} from './common';

/** The largest file one attachment may hold (a scanned letter, a photo). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/**
 * A scan or photo. The renderer stores the file as a Blob in IndexedDB; shared/ has no DOM
 * types, so the blob is only required to be present. It belongs to an appeal, or to an
 * inquiry (the agency's answer), or both.
 */
export const attachmentObjectSchema = z.object({
  ...baseRecordShape,
  appealId: idSchema.nullable(),
  inquiryId: idSchema.nullable(),
  fileName: requiredText(255),
  mimeType: plainText(255),
  size: nonNegativeIntSchema.max(MAX_ATTACHMENT_BYTES, err('file_too_large')),
  blob: z.custom<unknown>((value) => value !== null && value !== undefined, err('file_required')),
});

export const attachmentSchema = attachmentObjectSchema.superRefine((attachment, ctx) => {
  if (attachment.appealId === null && attachment.inquiryId === null) {
    addIssue(ctx, ['appealId'], 'attachment_owner_required');
  }
});
export type Attachment = z.output<typeof attachmentSchema>;
