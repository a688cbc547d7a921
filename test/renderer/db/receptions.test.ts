import { describe, expect, it } from 'vitest';
import type { TizilimDb } from '@renderer/db/database';
import {
  cancelReception,
  copyChecklistTemplate,
  createReception,
  describeRepositoryError,
  markReceptionHeld,
  recordAnnouncement,
  saveChecklistTemplate,
  setPreparationStep,
  updateReception,
  type ReceptionPlan,
} from '@renderer/db/repositories';
import {
  getReception,
  listReceptions,
  monthsWithoutReception,
  receptionsBetween,
  receptionsInMonth,
  upcomingMonthsWithoutReception,
} from '@renderer/db/queries/receptions';
import {
  BUILT_IN_CHECKLIST_IDS,
  queueEntrySchema,
  type QueueEntry,
  type Reception,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rejection, rowsOf } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

/** The first visitor in the queue on the reception day (27 November). */
function firstVisitor(entry: Partial<QueueEntry>): QueueEntry {
  return queueEntrySchema.parse({
    id: newId(),
    number: 1,
    arrivedAt: '2026-11-27T10:05',
    ...entry,
  });
}

const PLAN: ReceptionPlan = {
  date: '2026-11-27',
  startTime: '10:00',
  endTime: '13:00',
  place: {
    kk: 'Сарыарқа ауданы әкімдігі, Жеңіс даңғылы 23, 105-кабинет',
    ru: 'Акимат района Сарыарка, проспект Женис 23, кабинет 105',
  },
  format: 'in_person',
  accessibilityNotes: {
    kk: 'Бірінші қабат, кіреберісте пандус бар',
    ru: 'Первый этаж, у входа есть пандус',
  },
};

async function planned(plan: Partial<ReceptionPlan> = {}): Promise<Reception> {
  return createReception(db, { ...PLAN, ...plan }, ctxAt());
}

/** The stored rows of a table, to prove a refused write changed nothing. */
function snapshot() {
  return rowsOf(db, 'receptions', 'checklistTemplates');
}

describe('planning a reception', () => {
  it('stores it planned, stamped, with the built-in preparation checklist unticked', async () => {
    db = freshDb();
    const reception = await planned();
    expect(reception).toMatchObject({
      ...PLAN,
      status: 'planned',
      version: 1,
      createdBy: 'aigerim',
      createdAt: '2026-11-20T05:00:00.000Z',
      announcedOn: null,
      queue: [],
      checklistTemplateId: BUILT_IN_CHECKLIST_IDS.reception_preparation,
    });
    expect(reception.checklist.map((s) => s.stepId)).toEqual([
      'announce',
      'accessibility',
      'table',
      'notebook',
      'water',
      'contact_cards',
      'consent_forms',
      'receipts',
      'laptop',
    ]);
    expect(reception.checklist.every((s) => !s.done)).toBe(true);
    expect(await db.receptions.get(reception.id)).toEqual(reception);
    // The built-in it refers to is now stored, so the reference resolves anywhere.
    expect(
      await db.checklistTemplates.get(BUILT_IN_CHECKLIST_IDS.reception_preparation),
    ).toMatchObject({ builtIn: true, key: 'reception_preparation' });
  });

  it("uses the office's own preparation list when it has one", async () => {
    db = freshDb();
    const own = await copyChecklistTemplate(
      db,
      BUILT_IN_CHECKLIST_IDS.reception_preparation,
      ctxAt(),
    );
    const edited = await saveChecklistTemplate(
      db,
      {
        id: own.id,
        purpose: 'reception_preparation',
        name: { kk: 'Ауылдағы көшпелі қабылдау', ru: 'Выездной приём в селе' },
        steps: [
          ...own.steps,
          { text: { kk: 'Ауыл әкімімен келісу', ru: 'Согласовать с акимом села' } },
        ],
      },
      ctxAt(),
    );
    const reception = await planned({ format: 'visiting' });
    expect(reception.checklistTemplateId).toBe(own.id);
    expect(reception.checklist).toHaveLength(edited.steps.length);
  });

  it('refuses bad input with field codes in both languages, storing nothing', async () => {
    db = freshDb();
    const before = await snapshot();
    const error = await rejection(
      createReception(
        db,
        { ...PLAN, date: '2026-02-30', startTime: '14:00', endTime: '12:00', place: '  ' },
        ctxAt(),
      ),
    );
    expect(error.code).toBe('validation');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'date', code: 'invalid_date' },
        { path: 'place.kk', code: 'required' },
      ]),
    );
    const { fields } = describeRepositoryError(error, 'kk');
    expect(fields['place.kk']).toBe('Бұл өрісті толтырыңыз');
    expect(describeRepositoryError(error, 'ru').fields.date).toMatch(/^Неверная дата/);
    expect(await snapshot()).toEqual(before);

    const late = await rejection(
      createReception(db, { ...PLAN, startTime: '14:00', endTime: '12:00' }, ctxAt()),
    );
    expect(late.issues).toEqual([{ path: 'endTime', code: 'end_before_start' }]);
    expect(await db.receptions.count()).toBe(0);
  });
});

