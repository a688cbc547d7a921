/**
 * How the sync merges a record changed on this laptop and on the server (docs/sync.md,
 * "Conflicts"). The sync calls ONE function of this shape; the rules themselves belong to
 * `shared/merge` (docs/merge.md), which replaces `interimMerge` when the branches are merged:
 *
 * ```ts
 * import { mergeRecord, recordBase, unknownBase } from '../merge';
 * export const recordMerge: RecordMerger = ({ table, base, mine, theirs }) =>
 *   table === 'events' || table === 'counters'
 *     ? interimMerge({ table, base, mine, theirs })        // union by id / highest counter
 *     : mergeRecord({ table, mine, theirs,
 *         base: base ? recordBase(base) : unknownBase(mine, theirs) });
 * ```
 *
 * (`mergeRecord` returns `{record, conflicts, droppedNumbers}`; its `Conflict` is the shape of
 * `SyncConflict` below.) The interim rules are deliberately few and safe: nothing is lost,
 * anything doubtful goes to a person.
 */
import { EXPORT_TABLES } from '../export/schema';
import type { z } from 'zod';
import { DERIVED_FIELDS, sameData, type SyncTable } from './documents';

export type SyncRecordData = Record<string, unknown>;

export interface RecordMergeInput {
  table: SyncTable;
  /** The record as both sides last shared it; null when nobody can tell. */
  base: SyncRecordData | null;
  /** This laptop's record. */
  mine: SyncRecordData;
  /** The server's revision. */
  theirs: SyncRecordData;
}

export type ConflictKind = 'field' | 'group' | 'status' | 'deleteVsEdit' | 'invalid';

/** A decision for a person; the same shape as shared/merge's `Conflict`. */
export interface SyncConflict {
  /** `table/recordId/field`. */
  id: string;
  table: SyncTable;
  recordId: string;
  /** How a person recognises the record (a registry number and subject, a name). */
  label: string;
  kind: ConflictKind;
  path: string[];
  field: string;
  mine: unknown;
  theirs: unknown;
  base: unknown;
  baseKnown: boolean;
}

export interface RecordMergeOutcome {
  /** The merged record: both sides' changes; this laptop's value where they conflict. */
  record: SyncRecordData;
  conflicts: SyncConflict[];
}

export type RecordMerger = (input: RecordMergeInput) => RecordMergeOutcome;

/** Bookkeeping the merge sets itself (docs/merge.md, rule 12), never a conflict. */
const BOOKKEEPING = ['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

/** How a person recognises a record in the list of conflicts. */
export function recordLabel(table: SyncTable, record: SyncRecordData): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (table) {
    case 'appeals':
      return [text(record.regNo), text(record.subject)].filter(Boolean).join(' · ');
    case 'applicants':
      return text(record.fullName);
    case 'agencies':
      return text(record.name);
    case 'inquiries':
      return [text(record.outgoingNo), text(record.subject)].filter(Boolean).join(' · ');
    default:
      return text(record.id);
  }
}

function bookkeeping(mine: SyncRecordData, theirs: SyncRecordData): SyncRecordData {
  const later = String(theirs.updatedAt ?? '') > String(mine.updatedAt ?? '') ? theirs : mine;
  const earlier = String(theirs.createdAt ?? '') < String(mine.createdAt ?? '') ? theirs : mine;
  const out: SyncRecordData = {};
  if ('version' in mine || 'version' in theirs) {
    out.version = Math.max(Number(mine.version ?? 0), Number(theirs.version ?? 0)) + 1;
  }
  for (const f of ['createdAt', 'createdBy'] as const) if (f in earlier) out[f] = earlier[f];
  for (const f of ['updatedAt', 'updatedBy'] as const) if (f in later) out[f] = later[f];
  return out;
}

