/**
 * The merge of two laptops' data (docs/merge.md): pure, transport-independent, used by the
 * exchange packages, the command line and (later) the CouchDB sync. `mine` is the receiving
 * side — all of it, or the part `mergeNeeds` names — and `theirs` what arrived. The result is
 * a patch of `mine`: records to write, events to add, counters, and what a person decides.
 */
import type { Counter } from '../domain/counter';
import type { AppEvent } from '../domain/event';
import { mergeCounters } from '../numbering/series';
import { numbersOf } from '../numbering/lookup';
import { checkOffice, type OfficeCheck } from './admit';
import { findDuplicatePeople, followMerges, mergeTargets } from './applicants';
import { deriveRules, withDerived, type DeriveRules } from './derive';
import { splitHistory, type HistorySplit } from './history';
import { planNumbers, type NumberChange } from './numbers';
import { historyBase, mergeRecord, recordBase, unknownBase, type BaseView } from './record';
import { deepEqual, ownEvent } from './stable';
import { BOOKKEEPING_FIELDS, RECORD_TABLES, TABLE_RULES, type RecordTable } from './tables';
import type {
  AnyRecord,
  BaseLookup,
  Conflict,
  MergeContext,
  MergeResult,
  MergeTables,
  Renumbering,
} from './types';

export interface MergeInput {
  mine: MergeTables;
  theirs: MergeTables;
  /** The common ancestor of a record, when the transport keeps one (not for appeals). */
  base?: BaseLookup;
  context: MergeContext;
}

export type MergeOutcome =
  { ok: true; result: MergeResult } | { ok: false; refusal: Extract<OfficeCheck, { ok: false }> };

const BOOKKEEPING = new Set<string>(BOOKKEEPING_FIELDS);

/** A record without bookkeeping and derived fields: what a person wrote. */
function sameData(table: RecordTable, a: AnyRecord, b: AnyRecord): boolean {
  const skip = new Set([...BOOKKEEPING, ...TABLE_RULES[table].derived]);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.has(key)) continue;
    if (!deepEqual(a[key], b[key])) return false;
  }
  return true;
}

function indexById<T extends { id: string }>(records: readonly T[] | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records ?? []) map.set(record.id, record);
  return map;
}

function eventsByAppeal(events: readonly AppEvent[] | undefined): Map<string, AppEvent[]> {
  const map = new Map<string, AppEvent[]>();
  for (const event of events ?? []) {
    const list = map.get(event.appealId);
    if (list) list.push(event);
    else map.set(event.appealId, [event]);
  }
  return map;
}

/**
 * Checks a merged record against its table's rules. Changes that are fine alone but break a
 * rule together (a decision without its outcome...) fall back to this side's values of the
 * offending fields, as a conflict; if that is not enough, to this side's record.
 */
function keepValid(
  table: RecordTable,
  merged: AnyRecord,
  mine: AnyRecord,
  theirs: AnyRecord,
  conflicts: Conflict[],
): AnyRecord {
  const rules = TABLE_RULES[table];
  const first = rules.schema.safeParse(merged);
  if (first.success) return merged;
  const out = { ...merged };
  const seen = new Set<string>();
  for (const issue of first.error.issues) {
    const field = String(issue.path[0] ?? '');
    const group = rules.groups.find((g) => g.includes(field)) ?? [field];
    const key = group.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    if (group.every((f) => deepEqual(out[f], mine[f]))) continue;
    for (const f of group) {
      if (mine[f] === undefined) delete out[f];
      else out[f] = mine[f];
    }
    const pick = (r: AnyRecord) =>
      group.length === 1 ? (r[field] ?? null) : Object.fromEntries(group.map((f) => [f, r[f]]));
    const path = [group[0]!];
    if (!conflicts.some((c) => c.recordId === mine.id && c.path[0] === path[0])) {
      conflicts.push({
        id: `${table}/${mine.id}/${path[0]!}`,
        table,
        recordId: mine.id,
        label: rules.label(mine),
        kind: 'invalid',
        path,
        field: path[0]!,
        ...(group.length > 1 ? { fields: [...group] } : {}),
        mine: pick(mine),
        theirs: pick(theirs),
        base: null,
        baseKnown: false,
      });
    }
  }
  if (rules.schema.safeParse(out).success) return out;
  conflicts.push({
    id: `${table}/${mine.id}/*`,
    table,
    recordId: mine.id,
    label: rules.label(mine),
    kind: 'invalid',
    path: ['*'],
    field: '*',
    mine,
    theirs,
    base: null,
    baseKnown: false,
  });
  return { ...mine };
}

