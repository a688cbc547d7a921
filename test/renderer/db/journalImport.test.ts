import { searchIndexOf } from '@renderer/db/searchIndex';
import { describe, expect, it } from 'vitest';

import { DEFAULT_TOPICS } from '@shared/domain/topics';
import { analyseSheet } from '@shared/journal/analyse';
import { DEFAULT_PLAN_SETTINGS, planJournalImport } from '@shared/journal/plan';
import { readJournalFile } from '@shared/journal/read';
import { newId } from '@shared/ids';
import {
  createAppeal,
  importJournalPlan,
  JournalUndoBlocked,
  listJournalBatches,
  loadJournalRegistry,
  loadMappingProfile,
  RepositoryError,
  saveMappingProfile,
  undoJournalImport,
  updateAppeal,
} from '@renderer/db/repositories';
import type { TizilimDb } from '@renderer/db/database';
import { kazakh1904, russianTwoRowHeader } from '@test/fixtures/journals/build';
import {
  counts,
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  rejection,
  rowsOf,
} from './helpers';

deleteFreshDbsAfterEach();

async function planFor(db: TizilimDb, journal: { bytes: Uint8Array; fileName: string }) {
  const workbook = await readJournalFile(journal.bytes, journal.fileName);
  const analysis = analyseSheet(workbook, undefined, DEFAULT_TOPICS);
  if (!analysis.ok) throw new Error(analysis.problem);
  return planJournalImport({
    sheet: analysis.sheet,
    header: analysis.header,
    mapping: analysis.mapping,
    registry: await loadJournalRegistry(db),
    settings: { ...DEFAULT_PLAN_SETTINGS, topics: DEFAULT_TOPICS },
    fileName: journal.fileName,
    batchId: newId(),
    userId: 'aigerim',
    now: '2026-11-20T05:00:00.000Z',
    lang: 'kk',
  });
}

describe('journal import repository', () => {
  it('writes a plan in one go, continuing the office numbers, and adds nothing the second time', async () => {
    const db = freshDb();
    await createAppeal(db, kazakhAppeal({ receivedAt: '2026-02-02T10:00' }), ctxAt());
    const journal = await russianTwoRowHeader();
    const plan = await planFor(db, journal);
    expect(plan.appeals.map((a) => a.regNo)).toEqual([
      '2026-0002',
      '2026-0003',
      '2026-0004',
      '2026-0005',
      '2026-0006',
    ]);
    await importJournalPlan(db, plan);
    expect(await counts(db)).toMatchObject({ appeals: 6 });
    expect(await db.registryRows.count()).toBe(6);
    expect((await db.counters.get('appeal:2026'))?.value).toBe(6);
    const history = await db.events.where('appealId').equals(plan.appeals[0]!.id).toArray();
    expect(history.map((e) => e.type)).toEqual(['journalImported']);
    expect(history[0]!.note).toContain('8-жолы');
    // The journal's own number is searchable.
    const numbered = plan.appeals.find((a) => a.journalNo !== null)!;
    const search = await searchIndexOf(db).ready();
    expect(search.searchAppeals(numbered.journalNo!)?.ids).toContain(numbered.id);

    const again = await planFor(db, journal);
    expect(again.appeals).toEqual([]);
    expect(again.counts.alreadyImported).toBe(5);
    expect(await listJournalBatches(db)).toMatchObject([
      { batchId: plan.batchId, appeals: 5, live: 5 },
    ]);
  });

  it('refuses a plan made before the registry changed, and writes nothing', async () => {
    const db = freshDb();
    const plan = await planFor(db, await russianTwoRowHeader());
    await createAppeal(db, kazakhAppeal({ receivedAt: '2026-02-02T10:00' }), ctxAt());
    const before = await rowsOf(db, 'appeals', 'applicants', 'events', 'counters');
    const error = await rejection(importJournalPlan(db, plan));
    expect(error.detail).toBe('journal_registry_changed');
    expect(await rowsOf(db, 'appeals', 'applicants', 'events', 'counters')).toEqual(before);
  });

  it('undoes a whole batch, and the same file imports again afterwards', async () => {
    const db = freshDb();
    const journal = await kazakh1904();
    const plan = await planFor(db, journal);
    await importJournalPlan(db, plan);
    const result = await undoJournalImport(db, plan.batchId, ctxAt());
    expect(result).toEqual({ appeals: 4, applicants: 4 });
    expect(await db.registryRows.count()).toBe(0);
    expect(await db.appeals.filter((a) => a.deletedAt === null).count()).toBe(0);
    expect(await db.applicants.filter((a) => a.deletedAt === null).count()).toBe(0);
    expect(await listJournalBatches(db)).toMatchObject([{ batchId: plan.batchId, live: 0 }]);
    const again = await planFor(db, journal);
    expect(again.appeals).toHaveLength(4);
    // Numbers are never reused.
    expect(again.appeals[0]!.regNo).toBe('2025-0003');
  });

  it('does not undo a batch one of whose appeals was edited since, and says which', async () => {
    const db = freshDb();
    const plan = await planFor(db, await kazakh1904());
    await importJournalPlan(db, plan);
    const edited = plan.appeals[1]!;
    await updateAppeal(db, edited.id, { subject: 'Көше шамдары' }, ctxAt());
    const before = await rowsOf(db, 'appeals', 'applicants', 'events', 'registryRows');
    const error = await rejection(undoJournalImport(db, plan.batchId, ctxAt()));
    expect(error).toBeInstanceOf(JournalUndoBlocked);
    expect((error as JournalUndoBlocked).edited).toEqual([
      { kind: 'appeal', id: edited.id, label: edited.regNo },
    ]);
    expect(await rowsOf(db, 'appeals', 'applicants', 'events', 'registryRows')).toEqual(before);
  });

  it('does not undo when an imported applicant has a new appeal of their own', async () => {
    const db = freshDb();
    const plan = await planFor(db, await kazakh1904());
    await importJournalPlan(db, plan);
    const person = plan.applicants[0]!;
    await createAppeal(db, kazakhAppeal({ applicantId: person.id }), ctxAt());
    const error = await rejection(undoJournalImport(db, plan.batchId, ctxAt()));
    expect((error as JournalUndoBlocked).edited).toEqual([
      { kind: 'applicant', id: person.id, label: person.fullName },
    ]);
  });

  it('remembers a mapping profile by its key', async () => {
    const db = freshDb();
    expect(await loadMappingProfile(db, 'abc')).toBeNull();
    const profile = {
      columns: { receivedDate: 'дата' },
      values: { channel: {}, kind: {}, result: {}, topic: {} },
      defaults: { channel: 'letter' as const, kind: 'application' as const, topic: 'other' },
    };
    await saveMappingProfile(db, 'abc', profile);
    expect(await loadMappingProfile(db, 'abc')).toEqual(profile);
  });

  it('refuses an empty plan', async () => {
    const db = freshDb();
    const plan = await planFor(db, await kazakh1904());
    const error = await rejection(
      importJournalPlan(db, { ...plan, appeals: [], applicants: [], events: [] }),
    );
    expect(error).toBeInstanceOf(RepositoryError);
  });
});
