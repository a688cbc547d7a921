import { describe, expect, it } from 'vitest';
import type { TizilimDb } from '@renderer/db/database';
import {
  archiveChecklistTemplate,
  copyChecklistTemplate,
  createReception,
  deleteChecklistTemplate,
  describeRepositoryError,
  ensureBuiltInChecklists,
  saveChecklistTemplate,
} from '@renderer/db/repositories';
import { builtInChecklist } from '@renderer/db/queries/checklists';
import {
  checklistFor,
  getChecklistTemplate,
  listChecklistTemplates,
} from '@renderer/db/queries/checklists';
import { BUILT_IN_CHECKLIST_IDS, checklistTemplateSchema } from '@shared/domain';
import { newId } from '@shared/ids';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rejection } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

const HEARING_STEPS = [
  { text: { kk: 'Тіркеу және күн тәртібі', ru: 'Регистрация и повестка' } },
  { text: { kk: 'Тұрғындардың сұрақтары', ru: 'Вопросы жителей' } },
];

describe('built-in checklists', () => {
  it('are valid records with fixed ids, in both languages', () => {
    for (const key of ['reception_preparation', 'meeting', 'public_hearing'] as const) {
      const template = builtInChecklist(key);
      expect(checklistTemplateSchema.safeParse(template).success).toBe(true);
      expect(template).toMatchObject({ id: BUILT_IN_CHECKLIST_IDS[key], key, builtIn: true });
      expect(template.steps.every((s) => s.text.kk !== '' && s.text.ru !== '')).toBe(true);
    }
    expect(builtInChecklist('meeting').steps.map((s) => s.field)).toEqual([
      null,
      'text',
      'expectation',
      'proposedAction',
      null,
      null,
      null,
    ]);
    expect(builtInChecklist('public_hearing').steps[1]?.text.ru).toBe(
      'Выступления граждан: по 2–3 минуты, модерация обязательна',
    );
  });

  it('are seeded once, matched on key, and never overwritten', async () => {
    db = freshDb();
    await ensureBuiltInChecklists(db);
    await ensureBuiltInChecklists(db);
    expect(await db.checklistTemplates.count()).toBe(3);

    // An office database restored from elsewhere may hold a built-in under another id and
    // with older wording: it is kept as it is, and no second copy appears.
    await db.checklistTemplates.clear();
    const restored = {
      ...builtInChecklist('meeting'),
      id: newId(),
      name: { kk: 'Ескі атауы', ru: 'Старое название' },
    };
    await db.checklistTemplates.add(restored);
    await ensureBuiltInChecklists(db);
    expect(await db.checklistTemplates.count()).toBe(3);
    expect(await db.checklistTemplates.get(restored.id)).toEqual(restored);
    expect(await db.checklistTemplates.get(BUILT_IN_CHECKLIST_IDS.meeting)).toBeUndefined();
  });

  it('are listed and found before they are stored', async () => {
    db = freshDb();
    const listed = await listChecklistTemplates(db);
    expect(listed.map((t) => t.key)).toEqual([
      'reception_preparation',
      'meeting',
      'public_hearing',
    ]);
    expect(await getChecklistTemplate(db, BUILT_IN_CHECKLIST_IDS.meeting)).toEqual(
      builtInChecklist('meeting'),
    );
    expect(await getChecklistTemplate(db, newId())).toBeUndefined();
    expect((await checklistFor(db, 'meeting')).id).toBe(BUILT_IN_CHECKLIST_IDS.meeting);
    expect(await db.checklistTemplates.count()).toBe(0);
  });

  it('are read-only: saving, archiving or deleting one is refused with a clear message', async () => {
    db = freshDb();
    await ensureBuiltInChecklists(db);
    const before = await db.checklistTemplates.toArray();
    const meeting = builtInChecklist('meeting');
    const attempts = [
      saveChecklistTemplate(db, meeting, ctxAt()),
      archiveChecklistTemplate(db, meeting.id, true, ctxAt()),
      deleteChecklistTemplate(db, meeting.id, ctxAt()),
    ];
    for (const attempt of attempts) {
      const error = await rejection(attempt);
      expect(error.detail).toBe('checklist_builtin_readonly');
      expect(describeRepositoryError(error, 'kk').message).toMatch(/көшірмесін жасап/);
      expect(describeRepositoryError(error, 'ru').message).toMatch(/сделайте копию/);
    }
    expect(await db.checklistTemplates.toArray()).toEqual(before);
  });

  it('are read-only even before they are stored', async () => {
    db = freshDb();
    const error = await rejection(
      archiveChecklistTemplate(db, BUILT_IN_CHECKLIST_IDS.public_hearing, true, ctxAt()),
    );
    expect(error.detail).toBe('checklist_builtin_readonly');
    expect(await db.checklistTemplates.count()).toBe(0);
  });
});

