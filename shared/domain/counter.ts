import { z } from 'zod';

import { err, nonNegativeIntSchema } from './common';

/**
 * Sequence counters ('appeal:2026' → last regNo sequence used in 2026). Incremented in the
 * same transaction that stores the numbered record, never decremented, so numbers are
 * never reused even when a record is deleted.
 */
export const counterSchema = z.object({
  id: z.string(err('counter_id_invalid')).regex(/^[a-z][a-z_]*:\d{4}$/, err('counter_id_invalid')),
  /** Never above the largest sequence a number can have (MAX_REG_SEQUENCE). */
  value: nonNegativeIntSchema.max(999_999, err('counter_too_large')),
});
export type Counter = z.output<typeof counterSchema>;

export type CounterKind = 'appeal' | 'inquiry';

export function counterId(kind: CounterKind, year: number): string {
  return `${kind}:${String(year)}`;
}
