/**
 * A person's decisions about a merge's conflicts (docs/merge.md, "Conflicts"): keep mine,
 * keep theirs, or an edited value. Whatever is chosen, both values go into the history — an
 * appeal's own, or for a person, an inquiry or a reception the appeals linked to it. A value
 * that breaks the record's rules is refused and leaves the record as it was.
 */
import type { AppEvent } from '../domain/event';
import type { Settings } from '../domain/settings';
import { deriveRules, withDerived, type DeriveRules } from './derive';
import { isPlainObject, ownEvent } from './stable';
import { TABLE_RULES, type RecordTable } from './tables';
import type { AnyRecord, Conflict } from './types';

export type ResolutionChoice = 'mine' | 'theirs' | 'edit';

export interface Resolution {
  conflictId: string;
  choice: ResolutionChoice;
  /** The edited value, for `edit`: shaped like the conflict's `mine` and `theirs`. */
  value?: unknown;
}

export type ResolutionProblem =
  | { conflictId: string; code: 'unknown_conflict' | 'value_required' | 'record_missing' }
  | { conflictId: string; code: 'invalid_value'; issues: { path: string; message: string }[] };

/** A decision about a record with no appeal to keep it in the history (settings, agencies). */
export interface ResolutionLogEntry {
  conflict: Conflict;
  choice: ResolutionChoice;
  value: unknown;
  at: string;
  userId: string;
}

export interface ResolveInput {
  conflicts: readonly Conflict[];
  resolutions: readonly Resolution[];
  /** The record as it is now (after the merge). */
  recordOf: (table: RecordTable, id: string) => AnyRecord | undefined;
  /**
   * Appeals whose history records a decision about a record of another table: a person's
   * appeals, an inquiry's appeals, a reception's appeals. Default: an inquiry's `appealIds`.
   */
  appealsOf?: (table: RecordTable, record: AnyRecord) => string[];
  /** The office's settings, for an appeal's deadlines when its dates were edited. */
  settings?: Partial<Settings>;
  context: { now: string; userId: string; fromDeviceId?: string };
}

export interface ResolveResult {
  put: { [K in RecordTable]?: AnyRecord[] };
  events: AppEvent[];
  log: ResolutionLogEntry[];
  problems: ResolutionProblem[];
}

const KEY_PROPS = ['id', 'stepId', 'key'] as const;

/** The record with `value` written at `path` (`null` in a list of records removes the item). */
export function setAtPath(record: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(record)) {
    const prop = KEY_PROPS.find((p) =>
      record.some((item) => isPlainObject(item) && item[p] === head),
    );
    const index = prop
      ? record.findIndex((item) => (item as Record<string, unknown>)[prop] === head)
      : -1;
    const next = setAtPath(index >= 0 ? record[index] : undefined, rest, value);
    const out = [...record];
    if (next === null || next === undefined) {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = next;
    else out.push(next);
    return out;
  }
  const object = isPlainObject(record) ? record : {};
  const next = setAtPath(object[head], rest, value);
  const out: Record<string, unknown> = { ...object };
  if (next === undefined) delete out[head];
  else out[head] = next;
  return out;
}

