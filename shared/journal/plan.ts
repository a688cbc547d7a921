import { createKzCalendar, type WorkCalendar } from '../calendar';
import { toKzLocalDate, toKzLocalDateTime } from '../calendar/zone';
import type { Appeal } from '../domain/appeal';
import type { Applicant } from '../domain/applicant';
import { makeEvent, type AppEvent } from '../domain/event';
import { toCalendarOverrides } from '../domain/settings';
import { computeDeadlines } from '../workflow/deadlines';
import { dateCellsMaybeSwapped, journalYear, looksMonthFirst } from './dates';
import { draftRow, type Draft } from './draftRow';
import { groupApplicants, numberAppeals } from './grouping';
import { fnv1a64 } from './hash';
import type { JournalMapping } from './mapping';
import { noteLine } from './messages';
import { cellText, type SheetRow } from './model';
import {
  DEFAULT_PLAN_OPTIONS,
  type JournalPlan,
  type JournalPreview,
  type PlanInput,
  type PlanOptions,
  type PreparedPlan,
  type PreviewAppeal,
  type RowResult,
} from './planTypes';
import { classifyRows } from './rows';
import { cut, type RowContext } from './rowReading';

export * from './planTypes';
export { subjectFromText } from './draftRow';

/**
 * The fingerprint of a row's content: the same row in the same journal gives the same one.
 * A value merged down from a row above is not the row's own (the file holds it once, above)
 * and is left out, as it was before merges were spread: a journal imported then and again
 * now finds its rows imported.
 */
export function rowFingerprint(row: SheetRow): string {
  const values = row.cells.map((c) =>
    c?.mergedDown ? '' : cellText(c).replace(/\s+/g, ' ').trim().toLowerCase(),
  );
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return fnv1a64(values.join('\u001f'));
}

/** Kazakhstan local 'YYYY-MM-DDTHH:mm' → ISO UTC. */
function localToIso(local: string): string {
  return new Date(`${local}:00.000+05:00`).toISOString();
}

/**
 * Rows of a journal → applicants, appeals and their «imported from journal» events, numbered
 * per registration year after the office's own series. Pure: the same input gives the same
 * plan (up to new ids), in the page's worker, the repository and the command line.
 */
export function prepareJournalImport(input: PlanInput): PreparedPlan {
  const { sheet, header, registry, settings, lang } = input;
  const mapping: JournalMapping = { ...input.mapping, columns: { ...input.mapping.columns } };
  const options = input.options ?? DEFAULT_PLAN_OPTIONS;
  const today = toKzLocalDate(new Date(input.now));
  const nowLocal = toKzLocalDateTime(new Date(input.now));
  const calendar = createKzCalendar(toCalendarOverrides(settings.calendar));
  const lost = new Set(input.lostLetterRows ?? []);
  // A journal with only a registration date column: that date is when the appeal came in.
  if (mapping.columns.receivedDate === undefined && mapping.columns.registeredDate !== undefined) {
    mapping.columns.receivedDate = mapping.columns.registeredDate;
    delete mapping.columns.registeredDate;
  }
  const dateColumn = mapping.columns.receivedDate;
  const dateCells =
    dateColumn === undefined
      ? []
      : sheet.rows.slice(header.dataStart).map((r) => r.cells[dateColumn] ?? null);
  const monthFirst = looksMonthFirst(dateCells);
  // Dates written without their year («12.03») take the one the sheet's name or title gives.
  const titleRows = sheet.rows.filter((r) => r.n < (header.rows[0] ?? 0));
  const year = journalYear(
    sheet.name,
    titleRows.map((r) => r.cells.map((c) => cellText(c)).join(' ')),
  );
  const dateOptions = { date1904: sheet.date1904, monthFirst };

  const results: RowResult[] = [];
  const drafts: Draft[] = [];
  const seenFingerprints = new Map<string, number>();
  const keptInFile = new Set<string>();
  const ctx: RowContext = {
    input,
    mapping,
    lang,
    settings,
    registry,
    today,
    nowLocal,
    calendar,
    dateOptions,
    journalYear: year,
    swappedDateCells: dateCellsMaybeSwapped(dateCells),
    keptInFile,
  };

  for (const cls of classifyRows(sheet, header, mapping)) {
    if (cls.kind === 'skip') {
      results.push({ n: cls.n, status: 'skipped', reason: cls.reason, warnings: [] });
      continue;
    }
    const row = cls.row;
    const base = rowFingerprint(row);
    const occurrence = (seenFingerprints.get(base) ?? 0) + 1;
    seenFingerprints.set(base, occurrence);
    const fingerprint = occurrence === 1 ? base : `${base}#${String(occurrence)}`;
    const known = registry.importedFingerprints.get(fingerprint);
    if (known !== undefined) {
      results.push({
        n: row.n,
        status: 'skipped',
        reason: { code: 'already_imported', regNo: known },
        warnings: [],
      });
      continue;
    }
    const outcome = draftRow(ctx, row, fingerprint);
    if ('code' in outcome) {
      results.push({ n: row.n, status: 'skipped', reason: outcome, warnings: [] });
      continue;
    }
    if (lost.has(row.n)) outcome.warnings.push({ code: 'lost_letters' });
    drafts.push(outcome);
    results.push({ n: row.n, status: 'imported', warnings: outcome.warnings });
  }

  return finishPlan(input, results, drafts, options);
}

