import { z } from 'zod';

import { idSchema, isoDateTimeSchema, requiredText } from './common';

/**
 * Autosaved form state (reception intake, any long form), so a crash or a closed lid loses
 * nothing. Deliberately not a full record: no history, no versions, deleted for real once
 * the form is saved. `data` is whatever the form holds.
 */
export const draftSchema = z.object({
  id: idSchema,
  /** Which form: 'appeal', 'applicant', 'intake', 'inquiry'... (defined by the feature). */
  kind: requiredText(64),
  /** Which instance: a record id, a reception id + queue number, or 'new'. */
  key: requiredText(200),
  data: z.unknown(),
  updatedAt: isoDateTimeSchema,
});
export type Draft = z.output<typeof draftSchema>;