function getAtPath(record: unknown, path: readonly string[]): unknown {
  let current = record;
  for (const segment of path) {
    if (Array.isArray(current)) {
      current = current.find(
        (item) => isPlainObject(item) && KEY_PROPS.some((p) => item[p] === segment),
      );
    } else if (isPlainObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/**
 * The record with a decided value written in. A record's number and its aliases are never
 * part of a decision: the merge alone gives numbers, so no decision can bring back two
 * records with one number.
 */
function apply(record: AnyRecord, conflict: Conflict, value: unknown): AnyRecord {
  const numberField = TABLE_RULES[conflict.table].number;
  const keepNumbers = (out: AnyRecord): AnyRecord => {
    for (const field of [numberField, 'aliases']) {
      if (field === undefined) continue;
      if (record[field] === undefined) delete out[field];
      else out[field] = record[field];
    }
    return out;
  };
  if (conflict.path[0] === '*') {
    const chosen = isPlainObject(value) ? value : {};
    return keepNumbers({ ...(chosen as AnyRecord), id: record.id });
  }
  if (conflict.fields) {
    const out: AnyRecord = { ...record };
    const values = isPlainObject(value) ? value : {};
    for (const field of conflict.fields) {
      if (values[field] === undefined) delete out[field];
      else out[field] = values[field];
    }
    return keepNumbers(out);
  }
  return keepNumbers(setAtPath(record, conflict.path, value) as AnyRecord);
}

/**
 * Applies decisions, record by record. A record whose decisions together break its rules is
 * left as it was, and each of those decisions is reported with the rule's problems.
 */
export function resolveConflicts(input: ResolveInput): ResolveResult {
  const { context: ctx } = input;
  const byId = new Map(input.conflicts.map((c) => [c.id, c]));
  const problems: ResolutionProblem[] = [];
  const perRecord = new Map<string, { conflict: Conflict; resolution: Resolution }[]>();
  for (const resolution of input.resolutions) {
    const conflict = byId.get(resolution.conflictId);
    if (!conflict) {
      problems.push({ conflictId: resolution.conflictId, code: 'unknown_conflict' });
      continue;
    }
    if (resolution.choice === 'edit' && resolution.value === undefined) {
      problems.push({ conflictId: conflict.id, code: 'value_required' });
      continue;
    }
    const key = `${conflict.table}/${conflict.recordId}`;
    const list = perRecord.get(key) ?? [];
    list.push({ conflict, resolution });
    perRecord.set(key, list);
  }

  let rules: DeriveRules | undefined;
  const rulesOf = () => (rules ??= deriveRules(input.settings));
  const appealsOf =
    input.appealsOf ??
    ((table: RecordTable, record: AnyRecord) =>
      table === 'inquiries' ? ((record.appealIds as string[] | undefined) ?? []) : []);
  const put: ResolveResult['put'] = {};
  const events: AppEvent[] = [];
  const log: ResolutionLogEntry[] = [];

  for (const decisions of perRecord.values()) {
    const { table, recordId } = decisions[0]!.conflict;
    const before = input.recordOf(table, recordId);
    if (!before) {
      for (const { conflict } of decisions) {
        problems.push({ conflictId: conflict.id, code: 'record_missing' });
      }
      continue;
    }
    let record = before;
    const chosen: { conflict: Conflict; resolution: Resolution; value: unknown }[] = [];
    for (const { conflict, resolution } of decisions) {
      const value =
        resolution.choice === 'mine'
          ? conflict.mine
          : resolution.choice === 'theirs'
            ? conflict.theirs
            : resolution.value;
      record = apply(record, conflict, value);
      chosen.push({ conflict, resolution, value });
    }
    record = withDerived(table, record, [before], rulesOf);
    const check = TABLE_RULES[table].schema.safeParse(record);
    if (!check.success) {
      const issues = check.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      for (const { conflict } of decisions) {
        problems.push({ conflictId: conflict.id, code: 'invalid_value', issues });
      }
      continue;
    }
    record = {
      ...record,
      id: before.id,
      createdAt: before.createdAt,
      createdBy: before.createdBy,
      updatedAt: ctx.now,
      updatedBy: ctx.userId,
      version: before.version + 1,
    };
    (put[table] ??= []).push(record);

    for (const { conflict, resolution, value } of chosen) {
      const decision = {
        conflictId: conflict.id,
        field: conflict.field,
        kind: conflict.kind,
        choice: resolution.choice,
        mine: conflict.mine,
        theirs: conflict.theirs,
        ...(conflict.baseKnown ? { base: conflict.base } : {}),
        ...(ctx.fromDeviceId ? { fromDevice: ctx.fromDeviceId } : {}),
      };
      const appealIds = table === 'appeals' ? [recordId] : appealsOf(table, before);
      if (appealIds.length === 0) {
        log.push({ conflict, choice: resolution.choice, value, at: ctx.now, userId: ctx.userId });
        continue;
      }
      const fields = conflict.fields ?? [conflict.path[0]!];
      const changes =
        table === 'appeals'
          ? fields
              .map((field) => ({ field, from: before[field], to: record[field] }))
              .filter((c) => JSON.stringify(c.from) !== JSON.stringify(c.to))
          : [];
      for (const appealId of appealIds) {
        const key = `resolve:${conflict.id}:${resolution.choice}:${appealId}`;
        const data =
          table === 'appeals'
            ? { conflict: decision }
            : { conflict: { ...decision, table, recordId } };
        events.push(
          changes.length > 0
            ? ownEvent(ctx, key, appealId, 'fieldChanged', { changes, ...data })
            : ownEvent(ctx, key, appealId, 'noteAdded', data),
        );
      }
    }
  }
  return { put, events, log, problems };
}

/** The value a conflict's path holds in a record (for showing the current value). */
export { getAtPath };