/** Bookkeeping of a record both sides changed: the same on both laptops, whichever merges. */
function stampCombined(merged: AnyRecord, mine: AnyRecord, theirs: AnyRecord): AnyRecord {
  const earlier =
    mine.createdAt < theirs.createdAt ||
    (mine.createdAt === theirs.createdAt && mine.createdBy <= theirs.createdBy)
      ? mine
      : theirs;
  const later =
    mine.updatedAt > theirs.updatedAt ||
    (mine.updatedAt === theirs.updatedAt && mine.updatedBy <= theirs.updatedBy)
      ? mine
      : theirs;
  return {
    ...merged,
    id: mine.id,
    createdAt: earlier.createdAt,
    createdBy: earlier.createdBy,
    updatedAt: later.updatedAt,
    updatedBy: later.updatedBy,
    version: Math.max(mine.version, theirs.version) + 1,
  };
}

/** A change the merge itself makes to a record: its next version, by the receiving person. */
function stampOwn(record: AnyRecord, before: AnyRecord, ctx: MergeContext): AnyRecord {
  return {
    ...record,
    updatedAt: ctx.now,
    updatedBy: ctx.userId,
    version: Math.max(record.version, before.version) + 1,
  };
}

export interface PairMerge {
  table: RecordTable;
  mine: AnyRecord;
  theirs: AnyRecord;
  base: BaseView;
  /** The appeal's unshared history (appeals only): the status rule replays it. */
  split?: HistorySplit;
  /** The office's rules for derived dates (deadlines), asked for only when needed. */
  rules: () => DeriveRules;
}

export interface PairMerged {
  /** The merged record, derived fields recomputed and bookkeeping stamped (rule 12). */
  record: AnyRecord;
  conflicts: Conflict[];
  /** `mine`: nothing to write; `theirs`: the other side's record; `combined`: both sides'. */
  outcome: 'mine' | 'theirs' | 'combined';
}

/**
 * One record both sides hold, merged by every rule of a record (fields and groups, status,
 * deletion, numbers and aliases, anonymisation, derived data, the record's schema,
 * bookkeeping): what `mergeDatasets` does per record, and what the CouchDB sync calls for a
 * document changed on this laptop and on the server.
 */
export function mergePair(input: PairMerge): PairMerged {
  const { table, mine: my, theirs: their, base, split, rules } = input;
  const own: Conflict[] = [];
  const merged = mergeRecord({ table, mine: my, theirs: their, base, split });
  own.push(...merged.conflicts);
  let record = withDerived(table, merged.record, [my, their], rules);
  const valid = keepValid(table, record, my, their, own);
  if (valid !== record) record = withDerived(table, valid, [my, their], rules);
  if (sameData(table, record, my)) return { record: my, conflicts: own, outcome: 'mine' };
  if (sameData(table, record, their)) {
    return { record: { ...record, ...pickBookkeeping(their) }, conflicts: own, outcome: 'theirs' };
  }
  return { record: stampCombined(record, my, their), conflicts: own, outcome: 'combined' };
}

/**
 * Merges `theirs` into `mine`. Refused (nothing merged) when the two are different offices.
 * Never drops a record, an event or an attachment: records are matched by id, events are a
 * union, and a record both sides changed is merged field by field (docs/merge.md).
 */
