/**
 * The merge over whole datasets: what the receiving side must load for a merge (so the app
 * reads a few hundred records by index instead of the registry), applying a merge's patch,
 * and the merge of two export files (the command line, tests).
 */
import type { Counter } from '../domain/counter';
import { EXPORT_TABLE_NAMES, type ExportFile, type ExportTables } from '../export/schema';
import { canonicalNumber, numbersOf } from '../numbering/lookup';
import { isProvisionalNumber } from '../numbering/format';
import { mergeDatasets, type MergeOutcome } from './merge';
import { RECORD_TABLES, type RecordTable } from './tables';
import type { AnyRecord, BaseLookup, MergeContext, MergeResult, MergeTables } from './types';

/**
 * What of the receiving side a merge reads (besides its settings and counters, always):
 * the records with these ids, every event of these appeals, the appeals and inquiries that
 * answer to these numbers (current or alias), all provisional appeals on the issuer, the
 * applicants with these IINs or phones (the same person on both laptops) and the appeals
 * linked to applicants the other side merged away. Each is one IndexedDB index lookup.
 */
export interface MergeNeeds {
  ids: Record<RecordTable, string[]>;
  eventsOfAppeals: string[];
  appealNumbers: string[];
  inquiryNumbers: string[];
  provisionalAppeals: boolean;
  applicantIins: string[];
  applicantPhones: string[];
  appealsOfApplicants: string[];
}

export function mergeNeeds(theirs: MergeTables, context: Pick<MergeContext, 'device'>): MergeNeeds {
  const ids = Object.fromEntries(
    RECORD_TABLES.map((t) => [t, (theirs[t] ?? []).map((r) => r.id)]),
  ) as Record<RecordTable, string[]>;
  const appeals = theirs.appeals ?? [];
  const applicants = theirs.applicants ?? [];
  const linked = new Set<string>();
  for (const appeal of appeals) {
    if (typeof appeal.applicantId === 'string') linked.add(appeal.applicantId);
    for (const id of (appeal.coApplicantIds as string[] | undefined) ?? []) linked.add(id);
  }
  ids.applicants = [...new Set([...ids.applicants, ...linked])];
  return {
    ids,
    eventsOfAppeals: [...ids.appeals],
    appealNumbers: [...new Set(appeals.flatMap((a) => numbersOf(a as never)))],
    inquiryNumbers: [...new Set((theirs.inquiries ?? []).flatMap((i) => numbersOf(i as never)))],
    provisionalAppeals: context.device.issuer,
    applicantIins: [
      ...new Set(applicants.flatMap((a) => (typeof a.iin === 'string' ? [a.iin] : []))),
    ],
    applicantPhones: [...new Set(applicants.flatMap((a) => (a.phones as string[]) ?? []))],
    appealsOfApplicants: applicants
      .filter((a) => typeof a.mergedInto === 'string')
      .map((a) => a.id),
  };
}

/**
 * The part of a whole dataset a merge needs (`mergeNeeds`): what the app's prefetch reads
 * from IndexedDB, done in memory. A merge of the part gives the same patch as of the whole.
 */
export function selectNeeded(all: MergeTables, needs: MergeNeeds): MergeTables {
  const out: MergeTables = { settings: all.settings ?? [], counters: all.counters ?? [] };
  for (const table of RECORD_TABLES) {
    if (table === 'settings') continue;
    const wanted = new Set(needs.ids[table]);
    out[table] = (all[table] ?? []).filter((r) => wanted.has(r.id));
  }
  const numbers = new Set(needs.appealNumbers);
  const merged = new Set(needs.appealsOfApplicants);
  const extraAppeals = (all.appeals ?? []).filter(
    (a) =>
      numbersOf(a as never).some((n) => numbers.has(n)) ||
      (needs.provisionalAppeals && isProvisionalNumber(String(a.regNo))) ||
      (typeof a.applicantId === 'string' && merged.has(a.applicantId)) ||
      ((a.coApplicantIds as string[] | undefined) ?? []).some((id) => merged.has(id)),
  );
  out.appeals = unique([...(out.appeals ?? []), ...extraAppeals]);
  const inquiryNumbers = new Set(needs.inquiryNumbers);
  out.inquiries = unique([
    ...(out.inquiries ?? []),
    ...(all.inquiries ?? []).filter((i) =>
      numbersOf(i as never).some((n) => inquiryNumbers.has(n)),
    ),
  ]);
  const iins = new Set(needs.applicantIins);
  const phones = new Set(needs.applicantPhones);
  out.applicants = unique([
    ...(out.applicants ?? []),
    ...(all.applicants ?? []).filter(
      (a) =>
        (typeof a.iin === 'string' && iins.has(a.iin)) ||
        ((a.phones as string[] | undefined) ?? []).some((p) => phones.has(p)),
    ),
  ]);
  const withEvents = new Set(needs.eventsOfAppeals);
  out.events = (all.events ?? []).filter((e) => withEvents.has(e.appealId));
  return out;
}

