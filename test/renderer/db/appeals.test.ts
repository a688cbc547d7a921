import { searchIndexOf } from '@renderer/db/searchIndex';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  createAppeal,
  describeRepositoryError,
  extendDeadline,
  RepositoryError,
  softDeleteAppeal,
  transitionAppeal,
  updateAppeal,
} from '@renderer/db/repositories';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';
import {
  counts,
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  rejection,
  russianAppeal,
  MONDAY_MORNING,
} from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

describe('createAppeal', () => {
  it('stores a Kazakh appeal with its number, deadlines, search words and created event', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    expect(appeal.regNo).toBe('2026-0001');
    expect(appeal.registeredOn).toBe('2026-11-20');
    // 15 working days after Friday 20 Nov 2026: three full weeks.
    expect(appeal.decideBy).toBe('2026-12-11');
    expect(appeal.acknowledgeBy).toBe('2026-11-23T10:00');
    expect(appeal.status).toBe('registered');
    const search = await searchIndexOf(db).ready();
    for (const q of ['ыстық', 'су', 'абай', '2026-0001', '0001']) {
      expect(search.searchAppeals(q, { currentYear: 2026 })?.ids, q).toEqual([appeal.id]);
    }
    expect(appeal.createdBy).toBe('aigerim');
    expect(appeal.version).toBe(1);

    const history = await appealHistory(db, appeal.id);
    expect(history.map((e) => e.type)).toEqual(['created']);
    expect(history[0]).toMatchObject({ userId: 'aigerim', data: { regNo: '2026-0001' } });
    expect(await db.counters.get('appeal:2026')).toEqual({ id: 'appeal:2026', value: 1 });
  });

  it('registers an appeal received after hours on the next working day', async () => {
    db = freshDb();
    // Friday 18:30 → Monday 23 Nov.
    const appeal = await createAppeal(
      db,
      russianAppeal({ receivedAt: '2026-11-20T18:30' }),
      ctxAt(MONDAY_MORNING),
    );
    expect(appeal.registeredOn).toBe('2026-11-23');
  });

  it('numbers by the registration year: an appeal of 31 Dec after hours is the next year’s first', async () => {
    db = freshDb();
    const jan5 = ctxAt(new Date('2027-01-05T04:00:00Z'));
    await createAppeal(db, kazakhAppeal({ receivedAt: '2026-12-30T12:00' }), jan5);
    const late = await createAppeal(db, kazakhAppeal({ receivedAt: '2026-12-31T19:00' }), jan5);
    // 1–2 Jan are holidays, 3–4 Jan a weekend: registered Monday 5 Jan 2027.
    expect(late.registeredOn).toBe('2027-01-05');
    expect(late.regNo).toBe('2027-0001');
  });

  it('gives 50 concurrent registrations 50 distinct consecutive numbers', async () => {
    db = freshDb();
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createAppeal(
          db,
          (i % 2 ? kazakhAppeal : russianAppeal)({ subject: `Өтініш ${i}` }),
          ctxAt(),
        ),
      ),
    );
    const numbers = created.map((a) => a.regNo).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toEqual(
      Array.from({ length: 50 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`),
    );
    expect(await db.events.count()).toBe(50);
    expect(await db.counters.get('appeal:2026')).toEqual({ id: 'appeal:2026', value: 50 });
  });

  it('rejects invalid input with field codes and writes nothing', async () => {
    db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await counts(db);
    const error = await rejection(
      createAppeal(db, kazakhAppeal({ subject: '   ', collective: true, signatories: 1 }), ctxAt()),
    );
    expect(error.code).toBe('validation');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'subject', code: 'required' },
        { path: 'signatories', code: 'signatories_required' },
      ]),
    );
    expect(await counts(db)).toEqual(before);
  });

  it('rolls back the appeal and the counter when writing the event fails', async () => {
    db = freshDb();
    await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await counts(db);
    db.events.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createAppeal(db, russianAppeal(), ctxAt())).rejects.toThrow('disk full');
    expect(await counts(db)).toEqual(before);
    // The failed attempt did not use up a number.
    expect(await db.counters.get('appeal:2026')).toEqual({ id: 'appeal:2026', value: 1 });
  });
});

describe('updateAppeal', () => {
  it('writes one fieldChanged event with old and new values', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const updated = await updateAppeal(
      db,
      appeal.id,
      { topic: 'housing', publicSummary: 'Ыстық су қалпына келтірілді', inReport: true },
      ctxAt(new Date('2026-11-21T04:00:00Z'), 'marat'),
    );
    expect(updated.version).toBe(2);
    expect(updated.updatedBy).toBe('marat');
    const history = await appealHistory(db, appeal.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'fieldChanged']);
    expect(history[1]?.data).toEqual({
      changes: [
        { field: 'topic', from: 'heating_gas', to: 'housing' },
        {
          field: 'publicSummary',
          from: { kk: '', ru: '' },
          to: { kk: 'Ыстық су қалпына келтірілді', ru: '' },
        },
        { field: 'inReport', from: false, to: true },
      ],
    });
  });

  it('recomputes registration and deadlines when the received time is corrected', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const updated = await updateAppeal(
      db,
      appeal.id,
      { receivedAt: '2026-11-21T09:00' },
      ctxAt(MONDAY_MORNING),
    );
    expect(updated.registeredOn).toBe('2026-11-23');
    expect((await searchIndexOf(db).ready()).searchAppeals('2026-0001')?.ids).toEqual([appeal.id]);
  });

  it('writes nothing when nothing changed', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const same = await updateAppeal(db, appeal.id, { subject: '  Ыстық су жоқ ' }, ctxAt());
    expect(same.version).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('refuses workflow fields, stale versions and invalid values, leaving the appeal as it was', async () => {
    db = freshDb();
    const appeal = await createAppeal(db, kazakhAppeal(), ctxAt());
    const notEditable = await rejection(
      updateAppeal(db, appeal.id, { status: 'closed' } as never, ctxAt()),
    );
    expect(notEditable.issues).toEqual([{ path: 'status', code: 'field_not_editable' }]);
    await updateAppeal(db, appeal.id, { subject: 'Жылу жоқ' }, ctxAt());
    const stale = await rejection(
      updateAppeal(db, appeal.id, { subject: 'Басқа' }, ctxAt(), { expectedVersion: 1 }),
    );
    expect(stale.code).toBe('conflict');
    const invalid = await rejection(updateAppeal(db, appeal.id, { topic: '' }, ctxAt()));
    expect(invalid.code).toBe('validation');
    expect((await db.appeals.get(appeal.id))?.subject).toBe('Жылу жоқ');
    expect(await db.events.count()).toBe(2);
  });

  it('says not_found for a missing or deleted appeal', async () => {
    db = freshDb();
    expect((await rejection(updateAppeal(db, 'nope', { subject: 'x' }, ctxAt()))).code).toBe(
      'not_found',
    );
  });
});

describe('transitionAppeal', () => {
  it('walks registered → in progress → waiting → in progress → decided → informed → closed', async () => {
    db = freshDb();
    // A decision and its report are facts: they are recorded on the day, a week later.
    const nextFriday = new Date('2026-11-27T11:00:00Z');
    const { id } = await createAppeal(db, kazakhAppeal(), ctxAt());
    await transitionAppeal(db, id, { type: 'start' }, ctxAt());
    await transitionAppeal(db, id, { type: 'awaitAgency' }, ctxAt());
    await transitionAppeal(db, id, { type: 'agencyAnswered' }, ctxAt());
    await transitionAppeal(
      db,
      id,
      {
        type: 'decide',
        outcome: 'resolved',
        outcomeSummary: 'Су берілді',
        decidedOn: '2026-11-27',
      },
      ctxAt(nextFriday),
    );
    const closeTooEarly = await rejection(transitionAppeal(db, id, { type: 'close' }, ctxAt()));
    expect(closeTooEarly).toMatchObject({
      code: 'workflow',
      detail: 'applicant_informed_required',
    });
    await transitionAppeal(
      db,
      id,
      { type: 'informApplicant', informedAt: '2026-11-27T15:00', via: 'phone' },
      ctxAt(nextFriday),
    );
    const { appeal } = await transitionAppeal(db, id, { type: 'close' }, ctxAt(nextFriday));
    expect(appeal).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      applicantInformedAt: '2026-11-27T15:00',
    });
    const types = (await appealHistory(db, id)).map((e) => e.type);
    expect(types).toEqual([
      'created',
      'statusChanged',
      'statusChanged',
      'statusChanged',
      'statusChanged',
      'applicantInformed',
      'statusChanged',
    ]);
  });

  it('refuses an invalid transition and a failed guard without writing', async () => {
    db = freshDb();
    const { id } = await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await counts(db);
    expect(await rejection(transitionAppeal(db, id, { type: 'close' }, ctxAt()))).toMatchObject({
      code: 'workflow',
      detail: 'invalid_transition',
    });
    expect(
      await rejection(
        transitionAppeal(
          db,
          id,
          {
            type: 'decide',
            outcome: 'not_resolved',
            outcomeSummary: 'Бюджет жоқ',
            decidedOn: '2026-11-25',
          },
          ctxAt(),
        ),
      ),
    ).toMatchObject({ detail: 'not_resolved_reason_required' });
    expect(await counts(db)).toEqual(before);
    expect((await db.appeals.get(id))?.status).toBe('registered');
  });
});

describe('extendDeadline', () => {
  it('moves the deadline with a reason and records it', async () => {
    db = freshDb();
    const { id } = await createAppeal(db, kazakhAppeal(), ctxAt());
    const extended = await extendDeadline(
      db,
      id,
      { extendedTo: '2027-01-15', reason: 'Жылу желілерінің жауабы күтілуде' },
      ctxAt(),
    );
    expect(extended).toMatchObject({ decideBy: '2027-01-15', extendedTo: '2027-01-15' });
    const last = (await appealHistory(db, id)).at(-1);
    expect(last).toMatchObject({
      type: 'deadlineExtended',
      data: { from: '2026-12-11', to: '2027-01-15' },
    });
  });

  it('refuses an extension beyond two months and one without a reason', async () => {
    db = freshDb();
    const { id } = await createAppeal(db, kazakhAppeal(), ctxAt());
    const before = await counts(db);
    expect(
      await rejection(
        extendDeadline(db, id, { extendedTo: '2027-01-21', reason: 'Себеп' }, ctxAt()),
      ),
    ).toMatchObject({ code: 'deadline', detail: 'extension_beyond_cap' });
    expect(
      await rejection(extendDeadline(db, id, { extendedTo: '2027-01-15', reason: '  ' }, ctxAt())),
    ).toMatchObject({ code: 'validation' });
    expect(await counts(db)).toEqual(before);
    expect((await db.appeals.get(id))?.decideBy).toBe('2026-12-11');
  });
});

describe('notes and deletion', () => {
  it('adds a note to the history and soft-deletes with a reason', async () => {
    db = freshDb();
    const { id } = await createAppeal(db, russianAppeal(), ctxAt());
    await addNote(db, id, 'Позвонили заявителю, договорились о выезде', ctxAt());
    await expect(addNote(db, id, ' ', ctxAt())).rejects.toBeInstanceOf(RepositoryError);
    const deleted = await softDeleteAppeal(db, id, 'Зарегистрировано дважды', ctxAt());
    expect(deleted.deletedAt).not.toBeNull();
    expect(await db.appeals.count()).toBe(1);
    expect((await appealHistory(db, id)).map((e) => [e.type, e.note])).toEqual([
      ['created', ''],
      ['noteAdded', 'Позвонили заявителю, договорились о выезде'],
      ['deleted', 'Зарегистрировано дважды'],
    ]);
    expect((await rejection(addNote(db, id, 'ещё', ctxAt()))).code).toBe('not_found');
  });
});

describe('errors for the user', () => {
  it('describe a refused write in Kazakh and Russian', async () => {
    db = freshDb();
    const { id } = await createAppeal(db, kazakhAppeal(), ctxAt());
    const beyondCap = await rejection(
      extendDeadline(db, id, { extendedTo: '2027-03-01', reason: 'Себеп' }, ctxAt()),
    );
    expect(describeRepositoryError(beyondCap, 'kk').message).toMatch(/екі ай|2 ай/);
    expect(describeRepositoryError(beyondCap, 'ru').message).toMatch(/двух месяцев|2 месяц/);

    const invalid = await rejection(createAppeal(db, kazakhAppeal({ subject: '' }), ctxAt()));
    expect(describeRepositoryError(invalid, 'kk').fields).toEqual({
      subject: 'Бұл өрісті толтырыңыз',
    });
    expect(describeRepositoryError(invalid, 'ru').fields).toEqual({
      subject: 'Заполните это поле',
    });

    const missing = await rejection(addNote(db, 'no-such-id', 'жазба', ctxAt()));
    expect(describeRepositoryError(missing, 'ru').message).toBe(
      'Запись не найдена: возможно, она удалена',
    );
  });
});
