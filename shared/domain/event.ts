import { z } from 'zod';

import { newId } from '../ids';
import { APPEAL_STATUSES, INFORM_CHANNELS, OUTCOMES, WORKFLOW_ACTIONS } from './enums';
import type { EventType } from './enums';
import {
  baseRecordShape,
  enumSchema,
  idSchema,
  isoDateTimeSchema,
  localDateSchema,
  localDateTimeSchema,
  plainText,
  userIdSchema,
} from './common';

/**
 * Event data per type. Objects are loose: an event is history and is never rewritten, so a
 * newer app version may add keys that an older one must keep when it reads and re-exports.
 */
export const eventDataSchemas = {
  created: z.looseObject({ regNo: z.string() }),
  statusChanged: z.looseObject({
    from: enumSchema(APPEAL_STATUSES),
    to: enumSchema(APPEAL_STATUSES),
    action: enumSchema(WORKFLOW_ACTIONS),
    outcome: enumSchema(OUTCOMES).nullable().optional(),
  }),
  fieldChanged: z.looseObject({
    changes: z
      .array(z.object({ field: z.string().min(1), from: z.unknown(), to: z.unknown() }))
      .min(1),
  }),
  noteAdded: z.looseObject({}),
  inquirySent: z.looseObject({ inquiryId: idSchema }),
  responseReceived: z.looseObject({ inquiryId: idSchema }),
  deadlineExtended: z.looseObject({
    from: localDateSchema.nullable(),
    to: localDateSchema,
    reason: z.string(),
  }),
  applicantInformed: z.looseObject({
    informedAt: localDateTimeSchema,
    via: enumSchema(INFORM_CHANNELS),
  }),
  attachmentAdded: z.looseObject({ attachmentId: idSchema, fileName: z.string() }),
  /** Another record (appeal or applicant) was merged into this appeal's record. */
  merged: z.looseObject({ sourceId: idSchema, targetId: idSchema }),
  applicantAnonymised: z.looseObject({ applicantId: idSchema }),
  deleted: z.looseObject({}),
  /**
   * One row of an office's journal became this appeal. `fingerprint` recognises the row when
   * the same journal is imported again; `row` is the sheet's own row number.
   */
  journalImported: z.looseObject({
    regNo: z.string(),
    batchId: idSchema,
    row: z.int().min(1),
    sheet: z.string(),
    fileName: z.string(),
    fingerprint: z.string().min(1),
  }),
} satisfies Record<EventType, z.ZodType>;

export type EventDataMap = { [K in EventType]: z.output<(typeof eventDataSchemas)[K]> };

/**
 * Event fields besides type and data. An event belongs to one appeal; things that happen
 * to an applicant (anonymisation, a merge) are written to each of the applicant's appeals.
 * `at` is when it happened; `createdAt` when it was written (the same unless backdated).
 */
const eventCommonShape = {
  ...baseRecordShape,
  appealId: idSchema,
  at: isoDateTimeSchema,
  userId: userIdSchema,
  note: plainText(20_000),
};

function eventVariant<T extends EventType>(type: T) {
  return z.object({
    ...eventCommonShape,
    type: z.literal(type),
    data: eventDataSchemas[type] as (typeof eventDataSchemas)[T],
  });
}

export const eventSchema = z.discriminatedUnion('type', [
  eventVariant('created'),
  eventVariant('statusChanged'),
  eventVariant('fieldChanged'),
  eventVariant('noteAdded'),
  eventVariant('inquirySent'),
  eventVariant('responseReceived'),
  eventVariant('deadlineExtended'),
  eventVariant('applicantInformed'),
  eventVariant('attachmentAdded'),
  eventVariant('merged'),
  eventVariant('applicantAnonymised'),
  eventVariant('deleted'),
  eventVariant('journalImported'),
]);

export type AppEvent = z.output<typeof eventSchema>;
/** An appeal's history entry. (Named AppEvent too, to avoid clashing with the DOM Event.) */
export type Event = AppEvent;
export type EventOf<T extends EventType> = Extract<AppEvent, { type: T }>;

// Keeps the list of variants above in step with EVENT_TYPES.
const _allTypesCovered: EventType extends AppEvent['type'] ? true : never = true;
void _allTypesCovered;

export interface NewEventParams<T extends EventType> {
  appealId: string;
  type: T;
  data: EventDataMap[T];
  /** ISO UTC. */
  now: string;
  userId: string;
  note?: string;
  /** When it happened, if not now (ISO UTC). */
  at?: string;
}

/** A new event record with a fresh id and base fields. */
export function makeEvent<T extends EventType>(params: NewEventParams<T>): EventOf<T> {
  // A plain literal rather than a spread of newBaseFields: events are written in bulk
  // (imports, generated data) and the spread was the single largest cost there.
  const event = {
    id: newId(),
    createdAt: params.now,
    updatedAt: params.now,
    createdBy: params.userId,
    updatedBy: params.userId,
    version: 1,
    deletedAt: null,
    appealId: params.appealId,
    type: params.type,
    at: params.at ?? params.now,
    userId: params.userId,
    note: params.note ?? '',
    data: params.data,
  };
  // TypeScript cannot narrow a union through a generic type parameter; `type` and `data`
  // are tied together by NewEventParams<T>.
  return event as unknown as EventOf<T>;
}
