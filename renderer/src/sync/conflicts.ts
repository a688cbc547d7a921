import type { Settings } from '@shared/domain';
import { resolveConflicts as resolveMerge, type AnyRecord, type RecordTable } from '@shared/merge';
import { parseDocId, resolutionOf, type ConflictChoice } from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import { baseRowTables, readBaseRows, writeBaseRows } from './baseRows';
import { RepositoryError } from '@renderer/db/repositories/errors';
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
  await db.transaction(
    'rw',
    [...new Set([table, db.settings, db.events, db.syncConflicts, ...baseRowTables(db)])],
    async () => {
      const open = await db.syncConflicts.where('docId').equals(docId).toArray();
      const byId = new Map(open.map((c) => [c.id, c]));
      const chosen = decisions.map((d) => {
        const conflict = byId.get(d.conflictId);
        if (!conflict) throw new RepositoryError('not_found');
        return { conflict, choice: d.choice };
      });
      const record = (await table.get(target.id)) as AnyRecord | undefined;
      if (!record) throw new RepositoryError('not_found');
      const settings = (await db.settings.toCollection().first()) as Partial<Settings> | undefined;
      // shared/merge's decisions, as a package merge makes them: the chosen values (a record's
      // number never), its rules checked, the next version, and the decision in the appeal's
      // history (an inquiry's: in its appeals').
      const result = resolveMerge({
        conflicts: chosen.map((c) => c.conflict),
        resolutions: chosen.map((c) => resolutionOf(c.conflict.id, c.choice)),
        recordOf: (t, id) => (t === target.table && id === target.id ? record : undefined),
        settings,
        context: { now: time.iso, userId: ctx.userId },
      });
      const problem = result.problems[0];
      if (problem) {
        throw new RepositoryError(
          'validation',
          null,
          problem.code === 'invalid_value'
            ? problem.issues.map((i) => ({ path: i.path, code: i.message }))
            : [{ path: '', code: problem.code }],
        );
      }
      const decided = result.put[target.table as RecordTable]?.[0];
      if (decided) {
        // The file of an attachment stays as it is (never part of a decision).
        const next: Record<string, unknown> = { ...decided };
        if ('blob' in record) next.blob = record.blob;
        await table.put(next);
      }
      if (result.events.length > 0) await db.events.bulkPut(result.events);
      await db.syncConflicts.bulkDelete(chosen.map((c) => c.conflict.id));
      if (open.length === chosen.length) {
        const [row] = await readBaseRows(db, [docId]);
        if (row) await writeBaseRows(db, [{ ...row, conflict: null }]);
      }
    },
  );
}
