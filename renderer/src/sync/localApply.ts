/**
 * The pull's write: what `LocalPeer.bulkDocs` received, applied to this laptop's records in
 * the caller's one transaction (see ./local.ts and docs/sync.md).
 */
import type { Settings } from '@shared/domain';
import {
  commonAncestor,
  dataOf,
  parseDocId,
  REVS_SENT,
  sameData,
  SYNC_TABLES,
  winningLeaf,
  type DocCheck,
  type RecordMerger,
  type SyncConflict,
  type SyncTable,
} from '@shared/sync';
import type { TizilimDb } from '@renderer/db/database';
import type { SyncConflictRow, SyncDocRow, SyncQuarantineRow } from '@renderer/db/syncTables';
import { readBaseRows, writeBaseRows } from './baseRows';
import {
  META_ECHO,
  placed,
  readRecords,
  withoutFile,
  type Data,
  type EchoRange,
  type Leaf,
} from './localRecords';

export interface ApplyReport {
  applied: number;
  quarantined: number;
  conflicts: number;
}

const QUARANTINE_BODY_MAX = 20_000;

/** What applying a pull needs of the LocalPeer. */
export interface ApplyContext {
  db: TizilimDb;
  merge: RecordMerger;
  now: () => Date;
}

/** Applies the arrived revisions, grouped by document, inside the caller's transaction. */
export async function applyPulled(
  ctx: ApplyContext,
  groups: Map<string, Leaf[]>,
  ancestors: Map<string, Data | null>,
  files: Map<string, unknown>,
  report: ApplyReport,
  /** Documents known to have no base row (./local.ts `absentRows`): not read again. */
  noRow: ReadonlySet<string> = new Set(),
): Promise<void> {
  const { db, merge, now } = ctx;
  const docIds = [...groups.keys()];
  // Base rows, read only where one may exist.
  const lookup = noRow.size === 0 ? docIds : docIds.filter((id) => !noRow.has(id));
  const found = await readBaseRows(db, lookup);
  const rows = lookup === docIds ? found : placed(docIds, lookup, found);
  const targets = docIds.map(parseDocId);
  // Documents with no base row are, nearly always, records new to this laptop (a first sync).
  const locals = await readRecords(db, targets, { mostlyAbsent: noRow.size * 2 > docIds.length });
  const seqBefore = (await db.changes.orderBy('seq').lastKey()) as number | undefined;
  const pushAnyway: string[] = [];
  // Registry numbers already held on this laptop, for the arriving appeals (one index pass).
  const regNos = [...groups.values()].flatMap((leaves) =>
    leaves.flatMap((l) =>
      l.check?.ok && l.check.table === 'appeals' ? [String(l.check.record.regNo ?? '')] : [],
    ),
  );
  const holders = new Map<string, string>();
  if (regNos.length > 0) {
    await db.appeals
      .where('regNo')
      .anyOf([...new Set(regNos)])
      .eachKey((key, cursor) => {
        // The first holder in key order, as a lookup of one number would answer.
        if (!holders.has(String(key))) holders.set(String(key), String(cursor.primaryKey));
      });
  }
  const puts = new Map<SyncTable, Data[]>();
  const deletes = new Map<SyncTable, string[]>();
  const rowPuts: SyncDocRow[] = [];
  const quarantine: SyncQuarantineRow[] = [];
  const cleared: string[] = [];
  const conflictsByDoc = new Map<string, SyncConflictRow[]>();
  const takenNumbers = new Map<string, string>();
  const at = now().toISOString();
  // The office's rules for deadlines, read once: a merge recomputes an appeal's dates.
  const settings = (await db.settings.toCollection().first()) as Partial<Settings> | undefined;

  const putRecord = (table: SyncTable, record: Data) => {
    const list = puts.get(table);
    if (list) list.push(record);
    else puts.set(table, [record]);
  };

  for (let i = 0; i < docIds.length; i++) {
    const docId = docIds[i]!;
    const target = targets[i];
    const leaves = groups.get(docId)!;
    if (!target) {
      for (const leaf of leaves) {
        if (!leaf.deleted) quarantine.push(quarantined(leaf, 'unknown_document', [], at));
      }
      continue;
    }
    const { table, id } = target;
    let row = rows[i];
    const local = locals[i];
    const known = new Set(row ? [...row.revs, ...row.close.map((c) => c.rev)] : []);
    const fresh = leaves.filter((l) => !known.has(l.rev));
    const live: (Leaf & { check: Extract<DocCheck, { ok: true }> })[] = [];
    for (const leaf of fresh) {
      if (leaf.deleted) continue;
      const check = leaf.check!;
      if (!check.ok) {
        quarantine.push(quarantined(leaf, check.reason, check.issues, at));
        continue;
      }
      if (table === 'appeals') {
        const regNo = String(check.record.regNo ?? '');
        const holder = takenNumbers.get(regNo) ?? holders.get(regNo);
        if (holder !== undefined && holder !== id) {
          quarantine.push(quarantined(leaf, 'number_taken', [{ path: 'regNo', code: regNo }], at));
          continue;
        }
        takenNumbers.set(regNo, id);
      }
      live.push({ ...leaf, check });
    }
    const dead = fresh.filter((l) => l.deleted);
    if (live.length === 0 && dead.length === 0) continue;
    cleared.push(docId);
    const localData = local ? dataOf(table, local) : null;
    // Our branch on the server was closed by a deletion (a merge elsewhere, or a delete).
    const closedOurs = row !== undefined && dead.some((d) => d.ancestry.includes(row!.rev));
    const nextRow = (leaf: Leaf, data: Data | null): SyncDocRow => ({
      docId,
      table,
      id,
      rev: leaf.rev,
      revs: leaf.ancestry.slice(0, REVS_SENT),
      data,
      close: (row?.close ?? []).filter(
        (c) => !dead.some((d) => d.ancestry.includes(c.rev)) && !leaf.ancestry.includes(c.rev),
      ),
      conflict: null,
    });

    if (live.length === 0) {
      if (!closedOurs) continue;
      const tomb = winningLeaf(dead);
      const changedHere =
        localData !== null && (row!.data === null || !sameData(localData, row!.data));
      if (local && !changedHere) {
        deletes.set(table, [...(deletes.get(table) ?? []), id]);
      } else if (local) {
        // Deleted there, changed here: keep this laptop's record; it goes back on top of the
        // deletion, so nothing is lost.
        putRecord(table, local);
        pushAnyway.push(docId);
      }
      rowPuts.push(nextRow(tomb, null));
      report.applied += 1;
      continue;
    }

    let mine: Data | null = localData;
    let current: Data | undefined = local;
    let conflicts: SyncConflict[] = [];
    let conflictBase: Data | null = null;
    for (const leaf of [winningLeaf(live), ...live.filter((l) => l !== winningLeaf(live))]) {
      const theirs = dataOf(table, withoutFile(leaf.check.record));
      const incoming = (): Data =>
        table === 'attachments'
          ? { ...withoutFile(leaf.check.record), blob: files.get(leaf.rev) }
          : leaf.check.record;
      if (!row || row.data === null) {
        // Never shared (a new record, or one both laptops hold from one export).
        if (mine === null || sameData(mine, theirs)) {
          if (mine === null) current = incoming();
          mine = theirs;
        } else {
          const merged = merge({ table, base: null, mine, theirs, settings });
          conflicts = merged.conflicts;
          conflictBase = null;
          mine = merged.record;
        }
        row = nextRow(leaf, theirs);
        continue;
      }
      const descends = leaf.ancestry.includes(row.rev) || closedOurs;
      if (descends) {
        const resolvedElsewhere =
          row.conflict !== null &&
          (row.close.length === 0 ||
            row.close.every(
              (c) => leaf.ancestry.includes(c.rev) || dead.some((d) => d.ancestry.includes(c.rev)),
            ));
        const base = row.conflict
          ? resolvedElsewhere
            ? row.conflict.mine
            : row.conflict.base
          : row.data;
        const changedHere = mine !== null && (base === null || !sameData(mine, base));
        if (!changedHere) {
          current = incoming();
          mine = theirs;
          conflicts = [];
        } else {
          const merged = merge({ table, base, mine: mine!, theirs, settings });
          conflicts = merged.conflicts;
          conflictBase = base;
          mine = merged.record;
        }
        row = nextRow(leaf, theirs);
        continue;
      }
      // Two branches on the server: ours (the base) and this one.
      const ancestor = commonAncestor(leaf.ancestry, row.revs);
      const base = row.conflict
        ? row.conflict.base
        : ancestor
          ? (ancestors.get(`${docId}\u0000${ancestor}`) ?? null)
          : null;
      const ours = { rev: row.rev, revs: row.revs, data: row.data };
      const winner = winningLeaf([
        { rev: ours.rev, deleted: false, side: 'ours' as const },
        { rev: leaf.rev, deleted: false, side: 'theirs' as const },
      ]);
      const merged =
        mine === null
          ? { record: theirs, conflicts: [] }
          : merge({ table, base, mine, theirs, settings });
      conflicts = merged.conflicts;
      conflictBase = base;
      mine = merged.record;
      if (winner.side === 'theirs') {
        const closing = { rev: ours.rev, revs: ours.revs };
        row = { ...nextRow(leaf, theirs), close: [...row.close, closing] };
      } else {
        row = {
          ...row,
          close: [...row.close, { rev: leaf.rev, revs: leaf.ancestry.slice(0, REVS_SENT) }],
        };
      }
    }

    // What this laptop holds now; written when it changed, and also when it differs from
    // the new base, so that the next push sends it (the write is what the push reads).
    const arrivedNew = local === undefined && live.length === 1 && conflicts.length === 0;
    if (mine !== null && arrivedNew && current !== undefined) {
      // A record new to this laptop, taken as it arrived (the first sync): nothing to compare.
      putRecord(table, current);
    } else if (mine !== null) {
      const record: Data =
        current !== undefined && sameData(dataOf(table, current), mine)
          ? current
          : table === 'attachments'
            ? { ...mine, blob: (local as { blob?: unknown } | undefined)?.blob ?? current?.blob }
            : mine;
      const changedLocally = local === undefined || !sameData(dataOf(table, local), mine);
      const unsent = row!.data === null || !sameData(mine, row!.data);
      if (changedLocally || (unsent && conflicts.length === 0)) putRecord(table, record);
      if (unsent && conflicts.length === 0) pushAnyway.push(docId);
    }
    if (conflicts.length > 0) {
      row = { ...row!, conflict: { base: conflictBase, mine: mine! } };
      conflictsByDoc.set(
        docId,
        conflicts.map((c) => ({ ...c, docId, theirsRev: row!.rev, detectedAt: at })),
      );
      report.conflicts += conflicts.length;
    } else if (rows[i]?.conflict) {
      conflictsByDoc.set(docId, []);
    }
    rowPuts.push(row!);
    report.applied += 1;
  }

  for (const table of SYNC_TABLES) {
    const list = puts.get(table);
    if (list?.length) await db.table(table).bulkPut(list);
  }
  for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
  // Rows of records new to this laptop's sync (a first sync: all) are written together.
  await writeBaseRows(db, rowPuts, new Set(docIds.filter((_, i) => rows[i] === undefined)));
  if (cleared.length && (await db.syncQuarantine.count()) > 0) {
    const stillBad = new Set(quarantine.map((q) => q.docId));
    await db.syncQuarantine.bulkDelete(cleared.filter((id) => !stillBad.has(id)));
  }
  if (quarantine.length) await db.syncQuarantine.bulkPut(quarantine);
  report.quarantined += quarantine.length;
  for (const [docId, list] of conflictsByDoc) {
    const before = await db.syncConflicts.where('docId').equals(docId).toArray();
    const since = new Map(before.map((c) => [c.id, c.detectedAt]));
    await db.syncConflicts.bulkDelete(before.map((c) => c.id));
    if (list.length) {
      await db.syncConflicts.bulkPut(
        list.map((c) => ({ ...c, detectedAt: since.get(c.id) ?? c.detectedAt })),
      );
    }
  }
  await noteEcho(db, seqBefore, pushAnyway);
}