/** Appeals shown in the preview before «first N rows» is said. */
export const PREVIEW_SAMPLE = 200;

/** The whole plan at once: the command line and tests. The wizard prepares, then builds. */
export function planJournalImport(input: PlanInput): JournalPlan {
  return prepareJournalImport(input).build();
}

function finishPlan(
  input: PlanInput,
  results: RowResult[],
  drafts: Draft[],
  options: PlanOptions,
): PreparedPlan {
  const { settings, lang } = input;
  const { groups, groupOfRow, matches } = groupApplicants(drafts, input.registry, options);
  const { regNos, counters } = numberAppeals(drafts, input.registry);
  const resultByRow = new Map(results.map((r) => [r.n, r]));
  const ordered = [...drafts].sort((a, b) => (regNos.get(a)! < regNos.get(b)! ? -1 : 1));
  for (const d of ordered) resultByRow.get(d.row.n)!.regNo = regNos.get(d)!;
  const rows = [...results].sort((a, b) => a.n - b.n);
  const imported = rows.filter((r) => r.status === 'imported');
  const importedRows = new Set(imported.map((r) => r.n));
  const newGroups = groups.filter((g) => g.existing === null);
  const byRow = new Map(drafts.map((d) => [d.row.n, d]));
  const sample: PreviewAppeal[] = [];
  for (const r of imported) {
    if (sample.length >= PREVIEW_SAMPLE) break;
    const d = byRow.get(r.n)!;
    const group = d.person ? groupOfRow.get(d.person.row) : undefined;
    sample.push({
      row: r.n,
      regNo: r.regNo!,
      receivedAt: d.receivedAt,
      subject: d.appeal.subject,
      name: group ? (group.existing?.fullName ?? group.person.fullName) : null,
      phones: group ? (group.existing?.phones ?? group.person.phones) : [],
    });
  }
  const preview: JournalPreview = {
    batchId: input.batchId,
    fileName: input.fileName,
    sheet: input.sheet.name,
    rows,
    matches: matches.filter((m) => importedRows.has(m.row)),
    counts: {
      imported: imported.length,
      skipped: rows.length - imported.length,
      warnings: imported.reduce((n, r) => n + r.warnings.length, 0),
      rowsWithWarnings: imported.filter((r) => r.warnings.length > 0).length,
      alreadyImported: rows.filter(
        (r) => r.reason?.code === 'already_imported' || r.reason?.code === 'already_in_registry',
      ).length,
      newApplicants: newGroups.length,
      linkedApplicants: new Set(groups.filter((g) => g.existing !== null).map((g) => g.id)).size,
    },
    sample,
  };

  const build = (): JournalPlan => {
    const calendar: WorkCalendar = createKzCalendar(toCalendarOverrides(settings.calendar));
    const applicants: Applicant[] = newGroups.map((g) => {
      const p = g.person;
      const record = {
        id: g.id,
        createdAt: input.now,
        updatedAt: input.now,
        createdBy: input.userId,
        updatedBy: input.userId,
        version: 1,
        deletedAt: null,
        fullName: p.fullName,
        phones: p.phones,
        iin: p.iin,
        email: p.email,
        address: p.address,
        preferredLanguage: p.lang,
        preferredChannel: null,
        vulnerableCategories: [],
        consent: { given: true, date: p.registeredOn, form: 'paper_journal' as const },
        anonymisedAt: null,
        importBatchId: input.batchId,
        mergedInto: null,
      };
      return record;
    });
    const appeals: Appeal[] = [];
    const events: AppEvent[] = [];
    for (const d of ordered) {
      const regNo = regNos.get(d)!;
      const group = d.person ? groupOfRow.get(d.person.row) : undefined;
      const deadlines = computeDeadlines(
        calendar,
        { receivedAt: d.receivedAt, registeredOn: d.registeredOn, decidedOn: d.appeal.decidedOn },
        settings.deadlines,
      );
      const appeal: Appeal = {
        ...d.appeal,
        regNo,
        applicantId: group ? group.id : null,
        decideBy: deadlines.decideBy,
        acknowledgeBy: deadlines.acknowledgeBy,
      };
      appeals.push(appeal);
      const note = [
        noteLine('row', lang, { row: d.row.n, sheet: input.sheet.name, file: input.fileName }),
        ...(appeal.journalNo ? [noteLine('journalNo', lang, { value: appeal.journalNo })] : []),
        ...d.notes,
      ].join('\n');
      events.push(
        makeEvent({
          appealId: appeal.id,
          type: 'journalImported',
          data: {
            regNo,
            batchId: input.batchId,
            row: d.row.n,
            sheet: input.sheet.name,
            fileName: input.fileName,
            fingerprint: d.fingerprint,
          },
          now: input.now,
          at: localToIso(d.receivedAt),
          userId: input.userId,
          note: cut(note, 20_000),
        }),
      );
    }
    const { sample: _sample, ...rest } = preview;
    return {
      ...rest,
      applicants,
      appeals,
      events,
      counters: appeals.length > 0 ? counters : [],
      baseCounters: Object.fromEntries(
        counters.map((c) => [c.id, input.registry.counters[c.id] ?? 0]),
      ),
    };
  };
  return { preview, build };
}
