import { describe, expect, it } from 'vitest';
import {
  createAppeal,
  createApplicant,
  importRecords,
  RepositoryError,
} from '@renderer/db/repositories';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';
import {
  counts,
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  russianAppeal,
  WRITTEN_CONSENT,
} from './helpers';

let source: TizilimDb;
let db: TizilimDb;
deleteFreshDbsAfterEach();

/** Records exactly as the repositories write them, from a scratch database. */
async function exportedOffice() {
  source = freshDb();
  const a = await createApplicant(
    source,
    { consent: WRITTEN_CONSENT, fullName: 'Сейітқали Гүлнар', phones: ['87012345678'] },
    ctxAt(),
  );
  await createAppeal(source, kazakhAppeal({ applicantId: a.id }), ctxAt());
  await createAppeal(source, russianAppeal({ applicantId: a.id }), ctxAt());
  await createAppeal(source, kazakhAppeal({ receivedAt: '2025-12-30T10:00' }), ctxAt());
  return {
    applicants: await source.applicants.toArray(),
    appeals: await source.appeals.toArray(),
    events: await source.events.toArray(),
  };
}

describe('importRecords', () => {
  it('imports complete records with registry rows, history and raised counters', async () => {
    const batch = await exportedOffice();
    db = freshDb();
    const progress: number[] = [];
    const result = await importRecords(db, batch, (p) => progress.push(p.done));
    expect(result).toEqual({ appeals: 3, applicants: 1, events: 3 });
    expect(progress.at(-1)).toBe(7);
    const row = await db.registryRows.get(batch.appeals[0]!.id);
    expect(row?.applicantName).toBe('Сейітқали Гүлнар');
    expect(await appealHistory(db, batch.appeals[0]!.id)).toHaveLength(1);
    expect(await db.counters.get('appeal:2026')).toEqual({ id: 'appeal:2026', value: 2 });
    expect(await db.counters.get('appeal:2025')).toEqual({ id: 'appeal:2025', value: 1 });
    // A new appeal continues the imported sequence.
    const next = await createAppeal(db, kazakhAppeal(), ctxAt());
    expect(next.regNo).toBe('2026-0003');
  });

  it('refuses a batch with one invalid record, naming it, and writes nothing', async () => {
    const batch = await exportedOffice();
    db = freshDb();
    const broken = {
      ...batch,
      appeals: batch.appeals.map((a, i) => (i === 1 ? { ...a, status: 'lost' } : a)),
    };
    const error = (await importRecords(db, broken).catch((e: unknown) => e)) as RepositoryError;
    expect(error).toBeInstanceOf(RepositoryError);
    expect(error.issues[0]?.path).toBe('appeals.1.status');
    expect(await counts(db)).toEqual({ appeals: 0, events: 0, counters: [], applicants: 0 });
  });

  it('rolls everything back when a record clashes with the database (same regNo)', async () => {
    const batch = await exportedOffice();
    db = freshDb();
    await importRecords(db, { applicants: [], appeals: [batch.appeals[2]!], events: [] });
    const before = await counts(db);
    await expect(importRecords(db, batch)).rejects.toThrow();
    expect(await counts(db)).toEqual(before);
    expect(await db.registryRows.count()).toBe(1);
  });
});