export function mergeDatasets(input: MergeInput): MergeOutcome {
  const { mine, theirs, context: ctx } = input;
  const office = checkOffice(mine.settings?.[0], theirs.settings?.[0]);
  if (!office.ok) return { ok: false, refusal: office };

  const conflicts: Conflict[] = [];
  const put: Partial<Record<RecordTable, Map<string, AnyRecord>>> = {};
  const added: Partial<Record<RecordTable, number>> = {};
  const mineIndex = Object.fromEntries(RECORD_TABLES.map((t) => [t, indexById(mine[t])])) as Record<
    RecordTable,
    Map<string, AnyRecord>
  >;
  const mineEvents = eventsByAppeal(mine.events);
  const theirEvents = eventsByAppeal(theirs.events);

  let rules: DeriveRules | undefined;
  const rulesOf = () => {
    rules ??= deriveRules((put.settings?.values().next().value ?? mine.settings?.[0]) as never);
    return rules;
  };
  const putRecord = (table: RecordTable, record: AnyRecord) => {
    (put[table] ??= new Map()).set(record.id, record);
  };

  for (const table of RECORD_TABLES) {
    for (const their of theirs[table] ?? []) {
      const my = mineIndex[table].get(their.id);
      if (!my) {
        putRecord(table, withDerived(table, their, [their], rulesOf));
        added[table] = (added[table] ?? 0) + 1;
        continue;
      }
      if (deepEqual(my, their)) continue;
      let base: BaseView;
      let split;
      if (table === 'appeals') {
        const m = mineEvents.get(my.id) ?? [];
        const t = theirEvents.get(my.id) ?? [];
        if (m.length > 0 && t.length > 0) split = splitHistory(m, t);
      }
      const known = input.base?.(table, my.id);
      if (split) base = historyBase(my, their, split);
      else if (known) base = recordBase(known);
      else base = unknownBase(my, their);
      const pair = mergePair({ table, mine: my, theirs: their, base, split, rules: rulesOf });
      conflicts.push(...pair.conflicts);
      if (pair.outcome !== 'mine') putRecord(table, pair.record);
    }
  }

  // Events: a union by id. An event never changes, so one this side holds stays as it is.
  const mineEventIds = new Set((mine.events ?? []).map((e) => e.id));
  const events: AppEvent[] = (theirs.events ?? []).filter((e) => !mineEventIds.has(e.id));

  const current = (table: RecordTable, id: string) =>
    put[table]?.get(id) ?? mineIndex[table].get(id);
  const view = (table: RecordTable): AnyRecord[] => {
    const out = new Map(mineIndex[table]);
    for (const [id, record] of put[table] ?? []) out.set(id, record);
    return [...out.values()];
  };

  // Counters, recomputed from both sides and from every number in use.
  const appealsInView = view('appeals');
  const inquiriesInView = view('inquiries');
  const numbersInUse = function* () {
    for (const a of appealsInView) yield* numbersOf(a as never);
    for (const i of inquiriesInView) yield* numbersOf(i as never);
  };
  const counters = new Map<string, Counter>(
    mergeCounters(mine.counters ?? [], theirs.counters ?? [], numbersInUse()).map((c) => [c.id, c]),
  );

  const renumberings: Renumbering[] = [];
  const renumber = (table: 'appeals' | 'inquiries', change: NumberChange) => {
    const field = table === 'appeals' ? 'regNo' : 'outgoingNo';
    const before = current(table, change.record.id)!;
    const aliases = [...((before.aliases as string[] | undefined) ?? [])];
    if (!aliases.includes(change.from)) aliases.push(change.from);
    let record: AnyRecord = { ...before, [field]: change.to, aliases };
    record = withDerived(table, stampOwn(record, before, ctx), [before], rulesOf);
    putRecord(table, record);
    renumberings.push({
      table,
      recordId: record.id,
      from: change.from,
      to: change.to,
      reason: change.reason,
      ...(change.keptBy ? { keptBy: change.keptBy } : {}),
    });
    const numbering = {
      reason: change.reason,
      device: ctx.device.deviceId,
      ...(change.keptBy ? { keptBy: change.keptBy } : {}),
    };
    const key = `renumber:${table}:${change.from}:${change.to}`;
    if (table === 'appeals') {
      events.push(
        ownEvent(ctx, `${key}:${record.id}`, record.id, 'fieldChanged', {
          changes: [{ field: 'regNo', from: change.from, to: change.to }],
          numbering,
        }),
      );
    } else {
      for (const appealId of (record.appealIds as string[] | undefined) ?? []) {
        events.push(
          ownEvent(ctx, `${key}:${appealId}`, appealId, 'noteAdded', {
            inquiryId: record.id,
            numbering: { ...numbering, from: change.from, to: change.to },
          }),
        );
      }
    }
  };
  for (const change of planNumbers({
    kind: 'appeal',
    field: 'regNo',
    records: appealsInView,
    counters,
    device: ctx.device,
    dateOf: (r) => String(r.registeredOn ?? r.receivedAt ?? ''),
  })) {
    renumber('appeals', change);
  }
  for (const change of planNumbers({
    kind: 'inquiry',
    field: 'outgoingNo',
    records: inquiriesInView,
    counters,
    device: ctx.device,
    dateOf: (r) => String(r.outgoingDate ?? r.createdAt),
  })) {
    renumber('inquiries', change);
  }

  // Appeals of a person one side merged into another follow that merge.
  const target = mergeTargets(view('applicants'));
  for (const appeal of view('appeals')) {
    const moved = followMerges(appeal, target);
    if (!moved) continue;
    const record = stampOwn(
      { ...appeal, applicantId: moved.applicantId, coApplicantIds: moved.coApplicantIds },
      appeal,
      ctx,
    );
    putRecord('appeals', record);
    for (const [sourceId, targetId] of moved.moved) {
      events.push(
        ownEvent(ctx, `follow:${sourceId}:${targetId}:${appeal.id}`, appeal.id, 'merged', {
          sourceId,
          targetId,
        }),
      );
    }
  }

  const arrived = [...(put.applicants?.values() ?? [])].filter(
    (a) => !mineIndex.applicants.has(a.id),
  );
  const duplicates = findDuplicatePeople(mineIndex.applicants.values(), arrived);

  // Every appeal this merge added or changed says where it came from.
  for (const appeal of put.appeals?.values() ?? []) {
    events.push(
      ownEvent(
        ctx,
        `received:${ctx.from.deviceId}:${ctx.packageId ?? ''}:${String(appeal.version)}:${appeal.id}`,
        appeal.id,
        'noteAdded',
        {
          exchange: {
            fromDevice: ctx.from.deviceId,
            ...(ctx.from.name ? { fromName: ctx.from.name } : {}),
            ...(ctx.packageId ? { packageId: ctx.packageId } : {}),
            added: !mineIndex.appeals.has(appeal.id),
          },
        },
      ),
    );
  }

  const changed: Partial<Record<RecordTable, number>> = {};
  const outPut: MergeResult['put'] = {};
  for (const table of RECORD_TABLES) {
    const records = [...(put[table]?.values() ?? [])];
    if (records.length === 0) continue;
    outPut[table] = records;
    const count = records.length - (added[table] ?? 0);
    if (count > 0) changed[table] = count;
  }
  const mineCounters = indexById(mine.counters);
  const countersOut = [...counters.values()].filter((c) => !deepEqual(c, mineCounters.get(c.id)));
  return {
    ok: true,
    result: {
      put: outPut,
      events,
      counters: countersOut,
      conflicts,
      renumberings,
      duplicates,
      summary: { added, changed },
    },
  };
}

function pickBookkeeping(record: AnyRecord): Partial<AnyRecord> {
  const out: Record<string, unknown> = {};
  for (const field of BOOKKEEPING_FIELDS) out[field] = record[field];
  return out as Partial<AnyRecord>;
}
