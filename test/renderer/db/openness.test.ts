import { describe, expect, it } from 'vitest';
import {
  createFeedbackRound,
  createReportPublication,
  deleteFeedbackRound,
  deleteReportPublication,
  describeRepositoryError,
  updateFeedbackRound,
  updateReportPublication,
} from '@renderer/db/repositories';
import { changesSince, latestSeq } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rejection } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

const q3 = {
  year: 2026,
  quarter: 3,
  publishedOn: '2026-10-12',
  link: 'https://maslihat.kz/kk/esep/2026-3',
  note: 'Аудандық «Жаңа өмір» газеті, 16 қазан',
};

const round = {
  decision: 'Мәслихаттың 12-сессиясының аулаларды абаттандыру туралы шешімі',
  decisionOn: '2026-09-25',
  collectedOn: '2026-10-05',
  channel: 'telegram' as const,
  responses: 46,
  summary: 'Тұрғындар ойын алаңын бірінші кезекте салуды сұрады.',
};

describe('report publications (scorecard step 4)', () => {
  it('records a quarter’s publication, edits it, soft-deletes it, each write logged', async () => {
    db = freshDb();
    const seq = await latestSeq(db);
    const created = await createReportPublication(db, q3, ctxAt());
    expect(created).toMatchObject({ ...q3, version: 1, deletedAt: null, createdBy: 'aigerim' });
    const edited = await updateReportPublication(
      db,
      created.id,
      { publishedOn: '2026-10-14' },
      ctxAt(),
      { expectedVersion: 1 },
    );
    expect(edited).toMatchObject({ publishedOn: '2026-10-14', version: 2 });
    const deleted = await deleteReportPublication(db, created.id, ctxAt());
    expect(deleted.deletedAt).not.toBeNull();
    const log = await changesSince(db, seq);
    expect(log.map((c) => [c.table, c.id])).toEqual(
      Array.from({ length: 3 }, () => ['reportPublications', created.id]),
    );
  });

  it('refuses a second record of one quarter, a bad link, a date before the quarter ends or in the future — storing nothing', async () => {
    db = freshDb();
    await createReportPublication(db, q3, ctxAt());
    const taken = await rejection(createReportPublication(db, q3, ctxAt()));
    expect(taken.issues).toEqual([{ path: 'quarter', code: 'publication_quarter_taken' }]);
    expect(describeRepositoryError(taken, 'kk').fields.quarter).toMatch(/тоқсан/);

    const link = await rejection(
      createReportPublication(db, { ...q3, quarter: 2, link: 'maslihat.kz/esep' }, ctxAt()),
    );
    expect(link.issues).toEqual([{ path: 'link', code: 'publication_link_invalid' }]);
    expect(describeRepositoryError(link, 'ru').fields.link).toMatch(/https:\/\//);

    const early = await rejection(
      createReportPublication(db, { ...q3, quarter: 4, publishedOn: '2026-11-19' }, ctxAt()),
    );
    expect(early.issues).toEqual([{ path: 'publishedOn', code: 'publication_before_quarter_end' }]);

    // ctxAt() is 20 November 2026.
    const future = await rejection(
      createReportPublication(db, { ...q3, quarter: 2, publishedOn: '2026-11-21' }, ctxAt()),
    );
    expect(future.issues).toEqual([{ path: 'publishedOn', code: 'date_future_published' }]);
    expect(await db.reportPublications.count()).toBe(1);
  });
});

describe('feedback rounds (scorecard step 5)', () => {
  it('records a round with defaults and edits it', async () => {
    db = freshDb();
    const minimal = await createFeedbackRound(
      db,
      { decision: 'Бюджет туралы шешім', collectedOn: '2026-11-02' },
      ctxAt(),
    );
    expect(minimal).toMatchObject({
      channel: 'meeting',
      responses: 0,
      decisionOn: null,
      summary: '',
    });
    const full = await createFeedbackRound(db, round, ctxAt());
    const edited = await updateFeedbackRound(db, full.id, { responses: 52 }, ctxAt());
    expect(edited).toMatchObject({ responses: 52, version: 2 });
    await deleteFeedbackRound(db, minimal.id, ctxAt());
    expect((await db.feedbackRounds.get(minimal.id))?.deletedAt).not.toBeNull();
  });

  it('refuses responses collected before the decision, a negative count, an empty decision — the stored round unchanged', async () => {
    db = freshDb();
    const stored = await createFeedbackRound(db, round, ctxAt());
    const order = await rejection(
      updateFeedbackRound(db, stored.id, { collectedOn: '2026-09-20' }, ctxAt()),
    );
    expect(order.issues).toEqual([{ path: 'collectedOn', code: 'feedback_before_decision' }]);
    expect(describeRepositoryError(order, 'ru').fields.collectedOn).toMatch(/раньше решения/);
    const negative = await rejection(
      updateFeedbackRound(db, stored.id, { responses: -1 }, ctxAt()),
    );
    expect(negative.issues.map((i) => i.path)).toEqual(['responses']);
    const empty = await rejection(createFeedbackRound(db, { ...round, decision: '  ' }, ctxAt()));
    expect(empty.issues.map((i) => i.path)).toEqual(['decision']);
    expect(await db.feedbackRounds.toArray()).toEqual([stored]);
  });
});
