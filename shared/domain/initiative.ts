import { z } from 'zod';

import { INITIATIVE_STATUSES, INITIATIVE_TARGETS, PLAN_STATUSES } from './enums';
import {
  baseRecordShape,
  enumSchema,
  err,
  idSchema,
  localDateSchema,
  nonNegativeIntSchema,
  plainText,
  uniqueList,
} from './common';
import { topicIdSchema } from './topics';
import { bilingualText, EMPTY_BILINGUAL, requiredBilingualText } from './bilingual';

/**
 * A proposal of the deputy (to a maslikhat session, the akimat, the budget): report section 4.
 * The texts the report prints (title, result, public summary) are `{ kk, ru }` since schema
 * version 9; a single string of an earlier version still parses (`bilingualText`).
 */
const initiativeFieldsShape = {
  title: requiredBilingualText(300),
  description: plainText(20_000).default(''),
  target: enumSchema(INITIATIVE_TARGETS).default('session'),
  submittedOn: localDateSchema.nullable().default(null),
  status: enumSchema(INITIATIVE_STATUSES).default('draft'),
  result: bilingualText(5_000).default({ ...EMPTY_BILINGUAL }),
  topic: topicIdSchema.nullable().default(null),
  relatedAppealIds: uniqueList(idSchema).default([]),
  /** Text for the public report (no personal data). */
  publicSummary: bilingualText(1_000).default({ ...EMPTY_BILINGUAL }),
  inReport: z.boolean().default(true),
};

export const initiativeInputSchema = z.object(initiativeFieldsShape);
export const initiativeSchema = z.object({ ...baseRecordShape, ...initiativeFieldsShape });

export type InitiativeInput = z.input<typeof initiativeInputSchema>;
export type Initiative = z.output<typeof initiativeSchema>;

export const yearSchema = z
  .int(err('year_invalid'))
  .min(2000, err('year_invalid'))
  .max(2100, err('year_invalid'));
export const quarterSchema = z
  .int(err('quarter_invalid'))
  .min(1, err('quarter_invalid'))
  .max(4, err('quarter_invalid'));

/**
 * A priority and its key actions for a quarter: report section 5 ("plan for next quarter").
 * Title and actions are `{ kk, ru }` since schema version 9 (a single string still parses).
 */
const planItemFieldsShape = {
  year: yearSchema,
  quarter: quarterSchema,
  title: requiredBilingualText(300),
  actions: bilingualText(5_000).default({ ...EMPTY_BILINGUAL }),
  topic: topicIdSchema.nullable().default(null),
  status: enumSchema(PLAN_STATUSES).default('planned'),
  /** Position in the report's list. */
  order: nonNegativeIntSchema.default(0),
  inReport: z.boolean().default(true),
};

export const planItemInputSchema = z.object(planItemFieldsShape);
export const planItemSchema = z.object({ ...baseRecordShape, ...planItemFieldsShape });

export type PlanItemInput = z.input<typeof planItemInputSchema>;
export type PlanItem = z.output<typeof planItemSchema>;