describe("the office's own checklists", () => {
  it('copies a built-in, edits the copy with the version check, keeps step ids', async () => {
    db = freshDb();
    const copy = await copyChecklistTemplate(db, BUILT_IN_CHECKLIST_IDS.public_hearing, ctxAt());
    expect(copy).toMatchObject({
      builtIn: false,
      key: null,
      purpose: 'public_hearing',
      archived: false,
      name: { kk: 'Қоғамдық тыңдау құрылымы (көшірме)', ru: 'Порядок публичных слушаний (копия)' },
      version: 1,
    });
    expect(copy.steps).toEqual(builtInChecklist('public_hearing').steps);

    const [first, ...rest] = copy.steps;
    const saved = await saveChecklistTemplate(
      db,
      {
        id: copy.id,
        purpose: 'public_hearing',
        name: { kk: 'Жер пайдалану бойынша тыңдау', ru: 'Слушания по землепользованию' },
        steps: [...rest, first!, { text: { kk: 'Карта көрсету', ru: 'Показать карту' } }],
      },
      ctxAt(),
      { expectedVersion: 1 },
    );
    expect(saved.version).toBe(2);
    expect(saved.steps.slice(0, 5).map((s) => s.id)).toEqual([
      'citizens_speak',
      'answers',
      'summary',
      'next_steps',
      'introduction',
    ]);
    expect(saved.steps[5]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await listChecklistTemplates(db)).map((t) => t.name.ru)).toContain(
      'Слушания по землепользованию',
    );

    const stale = await rejection(saveChecklistTemplate(db, copy, ctxAt(), { expectedVersion: 1 }));
    expect(stale.code).toBe('conflict');
    expect(await db.checklistTemplates.get(copy.id)).toEqual(saved);
  });

  it('refuses a list without steps or with an empty step text, and stores nothing', async () => {
    db = freshDb();
    const own = await saveChecklistTemplate(
      db,
      { purpose: 'public_hearing', name: { kk: 'Тыңдау', ru: 'Слушания' }, steps: HEARING_STEPS },
      ctxAt(),
    );
    const before = await db.checklistTemplates.toArray();

    const empty = await rejection(
      saveChecklistTemplate(db, { ...own, id: own.id, steps: [] }, ctxAt()),
    );
    expect(empty.issues).toEqual([{ path: 'steps', code: 'steps_required' }]);
    expect(describeRepositoryError(empty, 'kk').fields.steps).toBe(
      'Тізімге кемінде бір қадам қосыңыз',
    );
    const badPurpose = await rejection(
      saveChecklistTemplate(
        db,
        { name: own.name, steps: HEARING_STEPS, purpose: 'party' as never },
        ctxAt(),
      ),
    );
    expect(badPurpose.issues).toEqual([{ path: 'purpose', code: 'invalid_option' }]);
    const duplicate = await rejection(
      saveChecklistTemplate(
        db,
        {
          ...own,
          id: own.id,
          steps: [own.steps[0]!, { ...own.steps[1]!, id: own.steps[0]!.id }],
        },
        ctxAt(),
      ),
    );
    expect(duplicate.issues).toEqual([{ path: 'steps.1.id', code: 'duplicate_key' }]);
    const blank = await rejection(
      saveChecklistTemplate(
        db,
        {
          ...own,
          id: own.id,
          name: { kk: ' ', ru: '' },
          steps: [own.steps[0]!, { text: { kk: '  ', ru: '' } }],
        },
        ctxAt(),
      ),
    );
    expect(blank.issues).toEqual([
      { path: 'name', code: 'name_required' },
      { path: 'steps.1.text', code: 'required' },
    ]);
    expect(describeRepositoryError(blank, 'ru').fields.name).toBe(
      'Укажите название хотя бы на одном языке',
    );
    expect(await db.checklistTemplates.toArray()).toEqual(before);
    expect(
      (await rejection(saveChecklistTemplate(db, { ...own, id: newId() }, ctxAt()))).detail,
    ).toBe('record_not_found');
  });

  it('checklistFor prefers the newest active own list, else the built-in', async () => {
    db = freshDb();
    const first = await saveChecklistTemplate(
      db,
      { purpose: 'public_hearing', name: { kk: 'Бірінші', ru: 'Первый' }, steps: HEARING_STEPS },
      ctxAt(new Date('2026-11-01T05:00:00Z')),
    );
    const second = await saveChecklistTemplate(
      db,
      { purpose: 'public_hearing', name: { kk: 'Екінші', ru: 'Второй' }, steps: HEARING_STEPS },
      ctxAt(new Date('2026-11-02T05:00:00Z')),
    );
    expect((await checklistFor(db, 'public_hearing')).id).toBe(second.id);
    await archiveChecklistTemplate(db, second.id, true, ctxAt());
    expect((await checklistFor(db, 'public_hearing')).id).toBe(first.id);
    await deleteChecklistTemplate(db, first.id, ctxAt());
    expect((await checklistFor(db, 'public_hearing')).id).toBe(
      BUILT_IN_CHECKLIST_IDS.public_hearing,
    );
    const restored = await archiveChecklistTemplate(db, second.id, false, ctxAt());
    expect(restored).toMatchObject({ archived: false, version: 3 });
    expect((await checklistFor(db, 'public_hearing')).id).toBe(second.id);
    // A deleted list is gone from the screen but stays stored (soft delete).
    expect((await listChecklistTemplates(db)).some((t) => t.id === first.id)).toBe(false);
    expect((await db.checklistTemplates.get(first.id))?.deletedAt).not.toBeNull();
    expect((await rejection(copyChecklistTemplate(db, first.id, ctxAt()))).detail).toBe(
      'record_not_found',
    );
  });

  it('a list a reception used cannot be deleted, only archived', async () => {
    db = freshDb();
    const own = await copyChecklistTemplate(
      db,
      BUILT_IN_CHECKLIST_IDS.reception_preparation,
      ctxAt(),
    );
    await createReception(
      db,
      { date: '2026-11-27', startTime: '10:00', place: 'Мәслихат ғимараты, 2-қабат' },
      ctxAt(),
    );
    const error = await rejection(deleteChecklistTemplate(db, own.id, ctxAt()));
    expect(error.detail).toBe('checklist_in_use');
    expect(describeRepositoryError(error, 'ru').message).toMatch(/отправьте его в архив/);
    expect((await db.checklistTemplates.get(own.id))?.deletedAt).toBeNull();
    await archiveChecklistTemplate(db, own.id, true, ctxAt());
    expect((await db.checklistTemplates.get(own.id))?.archived).toBe(true);
  });
});
