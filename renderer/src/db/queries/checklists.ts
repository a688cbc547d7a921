import {
  BUILT_IN_CHECKLIST_IDS,
  checklistTemplateInputSchema,
  checklistTemplateSchema,
  DEFAULT_CHECKLIST_TEMPLATES,
  newBaseFields,
  type ChecklistPurpose,
  type ChecklistTemplate,
} from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';

/**
 * Every checklist the office can see: built-ins first (stored or not yet stored), then its
 * own, archived ones included (the screen shows them apart).
 */
export async function listChecklistTemplates(db: TizilimDb): Promise<ChecklistTemplate[]> {
  const stored = (await db.checklistTemplates.toArray()).filter((t) => t.deletedAt === null);
  const builtIns = (Object.keys(BUILT_IN_CHECKLIST_IDS) as BuiltInKey[]).map(
    (key) => stored.find((t) => t.builtIn && t.key === key) ?? builtInChecklist(key),
  );
  const own = stored.filter((t) => !t.builtIn).sort(byName);
  return [...builtIns, ...own];
}

export async function getChecklistTemplate(
  db: TizilimDb,
  id: string,
): Promise<ChecklistTemplate | undefined> {
  const stored = await db.checklistTemplates.get(id);
  if (stored) return stored;
  const key = (Object.keys(BUILT_IN_CHECKLIST_IDS) as BuiltInKey[]).find(
    (k) => BUILT_IN_CHECKLIST_IDS[k] === id,
  );
  return key ? builtInChecklist(key) : undefined;
}

/**
 * The checklist to use for a purpose: the office's own (not archived; the most recently
 * edited if several), otherwise the built-in. Read-only, so it works inside live queries.
 */
export async function checklistFor(
  db: TizilimDb,
  purpose: Exclude<ChecklistPurpose, 'custom'>,
): Promise<ChecklistTemplate> {
  const stored = await db.checklistTemplates.toArray();
  const own = stored
    .filter((t) => !t.builtIn && !t.archived && t.deletedAt === null && t.purpose === purpose)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    own[0] ??
    stored.find((t) => t.builtIn && t.key === purpose && t.deletedAt === null) ??
    builtInChecklist(purpose)
  );
}

export type BuiltInKey = keyof typeof BUILT_IN_CHECKLIST_IDS;

// Built-ins are stamped as made by the app at the epoch, the same in every database.
const BUILT_IN_STAMP = { now: '1970-01-01T00:00:00.000Z', userId: 'system' } as const;

/** A built-in checklist as it is stored, whether or not this database has it yet. */
export function builtInChecklist(key: BuiltInKey): ChecklistTemplate {
  const input = DEFAULT_CHECKLIST_TEMPLATES.find((t) => t.key === key);
  /* v8 ignore next -- every key of BUILT_IN_CHECKLIST_IDS has a default template */
  if (!input) throw new Error(`No built-in checklist ${key}`);
  return checklistTemplateSchema.parse({
    ...checklistTemplateInputSchema.parse(input),
    ...newBaseFields({ id: BUILT_IN_CHECKLIST_IDS[key], ...BUILT_IN_STAMP }),
  });
}

export function byName(a: ChecklistTemplate, b: ChecklistTemplate): number {
  return a.name.kk.localeCompare(b.name.kk, 'kk');
}