async function noteEcho(db: TizilimDb, seqBefore: number | undefined, pushAnyway: string[]) {
  const after = (await db.changes.orderBy('seq').lastKey()) as number | undefined;
  if (after === undefined || after === seqBefore) return;
  const ranges = ((await db.syncMeta.get(META_ECHO))?.value as EchoRange[] | undefined) ?? [];
  const from = (seqBefore ?? 0) + 1;
  const last = ranges[ranges.length - 1];
  // Batches of one pull follow each other in the log: one range for all of them.
  if (last && last.to + 1 === from) {
    ranges[ranges.length - 1] = {
      from: last.from,
      to: after,
      except: [...last.except, ...pushAnyway],
    };
  } else ranges.push({ from, to: after, except: pushAnyway });
  await db.syncMeta.put({ key: META_ECHO, value: ranges });
}

function quarantined(
  leaf: Leaf,
  reason: SyncQuarantineRow['reason'],
  issues: SyncQuarantineRow['issues'],
  at: string,
): SyncQuarantineRow {
  const { _attachments, ...rest } = leaf.doc;
  void _attachments;
  return {
    docId: leaf.doc._id,
    rev: leaf.rev,
    table: parseDocId(leaf.doc._id)?.table ?? null,
    reason,
    issues,
    receivedAt: at,
    body: JSON.stringify(rest).slice(0, QUARANTINE_BODY_MAX),
  };
}
