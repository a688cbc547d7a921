import { createKzCalendar, type WorkCalendar } from '../calendar';
import { toKzLocalDate, toKzLocalDateTime } from '../calendar/zone';
import { formatRegNo, parseRegNo, type Appeal } from '../domain/appeal';
import type { Applicant, PersonAddress } from '../domain/applicant';
import { counterId, type Counter } from '../domain/counter';
import { makeEvent, type AppEvent } from '../domain/event';
import { toCalendarOverrides } from '../domain/settings';
import { appealSearchWords, applicantSearchWords } from '../domain/searchWords';
import { newId } from '../ids';
import { normalizeAddress, normalizePersonName } from '../validation/text';
import { computeDeadlines } from '../workflow/deadlines';
import { looksMonthFirst } from './dates';
import { draftRow, type Draft } from './draftRow';
import { fnv1a64 } from './hash';
import type { JournalMapping } from './mapping';
import { noteLine } from './messages';
import { cellText, type SheetRow } from './model';
import {
  DEFAULT_PLAN_OPTIONS,
  type ApplicantMatch,
  type JournalPlan,
  type JournalPreview,
  type MatchReason,
  type PlanInput,
  type PlanOptions,
  type PreparedPlan,
  type PreviewAppeal,
  type RegistrySnapshot,
  type RowResult,
} from './planTypes';
import { classifyRows } from './rows';
import { cut, type Person, type RowContext } from './rowReading';

export * from './planTypes';
export { subjectFromText } from './draftRow';

