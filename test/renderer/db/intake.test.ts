import { describe, expect, it } from 'vitest';
import {
  addVisitor,
  callVisitor,
  createApplicant,
  INTAKE_DRAFT_KIND,
  intakeDraftKey,
  loadDraft,
  markVisitorLeft,
  registerIntake,
  returnVisitorToQueue,
  saveDraft,
} from '@renderer/db/repositories';
import type { IntakeInput } from '@shared/reception/intake';
import { openReceptionPromises, receptionSummary } from '@renderer/db/queries/receptions';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';
import { queueOrder, receptionSchema, type Reception } from '@shared/domain';
import { newId } from '@shared/ids';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rowsOf } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

/** Tuesday 24 November 2026, 10:00 in Astana: a reception morning. */
const RECEPTION_MORNING = new Date('2026-11-24T05:00:00Z');
const ctx = ctxAt(RECEPTION_MORNING);

const TEXT =
  'Біздің үйдің шатыры ағып тұр, әр жаңбырдан кейін төбеден су тамады. Өтінішімізге ҚТҮ жауап бермеді; үйде қарттар мен балалар тұрады, жылу да әлсіз. Әжем Ғалия қатты ауырып қалды.';

/** A planned reception, written as H1's planning screen stores one. */
async function planned(overrides: Partial<Reception> = {}): Promise<Reception> {
  const now = RECEPTION_MORNING.toISOString();
  const reception = receptionSchema.parse({
    id: newId(),
    createdAt: now,
    updatedAt: now,
    createdBy: 'aigerim',
    updatedBy: 'aigerim',
    version: 1,
    deletedAt: null,
    date: '2026-11-24',
    startTime: '10:00',
    endTime: '13:00',
    place: 'Астана, Сарыарқа ауданы, Жеңіс даңғылы 15, мәслихат ғимараты, 104-кабинет',
    ...overrides,
  });
  await db.receptions.add(reception);
  return reception;
}

function intake(reception: Reception, entryId: string, over: Partial<IntakeInput> = {}) {
  return {
    receptionId: reception.id,
    entryId,
    applicant: {
      create: { fullName: 'Сәрсенбаева Гүлнар Асқарқызы', phones: ['8 701 555 12 34'] },
    },
    text: TEXT,
    expectation: 'ҚТҮ-ге депутаттық сауал жіберіп, шатырды қыс алдында жөндетуіңізді сұраймын',
    proposedAction: 'inquiry',
    conversationResult: 'Сауал жіберіледі, жауабын телефонмен хабарлаймыз',
    topic: 'housing_utilities',
    location: { locality: 'Астана', street: 'Абай көшесі', building: '12' },
    consent: { kind: 'given', date: '2026-11-24', form: 'written' },
    ...over,
  } satisfies IntakeInput;
}

function snapshot() {
  return rowsOf(
    db,
    'appeals',
    'registryRows',
    'applicants',
    'events',
    'counters',
    'receptions',
    'drafts',
  );
}

