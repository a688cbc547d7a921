import type { Appeal } from '../domain/appeal';
import type { Applicant } from '../domain/applicant';
import type { AppEvent } from '../domain/event';
import { defaultSettingsData, type SettingsInputData } from '../domain/settings';
import { EXPORT_FORMAT, EXPORT_VERSION, emptyTables, type ExportFile } from '../export/schema';
import type { Lang } from '../i18n/lang';
import { JOURNAL_FIELDS, type JournalField } from './fields';
import { fold } from './fold';
import type { HeaderInfo } from './header';
import { describeRowIssue } from './messages';
import type { JournalMapping, MappingProfile } from './mapping';
import { columnLetter } from './model';
import type { JournalPlan, PlanSettings, RegistrySnapshot } from './plan';

/** The import event's data (what `journalImported` events carry). */
interface ImportedData {
  fingerprint: string;
  regNo: string;
  batchId: string;
}

/**
 * What an import needs to know of a registry, from its records: applicants to match, the
 * fingerprints of rows imported before (of appeals not deleted), numbers in use, counters.
 */
export function registrySnapshot(records: {
  applicants: readonly Applicant[];
  appeals: readonly Pick<Appeal, 'id' | 'regNo' | 'deletedAt'>[];
  events: readonly Pick<AppEvent, 'type' | 'data' | 'appealId'>[];
  counters: readonly { id: string; value: number }[];
}): RegistrySnapshot {
  const live = new Set(records.appeals.filter((a) => a.deletedAt === null).map((a) => a.id));
  const importedFingerprints = new Map<string, string>();
  for (const e of records.events) {
    if (e.type !== 'journalImported' || !live.has(e.appealId)) continue;
    const data = e.data as unknown as ImportedData;
    importedFingerprints.set(data.fingerprint, data.regNo);
  }
  return {
    applicants: records.applicants,
    importedFingerprints,
    regNos: new Set(records.appeals.map((a) => a.regNo)),
    counters: Object.fromEntries(records.counters.map((c) => [c.id, c.value])),
  };
}

export function planSettingsOf(settings: SettingsInputData | undefined): PlanSettings {
  const s = settings ?? defaultSettingsData();
  return {
    calendar: s.calendar,
    deadlines: s.deadlines,
    workHours: s.workHours,
    topics: s.topics,
    users: s.users,
  };
}

/** An export file with the plan's records added (a fresh one when there was none). */
export function exportWithPlan(
  file: ExportFile | null,
  plan: JournalPlan,
  exportedAt: string,
): ExportFile {
  const tables = file ? { ...file.tables } : emptyTables();
  tables.applicants = [...tables.applicants, ...plan.applicants];
  tables.appeals = [...tables.appeals, ...plan.appeals];
  tables.events = [...tables.events, ...plan.events];
  const counters = new Map(tables.counters.map((c) => [c.id, c.value]));
  for (const c of plan.counters) counters.set(c.id, Math.max(counters.get(c.id) ?? 0, c.value));
  tables.counters = [...counters].map(([id, value]) => ({ id, value }));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    appVersion: file?.appVersion ?? 'import-journal',
    demo: file?.demo ?? false,
    tables,
  };
}

/**
 * A mapping file for the command line: columns by header text or by column letter
 * («"receivedDate": "B"»), value maps and defaults as in `JournalMapping`.
 */
export function mappingFromFile(
  json: unknown,
  header: HeaderInfo,
  suggested: JournalMapping,
): { mapping: JournalMapping } | { error: string } {
  if (typeof json !== 'object' || json === null)
    return { error: 'the mapping file must hold a JSON object' };
  const input = json as Partial<MappingProfile> & { columns?: Record<string, unknown> };
  const columns: Partial<Record<JournalField, number>> = {};
  for (const [field, ref] of Object.entries(input.columns ?? {})) {
    if (!(JOURNAL_FIELDS as readonly string[]).includes(field))
      return { error: `unknown field "${field}" (known: ${JOURNAL_FIELDS.join(', ')})` };
    if (ref === null) continue;
    const index = resolveColumn(ref, header);
    if (index === null)
      return { error: `column "${String(ref)}" of field "${field}" is not in the header` };
    columns[field as JournalField] = index;
  }
  return {
    mapping: {
      columns,
      values: {
        channel: { ...suggested.values.channel, ...foldKeys(input.values?.channel) },
        kind: { ...suggested.values.kind, ...foldKeys(input.values?.kind) },
        result: { ...suggested.values.result, ...foldKeys(input.values?.result) },
        topic: { ...suggested.values.topic, ...foldKeys(input.values?.topic) },
      },
      defaults: { ...suggested.defaults, ...(input.defaults ?? {}) },
    },
  };
}

function foldKeys<T>(map: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [fold(k), v]));
}

function resolveColumn(ref: unknown, header: HeaderInfo): number | null {
  if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 0 ? ref : null;
  if (typeof ref !== 'string') return null;
  if (/^[A-Z]{1,3}$/.test(ref)) {
    const index = header.columns.findIndex((_, i) => columnLetter(i) === ref);
    return index >= 0 ? index : [...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  }
  const wanted = fold(ref);
  const column = header.columns.find((c) => fold(c.label) === wanted || fold(c.own) === wanted);
  return column ? column.index : null;
}

/** The report the command line writes: header, mapping, counts, every skipped row and warning. */
export function importReport(plan: JournalPlan, header: HeaderInfo, mapping: JournalMapping) {
  const text = (issue: Parameters<typeof describeRowIssue>[0]) => ({
    kk: describeRowIssue(issue, 'kk'),
    ru: describeRowIssue(issue, 'ru'),
  });
  return {
    file: plan.fileName,
    sheet: plan.sheet,
    batchId: plan.batchId,
    header: {
      rows: header.rows,
      columns: header.columns
        .filter((c) => c.label !== '')
        .map((c) => ({ column: columnLetter(c.index), label: c.label })),
    },
    mapping: {
      columns: Object.fromEntries(
        Object.entries(mapping.columns).map(([field, index]) => [
          field,
          { column: columnLetter(index), label: header.columns[index]?.label ?? '' },
        ]),
      ),
      values: mapping.values,
      defaults: mapping.defaults,
    },
    counts: {
      imported: plan.counts.imported,
      skipped: plan.counts.skipped,
      warnings: plan.counts.warnings,
      alreadyImported: plan.counts.alreadyImported,
      newApplicants: plan.counts.newApplicants,
      linkedApplicants: plan.counts.linkedApplicants,
    },
    skipped: plan.rows
      .filter((r) => r.status === 'skipped')
      .map((r) => ({ row: r.n, ...r.reason!, reason: text(r.reason!) })),
    warnings: plan.rows.flatMap((r) =>
      r.warnings.map((w) => ({ row: r.n, regNo: r.regNo, ...w, message: text(w) })),
    ),
    matches: plan.matches,
  };
}

export type ImportReport = ReturnType<typeof importReport>;

/** The language notes are written in, for a command-line `--lang`. */
export function isNoteLang(value: string): value is Lang {
  return value === 'kk' || value === 'ru';
}
