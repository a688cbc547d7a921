import { z } from 'zod';

import {
  QUEUE_STATUSES,
  RECEPTION_FORMATS,
  RECEPTION_STATUSES,
  VULNERABLE_CATEGORIES,
} from './enums';
import {
  addIssue,
  baseRecordShape,
  enumSchema,
  idSchema,
  localDateSchema,
  localDateTimeSchema,
  localTimeSchema,
  nullableText,
  plainText,
  positiveIntSchema,
  uniqueList,
} from './common';
import { bilingualText, requiredBilingualText } from './bilingual';

/** State of one step of the preparation checklist (table, notebook, water, contact cards). */
export const checklistStepStateSchema = z.object({
  /** The step's id in the checklist template. */
  stepId: z.string().min(1),
  done: z.boolean().default(false),
  note: plainText(1_000).default(''),
});
export type ChecklistStepState = z.output<typeof checklistStepStateSchema>;

/**
 * A visitor waiting at a reception. `number` is the arrival order (the ticket number);
 * vulnerable visitors are called first regardless (see `queueOrder`). Each conversation
 * ends as a registered appeal, linked through `appealId`.
 */
export const queueEntrySchema = z.object({
  id: idSchema,
  number: positiveIntSchema,
  arrivedAt: localDateTimeSchema,
  /** As the visitor introduced themselves; the applicant record is made at intake. */
  name: plainText(200).default(''),
  phone: nullableText(50).default(null),
  vulnerable: z.boolean().default(false),
  vulnerableCategories: uniqueList(enumSchema(VULNERABLE_CATEGORIES)).default([]),
  status: enumSchema(QUEUE_STATUSES).default('waiting'),
  applicantId: idSchema.nullable().default(null),
  appealId: idSchema.nullable().default(null),
  note: plainText(1_000).default(''),
});
export type QueueEntry = z.output<typeof queueEntrySchema>;

const receptionFieldsShape = {
  date: localDateSchema,
  startTime: localTimeSchema,
  endTime: localTimeSchema.nullable().default(null),
  /** Where, in both languages (bilingual.ts): at least one is required. */
  place: requiredBilingualText(500),
  format: enumSchema(RECEPTION_FORMATS).default('in_person'),
  /** The seed requires a public announcement: when and where it was made. */
  announcedOn: localDateSchema.nullable().default(null),
  announcedWhere: plainText(500).default(''),
  /** Ramp, ground floor, sign-language interpreter... */
  accessibilityNotes: bilingualText(2_000).default({ kk: '', ru: '' }),
  status: enumSchema(RECEPTION_STATUSES).default('planned'),
  cancelReason: nullableText(1_000).default(null),
  checklistTemplateId: idSchema.nullable().default(null),
  checklist: z.array(checklistStepStateSchema).default([]),
  queue: z.array(queueEntrySchema).default([]),
  notes: plainText(10_000).default(''),
};

function checkReceptionRules(
  reception: { startTime: string; endTime: string | null; queue: readonly QueueEntry[] },
  ctx: z.RefinementCtx,
): void {
  // HH:mm[:ss] strings compare correctly as text.
  if (reception.endTime !== null && reception.endTime <= reception.startTime) {
    addIssue(ctx, ['endTime'], 'end_before_start');
  }
  const numbers = new Set<number>();
  reception.queue.forEach((entry, i) => {
    if (numbers.has(entry.number)) {
      addIssue(ctx, ['queue', i, 'number'], 'queue_number_taken');
    }
    numbers.add(entry.number);
  });
}

export const receptionInputObjectSchema = z.object(receptionFieldsShape);
export const receptionInputSchema = receptionInputObjectSchema.superRefine(checkReceptionRules);

export const receptionObjectSchema = z.object({ ...baseRecordShape, ...receptionFieldsShape });
export const receptionSchema = receptionObjectSchema.superRefine(checkReceptionRules);

export type ReceptionInput = z.input<typeof receptionInputSchema>;
export type ReceptionInputData = z.output<typeof receptionInputSchema>;
export type Reception = z.output<typeof receptionSchema>;

/**
 * The order in which to call visitors: vulnerable visitors first (the seed asks to give them
 * priority), then everyone by arrival number. Returns a new array.
 */
export function queueOrder<T extends Pick<QueueEntry, 'number' | 'vulnerable'>>(
  entries: readonly T[],
): T[] {
  return [...entries].sort(
    (a, b) => Number(b.vulnerable) - Number(a.vulnerable) || a.number - b.number,
  );
}

/** The next free arrival number. */
export function nextQueueNumber(entries: readonly Pick<QueueEntry, 'number'>[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.number), 0) + 1;
}
