import type { z } from 'zod';
import { makeEvent } from '@shared/domain';
import { EXPORT_TABLES } from '@shared/export';
import {
  applyDecisions,
  dataOf,
  parseDocId,
  sameData,
  withDerived,
  type ConflictChoice,
} from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import { RepositoryError, validationError } from '@renderer/db/repositories/errors';
import { stamp, type WriteContext } from '@renderer/db/repositories/context';

/**
 * A person's decisions on a record's sync conflicts (the list in Settings › Sync and in the
 * sidebar's "conflicts N"). One transaction: the record gets the chosen values as its next
 * version (an appeal also a `fieldChanged` event saying what the decision changed), the
 * decided conflicts go, and once none is left the record is released to the server — the
 * next push sends it on top of the server's revision and closes the other branch, so every
 * laptop gets the decision and none is asked again.
 */

export interface ConflictDecision {
  conflictId: string;
  choice: ConflictChoice;
}

export async function resolveConflicts(
  db: TizilimDb,
  docId: string,
  decisions: readonly ConflictDecision[],
  ctx: WriteContext,
): Promise<void> {
  const target = parseDocId(docId);
  if (!target) throw new RepositoryError('not_found');
  const time = stamp(ctx);
  const table = db.table(target.table);
  await db.transaction('rw', [table, db.events, db.syncConflicts, db.syncDocs], async () => {
    const open = await db.syncConflicts.where('docId').equals(docId).toArray();
    const byId = new Map(open.map((c) => [c.id, c]));
    const chosen = decisions.map((d) => {
      const conflict = byId.get(d.conflictId);
      if (!conflict) throw new RepositoryError('not_found');
      return { conflict, choice: d.choice };
    });
    const record = (await table.get(target.id)) as Record<string, unknown> | undefined;
    if (!record) throw new RepositoryError('not_found');
    const decided = applyDecisions(dataOf(target.table, record), chosen, {
      now: time.iso,
      userId: ctx.userId,
    });
    if (target.table !== 'attachments') {
      const schema = EXPORT_TABLES[target.table] as z.ZodType;
      const parsed = schema.safeParse(withDerived(target.table, decided));
      if (!parsed.success) throw validationError(parsed.error);
    }
    // The decided data, with what is not synced (the file, search words) kept from the record.
    const next: Record<string, unknown> = { ...decided };
    if ('blob' in record) next.blob = record.blob;
    if ('searchWords' in record) next.searchWords = record.searchWords;
    await table.put(next);
    if (target.table === 'appeals') {
      const changes = chosen
        .filter(({ conflict }) => !sameData(record[conflict.field], next[conflict.field]))
        .map(({ conflict }) => ({
          field: conflict.field,
          from: record[conflict.field] ?? null,
          to: next[conflict.field] ?? null,
        }));
      if (changes.length > 0) {
        await db.events.add(
          makeEvent({
            appealId: target.id,
            type: 'fieldChanged',
            data: { changes, sync: { decided: chosen.length } },
            now: time.iso,
            userId: ctx.userId,
          }),
        );
      }
    }
    await db.syncConflicts.bulkDelete(chosen.map((c) => c.conflict.id));
    if (open.length === chosen.length) {
      const row = await db.syncDocs.get(docId);
      if (row) await db.syncDocs.put({ ...row, conflict: null });
    }
  });
}
