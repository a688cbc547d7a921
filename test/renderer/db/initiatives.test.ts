import { describe, expect, it } from 'vitest';
import {
  createInitiative,
  createPlanItem,
  deleteInitiative,
  deletePlanItem,
  describeRepositoryError,
  movePlanItem,
  updateInitiative,
  updatePlanItem,
} from '@renderer/db/repositories';
import { listPlanItems } from '@renderer/db/queries/initiatives';
import { listInitiatives } from '@renderer/db/queries/initiatives';
import type { TizilimDb } from '@renderer/db/database';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rejection } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

const lighting = {
  title: { kk: 'Кенесары көшесін жарықтандыру', ru: 'Освещение улицы Кенесары' },
  description:
    'Көшенің 300 метрлік бөлігінде шам жоқ, тұрғындар кешкі уақытта қауіпсіз жүре алмайды.',
  target: 'budget' as const,
  submittedOn: '2026-08-15',
  status: 'submitted' as const,
  topic: 'improvement',
  publicSummary: {
    kk: 'Кенесары көшесіне шамдар орнату үшін бюджетке ұсыныс енгізілді.',
    ru: 'В бюджет внесено предложение об установке фонарей на улице Кенесары.',
  },
};

describe('initiatives repository', () => {
  it('creates an initiative with base fields and lists the live ones newest first', async () => {
    db = freshDb();
    const first = await createInitiative(db, lighting, ctxAt());
    expect(first).toMatchObject({
      ...lighting,
      version: 1,
      deletedAt: null,
      createdBy: 'aigerim',
      updatedBy: 'aigerim',
      result: { kk: '', ru: '' },
      inReport: true,
    });
    const draft = await createInitiative(db, { title: 'Ауладағы ойын алаңдары' }, ctxAt());
    expect(draft).toMatchObject({ status: 'draft', submittedOn: null, target: 'session' });
    const older = await createInitiative(
      db,
      { ...lighting, title: 'Аялдамалар', submittedOn: '2026-07-01' },
      ctxAt(),
    );
    expect((await listInitiatives(db)).map((i) => i.id)).toEqual([draft.id, first.id, older.id]);
  });

  it('refuses a submitted initiative without its date, and bad input, storing nothing', async () => {
    db = freshDb();
    const noDate = await rejection(
      createInitiative(db, { ...lighting, submittedOn: null }, ctxAt()),
    );
    expect(noDate.issues).toEqual([{ path: 'submittedOn', code: 'required' }]);
    expect(describeRepositoryError(noDate, 'ru').fields.submittedOn).toBeTruthy();
    const empty = await rejection(createInitiative(db, { ...lighting, title: '  ' }, ctxAt()));
    // Neither language written: the error sits on the Kazakh field.
    expect(empty.issues.map((i) => i.path)).toEqual(['title.kk']);
    const badDate = await rejection(
      createInitiative(db, { ...lighting, submittedOn: '2026-02-30' }, ctxAt()),
    );
    expect(badDate.issues[0]).toMatchObject({ path: 'submittedOn', code: 'invalid_date' });
    expect(await db.initiatives.count()).toBe(0);
  });

  it('updates with a version check and leaves the record unchanged on a conflict', async () => {
    db = freshDb();
    const created = await createInitiative(db, lighting, ctxAt());
    const later = ctxAt(new Date('2026-11-21T05:00:00Z'), 'dana');
    const updated = await updateInitiative(
      db,
      created.id,
      { status: 'adopted', result: 'Бюджетке 120 млн теңге енгізілді' },
      later,
      { expectedVersion: 1 },
    );
    expect(updated).toMatchObject({
      status: 'adopted',
      version: 2,
      updatedBy: 'dana',
      createdBy: 'aigerim',
      updatedAt: '2026-11-21T05:00:00.000Z',
    });
    const stale = await rejection(
      updateInitiative(db, created.id, { title: 'Басқа' }, ctxAt(), { expectedVersion: 1 }),
    );
    expect(stale.detail).toBe('edit_conflict');
    expect(describeRepositoryError(stale, 'kk').message).toBeTruthy();
    const invalid = await rejection(
      updateInitiative(db, created.id, { status: 'submitted', submittedOn: null }, ctxAt()),
    );
    expect(invalid.issues[0]?.path).toBe('submittedOn');
    expect(await db.initiatives.get(created.id)).toEqual(updated);
    // Saving the same values writes nothing.
    expect(await updateInitiative(db, created.id, { status: 'adopted' }, ctxAt())).toEqual(updated);
  });

  it('soft-deletes: the record stays, out of the list; a deleted one cannot be edited', async () => {
    db = freshDb();
    const created = await createInitiative(db, lighting, ctxAt());
    const stale = await rejection(
      deleteInitiative(db, created.id, ctxAt(), { expectedVersion: 7 }),
    );
    expect(stale.detail).toBe('edit_conflict');
    const deleted = await deleteInitiative(db, created.id, ctxAt(), { expectedVersion: 1 });
    expect(deleted.deletedAt).toBe('2026-11-20T05:00:00.000Z');
    expect(deleted.version).toBe(2);
    expect(await db.initiatives.count()).toBe(1);
    expect(await listInitiatives(db)).toEqual([]);
    expect(
      (await rejection(updateInitiative(db, created.id, { title: 'X' }, ctxAt()))).detail,
    ).toBe('record_not_found');
    expect((await rejection(deleteInitiative(db, created.id, ctxAt()))).detail).toBe(
      'record_not_found',
    );
  });
});

