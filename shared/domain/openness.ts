import { z } from 'zod';

import { isPublicationLink } from '../validation/openness';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  err,
  localDateSchema,
  nonNegativeIntSchema,
  plainText,
  requiredText,
} from './common';
import { quarterSchema, yearSchema } from './initiative';

/**
 * Two small records for the seed's "7 steps to an open deputy" (shared/scorecard): step 4
 * asks that the quarterly report be published on time, step 5 that feedback be collected
 * after the maslikhat's decisions. Neither can be read from appeals, so the office records
 * them. Since schema version 8; every field but the key facts has a default.
 */

/** Step 4: the quarterly public report was published — which quarter, when, where. */
const reportPublicationFieldsShape = {
  year: yearSchema,
  quarter: quarterSchema,
  publishedOn: localDateSchema,
  /** Where it can be read (the maslikhat's website, a Telegram post); empty if on paper only. */
  link: plainText(1_000).default('').refine(isPublicationLink, err('publication_link_invalid')),
  /** Where else it was published («аудан газеті», «тұрғындар жиналысы»). */
  note: plainText(1_000).default(''),
};

export const reportPublicationInputSchema = z.object(reportPublicationFieldsShape);
export const reportPublicationSchema = z.object({
  ...baseRecordShape,
  ...reportPublicationFieldsShape,
});
export type ReportPublicationInput = z.input<typeof reportPublicationInputSchema>;
export type ReportPublication = z.output<typeof reportPublicationSchema>;

/** How the office heard the residents after a decision. */
export const FEEDBACK_CHANNELS = [
  'meeting',
  'reception',
  'survey',
  'telegram',
  'whatsapp',
  'instagram',
  'phone',
  'website',
  'other',
] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** The most responses one round can record: a whole city's survey fits. */
export const MAX_FEEDBACK_RESPONSES = 1_000_000;

/** Step 5: a feedback round after a maslikhat decision. */
const feedbackRoundFieldsShape = {
  /** The decision, as people know it («Мәслихаттың 12-сессиясының бюджет туралы шешімі»). */
  decision: requiredText(500),
  decisionOn: localDateSchema.nullable().default(null),
  collectedOn: localDateSchema,
  channel: enumSchema(FEEDBACK_CHANNELS).default('meeting'),
  responses: nonNegativeIntSchema.max(MAX_FEEDBACK_RESPONSES, err('invalid_value')).default(0),
  /** What residents said, in a few sentences (no personal data: it may be quoted). */
  summary: plainText(5_000).default(''),
};

function checkRoundOrder(
  round: { decisionOn: string | null; collectedOn: string },
  ctx: z.RefinementCtx,
): void {
  if (round.decisionOn !== null && round.collectedOn < round.decisionOn) {
    addIssue(ctx, ['collectedOn'], 'feedback_before_decision');
  }
}

export const feedbackRoundInputSchema = z
  .object(feedbackRoundFieldsShape)
  .superRefine(checkRoundOrder);
export const feedbackRoundSchema = z
  .object({ ...baseRecordShape, ...feedbackRoundFieldsShape })
  .superRefine(checkRoundOrder);
export type FeedbackRoundInput = z.input<typeof feedbackRoundInputSchema>;
export type FeedbackRound = z.output<typeof feedbackRoundSchema>;
