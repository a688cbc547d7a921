import { z } from 'zod';

import { DEVICE_CODE } from '../numbering/format';
import {
  addIssue,
  err,
  isoDateTimeSchema,
  nonNegativeIntSchema,
  positiveIntSchema,
} from './common';

/** A laptop of the office (the change log's device identity); only non-empty is required. */
export const deviceIdSchema = z.string().trim().min(1, err('required')).max(100, err('too_long'));

/**
 * Numbers `from`..`to` of one yearly series, handed by the office laptop (the issuer) to
 * another laptop in a package; the issuer's own series skips them. `used` is the last number
 * the holder gave out of the block (0: none yet); only the holder raises it.
 */
export const numberBlockSchema = z
  .object({
    from: positiveIntSchema,
    to: positiveIntSchema,
    deviceId: deviceIdSchema,
    grantedBy: deviceIdSchema,
    grantedAt: isoDateTimeSchema,
    used: nonNegativeIntSchema.default(0),
  })
  .superRefine((block, ctx) => {
    if (block.to < block.from) addIssue(ctx, ['to'], 'invalid_value');
    if (block.used !== 0 && (block.used < block.from || block.used > block.to)) {
      addIssue(ctx, ['used'], 'invalid_value');
    }
  });
export type NumberBlock = z.output<typeof numberBlockSchema>;

/**
 * Sequence counters ('appeal:2026' → last regNo sequence used in 2026). Incremented in the
 * same transaction that stores the numbered record, never decremented, so numbers are
 * never reused even when a record is deleted.
 *
 * With several laptops (docs/merge.md): `value` is the highest number of the series known to
 * be taken or handed out; `blocks` the blocks handed out; `provisional` the last provisional
 * sequence each laptop used, by device code. A merge recomputes all three (maximum, union).
 * The two new fields are optional so counters stored before them parse unchanged.
 */
export const counterSchema = z.object({
  id: z.string(err('counter_id_invalid')).regex(/^[a-z][a-z_]*:\d{4}$/, err('counter_id_invalid')),
  /** Never above the largest sequence a number can have (MAX_REG_SEQUENCE). */
  value: nonNegativeIntSchema.max(999_999, err('counter_too_large')),
  blocks: z.array(numberBlockSchema).optional(),
  provisional: z.record(z.string().regex(DEVICE_CODE), nonNegativeIntSchema).optional(),
});
export type Counter = z.output<typeof counterSchema>;

export type CounterKind = 'appeal' | 'inquiry';

export function counterId(kind: CounterKind, year: number): string {
  return `${kind}:${String(year)}`;
}
