import { z } from 'zod';

import { err, nonNegativeIntSchema } from './common';

/**
 * Sequence counters ('appeal:2026' → last regNo sequence used in 2026). Incremented in the
 * same transaction that stores the numbered record, never decremented, so numbers are
 * never reused even when a record is deleted.
 */
export const counterSchema = z.object({
  id: z.string(err('counter_id_invalid')).regex(/^[a-z][a-z_]*:\d{4}$/, err('counter_id_invalid')),
  value: nonNegativeIntSchema,
});
export type Counter = z.output<typeof counterSchema>;

export type CounterKind = 'appeal' | 'inquiry';

export function counterId(kind: CounterKind, year: number): string {
  return `${kind}:${String(year)}`;
}
