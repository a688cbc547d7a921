import { z } from 'zod';

import {
  agencySchema,
  appealSchema,
  applicantSchema,
  attachmentObjectSchema,
  checklistTemplateSchema,
  counterSchema,
  eventSchema,
  feedbackRoundSchema,
  initiativeSchema,
  inquirySchema,
  isoDateTimeSchema,
  planItemSchema,
  receptionSchema,
  reportPublicationSchema,
  settingsSchema,
  templateSchema,
} from '../domain';
import { addIssue, err } from '../domain/common';

/**
 * The whole database as one JSON document: the Settings "export" button, demo data, the
 * command-line report and (later) backups all use this one format. docs/export-format.md
 * describes it for people; this file is the definition.
 */
export const EXPORT_FORMAT = 'tizilim-export';
/**
 * Raised only when an older app could misread a newer file (a field renamed, removed or
 * changed in meaning). Adding a field with a default does not raise it.
 */
export const EXPORT_VERSION = 1;

/**
 * An attachment's file travels inside the export as base64, so an export is a complete
 * backup: scans of letters are often the only copy the office has.
 */
export const exportedFileSchema = z.object({
  encoding: z.literal('base64', err('base64_invalid')),
  /** Padded base64 (as bytesToBase64 writes it): groups of four, `=` only at the end. */
  data: z
    .string(err('base64_invalid'))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, err('base64_invalid'))
    .refine((data) => data.length % 4 === 0, err('base64_invalid')),
});

/** How many bytes padded base64 text holds, without decoding it. */
export function base64ByteLength(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

export const exportedAttachmentSchema = attachmentObjectSchema
  .omit({ blob: true })
  .extend({ file: exportedFileSchema })
  .superRefine((attachment, ctx) => {
    if (attachment.appealId === null && attachment.inquiryId === null) {
      addIssue(ctx, ['appealId'], 'attachment_owner_required');
    }
    // A 3-byte file claiming 999 MB, or 2 MB of bytes claiming 3: the size is the bytes'.
    if (base64ByteLength(attachment.file.data) !== attachment.size) {
      addIssue(ctx, ['size'], 'attachment_size_mismatch');
    }
  });
export type ExportedAttachment = z.output<typeof exportedAttachmentSchema>;

/**
 * Tables in the order they are validated and written. Not exported: `drafts` (half-typed
 * form state of one workstation, meaningless elsewhere and possibly holding personal data
 * nobody decided to keep) and `registryRows` (a denormalised copy of appeals that the
 * importer rebuilds, so it can never disagree with the appeals it came from).
 */
export const EXPORT_TABLES = {
  settings: settingsSchema,
  applicants: applicantSchema,
  appeals: appealSchema,
  events: eventSchema,
  agencies: agencySchema,
  inquiries: inquirySchema,
  receptions: receptionSchema,
  checklistTemplates: checklistTemplateSchema,
  templates: templateSchema,
  initiatives: initiativeSchema,
  planItems: planItemSchema,
  // Since schema version 8 (the open-deputy scorecard); absent in older files, so empty.
  reportPublications: reportPublicationSchema,
  feedbackRounds: feedbackRoundSchema,
  attachments: exportedAttachmentSchema,
  counters: counterSchema,
} as const;

export type ExportTableName = keyof typeof EXPORT_TABLES;
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTableName[];

export type ExportTables = { [K in ExportTableName]: z.output<(typeof EXPORT_TABLES)[K]>[] };

/** The envelope: everything except the records, checked before any record is looked at. */
export const exportHeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.int().min(1),
  /** When the export was made (ISO UTC). */
  exportedAt: isoDateTimeSchema,
  /** The app version that wrote it, for support questions; never used to decide anything. */
  appVersion: z.string().max(50),
  /** Demo data: the app shows a banner while it is loaded and can remove it entirely. */
  demo: z.boolean(),
});

export const exportFileSchema = exportHeaderSchema.extend({
  version: z.literal(EXPORT_VERSION),
  tables: z.object(
    Object.fromEntries(
      EXPORT_TABLE_NAMES.map((name) => [name, z.array(EXPORT_TABLES[name]).default([])]),
    ) as { [K in ExportTableName]: z.ZodDefault<z.ZodArray<(typeof EXPORT_TABLES)[K]>> },
  ),
});
export type ExportFile = z.output<typeof exportFileSchema>;
export type ExportFileInput = z.input<typeof exportFileSchema>;

export function emptyTables(): ExportTables {
  return Object.fromEntries(
    EXPORT_TABLE_NAMES.map((name) => [name, []]),
  ) as unknown as ExportTables;
}