describe('changing the plan', () => {
  it('edits a planned reception with the version check', async () => {
    db = freshDb();
    const reception = await planned();
    const later = ctxAt(new Date('2026-11-21T04:00:00Z'), 'marat');
    const moved = await updateReception(
      db,
      reception.id,
      { date: '2026-11-28', startTime: '15:00', endTime: null, format: 'online' },
      later,
      { expectedVersion: 1 },
    );
    expect(moved).toMatchObject({
      date: '2026-11-28',
      startTime: '15:00',
      endTime: null,
      format: 'online',
      place: PLAN.place,
      version: 2,
      updatedBy: 'marat',
      createdBy: 'aigerim',
      checklist: reception.checklist,
    });

    const stale = await rejection(
      updateReception(db, reception.id, { place: 'Басқа жер' }, ctxAt(), { expectedVersion: 1 }),
    );
    expect(stale.code).toBe('conflict');
    expect(describeRepositoryError(stale, 'ru').message).toMatch(/другой сотрудник/);
    expect(await getReception(db, reception.id)).toEqual(moved);
  });

  it('keeps the time rule on a partial change and refuses unknown receptions', async () => {
    db = freshDb();
    const reception = await planned();
    const error = await rejection(
      updateReception(db, reception.id, { startTime: '13:30' }, ctxAt()),
    );
    expect(error.issues).toEqual([{ path: 'endTime', code: 'end_before_start' }]);
    expect((await getReception(db, reception.id))?.version).toBe(1);
    expect((await rejection(updateReception(db, newId(), { place: 'x' }, ctxAt()))).detail).toBe(
      'record_not_found',
    );
  });

  it('cancels with a reason; a cancelled reception is read-only', async () => {
    db = freshDb();
    const reception = await planned();
    const noReason = await rejection(cancelReception(db, reception.id, '   ', ctxAt()));
    expect(noReason.issues).toEqual([{ path: 'cancelReason', code: 'cancel_reason_required' }]);
    expect(describeRepositoryError(noReason, 'kk').fields.cancelReason).toBe(
      'Қабылдаудың неліктен болмайтынын жазыңыз',
    );
    expect((await getReception(db, reception.id))?.status).toBe('planned');

    const cancelled = await cancelReception(
      db,
      reception.id,
      ' Депутат облыстық сессияға шақырылды ',
      ctxAt(),
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Депутат облыстық сессияға шақырылды',
      version: 2,
    });
    for (const attempt of [
      updateReception(db, reception.id, { place: 'Басқа жер' }, ctxAt()),
      cancelReception(db, reception.id, 'тағы', ctxAt()),
      setPreparationStep(db, reception.id, 'water', { done: true }, ctxAt()),
      recordAnnouncement(db, reception.id, { on: '2026-11-20', where: 'Telegram' }, ctxAt()),
      markReceptionHeld(db, reception.id, ctxAt(new Date('2026-11-28T05:00:00Z'))),
    ]) {
      expect((await rejection(attempt)).detail).toBe('reception_cancelled');
    }
    expect(await getReception(db, reception.id)).toEqual(cancelled);
  });

  it('will not cancel a reception where appeals were already registered', async () => {
    db = freshDb();
    const reception = await planned();
    // The queue is written by the reception run (intake.ts); here it is set directly.
    await db.receptions.put({
      ...reception,
      queue: [firstVisitor({ name: 'Гүлнар Сейітқызы', status: 'done', appealId: newId() })],
    });
    const error = await rejection(cancelReception(db, reception.id, 'Ауырып қалдым', ctxAt()));
    expect(error).toMatchObject({ code: 'workflow', detail: 'reception_has_appeals' });
    expect((await getReception(db, reception.id))?.status).toBe('planned');
  });
});

