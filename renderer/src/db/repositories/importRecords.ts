import {
  appealSchema,
  applicantSchema,
  counterId,
  eventSchema,
  type Appeal,
  type Applicant,
  type AppEvent,
} from '@shared/domain';
import { mergeCounters, parseNumber } from '@shared/numbering';
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

  // Every number the batch brings (current and earlier ones, final and provisional).
  const numbers = appeals.flatMap((appeal) => [appeal.regNo, ...(appeal.aliases ?? [])]);
  const counterIds = [
    ...new Set(
      numbers.flatMap((n) => {
        const parsed = parseNumber(n);
        return parsed ? [counterId(parsed.kind, parsed.year)] : [];
      }),
    ),
  ];

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
    // Counters rise past the imported numbers and keep their blocks (docs/merge.md).
    const current = (await db.counters.bulkGet(counterIds)).filter((c) => c !== undefined);
    const before = new Map(current.map((c) => [c.id, c]));
    for (const counter of mergeCounters(current, [], numbers)) {
      if (JSON.stringify(counter) !== JSON.stringify(before.get(counter.id))) {
        await db.counters.put(counter);
      }
    }
  });
  return { appeals: appeals.length, applicants: applicants.length, events: events.length };
}