describe('visitor queue', () => {
  it('numbers visitors by arrival and calls the vulnerable one first, reason kept', async () => {
    db = freshDb();
    const reception = await planned();
    const a = await addVisitor(
      db,
      reception.id,
      { name: 'Асқаров Ерлан', phone: '87015551234' },
      ctx,
    );
    const b = await addVisitor(db, reception.id, { name: 'Иванова Мария Петровна' }, ctx);
    const c = await addVisitor(
      db,
      reception.id,
      { name: 'Омарова Күлән', vulnerableCategories: ['disability', 'pensioner'] },
      ctx,
    );
    expect([a.entry.number, b.entry.number, c.entry.number]).toEqual([1, 2, 3]);
    expect(a.entry.phone).toBe('+77015551234');
    expect(a.entry.arrivedAt).toBe('2026-11-24T10:00');
    expect(c.entry.vulnerable).toBe(true);
    const stored = await db.receptions.get(reception.id);
    expect(stored?.version).toBe(4);
    expect(queueOrder(stored!.queue).map((e) => e.name)).toEqual([
      'Омарова Күлән',
      'Асқаров Ерлан',
      'Иванова Мария Петровна',
    ]);
    expect(queueOrder(stored!.queue)[0]?.vulnerableCategories).toEqual(['disability', 'pensioner']);
  });

  it('moves a visitor between waiting, in conversation and left, and refuses other moves', async () => {
    db = freshDb();
    const reception = await planned();
    const { entry } = await addVisitor(db, reception.id, { name: 'Асқаров Ерлан' }, ctx);
    const status = async () =>
      (await db.receptions.get(reception.id))?.queue.find((e) => e.id === entry.id)?.status;

    await markVisitorLeft(db, reception.id, entry.id, ctx);
    expect(await status()).toBe('left');
    await expect(callVisitor(db, reception.id, entry.id, ctx)).rejects.toMatchObject({
      code: 'conflict',
      detail: 'queue_status_invalid',
    });
    await returnVisitorToQueue(db, reception.id, entry.id, ctx);
    expect(await status()).toBe('waiting');
    await callVisitor(db, reception.id, entry.id, ctx);
    expect(await status()).toBe('in_conversation');
    await expect(callVisitor(db, reception.id, entry.id, ctx)).rejects.toMatchObject({
      detail: 'queue_status_invalid',
    });
    await expect(callVisitor(db, reception.id, newId(), ctx)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses bad visitors with field codes and changes nothing', async () => {
    db = freshDb();
    const reception = await planned();
    const before = await snapshot();
    await expect(addVisitor(db, reception.id, { name: '   ' }, ctx)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'name', code: 'required' }],
    });
    await expect(
      addVisitor(db, reception.id, { name: 'Ерлан', phone: '12ab' }, ctx),
    ).rejects.toMatchObject({ issues: [{ path: 'phone', code: 'phone_letters' }] });
    await expect(
      addVisitor(db, reception.id, { name: 'Ерлан', applicantId: newId() }, ctx),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the queue of a held or cancelled reception as it is', async () => {
    db = freshDb();
    const held = await planned({ status: 'held' });
    await expect(addVisitor(db, held.id, { name: 'Ерлан' }, ctx)).rejects.toMatchObject({
      detail: 'reception_already_held',
    });
    const cancelled = await planned({ status: 'cancelled', cancelReason: 'Дауыл' });
    await expect(addVisitor(db, cancelled.id, { name: 'Ерлан' }, ctx)).rejects.toMatchObject({
      detail: 'reception_cancelled',
    });
    await expect(addVisitor(db, newId(), { name: 'Ерлан' }, ctx)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('registerIntake', () => {
  it('creates the applicant and the appeal, marks the visitor done and drops the draft', async () => {
    db = freshDb();
    const reception = await planned();
    const { entry } = await addVisitor(
      db,
      reception.id,
      { name: 'Сәрсенбаева Гүлнар', vulnerableCategories: ['large_family'] },
      ctx,
    );
    await callVisitor(db, reception.id, entry.id, ctx);
    const key = intakeDraftKey(reception.id, entry.id);
    await saveDraft(db, { kind: INTAKE_DRAFT_KIND, key, data: { text: TEXT } });

    const {
      appeal,
      applicant,
      reception: after,
    } = await registerIntake(
      db,
      intake(reception, entry.id, { priorityReason: 'Көп балалы отбасы' }),
      ctx,
    );
    expect(appeal).toMatchObject({
      regNo: '2026-0001',
      channel: 'reception',
      receptionId: reception.id,
      text: TEXT,
      subject: 'Біздің үйдің шатыры ағып тұр, әр жаңбырдан кейін төбеден су тамады.',
      proposedAction: 'inquiry',
      priority: true,
      priorityReason: 'Көп балалы отбасы',
      registeredOn: '2026-11-24',
      // 15 working days counted from the day after Tuesday 24 November.
      decideBy: '2026-12-15',
      firstContactAt: '2026-11-24T10:00',
      topic: 'housing_utilities',
    });
    expect(applicant).toMatchObject({
      fullName: 'Сәрсенбаева Гүлнар Асқарқызы',
      phones: ['+77015551234'],
      vulnerableCategories: ['large_family'],
    });
    expect(appeal.applicantId).toBe(applicant?.id);
    expect(after.queue[0]).toMatchObject({
      status: 'done',
      appealId: appeal.id,
      applicantId: applicant?.id,
    });
    expect(await loadDraft(db, INTAKE_DRAFT_KIND, key)).toBeUndefined();
    expect((await db.registryRows.get(appeal.id))?.receptionId).toBe(reception.id);
    const history = await appealHistory(db, appeal.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'noteAdded']);
    expect(history[1]).toMatchObject({
      note: 'Сауал жіберіледі, жауабын телефонмен хабарлаймыз',
      data: { proposedAction: 'inquiry', respondBy: '2026-12-15' },
    });
  });

  it('links a returning applicant and keeps an earlier promised date', async () => {
    db = freshDb();
    const reception = await planned();
    const known = await createApplicant(
      db,
      { fullName: 'Асқаров Ерлан', phones: ['+77015551234'] },
      ctx,
    );
    const { entry } = await addVisitor(
      db,
      reception.id,
      { name: 'Асқаров Ерлан', applicantId: known.id },
      ctx,
    );
    const { appeal, applicant } = await registerIntake(
      db,
      intake(reception, entry.id, {
        applicant: { existingId: known.id },
        subject: 'Шатыр ағып тұр',
        respondBy: '2026-12-04',
      }),
      ctx,
    );
    expect(applicant?.id).toBe(known.id);
    expect(appeal).toMatchObject({ decideBy: '2026-12-04', subject: 'Шатыр ағып тұр' });
    expect((await db.registryRows.get(appeal.id))?.decideBy).toBe('2026-12-04');
    expect(await db.applicants.count()).toBe(1);
  });

  it('forwarding: the legal term is three working days', async () => {
    db = freshDb();
    const reception = await planned();
    const { entry } = await addVisitor(db, reception.id, { name: 'Ерлан' }, ctx);
    const { appeal } = await registerIntake(
      db,
      intake(reception, entry.id, { proposedAction: 'forwarding', applicant: null }),
      ctx,
    );
    expect(appeal.decideBy).toBe('2026-11-27');
    expect(appeal.applicantId).toBeNull();
    await expect(registerIntake(db, intake(reception, entry.id), ctx)).rejects.toMatchObject({
      code: 'conflict',
      detail: 'intake_already_registered',
    });
  });

  it('refuses a promise beyond the law, before registration or on a day off', async () => {
    db = freshDb();
    const reception = await planned();
    const { entry } = await addVisitor(db, reception.id, { name: 'Ерлан' }, ctx);
    const cases: [string, string][] = [
      ['2026-12-18', 'respond_by_after_legal'],
      ['2026-11-23', 'respond_by_before_registration'],
      ['2026-11-29', 'respond_by_day_off'],
      ['2026-11-31', 'invalid_date'],
    ];
    for (const [respondBy, code] of cases) {
      await expect(
        registerIntake(db, intake(reception, entry.id, { respondBy }), ctx),
      ).rejects.toMatchObject({ code: 'validation', issues: [{ path: 'respondBy', code }] });
    }
  });

  it('fails as a whole: no appeal, no applicant, no number, queue and draft untouched', async () => {
    db = freshDb();
    const reception = await planned();
    const { entry } = await addVisitor(db, reception.id, { name: 'Сәрсенбаева Гүлнар' }, ctx);
    await callVisitor(db, reception.id, entry.id, ctx);
    const key = intakeDraftKey(reception.id, entry.id);
    await saveDraft(db, { kind: INTAKE_DRAFT_KIND, key, data: { text: TEXT } });
    const before = await snapshot();

    // The applicant is created inside the transaction, then the appeal fails on its topic.
    await expect(
      registerIntake(db, intake(reception, entry.id, { topic: 'Тұрғын үй!' }), ctx),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ path: 'topic' }] });
    expect(await snapshot()).toEqual(before);

    // A bad new applicant is reported on the applicant's own fields.
    await expect(
      registerIntake(
        db,
        intake(reception, entry.id, { applicant: { create: { fullName: '', phones: ['abc'] } } }),
        ctx,
      ),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [
        { path: 'applicant.fullName', code: 'required' },
        { path: 'applicant.phones.0', code: 'phone_letters' },
      ],
    });
    await expect(
      registerIntake(db, intake(reception, entry.id, { text: ' \n ' }), ctx),
    ).rejects.toMatchObject({ issues: [{ path: 'text', code: 'required' }] });
    await expect(
      registerIntake(db, intake(reception, entry.id, { applicant: { existingId: newId() } }), ctx),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await snapshot()).toEqual(before);

    await markVisitorLeft(db, reception.id, entry.id, ctx);
    await expect(registerIntake(db, intake(reception, entry.id), ctx)).rejects.toMatchObject({
      detail: 'queue_status_invalid',
    });
    expect(await db.appeals.count()).toBe(0);
  });
});

