import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';

import type { TizilimDb } from '@renderer/db/database';
import {
  copyTemplate,
  deleteTemplate,
  describeRepositoryError,
  RepositoryError,
  saveTemplate,
} from '@renderer/db/repositories';
import { getTemplate, listTemplates, templatesOfKinds } from '@renderer/db/queries/templates';
import type { TemplateEdit } from '@renderer/db/repositories';
import { newId } from '@shared/ids';
import { BUILT_IN_TEMPLATES, builtInTemplate } from '@shared/templates';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, rejection } from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

function editOf(template: {
  kind: TemplateEdit['kind'];
  name: TemplateEdit['name'];
  sections: TemplateEdit['sections'];
}): TemplateEdit {
  return {
    kind: template.kind,
    name: { ...template.name },
    sections: template.sections.map((s) => ({ ...s, title: { ...s.title }, body: { ...s.body } })),
  };
}

describe('templates repository', () => {
  it('lists the built-ins from code and the office’s own, without deleted ones', async () => {
    db = freshDb();
    expect(await listTemplates(db)).toEqual(BUILT_IN_TEMPLATES);
    const copy = await copyTemplate(db, builtInTemplate('reply').id, ctxAt());
    const other = await copyTemplate(db, builtInTemplate('inquiry').id, ctxAt());
    await deleteTemplate(db, other.id, ctxAt());
    const list = await listTemplates(db);
    expect(list.map((t) => t.id)).toEqual([...BUILT_IN_TEMPLATES.map((t) => t.id), copy.id]);
    expect((await templatesOfKinds(db, ['reply'])).map((t) => t.id)).toEqual([
      builtInTemplate('reply').id,
      copy.id,
    ]);
    expect(await getTemplate(db, other.id)).toMatchObject({ id: other.id });
    expect(await getTemplate(db, builtInTemplate('forwarding').id)).toBe(
      builtInTemplate('forwarding'),
    );
  });

  it('copies a built-in into an own template that remembers its source', async () => {
    db = freshDb();
    const source = builtInTemplate('reply');
    const copy = await copyTemplate(db, source.id, ctxAt());
    expect(copy).toMatchObject({
      builtIn: false,
      key: null,
      kind: 'reply',
      copiedFromId: source.id,
      name: { kk: `${source.name.kk} (көшірме)`, ru: `${source.name.ru} (копия)` },
      createdBy: 'aigerim',
      version: 1,
    });
    expect(copy.sections).toEqual(source.sections);
    expect(copy.id).not.toBe(source.id);
    const again = await copyTemplate(db, copy.id, ctxAt());
    expect(again.copiedFromId).toBe(copy.id);
    await expect(copyTemplate(db, newId(), ctxAt())).rejects.toThrow(RepositoryError);
  });

  it('saves an edit of an own template and bumps its version', async () => {
    db = freshDb();
    const copy = await copyTemplate(db, builtInTemplate('reply').id, ctxAt());
    const edit = editOf(copy);
    edit.name.kk = 'Біздің жауап';
    edit.sections[4] = {
      ...edit.sections[4]!,
      body: { kk: 'Нәтиже: {{extra.answer}} ({{today|short}})', ru: 'Итог: {{extra.answer}}' },
    };
    const saved = await saveTemplate(db, copy.id, edit, ctxAt(), { expectedVersion: 1 });
    expect(saved).toMatchObject({
      version: 2,
      name: { kk: 'Біздің жауап' },
      copiedFromId: copy.copiedFromId,
    });
    expect(await db.templates.get(copy.id)).toEqual(saved);
    expect(builtInTemplate('reply').sections[4]?.body.kk).toBe('{{extra.answer}}');
  });

  it('refuses unknown placeholders with a kk/ru message and stores nothing', async () => {
    db = freshDb();
    const copy = await copyTemplate(db, builtInTemplate('reply').id, ctxAt());
    const edit = editOf(copy);
    edit.sections[2] = {
      ...edit.sections[2]!,
      body: { kk: '{{appeal.number}}', ru: 'ok {{appeal.regNo}}' },
    };
    edit.sections[3] = { ...edit.sections[3]!, body: { kk: 'ok', ru: '{{today|genitive}}' } };
    const error = await rejection(saveTemplate(db, copy.id, edit, ctxAt()));
    expect(error.detail).toBe('template_placeholder_unknown');
    expect(error.issues).toEqual([
      { path: 'sections.2.body.kk', code: 'template_placeholder_unknown' },
      { path: 'sections.3.body.ru', code: 'template_placeholder_unknown' },
    ]);
    const kk = describeRepositoryError(error, 'kk');
    expect(kk.message).toContain('белгісіз толтырғыш');
    expect(describeRepositoryError(error, 'ru').fields['sections.2.body.kk']).toContain(
      'неизвестная подстановка',
    );
    expect(await db.templates.get(copy.id)).toEqual(copy);
  });

  it('refuses invalid fields, built-ins and stale versions, leaving data unchanged', async () => {
    db = freshDb();
    const copy = await copyTemplate(db, builtInTemplate('inquiry').id, ctxAt());
    const empty = { ...editOf(copy), sections: [] };
    expect((await rejection(saveTemplate(db, copy.id, empty, ctxAt()))).issues).toEqual([
      { path: 'sections', code: 'sections_required' },
    ]);
    const dup = editOf(copy);
    dup.sections[1] = { ...dup.sections[1]!, key: dup.sections[0]!.key };
    expect((await rejection(saveTemplate(db, copy.id, dup, ctxAt()))).issues[0]?.code).toBe(
      'duplicate_key',
    );
    const builtIn = builtInTemplate('inquiry');
    expect((await rejection(saveTemplate(db, builtIn.id, editOf(builtIn), ctxAt()))).detail).toBe(
      'template_builtin_readonly',
    );
    expect((await rejection(deleteTemplate(db, builtIn.id, ctxAt()))).detail).toBe(
      'template_builtin_readonly',
    );
    await saveTemplate(db, copy.id, editOf(copy), ctxAt());
    expect(
      (await rejection(saveTemplate(db, copy.id, editOf(copy), ctxAt(), { expectedVersion: 1 })))
        .code,
    ).toBe('conflict');
    expect((await db.templates.get(copy.id))?.version).toBe(2);
    expect((await rejection(saveTemplate(db, newId(), editOf(copy), ctxAt()))).code).toBe(
      'not_found',
    );
  });

  it('deletes an own template softly; a deleted one can be neither saved nor deleted again', async () => {
    db = freshDb();
    const copy = await copyTemplate(db, builtInTemplate('extension').id, ctxAt());
    const deleted = await deleteTemplate(db, copy.id, ctxAt());
    expect(deleted.deletedAt).toBe('2026-11-20T05:00:00.000Z');
    expect(await db.templates.count()).toBe(1);
    expect((await rejection(deleteTemplate(db, copy.id, ctxAt()))).code).toBe('not_found');
    expect((await rejection(saveTemplate(db, copy.id, editOf(copy), ctxAt()))).code).toBe(
      'not_found',
    );
    expect((await rejection(copyTemplate(db, copy.id, ctxAt()))).code).toBe('not_found');
  });
});