describe('announcement and preparation', () => {
  it('records where and when it was announced, ticking the "announce" step', async () => {
    db = freshDb();
    const reception = await planned();
    const saved = await recordAnnouncement(
      db,
      reception.id,
      { on: '2026-11-20', where: 'Telegram, WhatsApp, хабарландыру тақтасы' },
      ctxAt(),
    );
    expect(saved).toMatchObject({
      announcedOn: '2026-11-20',
      announcedWhere: 'Telegram, WhatsApp, хабарландыру тақтасы',
      version: 2,
    });
    expect(saved.checklist.find((s) => s.stepId === 'announce')?.done).toBe(true);
    expect(saved.checklist.filter((s) => s.done)).toHaveLength(1);
  });

  it('refuses an announcement after the reception or without a place, unchanged', async () => {
    db = freshDb();
    const reception = await planned();
    const before = await snapshot();
    const late = await rejection(
      recordAnnouncement(
        db,
        reception.id,
        { on: '2026-11-28', where: 'Сайт' },
        ctxAt(new Date('2026-11-30T05:00:00Z')),
      ),
    );
    expect(late.issues).toEqual([{ path: 'on', code: 'announced_after_reception' }]);
    expect(describeRepositoryError(late, 'ru').fields.on).toBe(
      'Объявление не может быть сделано позже дня приёма',
    );
    const nowhere = await rejection(
      recordAnnouncement(db, reception.id, { on: '2026-11-20', where: ' ' }, ctxAt()),
    );
    expect(nowhere.issues).toEqual([{ path: 'where', code: 'announced_where_required' }]);
    const badDay = await rejection(
      recordAnnouncement(db, reception.id, { on: '20.11.2026', where: 'Сайт' }, ctxAt()),
    );
    expect(badDay.issues).toEqual([{ path: 'on', code: 'invalid_date' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('ticks and unticks preparation steps with notes; unknown steps are refused', async () => {
    db = freshDb();
    const reception = await planned();
    await setPreparationStep(db, reception.id, 'water', { done: true }, ctxAt());
    const withNote = await setPreparationStep(
      db,
      reception.id,
      'contact_cards',
      { done: true, note: '50 дана басылды' },
      ctxAt(),
    );
    expect(withNote.checklist.filter((s) => s.done).map((s) => s.stepId)).toEqual([
      'water',
      'contact_cards',
    ]);
    const undone = await setPreparationStep(
      db,
      reception.id,
      'contact_cards',
      { done: false },
      ctxAt(),
    );
    // Unticking keeps the note written earlier.
    expect(undone.checklist.find((s) => s.stepId === 'contact_cards')).toEqual({
      stepId: 'contact_cards',
      done: false,
      note: '50 дана басылды',
    });
    expect(undone.version).toBe(4);

    const unknown = await rejection(
      setPreparationStep(db, reception.id, 'microphone', { done: true }, ctxAt()),
    );
    expect(unknown.issues).toEqual([{ path: 'checklist', code: 'checklist_step_unknown' }]);
    expect(await getReception(db, reception.id)).toEqual(undone);
  });

  it('a step added to the template after planning can still be ticked', async () => {
    db = freshDb();
    const own = await copyChecklistTemplate(
      db,
      BUILT_IN_CHECKLIST_IDS.reception_preparation,
      ctxAt(),
    );
    const reception = await planned();
    const extended = await saveChecklistTemplate(
      db,
      {
        id: own.id,
        purpose: own.purpose,
        name: own.name,
        steps: [...own.steps, { text: { kk: 'Микрофон', ru: 'Микрофон' } }],
      },
      ctxAt(),
    );
    const added = extended.steps.at(-1)!.id;
    const saved = await setPreparationStep(db, reception.id, added, { done: true }, ctxAt());
    expect(saved.checklist.at(-1)).toEqual({ stepId: added, done: true, note: '' });
  });
});

describe('marking a reception held', () => {
  it('on or after its day, with no conversation open', async () => {
    db = freshDb();
    const reception = await planned();
    const early = await rejection(markReceptionHeld(db, reception.id, ctxAt()));
    expect(early).toMatchObject({ code: 'workflow', detail: 'reception_in_future' });

    const onTheDay = ctxAt(new Date('2026-11-27T08:00:00Z'));
    await db.receptions.put({
      ...reception,
      queue: [
        firstVisitor({
          name: 'Ерлан Бекұлы',
          phone: '+77011234567',
          vulnerable: true,
          vulnerableCategories: ['veteran'],
          status: 'in_conversation',
        }),
      ],
    });
    const open = await rejection(markReceptionHeld(db, reception.id, onTheDay));
    expect(open.detail).toBe('reception_intake_open');
    expect(describeRepositoryError(open, 'kk').message).toMatch(/аяқталмаған әңгіме/);

    const stored = (await getReception(db, reception.id))!;
    await db.receptions.put({
      ...stored,
      queue: stored.queue.map((q) => ({ ...q, status: 'waiting' as const })),
    });
    const held = await markReceptionHeld(db, reception.id, onTheDay, { expectedVersion: 1 });
    expect(held).toMatchObject({ status: 'held', version: 2 });
    expect((await rejection(markReceptionHeld(db, reception.id, onTheDay))).detail).toBe(
      'reception_not_planned',
    );
    expect(
      (await rejection(updateReception(db, reception.id, { notes: 'x' }, onTheDay))).detail,
    ).toBe('reception_not_planned');
    // An announcement can still be recorded afterwards (it was made before the day).
    const late = await recordAnnouncement(
      db,
      reception.id,
      { on: '2026-11-25', where: 'Сайт' },
      onTheDay,
    );
    expect(late.announcedOn).toBe('2026-11-25');
  });
});

describe('reading the plan', () => {
  it('lists receptions by month and in order; finds months with none', async () => {
    db = freshDb();
    const late = await planned({ date: '2026-11-27', startTime: '15:00', endTime: null });
    const early = await planned({ date: '2026-11-27', startTime: '09:00', endTime: null });
    const december = await planned({ date: '2026-12-02' });
    const february = await planned({ date: '2027-02-10' });
    await cancelReception(db, february.id, 'Депутат іссапарда', ctxAt());
    await planned({ date: '2026-10-15' });

    expect((await receptionsInMonth(db, '2026-11')).map((r) => r.id)).toEqual([early.id, late.id]);
    expect((await receptionsBetween(db, '2026-11-28', '2026-12-31')).map((r) => r.id)).toEqual([
      december.id,
    ]);
    expect((await listReceptions(db)).map((r) => r.date)).toEqual([
      '2026-10-15',
      '2026-11-27',
      '2026-11-27',
      '2026-12-02',
      '2027-02-10',
    ]);

    expect(await monthsWithoutReception(db, { from: '2026-10', to: '2027-03' })).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(await monthsWithoutReception(db, 2026)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    // From today on only: past months cannot be helped any more.
    expect(await monthsWithoutReception(db, 2026, '2026-11-22')).toEqual([]);
    expect(await monthsWithoutReception(db, 2026, '2027-01-05')).toEqual([]);
    expect(await upcomingMonthsWithoutReception(db, '2026-11-22')).toEqual(['2027-01']);
    expect(await upcomingMonthsWithoutReception(db, '2026-12-22')).toEqual(['2027-01', '2027-02']);
  });
});
