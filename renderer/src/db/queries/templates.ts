import type { Template, TemplateKind } from '@shared/domain';
import { BUILT_IN_TEMPLATES } from '@shared/templates/builtins';
import type { TizilimDb } from '@renderer/db/database';

/** Built-ins first, then the office's own (deleted ones left out). */
export async function listTemplates(db: TizilimDb): Promise<Template[]> {
  const own = (await db.templates.toArray()).filter((t) => t.deletedAt === null);
  return [...BUILT_IN_TEMPLATES, ...own.sort(byKindAndName)];
}

/** The templates of the given kinds, for a letter composer's picker. */
export async function templatesOfKinds(
  db: TizilimDb,
  kinds: readonly TemplateKind[],
): Promise<Template[]> {
  return (await listTemplates(db)).filter((t) => kinds.includes(t.kind));
}

/** A template by id: a built-in or the office's own (also a deleted one, for old letters). */
export async function getTemplate(db: TizilimDb, id: string): Promise<Template | undefined> {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id) ?? (await db.templates.get(id));
}

export function byKindAndName(a: Template, b: Template): number {
  return a.kind.localeCompare(b.kind) || a.name.kk.localeCompare(b.name.kk, 'kk');
}
