/**
 * Merge of one record present on both sides (docs/merge.md, "Records"): groups, fields,
 * the soft delete, numbers and aliases, anonymisation, and a last check of the record's own
 * rules. Bookkeeping fields are stamped here; derived fields by the caller.
 */
import { isProvisionalNumber } from '../numbering/format';
import {
  fieldsTouchedBy,
  replayStatus,
  touchedFields,
  valueBefore,
  WORKFLOW_FIELDS,
  type HistorySplit,
} from './history';
import { deepEqual } from './stable';
import { BOOKKEEPING_FIELDS, TABLE_RULES, type RecordTable } from './tables';
import type { AnyRecord, Conflict, ConflictKind } from './types';
import { UNKNOWN, ValueMerger, type ValueConflict } from './value';

/** The ancestor's value of each field, or UNKNOWN. */
export type BaseView = (field: string) => unknown;

export function recordBase(base: AnyRecord): BaseView {
  return (field) => base[field];
}

/** No ancestor: what both sides hold is common, anything else is not known. */
export function unknownBase(mine: AnyRecord, theirs: AnyRecord): BaseView {
  return (field) => (deepEqual(mine[field], theirs[field]) ? mine[field] : UNKNOWN);
}

/**
 * The ancestor as the appeal's history tells it: a field only one side's new events touch
 * was, before, what the other side still holds; a field both touched was what the oldest
 * `fieldChanged` event says it was changed from; a field neither touched but that differs
 * is not known (data changed without history).
 */
export function historyBase(mine: AnyRecord, theirs: AnyRecord, split: HistorySplit): BaseView {
  const byMine = touchedFields(split.mineOnly);
  const byTheirs = touchedFields(split.theirsOnly);
  return (field) => {
    const m = byMine.has(field);
    const t = byTheirs.has(field);
    if (!m && !t) return deepEqual(mine[field], theirs[field]) ? mine[field] : UNKNOWN;
    if (m && !t) return theirs[field];
    if (!m && t) return mine[field];
    const before = valueBefore(field, split);
    return before ? before.value : UNKNOWN;
  };
}

export interface RecordMerge {
  table: RecordTable;
  mine: AnyRecord;
  theirs: AnyRecord;
  base: BaseView;
  /** The appeal's unshared history (appeals only): the status rule replays it. */
  split?: HistorySplit;
}

export interface RecordMerged {
  record: AnyRecord;
  conflicts: Conflict[];
  /** Numbers of the series either side gave this record that it no longer carries. */
  droppedNumbers: string[];
}

const BOOKKEEPING = new Set<string>(BOOKKEEPING_FIELDS);

function pick(record: AnyRecord, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (record[field] !== undefined) out[field] = record[field];
  return out;
}

function conflictOf(
  table: RecordTable,
  record: AnyRecord,
  kind: ConflictKind,
  c: ValueConflict,
  fields?: readonly string[],
): Conflict {
  const field = c.path.join('.');
  return {
    id: `${table}/${record.id}/${field}`,
    table,
    recordId: record.id,
    label: TABLE_RULES[table].label(record),
    kind,
    path: c.path,
    field,
    ...(fields ? { fields: [...fields] } : {}),
    mine: c.mine ?? null,
    theirs: c.theirs ?? null,
    base: c.base === UNKNOWN ? null : (c.base ?? null),
    baseKnown: c.base !== UNKNOWN,
  };
}

/**
 * The number a record keeps when the sides disagree: the side that changed it (a renumbering
 * or the office's final number); else a final number over a provisional one; else the lower
 * one, so both laptops choose alike. The other one becomes an alias.
 */
export function chooseNumber(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (deepEqual(mine, theirs)) return mine;
  if (mine === null || mine === undefined) return theirs;
  if (theirs === null || theirs === undefined) return mine;
  if (base !== UNKNOWN) {
    if (deepEqual(base, mine)) return theirs;
    if (deepEqual(base, theirs)) return mine;
  }
  const m = String(mine);
  const t = String(theirs);
  const mp = isProvisionalNumber(m);
  const tp = isProvisionalNumber(t);
  if (mp !== tp) return mp ? theirs : mine;
  return m < t ? mine : theirs;
}

function mergeAliases(mine: unknown, theirs: unknown, extra: readonly string[], current: unknown) {
  const m = Array.isArray(mine) ? (mine as string[]) : [];
  const t = Array.isArray(theirs) ? (theirs as string[]) : [];
  const all = new Set([...m, ...t, ...extra]);
  all.delete(current as string);
  if (all.size === m.length && m.every((a) => all.has(a))) return m.length ? m : undefined;
  return [...all].sort();
}

