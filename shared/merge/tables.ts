/**
 * What the merge knows about each table: which fields are bookkeeping, derived (recomputed,
 * never copied), moved together as one group, immutable (a file's bytes), or a number of the
 * office's series; and the schema a merged record must still pass.
 */
import type { z } from 'zod';

import {
  agencySchema,
  appealSchema,
  applicantSchema,
  attachmentObjectSchema,
  checklistTemplateSchema,
  initiativeSchema,
  inquirySchema,
  planItemSchema,
  receptionSchema,
  reportPublicationSchema,
  feedbackRoundSchema,
  settingsSchema,
  templateSchema,
} from '../domain';
import { WORKFLOW_FIELDS } from './history';

export const RECORD_TABLES = [
  'settings',
  'applicants',
  'appeals',
  'agencies',
  'inquiries',
  'receptions',
  'checklistTemplates',
  'templates',
  'initiatives',
  'planItems',
  'reportPublications',
  'feedbackRounds',
  'attachments',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** Stamped by whoever writes a record; the merge sets them itself. */
export const BOOKKEEPING_FIELDS = [
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'version',
] as const;

export interface TableRules {
  /** Recomputed from the merged record; never merged or copied. */
  derived: readonly string[];
  /** Fields that change together: merged as one value (a conflict names the whole group). */
  groups: readonly (readonly string[])[];
  /** Never change once written; the receiving side's copy is kept. */
  immutable: readonly string[];
  /** The number of the office's series this record carries, if any. */
  number?: 'regNo' | 'outgoingNo';
  /** Personal data an anonymisation erased: an anonymised side's values always win. */
  erasedOnAnonymise?: readonly string[];
  /** Checks a merged record (cross-field rules included). */
  schema: z.ZodType;
  /** How a person recognises the record in a conflict list. */
  label: (record: Record<string, unknown>) => string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const localized = (value: unknown): string => {
  const v = value as { kk?: unknown; ru?: unknown } | null;
  return text(v?.kk) || text(v?.ru);
};

export const TABLE_RULES: Record<RecordTable, TableRules> = {
  settings: {
    derived: [],
    groups: [],
    immutable: ['officeId'],
    schema: settingsSchema,
    label: () => 'settings',
  },
  applicants: {
    // Search words: only in files written before schema version 4; never compared.
    derived: ['searchWords'],
    groups: [],
    immutable: [],
    erasedOnAnonymise: [
      'fullName',
      'iin',
      'phones',
      'email',
      'address',
      'preferredChannel',
      'anonymisedAt',
    ],
    schema: applicantSchema,
    label: (r) => text(r.fullName) || text(r.id),
  },
  appeals: {
    // Registration day and deadlines follow receivedAt and extendedTo (merge/appeals.ts).
    derived: ['searchWords', 'registeredOn', 'decideBy', 'acknowledgeBy'],
    groups: [WORKFLOW_FIELDS, ['extendedTo', 'extensionReason'], ['collective', 'signatories']],
    immutable: [],
    number: 'regNo',
    schema: appealSchema,
    label: (r) => `${text(r.regNo)} ${text(r.subject)}`.trim(),
  },
  agencies: {
    derived: ['searchWords'],
    groups: [],
    immutable: [],
    schema: agencySchema,
    label: (r) => text(r.name) || localized(r.name),
  },
  inquiries: {
    derived: [],
    // The letter: once one side sent it, the other side's edits of the draft are a conflict,
    // never silently combined into a letter nobody sent. Its number is not in the group: the
    // merge alone decides numbers (a person's decision could bring back a collision).
    groups: [
      [
        'status',
        'outgoingDate',
        'dueDate',
        'addressee',
        'agencyId',
        'subject',
        'body',
        'extra',
        'language',
        'templateId',
      ],
    ],
    immutable: [],
    number: 'outgoingNo',
    schema: inquirySchema,
    label: (r) => `${text(r.outgoingNo)} ${text(r.subject)}`.trim(),
  },
  receptions: {
    derived: [],
    groups: [],
    immutable: [],
    schema: receptionSchema,
    label: (r) => `${text(r.date)} ${text(r.place) || localized(r.place)}`.trim(),
  },
  checklistTemplates: {
    derived: [],
    groups: [],
    immutable: [],
    schema: checklistTemplateSchema,
    label: (r) => localized(r.name),
  },
  templates: {
    derived: [],
    groups: [],
    immutable: [],
    schema: templateSchema,
    label: (r) => localized(r.name) || text(r.name),
  },
  initiatives: {
    derived: [],
    groups: [],
    immutable: [],
    schema: initiativeSchema,
    label: (r) => text(r.title) || localized(r.title),
  },
  planItems: {
    derived: [],
    groups: [],
    immutable: [],
    schema: planItemSchema,
    label: (r) => text(r.title) || localized(r.title),
  },
  reportPublications: {
    derived: [],
    groups: [],
    immutable: [],
    schema: reportPublicationSchema,
    label: (r) => `${String(r.year)}-Q${String(r.quarter)} ${text(r.publishedOn)}`,
  },
  feedbackRounds: {
    derived: [],
    groups: [],
    immutable: [],
    schema: feedbackRoundSchema,
    label: (r) => `${text(r.collectedOn)} ${text(r.decision)}`.trim(),
  },
  attachments: {
    derived: [],
    groups: [],
    // The file itself: as `file` (base64) in an export, as `blob` in the app's database.
    immutable: ['file', 'blob', 'size', 'mimeType'],
    // Checked without the file: an export carries `file`, the app's database a `blob`.
    schema: attachmentObjectSchema.omit({ blob: true }),
    label: (r) => text(r.fileName),
  },
};
