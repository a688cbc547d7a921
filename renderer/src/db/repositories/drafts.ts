import { draftSchema, type Draft } from '@shared/domain';
import { newId } from '@shared/ids';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { parseOrThrow } from './errors';

/**
 * Autosaved form state, one per (kind, key): saving again replaces it. Drafts carry no
 * history; they exist so a crash or a closed lid loses nothing typed.
 */
export async function saveDraft(
  db: TizilimDb,
  draft: { kind: string; key: string; data: unknown },
  ctx: Pick<WriteContext, 'now'> = {},
): Promise<Draft> {
  const time = stamp({ userId: 'system', ...ctx });
  return db.transaction('rw', db.drafts, async () => {
    const existing = await db.drafts.where('[kind+key]').equals([draft.kind, draft.key]).first();
    const record = parseOrThrow(draftSchema, {
      id: existing?.id ?? newId(),
      kind: draft.kind,
      key: draft.key,
      data: draft.data,
      updatedAt: time.iso,
    });
    await db.drafts.put(record);
    return record;
  });
}

export async function loadDraft(
  db: TizilimDb,
  kind: string,
  key: string,
): Promise<Draft | undefined> {
  return db.drafts.where('[kind+key]').equals([kind, key]).first();
}

export async function listDrafts(db: TizilimDb, kind: string): Promise<Draft[]> {
  return db.drafts.where('kind').equals(kind).sortBy('updatedAt');
}

/** Removes a draft once its form is saved or the user discards it. */
export async function discardDraft(db: TizilimDb, kind: string, key: string): Promise<void> {
  await db.transaction('rw', db.drafts, () =>
    db.drafts.where('[kind+key]').equals([kind, key]).delete(),
  );
}
