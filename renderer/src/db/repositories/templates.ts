import {
  newBaseFields,
  templateInputSchema,
  templateSchema,
  type LocalizedText,
  type Template,
  type TemplateKind,
  type TemplateSection,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { BUILT_IN_TEMPLATES } from '@shared/templates/builtins';
import { checkTemplatePlaceholders } from '@shared/templates/render';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { notFound, parseOrThrow, RepositoryError, type FieldIssue } from './errors';
import { checkVersion, loadLive, nextVersion, softDeleted } from './records';
import { getTemplate } from '@renderer/db/queries/templates';

/**
 * Letter templates. Built-ins live in code (shared/templates) and are never stored, so an
 * update of the app improves them everywhere; an office copies one and edits its copy,
 * which is stored here. Templates have no history beyond `version`/`updatedBy`.
 */

function copyName(name: LocalizedText): LocalizedText {
  return { kk: `${name.kk} (көшірме)`, ru: `${name.ru} (копия)` };
}

/** A new own template made from a built-in or another own template. */
export async function copyTemplate(
  db: TizilimDb,
  sourceId: string,
  ctx: WriteContext,
): Promise<Template> {
  const time = stamp(ctx);
  return db.transaction('rw', db.templates, async () => {
    const source = await getTemplate(db, sourceId);
    if (!source || source.deletedAt !== null) throw notFound();
    const template = parseOrThrow(templateSchema, {
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
      key: null,
      kind: source.kind,
      name: copyName(source.name),
      sections: source.sections.map((section) => ({ ...section })),
      builtIn: false,
      copiedFromId: source.id,
    });
    await db.templates.add(template);
    return template;
  });
}

/** What the editor saves: the parts of a template a user may change. */
export interface TemplateEdit {
  kind: TemplateKind;
  name: LocalizedText;
  sections: TemplateSection[];
}

/** Each unknown placeholder, on the section body that holds it. */
function placeholderIssues(sections: readonly TemplateSection[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  sections.forEach((section, i) => {
    for (const lang of ['kk', 'ru'] as const) {
      const { unknown } = checkTemplatePlaceholders({
        sections: [{ ...section, body: { kk: section.body[lang], ru: '' } }],
      });
      if (unknown.length > 0) {
        issues.push({
          path: `sections.${String(i)}.body.${lang}`,
          code: 'template_placeholder_unknown',
        });
      }
    }
  });
  return issues;
}

/**
 * Saves an own template. Refused, with nothing stored: a built-in (copy it first), an
 * invalid field, an unknown placeholder, or a version someone else saved meanwhile.
 */
export async function saveTemplate(
  db: TizilimDb,
  id: string,
  edit: TemplateEdit,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Template> {
  if (BUILT_IN_TEMPLATES.some((t) => t.id === id)) {
    throw new RepositoryError('validation', 'template_builtin_readonly');
  }
  const data = parseOrThrow(templateInputSchema, {
    key: null,
    kind: edit.kind,
    name: edit.name,
    sections: edit.sections,
    builtIn: false,
  });
  const issues = placeholderIssues(data.sections);
  if (issues.length > 0) {
    throw new RepositoryError('validation', 'template_placeholder_unknown', issues);
  }
  const time = stamp(ctx);
  return db.transaction('rw', db.templates, async () => {
    const current = await loadLive(db.templates, id);
    checkVersion(current, options.expectedVersion);
    const template = parseOrThrow(
      templateSchema,
      nextVersion(current, { ...data, copiedFromId: current.copiedFromId }, time, ctx.userId),
    );
    await db.templates.put(template);
    return template;
  });
}

/** Soft delete of an own template: letters made from it still name it. */
export async function deleteTemplate(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
): Promise<Template> {
  if (BUILT_IN_TEMPLATES.some((t) => t.id === id)) {
    throw new RepositoryError('validation', 'template_builtin_readonly');
  }
  const time = stamp(ctx);
  return db.transaction('rw', db.templates, async () => {
    const current = await loadLive(db.templates, id);
    const template = softDeleted(current, time, ctx.userId);
    await db.templates.put(template);
    return template;
  });
}
