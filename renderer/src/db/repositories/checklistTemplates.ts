import {
  BUILT_IN_CHECKLIST_IDS,
  checklistTemplateInputSchema,
  checklistTemplateSchema,
  newBaseFields,
  type ChecklistPurpose,
  type ChecklistStep,
  type ChecklistTemplate,
  type ChecklistTemplateInput,
  type LocalizedText,
} from '@shared/domain';
import { newId } from '@shared/ids';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { notFound, parseOrThrow, RepositoryError, type FieldIssue } from './errors';
import { checkVersion, nextVersion, softDeleted } from './records';
import { builtInChecklist, type BuiltInKey } from '@renderer/db/queries/checklists';

/**
 * Checklists are data: the seed's meeting checklist, the reception preparation list and the
 * public hearing structure ship as read-only built-ins; an office copies one and edits the
 * copy. Checklist templates have no history of their own beyond `version`/`updatedBy`.
 */

async function storeMissingBuiltIns(db: TizilimDb): Promise<void> {
  const stored = await db.checklistTemplates.toArray();
  const keys = new Set(stored.filter((t) => t.builtIn).map((t) => t.key));
  for (const key of Object.keys(BUILT_IN_CHECKLIST_IDS) as BuiltInKey[]) {
    // Never overwritten: an existing built-in (perhaps restored from a backup) stays as is.
    if (!keys.has(key) && !stored.some((t) => t.id === BUILT_IN_CHECKLIST_IDS[key])) {
      await db.checklistTemplates.add(builtInChecklist(key));
    }
  }
}

/** Stores the built-in checklists this database lacks (matching on `key`); idempotent. */
export async function ensureBuiltInChecklists(db: TizilimDb): Promise<void> {
  await db.transaction('rw', db.checklistTemplates, () => storeMissingBuiltIns(db));
}

/** What the settings screen edits: name, purpose and steps of an own checklist. */
export interface ChecklistTemplateEdit {
  name: LocalizedText;
  purpose: ChecklistPurpose;
  steps: { id?: string; text: LocalizedText; field?: string | null }[];
}

function editInput(edit: ChecklistTemplateEdit): ChecklistTemplateInput {
  return {
    key: null,
    builtIn: false,
    purpose: edit.purpose,
    name: edit.name,
    // New steps get an id here; existing ones keep theirs, so receptions' ticks stay put.
    steps: edit.steps.map((step) => ({
      id: step.id ?? newId(),
      text: step.text,
      field: step.field ?? null,
    })),
  };
}

/** A list, and each of its steps, must say something in at least one language. */
function checkTexts(data: Pick<ChecklistTemplate, 'name' | 'steps'>): void {
  const issues: FieldIssue[] = [];
  if (data.name.kk === '' && data.name.ru === '')
    issues.push({ path: 'name', code: 'name_required' });
  data.steps.forEach((step, i) => {
    if (step.text.kk === '' && step.text.ru === '') {
      issues.push({ path: `steps.${i}.text`, code: 'required' });
    }
  });
  if (issues.length > 0) throw new RepositoryError('validation', null, issues);
}

async function loadOwn(db: TizilimDb, id: string): Promise<ChecklistTemplate> {
  const current = await db.checklistTemplates.get(id);
  if (!current || current.deletedAt !== null) {
    if (Object.values(BUILT_IN_CHECKLIST_IDS).includes(id as never)) {
      throw new RepositoryError('workflow', 'checklist_builtin_readonly');
    }
    throw notFound();
  }
  if (current.builtIn) throw new RepositoryError('workflow', 'checklist_builtin_readonly');
  return current;
}

function copyName(name: LocalizedText): LocalizedText {
  return { kk: `${name.kk} (көшірме)`, ru: `${name.ru} (копия)` };
}

/** An own, editable copy of any checklist (built-in or own). */
export async function copyChecklistTemplate(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
): Promise<ChecklistTemplate> {
  const time = stamp(ctx);
  return db.transaction('rw', db.checklistTemplates, async () => {
    await storeMissingBuiltIns(db);
    const source = await db.checklistTemplates.get(id);
    if (!source || source.deletedAt !== null) throw notFound();
    const copy = parseOrThrow(checklistTemplateSchema, {
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
      key: null,
      builtIn: false,
      archived: false,
      purpose: source.purpose,
      name: copyName(source.name),
      // Step ids are kept: a copy of the preparation list ticks the same steps.
      steps: source.steps.map((step: ChecklistStep) => ({ ...step })),
    });
    await db.checklistTemplates.add(copy);
    return copy;
  });
}

/**
 * Creates an own checklist (no `id`) or saves changes to one. Built-ins are read-only. The
 * version check stops two people from overwriting each other's edits unnoticed.
 */
export async function saveChecklistTemplate(
  db: TizilimDb,
  edit: ChecklistTemplateEdit & { id?: string },
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<ChecklistTemplate> {
  const data = parseOrThrow(checklistTemplateInputSchema, editInput(edit));
  checkTexts(data);
  const time = stamp(ctx);
  return db.transaction('rw', db.checklistTemplates, async () => {
    if (edit.id === undefined) {
      const created = parseOrThrow(checklistTemplateSchema, {
        ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
        ...data,
      });
      await db.checklistTemplates.add(created);
      return created;
    }
    const current = await loadOwn(db, edit.id);
    checkVersion(current, options.expectedVersion);
    const saved = parseOrThrow(
      checklistTemplateSchema,
      nextVersion(current, { ...data, archived: current.archived }, time, ctx.userId),
    );
    await db.checklistTemplates.put(saved);
    return saved;
  });
}

/** Hides an own checklist from the choices (or offers it again); receptions keep using it. */
export async function archiveChecklistTemplate(
  db: TizilimDb,
  id: string,
  archived: boolean,
  ctx: WriteContext,
): Promise<ChecklistTemplate> {
  const time = stamp(ctx);
  return db.transaction('rw', db.checklistTemplates, async () => {
    const current = await loadOwn(db, id);
    const saved = parseOrThrow(
      checklistTemplateSchema,
      nextVersion(current, { archived }, time, ctx.userId),
    );
    await db.checklistTemplates.put(saved);
    return saved;
  });
}

/**
 * Deletes (softly) an own checklist no reception uses; one that a reception used is archived
 * instead, so that reception still shows what was ticked.
 */
export async function deleteChecklistTemplate(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
): Promise<void> {
  const time = stamp(ctx);
  await db.transaction('rw', [db.checklistTemplates, db.receptions], async () => {
    const current = await loadOwn(db, id);
    const used = await db.receptions.filter((r) => r.checklistTemplateId === id).count();
    if (used > 0) throw new RepositoryError('workflow', 'checklist_in_use');
    await db.checklistTemplates.put(softDeleted(current, time, ctx.userId));
  });
}
