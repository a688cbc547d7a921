import {
  appealSchema,
  applicantSchema,
  counterId,
  eventSchema,
  parseRegNo,
  type Appeal,
  type Applicant,
  type AppEvent,
} from '@shared/domain';
import type { TizilimDb } from '../database';
import { RepositoryError, validationError } from './errors';

export interface ImportBatch {
  applicants: readonly unknown[];
  appeals: readonly unknown[];
  events: readonly unknown[];
}

export interface ImportProgress {
  done: number;
  total: number;
}

const CHUNK = 2_000;

function validateAll<T>(
  records: readonly unknown[],
  parse: (
    r: unknown,
  ) =>
    { success: true; data: T } | { success: false; error: Parameters<typeof validationError>[0] },
  what: string,
): T[] {
  return records.map((record, i) => {
    const result = parse(record);
    if (!result.success) {
      const error = validationError(result.error);
      throw new RepositoryError(
        'validation',
        null,
        error.issues.map((issue) => ({ path: `${what}.${i}.${issue.path}`, code: issue.code })),
      );
    }
    return result.data;
  });
}

/**
 * Bulk import of complete records (a data export, demo data, a benchmark): every record is
 * validated first — one bad record refuses the whole batch before anything is written — then
 * written in one transaction (registry rows, search words and the change log follow through
 * the change layer, a chunk at a time), and the regNo counters are raised so new appeals
 * continue after the imported numbers.
 */
export async function importRecords(
  db: TizilimDb,
  batch: ImportBatch,
  onProgress?: (progress: ImportProgress) => void,
): Promise<{ appeals: number; applicants: number; events: number }> {
  const applicants = validateAll<Applicant>(
    batch.applicants,
    (r) => applicantSchema.safeParse(r),
    'applicants',
  );
  const appeals = validateAll<Appeal>(batch.appeals, (r) => appealSchema.safeParse(r), 'appeals');
  const events = validateAll<AppEvent>(batch.events, (r) => eventSchema.safeParse(r), 'events');

  const maxSequence = new Map<string, number>();
  for (const appeal of appeals) {
    const reg = parseRegNo(appeal.regNo);
    if (!reg) continue;
    const id = counterId('appeal', reg.year);
    maxSequence.set(id, Math.max(maxSequence.get(id) ?? 0, reg.sequence));
  }

  const total = applicants.length + appeals.length + events.length;
  let done = 0;
  const report = (n: number) => {
    done += n;
    onProgress?.({ done, total });
  };

  // One transaction for the whole batch: an import either lands completely or not at all
  // (a duplicate regNo halfway through rolls back everything before it).
  await db.transaction('rw', [db.applicants, db.appeals, db.events, db.counters], async () => {
    for (let i = 0; i < applicants.length; i += CHUNK) {
      const chunk = applicants.slice(i, i + CHUNK);
      await db.applicants.bulkAdd(chunk);
      report(chunk.length);
    }
    for (let i = 0; i < appeals.length; i += CHUNK) {
      const chunk = appeals.slice(i, i + CHUNK);
      await db.appeals.bulkAdd(chunk);
      report(chunk.length);
    }
    for (let i = 0; i < events.length; i += CHUNK) {
      const chunk = events.slice(i, i + CHUNK);
      await db.events.bulkAdd(chunk);
      report(chunk.length);
    }
    for (const [id, value] of maxSequence) {
      const current = await db.counters.get(id);
      if (!current || current.value < value) await db.counters.put({ id, value });
    }
  });
  return { appeals: appeals.length, applicants: applicants.length, events: events.length };
}