describe('reception summary and promises', () => {
  it('counts visitors, no-shows, appeals, topics, promises and who still waits', async () => {
    db = freshDb();
    const reception = await planned();
    const names = ['Асқаров Ерлан', 'Иванова Мария', 'Омарова Күлән', 'Нұрланов Дәурен'];
    const entries = [];
    for (const name of names)
      entries.push((await addVisitor(db, reception.id, { name }, ctx)).entry);
    const [e1, e2, e3, e4] = entries as [
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
    ];
    await registerIntake(db, intake(reception, e1.id, { topic: 'roads_transport' }), ctx);
    await registerIntake(
      db,
      intake(reception, e2.id, {
        proposedAction: 'consultation',
        respondBy: '2026-11-24',
        topic: 'roads_transport',
        applicant: null,
      }),
      ctx,
    );
    await markVisitorLeft(db, reception.id, e3.id, ctx);
    await callVisitor(db, reception.id, e4.id, ctx);

    const summary = await receptionSummary(db, reception.id);
    expect(summary).toMatchObject({
      visitors: 4,
      served: 2,
      noShows: 1,
      appealsRegistered: 2,
      topics: [{ topic: 'roads_transport', count: 2 }],
    });
    expect(summary.promises.map((p) => [p.proposedAction, p.decideBy, p.visitorName])).toEqual([
      ['consultation', '2026-11-24', 'Иванова Мария'],
      ['inquiry', '2026-12-15', 'Асқаров Ерлан'],
    ]);
    expect(summary.stillWaiting.map((e) => [e.name, e.status])).toEqual([
      ['Нұрланов Дәурен', 'in_conversation'],
    ]);
    expect((await openReceptionPromises(db)).map((a) => a.proposedAction)).toEqual([
      'consultation',
      'inquiry',
    ]);
  });
});