/**
 * The interim rules: whole fields, three-way.
 * - events never change: the same id is the same event (union by id happens by document id);
 * - counters: the highest value (numbers are never given twice on one laptop);
 * - a field only one side changed since the base takes that side's value; the same change on
 *   both sides is one change; different changes are a conflict (this laptop's value is kept
 *   until a person decides); with no base, any difference is a conflict;
 * - version is max + 1, createdAt the earlier, updatedAt/By the later (same on both laptops);
 * - a merged record that breaks its table's rules keeps this laptop's record, as one conflict.
 */
export const interimMerge: RecordMerger = ({ table, base, mine, theirs }) => {
  if (table === 'events') return { record: mine, conflicts: [] };
  if (table === 'counters') {
    const value = Math.max(Number(mine.value ?? 0), Number(theirs.value ?? 0));
    return { record: { ...mine, value }, conflicts: [] };
  }
  if (sameData(mine, theirs)) return { record: mine, conflicts: [] };
  const skip = new Set<string>([...BOOKKEEPING, ...(DERIVED_FIELDS[table] ?? [])]);
  const out: SyncRecordData = { ...mine };
  const conflicts: SyncConflict[] = [];
  const label = recordLabel(table, mine) || recordLabel(table, theirs);
  const fields = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of [...fields].sort()) {
    if (skip.has(field)) continue;
    const m = mine[field];
    const t = theirs[field];
    if (sameData(m, t)) continue;
    const b = base ? base[field] : undefined;
    if (base && sameData(b, m)) {
      if (t === undefined) delete out[field];
      else out[field] = t;
      continue;
    }
    if (base && sameData(b, t)) continue;
    conflicts.push({
      id: `${table}/${String(mine.id)}/${field}`,
      table,
      recordId: String(mine.id),
      label,
      kind: field === 'deletedAt' ? 'deleteVsEdit' : 'field',
      path: [field],
      field,
      mine: m ?? null,
      theirs: t ?? null,
      base: base ? (b ?? null) : null,
      baseKnown: base !== null,
    });
  }
  Object.assign(out, bookkeeping(mine, theirs));
  const schema = EXPORT_TABLES[table] as z.ZodType;
  const check =
    table === 'attachments' ? { success: true } : schema.safeParse(withDerived(table, out));
  if (!check.success) {
    return {
      record: mine,
      conflicts: [
        {
          id: `${table}/${String(mine.id)}/*`,
          table,
          recordId: String(mine.id),
          label,
          kind: 'invalid',
          path: [],
          field: '*',
          mine,
          theirs,
          base,
          baseKnown: base !== null,
        },
      ],
    };
  }
  return { record: out, conflicts };
};

/** The record with empty derived fields, as the schemas expect it (the layer fills them). */
export function withDerived(table: SyncTable, data: SyncRecordData): SyncRecordData {
  if (!DERIVED_FIELDS[table] || table === 'attachments') return data;
  return { ...data, searchWords: [] };
}

/** What the sync uses. Replace with shared/merge when merging the branches (above). */
export const recordMerge: RecordMerger = interimMerge;

export type ConflictChoice = 'mine' | 'theirs' | { value: unknown };

/**
 * A record after a person's decisions on its conflicts: each decided field takes the chosen
 * value; the record becomes the next version by `userId` at `now`.
 */
export function applyDecisions(
  record: SyncRecordData,
  decisions: readonly { conflict: SyncConflict; choice: ConflictChoice }[],
  stamp: { now: string; userId: string },
): SyncRecordData {
  let out: SyncRecordData = { ...record };
  for (const { conflict, choice } of decisions) {
    const value =
      choice === 'mine' ? conflict.mine : choice === 'theirs' ? conflict.theirs : choice.value;
    if (conflict.kind === 'invalid') {
      out = { ...(value as SyncRecordData) };
      continue;
    }
    if (value === null && conflict.field !== 'deletedAt' && !(conflict.field in record)) {
      delete out[conflict.field];
    } else out[conflict.field] = value;
  }
  return {
    ...out,
    version: Number(record.version ?? 0) + 1,
    updatedAt: stamp.now,
    updatedBy: stamp.userId,
  };
}