describe('plan items repository', () => {
  const item = (title: string) => ({
    year: 2026,
    quarter: 4,
    title,
    actions: '- Жылу желілерін тексеру\n- Тұрғындармен кездесу',
  });

  it('appends new items at the end of their quarter and lists them in order', async () => {
    db = freshDb();
    const a = await createPlanItem(db, item('Жылу маусымына дайындық'), ctxAt());
    const b = await createPlanItem(db, item('Аулаларды абаттандыру'), ctxAt());
    const other = await createPlanItem(
      db,
      { ...item('Келесі жыл'), year: 2027, quarter: 1 },
      ctxAt(),
    );
    expect([a.order, b.order, other.order]).toEqual([0, 1, 0]);
    expect(a).toMatchObject({ status: 'planned', inReport: true, version: 1 });
    expect((await listPlanItems(db, 2026, 4)).map((p) => p.title.kk)).toEqual([
      'Жылу маусымына дайындық',
      'Аулаларды абаттандыру',
    ]);
    expect((await listPlanItems(db, 2027, 1)).map((p) => p.id)).toEqual([other.id]);
  });

  it('refuses a bad quarter, year or empty title, storing nothing', async () => {
    db = freshDb();
    const badQuarter = await rejection(createPlanItem(db, { ...item('X'), quarter: 5 }, ctxAt()));
    expect(badQuarter.issues).toEqual([{ path: 'quarter', code: 'quarter_invalid' }]);
    const badYear = await rejection(createPlanItem(db, { ...item('X'), year: 1999 }, ctxAt()));
    expect(badYear.issues[0]?.code).toBe('year_invalid');
    const noTitle = await rejection(createPlanItem(db, item(''), ctxAt()));
    expect(noTitle.issues[0]?.path).toBe('title.kk');
    expect(await db.planItems.count()).toBe(0);
  });

  it('moves an item up and down, renumbering the quarter in one go', async () => {
    db = freshDb();
    const a = await createPlanItem(db, item('A'), ctxAt());
    const b = await createPlanItem(db, item('B'), ctxAt());
    const c = await createPlanItem(db, item('C'), ctxAt());
    const afterUp = await movePlanItem(db, c.id, 'up', ctxAt());
    expect(afterUp.map((p) => [p.title.kk, p.order])).toEqual([
      ['A', 0],
      ['C', 1],
      ['B', 2],
    ]);
    expect((await db.planItems.get(a.id))?.version).toBe(1);
    expect((await db.planItems.get(b.id))?.version).toBe(2);
    // At the top, nothing changes.
    const top = await movePlanItem(db, a.id, 'up', ctxAt());
    expect(top.map((p) => p.title.kk)).toEqual(['A', 'C', 'B']);
    expect((await db.planItems.get(a.id))?.version).toBe(1);
    await movePlanItem(db, a.id, 'down', ctxAt());
    expect((await listPlanItems(db, 2026, 4)).map((p) => p.title.kk)).toEqual(['C', 'A', 'B']);
    // A deleted item leaves a gap that the next move closes.
    await deletePlanItem(db, a.id, ctxAt());
    const closed = await movePlanItem(db, b.id, 'up', ctxAt());
    expect(closed.map((p) => [p.title.kk, p.order])).toEqual([
      ['B', 0],
      ['C', 1],
    ]);
    expect((await rejection(movePlanItem(db, a.id, 'up', ctxAt()))).detail).toBe(
      'record_not_found',
    );
  });

  it('updates with a version check and soft-deletes', async () => {
    db = freshDb();
    const a = await createPlanItem(db, item('A'), ctxAt());
    const updated = await updatePlanItem(db, a.id, { status: 'in_progress' }, ctxAt(), {
      expectedVersion: 1,
    });
    expect(updated).toMatchObject({ status: 'in_progress', version: 2 });
    const stale = await rejection(
      updatePlanItem(db, a.id, { title: 'B' }, ctxAt(), { expectedVersion: 1 }),
    );
    expect(stale.detail).toBe('edit_conflict');
    const invalid = await rejection(updatePlanItem(db, a.id, { status: 'lost' as never }, ctxAt()));
    expect(invalid.issues[0]).toMatchObject({ path: 'status', code: 'invalid_option' });
    expect(await db.planItems.get(a.id)).toEqual(updated);
    expect(await updatePlanItem(db, a.id, { status: 'in_progress' }, ctxAt())).toEqual(updated);
    const staleDelete = await rejection(deletePlanItem(db, a.id, ctxAt(), { expectedVersion: 1 }));
    expect(staleDelete.detail).toBe('edit_conflict');
    await deletePlanItem(db, a.id, ctxAt(), { expectedVersion: 2 });
    expect(await listPlanItems(db, 2026, 4)).toEqual([]);
    expect((await rejection(updatePlanItem(db, a.id, { title: 'C' }, ctxAt()))).detail).toBe(
      'record_not_found',
    );
    expect((await rejection(deletePlanItem(db, a.id, ctxAt()))).detail).toBe('record_not_found');
  });
});