function unique(records: AnyRecord[]): AnyRecord[] {
  const seen = new Map<string, AnyRecord>();
  for (const r of records) seen.set(r.id, r);
  return [...seen.values()];
}

/** The receiving side's dataset with a merge's patch applied (records in their old order). */
export function applyMerge(mine: MergeTables, result: MergeResult): MergeTables {
  const out: MergeTables = { ...mine };
  for (const table of RECORD_TABLES) {
    const patch = result.put[table];
    if (!patch || patch.length === 0) continue;
    const byId = new Map(patch.map((r) => [r.id, r]));
    const kept = (mine[table] ?? []).map((r) => byId.get(r.id) ?? r);
    const known = new Set((mine[table] ?? []).map((r) => r.id));
    out[table] = [...kept, ...patch.filter((r) => !known.has(r.id))];
  }
  const eventIds = new Set((mine.events ?? []).map((e) => e.id));
  out.events = [...(mine.events ?? []), ...result.events.filter((e) => !eventIds.has(e.id))];
  const counters = new Map<string, Counter>((mine.counters ?? []).map((c) => [c.id, c]));
  for (const counter of result.counters) counters.set(counter.id, counter);
  out.counters = [...counters.values()];
  return out;
}

export function tablesOf(file: ExportFile): MergeTables {
  return file.tables as unknown as MergeTables;
}

/** A base lookup over a dataset that both sides descend from (e.g. the export both started from). */
export function baseFrom(tables: MergeTables): BaseLookup {
  const index = new Map<string, AnyRecord>();
  for (const table of RECORD_TABLES) {
    for (const record of tables[table] ?? []) index.set(`${table}/${record.id}`, record);
  }
  return (table, id) => index.get(`${table}/${id}`);
}

export type ExportMerge =
  { ok: true; file: ExportFile; result: MergeResult } | Extract<MergeOutcome, { ok: false }>;

/**
 * Merges two export files (the command line): `into` receives `from`. Without a common
 * ancestor file, the base is what both hold alike and, for appeals, their shared history
 * (docs/merge.md, "Two exports").
 */
export function mergeExports(
  into: ExportFile,
  from: ExportFile,
  options: { context: MergeContext; base?: ExportFile },
): ExportMerge {
  const mine = tablesOf(into);
  const outcome = mergeDatasets({
    mine,
    theirs: tablesOf(from),
    ...(options.base ? { base: baseFrom(tablesOf(options.base)) } : {}),
    context: options.context,
  });
  if (!outcome.ok) return outcome;
  const merged = applyMerge(mine, outcome.result);
  const tables = {} as Record<string, unknown>;
  for (const name of EXPORT_TABLE_NAMES) tables[name] = merged[name as keyof MergeTables] ?? [];
  return {
    ok: true,
    file: {
      ...into,
      exportedAt: options.context.now,
      demo: into.demo && from.demo,
      tables: tables as unknown as ExportTables,
    },
    result: outcome.result,
  };
}

/** Every record answering to a number, in a dataset (`findByNumber` over appeals and inquiries). */
export function recordsWithNumber(
  tables: MergeTables,
  text: string,
): { table: 'appeals' | 'inquiries'; record: AnyRecord }[] {
  const wanted = canonicalNumber(text) ?? text.trim();
  const out: { table: 'appeals' | 'inquiries'; record: AnyRecord }[] = [];
  for (const table of ['appeals', 'inquiries'] as const) {
    for (const record of tables[table] ?? []) {
      if (numbersOf(record as never).includes(wanted)) out.push({ table, record });
    }
  }
  return out;
}