/** The fingerprint of a row's content: the same row in the same journal gives the same one. */
export function rowFingerprint(row: SheetRow): string {
  const values = row.cells.map((c) => cellText(c).replace(/\s+/g, ' ').trim().toLowerCase());
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
  const monthFirst =
    dateColumn !== undefined &&
    looksMonthFirst(sheet.rows.slice(header.dataStart).map((r) => r.cells[dateColumn] ?? null));
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

interface Group {
  id: string;
  /** An applicant of the registry, or null for a new one made from `person`. */
  existing: RegistrySnapshot['applicants'][number] | null;
  person: Person;
  firstRow: number;
}

function nameAddressKey(p: { fullName: string; address: PersonAddress }): string | null {
  const address = normalizeAddress(p.address);
  const name = normalizePersonName(p.fullName);
  return address === '' || name === '' ? null : `${name}|${address}`;
}

/** Applicants of the rows: linked to the registry, merged within the file, or new. */
function groupApplicants(
  drafts: readonly Draft[],
  registry: RegistrySnapshot,
  options: PlanOptions,
) {
  const separate = new Set(options.keepSeparate ?? []);
  const live = registry.applicants.filter(
    (a) => a.deletedAt === null && a.anonymisedAt === null && a.mergedInto === null,
  );
  const regByIin = new Map<string, (typeof live)[number]>();
  const regByPhone = new Map<string, (typeof live)[number]>();
  const regByNameAddress = new Map<string, (typeof live)[number]>();
  if (options.matchRegistry) {
    for (const a of live) {
      if (a.iin) regByIin.set(a.iin, a);
      for (const p of a.phones) if (!regByPhone.has(p)) regByPhone.set(p, a);
      const key = nameAddressKey(a);
      if (key && !regByNameAddress.has(key)) regByNameAddress.set(key, a);
    }
  }
  const groups: Group[] = [];
  const byIin = new Map<string, Group>();
  const byPhone = new Map<string, Group>();
  const byNameAddress = new Map<string, Group>();
  const groupOfRow = new Map<number, Group>();
  const matches: ApplicantMatch[] = [];

  const compatible = (iin: string | null, other: string | null) =>
    iin === null || other === null || iin === other;
  // A shared phone is a family's or a neighbour's as often as the same person's: it links
  // two rows only when the names agree too (one's name words within the other's).
  const sameName = (a: string, b: string) => {
    const x = normalizePersonName(a).split(' ');
    const y = normalizePersonName(b).split(' ');
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return (
      short.length > 0 &&
      short.every(
        (w) => long.includes(w) || (w.length <= 2 && long.some((l) => l.startsWith(w.charAt(0)))),
      )
    );
  };

  for (const draft of drafts) {
    const p = draft.person;
    if (p === null) continue;
    const key = nameAddressKey(p);
    if (!separate.has(p.row)) {
      // The registry first, strongest key first.
      let reg: (typeof live)[number] | undefined;
      let by: MatchReason = 'iin';
      if (p.iin && regByIin.has(p.iin)) reg = regByIin.get(p.iin);
      if (!reg) {
        const phone = p.phones.find(
          (ph) =>
            regByPhone.has(ph) &&
            compatible(p.iin, regByPhone.get(ph)!.iin) &&
            sameName(p.fullName, regByPhone.get(ph)!.fullName),
        );
        if (phone) {
          reg = regByPhone.get(phone);
          by = 'phone';
        }
      }
      if (
        !reg &&
        key &&
        regByNameAddress.has(key) &&
        compatible(p.iin, regByNameAddress.get(key)!.iin)
      ) {
        reg = regByNameAddress.get(key);
        by = 'nameAddress';
      }
      let group: Group | undefined;
      let fileBy: MatchReason = 'iin';
      if (options.mergeWithinFile) {
        if (p.iin) group = byIin.get(p.iin);
        if (!group) {
          const phone = p.phones.find(
            (ph) =>
              byPhone.has(ph) &&
              compatible(p.iin, byPhone.get(ph)!.person.iin) &&
              sameName(p.fullName, byPhone.get(ph)!.person.fullName),
          );
          if (phone) {
            group = byPhone.get(phone);
            fileBy = 'phone';
          }
        }
        if (
          !group &&
          key &&
          byNameAddress.has(key) &&
          compatible(p.iin, byNameAddress.get(key)!.person.iin)
        ) {
          group = byNameAddress.get(key);
          fileBy = 'nameAddress';
        }
      }
      if (group) {
        groupOfRow.set(p.row, group);
        if (group.existing === null) absorb(group.person, p);
        matches.push({
          row: p.row,
          with: group.existing ? 'registry' : 'file',
          by: group.existing ? by : fileBy,
          applicantId: group.id,
          otherRow: group.existing ? null : group.firstRow,
          name: group.existing?.fullName ?? group.person.fullName,
        });
        index(group, p, key);
        continue;
      }
      if (reg) {
        const linked: Group = { id: reg.id, existing: reg, person: p, firstRow: p.row };
        groups.push(linked);
        groupOfRow.set(p.row, linked);
        matches.push({
          row: p.row,
          with: 'registry',
          by,
          applicantId: reg.id,
          otherRow: null,
          name: reg.fullName,
        });
        if (options.mergeWithinFile) index(linked, p, key);
        continue;
      }
    }
    const fresh: Group = {
      id: newId(),
      existing: null,
      person: { ...p, phones: [...p.phones] },
      firstRow: p.row,
    };
    groups.push(fresh);
    groupOfRow.set(p.row, fresh);
    if (options.mergeWithinFile && !separate.has(p.row)) index(fresh, p, key);
  }

  function index(group: Group, p: Person, key: string | null) {
    if (p.iin && !byIin.has(p.iin)) byIin.set(p.iin, group);
    for (const ph of p.phones) if (!byPhone.has(ph)) byPhone.set(ph, group);
    if (key && !byNameAddress.has(key)) byNameAddress.set(key, group);
  }
  return { groups, groupOfRow, matches };
}

/** A later row of the same person adds what the first one lacked (phones, IIN, address). */
function absorb(into: Person, p: Person): void {
  for (const ph of p.phones) if (!into.phones.includes(ph)) into.phones.push(ph);
  into.iin ??= p.iin;
  into.email ??= p.email;
  if (normalizeAddress(into.address) === '') into.address = p.address;
}

/** Registry numbers per registration year, in date order, after the office's series. */
function numberAppeals(
  drafts: readonly Draft[],
  registry: RegistrySnapshot,
): { regNos: Map<Draft, string>; counters: Counter[] } {
  const byYear = new Map<number, Draft[]>();
  for (const d of drafts) {
    const year = Number(d.registeredOn.slice(0, 4));
    const list = byYear.get(year);
    if (list) list.push(d);
    else byYear.set(year, [d]);
  }
  const regNos = new Map<Draft, string>();
  const counters: Counter[] = [];
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) =>
      a.registeredOn !== b.registeredOn
        ? a.registeredOn < b.registeredOn
          ? -1
          : 1
        : a.receivedAt !== b.receivedAt
          ? a.receivedAt < b.receivedAt
            ? -1
            : 1
          : a.row.n - b.row.n,
    );
    const taken = new Set<number>();
    for (const regNo of registry.regNos) {
      const parsed = parseRegNo(regNo);
      if (parsed?.year === year) taken.add(parsed.sequence);
    }
    let last = registry.counters[counterId('appeal', year)] ?? 0;
    for (const d of list) {
      if (d.keptRegNo !== null) {
        const seq = parseRegNo(d.keptRegNo)!.sequence;
        taken.add(seq);
        regNos.set(d, d.keptRegNo);
      }
    }
    for (const d of list) {
      if (regNos.has(d)) continue;
      let next = last + 1;
      while (taken.has(next)) next++;
      taken.add(next);
      last = next;
      regNos.set(d, formatRegNo(year, next));
    }
    let highest = last;
    for (const n of taken) if (n > highest) highest = n;
    counters.push({ id: counterId('appeal', year), value: highest });
  }
  return { regNos, counters };
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
        searchWords: [] as string[],
      };
      record.searchWords = applicantSearchWords(record);
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
        searchWords: [],
      };
      appeal.searchWords = appealSearchWords(appeal);
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