/** Merges one record both sides hold. */
export function mergeRecord(input: RecordMerge): RecordMerged {
  const { table, mine, theirs, base, split } = input;
  const rules = TABLE_RULES[table];
  const merger = new ValueMerger();
  const conflicts: Conflict[] = [];
  const out: AnyRecord = { ...mine };
  const special = new Set<string>([
    ...BOOKKEEPING,
    ...rules.derived,
    ...rules.immutable,
    'deletedAt',
    'aliases',
    ...(rules.number ? [rules.number] : []),
  ]);

  for (const group of rules.groups) {
    for (const field of group) special.add(field);
    const gm = pick(mine, group);
    const gt = pick(theirs, group);
    const baseValues = group.map((f) => base(f));
    const gb = baseValues.includes(UNKNOWN)
      ? UNKNOWN
      : pick(Object.fromEntries(group.map((f, i) => [f, baseValues[i]])) as AnyRecord, group);
    let value: Record<string, unknown> | null = null;
    if (deepEqual(gm, gt)) value = gm;
    else if (gb !== UNKNOWN && deepEqual(gb, gm)) value = gt;
    else if (gb !== UNKNOWN && deepEqual(gb, gt)) value = gm;
    else if (group === WORKFLOW_FIELDS && split) {
      const start = base('status');
      const replay = replayStatus(start === UNKNOWN ? undefined : (start as never), split);
      if (replay.ok) value = replay.winner === 'mine' ? gm : gt;
    }
    if (value === null) {
      value = gm;
      conflicts.push(
        conflictOf(
          table,
          mine,
          group === WORKFLOW_FIELDS ? 'status' : 'group',
          { path: [group[0]!], mine: gm, theirs: gt, base: gb },
          group,
        ),
      );
    }
    for (const field of group) {
      if (value[field] === undefined) delete out[field];
      else out[field] = value[field];
    }
  }

  const fields = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  for (const field of fields) {
    if (special.has(field)) continue;
    const value = merger.merge([field], base(field), mine[field], theirs[field]);
    if (value === undefined) delete out[field];
    else out[field] = value;
  }
  for (const c of merger.conflicts) conflicts.push(conflictOf(table, mine, 'field', c));

  for (const field of rules.immutable) {
    const value = mine[field] ?? theirs[field];
    if (value !== undefined) out[field] = value;
  }

  // Numbers: the chosen one stays, every other one either side gave becomes an alias.
  const numberField = rules.number;
  const dropped: string[] = [];
  if (numberField) {
    const chosen = chooseNumber(base(numberField), mine[numberField], theirs[numberField]);
    out[numberField] = chosen;
    for (const n of [mine[numberField], theirs[numberField]]) {
      if (typeof n === 'string' && n !== chosen && !dropped.includes(n)) dropped.push(n);
    }
    const aliases = mergeAliases(mine.aliases, theirs.aliases, dropped, chosen);
    if (aliases === undefined) delete out.aliases;
    else out.aliases = aliases;
  }

  mergeDeletion(input, out, conflicts);
  if (rules.erasedOnAnonymise) keepAnonymisation(rules.erasedOnAnonymise, input, out, conflicts);
  return { record: out, conflicts, droppedNumbers: dropped };
}

/**
 * Both deleted: the earlier deletion. One deleted, the other left the record alone: deleted.
 * One deleted while the other changed it: a conflict (the merged record keeps this side's
 * state, and the other side's changes are merged into it either way, so nothing is lost).
 */
function mergeDeletion(input: RecordMerge, out: AnyRecord, conflicts: Conflict[]): void {
  const { mine, theirs, base, table } = input;
  const dm = mine.deletedAt ?? null;
  const dt = theirs.deletedAt ?? null;
  if (dm === dt) return;
  if (dm !== null && dt !== null) {
    out.deletedAt = String(dm) < String(dt) ? dm : dt;
    return;
  }
  const deleter = dm !== null ? mine : theirs;
  const other = deleter === mine ? theirs : mine;
  const b = base('deletedAt');
  if (b !== UNKNOWN && deepEqual(b, deleter.deletedAt)) {
    // The record was deleted before and only the other side says otherwise (never happens
    // in the app): keep the other side's state.
    out.deletedAt = other.deletedAt;
    return;
  }
  const rules = TABLE_RULES[table];
  const ignore = new Set<string>([...BOOKKEEPING, ...rules.derived, 'deletedAt', 'aliases']);
  const editedByOther = input.split
    ? [...touchedFields(other === mine ? input.split.mineOnly : input.split.theirsOnly)].filter(
        (f) => !ignore.has(f),
      )
    : [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((f) => {
        if (ignore.has(f)) return false;
        const bf = base(f);
        return bf === UNKNOWN ? !deepEqual(mine[f], theirs[f]) : !deepEqual(other[f], bf);
      });
  if (editedByOther.length === 0) {
    out.deletedAt = deleter.deletedAt;
    return;
  }
  out.deletedAt = dm;
  conflicts.push(
    conflictOf(table, mine, 'deleteVsEdit', {
      path: ['deletedAt'],
      mine: dm,
      theirs: dt,
      base: b === UNKNOWN ? UNKNOWN : b,
    }),
  );
}

/**
 * Anonymisation on a person's request is final: the anonymised side's personal fields win
 * and no conflict is offered over them (the law, not a preference).
 */
function keepAnonymisation(
  erased: readonly string[],
  input: RecordMerge,
  out: AnyRecord,
  conflicts: Conflict[],
): void {
  const { mine, theirs } = input;
  const anonymised = [mine, theirs]
    .filter((r) => r.anonymisedAt !== null && r.anonymisedAt !== undefined)
    .sort((a, b) => (String(a.anonymisedAt) < String(b.anonymisedAt) ? -1 : 1))[0];
  if (!anonymised) return;
  for (const field of erased) out[field] = anonymised[field];
  for (let i = conflicts.length - 1; i >= 0; i--) {
    if (erased.includes(conflicts[i]!.path[0]!)) conflicts.splice(i, 1);
  }
}

/** Exported for tests of the event mapping. */
export { fieldsTouchedBy };
