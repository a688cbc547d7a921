import { createKzCalendar, type WorkCalendar } from '../calendar';
import { toKzLocalDate, toKzLocalDateTime } from '../calendar/zone';
import { formatRegNo, parseRegNo, type Appeal } from '../domain/appeal';
import type { Applicant, PersonAddress } from '../domain/applicant';
import { counterId, type Counter } from '../domain/counter';
import type { AppealChannel, AppealKind } from '../domain/enums';
import { makeEvent, type AppEvent } from '../domain/event';
import { toCalendarOverrides, type CalendarOverrides, type StaffUser } from '../domain/settings';
import { appealSearchWords, applicantSearchWords } from '../domain/searchWords';
import { OTHER_TOPIC_ID, type Topic } from '../domain/topics';
import type { Lang } from '../i18n/lang';
import { newId } from '../ids';
import { normalizeAddress, normalizePersonName } from '../validation/text';
import {
  computeDeadlines,
  DEFAULT_DEADLINE_RULES,
  DEFAULT_WORK_HOURS,
  registrationDay,
  type DeadlineRules,
  type WorkHours,
} from '../workflow/deadlines';
import { looksMonthFirst, parseDateCell, parseTimeCell, type JournalDate } from './dates';
import type { JournalField, ValueField } from './fields';
import { fold } from './fold';
import { fnv1a64 } from './hash';
import type { HeaderInfo } from './header';
import type { RowWarning, SkipReason } from './issues';
import type { JournalMapping } from './mapping';
import { noteLine } from './messages';
import { cellText, type Sheet, type SheetRow } from './model';
import {
  detectCollective,
  looksKazakh,
  parseAddress,
  readIin,
  splitNameAddress,
  splitPhones,
  tidyName,
} from './people';
import { cellOf, classifyRows, textOf } from './rows';
import { forwardedToFrom, type ResultMeaning } from './values';

/** What the registry already holds, as far as an import needs to know. */
export interface RegistrySnapshot {
  applicants: readonly Pick<
    Applicant,
    'id' | 'fullName' | 'iin' | 'phones' | 'address' | 'anonymisedAt' | 'mergedInto' | 'deletedAt'
  >[];
  /** Fingerprints of rows imported before (of appeals still in the registry) → their regNo. */
  importedFingerprints: ReadonlyMap<string, string>;
  regNos: ReadonlySet<string>;
  /** 'appeal:2026' → the last number used. */
  counters: Readonly<Record<string, number>>;
}

export const EMPTY_REGISTRY: RegistrySnapshot = {
  applicants: [],
  importedFingerprints: new Map(),
  regNos: new Set(),
  counters: {},
};

export interface PlanSettings {
  calendar: CalendarOverrides;
  deadlines: DeadlineRules;
  workHours: WorkHours;
  topics: readonly Topic[];
  users: readonly StaffUser[];
}

export interface PlanOptions {
  /** Rows of one person (same IIN, phone, or name + address) become one applicant. */
  mergeWithinFile: boolean;
  /** A row's person already in the registry is linked to that applicant. */
  matchRegistry: boolean;
  /** Sheet rows whose applicant is kept separate whatever matches. */
  keepSeparate?: readonly number[];
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { mergeWithinFile: true, matchRegistry: true };

export interface PlanInput {
  sheet: Sheet;
  header: HeaderInfo;
  mapping: JournalMapping;
  registry: RegistrySnapshot;
  settings: PlanSettings;
  fileName: string;
  batchId: string;
  userId: string;
  /** ISO UTC: when the import is made. */
  now: string;
  /** The language of the notes written into the history. */
  lang: Lang;
  options?: PlanOptions;
  /** CSV rows where a «?» stands for a lost letter. */
  lostLetterRows?: readonly number[];
}

export type MatchReason = 'iin' | 'phone' | 'nameAddress';

export interface ApplicantMatch {
  row: number;
  with: 'registry' | 'file';
  by: MatchReason;
  /** The registry applicant's id, or the earlier row's number for a match within the file. */
  applicantId: string;
  otherRow: number | null;
  name: string;
}

export interface RowResult {
  n: number;
  status: 'imported' | 'skipped';
  reason?: SkipReason;
  warnings: RowWarning[];
  regNo?: string;
}

export interface JournalPlan {
  batchId: string;
  fileName: string;
  sheet: string;
  rows: RowResult[];
  applicants: Applicant[];
  appeals: Appeal[];
  events: AppEvent[];
  counters: Counter[];
  /** The counters of the registry the plan was made against ('appeal:2026' → value). */
  baseCounters: Record<string, number>;
  matches: ApplicantMatch[];
  counts: {
    imported: number;
    skipped: number;
    warnings: number;
    rowsWithWarnings: number;
    alreadyImported: number;
    newApplicants: number;
    linkedApplicants: number;
  };
}

const LIMITS = {
  subject: 300,
  text: 20_000,
  summary: 5_000,
  expectation: 5_000,
  forwardedTo: 500,
  journalNo: 100,
};

/** The fingerprint of a row's content: the same row in the same journal gives the same one. */
export function rowFingerprint(row: SheetRow): string {
  const values = row.cells.map((c) => cellText(c).replace(/\s+/g, ' ').trim().toLowerCase());
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  return fnv1a64(values.join('\u001f'));
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A short subject from the text: its first sentence, or its first ~120 characters. */
export function subjectFromText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.{10,150}?[.!?])(\s|$)/u.exec(flat)?.[1];
  if (sentence) return sentence;
  if (flat.length <= 150) return flat;
  const cutAt = flat.lastIndexOf(' ', 120);
  return `${flat.slice(0, cutAt > 60 ? cutAt : 120)}…`;
}

const YES = /^(да|иә|ия|иа|yes|\+|1|true|коллективное|ұжымдық|кол|x|х|✓|v)$/u;

/** Kazakhstan local 'YYYY-MM-DDTHH:mm' → ISO UTC. */
function localToIso(local: string): string {
  return new Date(`${local}:00.000+05:00`).toISOString();
}

interface Person {
  row: number;
  fullName: string;
  iin: string | null;
  phones: string[];
  email: string | null;
  address: PersonAddress;
  lang: Lang;
  registeredOn: string;
}

interface Draft {
  row: SheetRow;
  fingerprint: string;
  receivedAt: string;
  registeredOn: string;
  keptRegNo: string | null;
  person: Person | null;
  appeal: Omit<Appeal, 'regNo' | 'decideBy' | 'acknowledgeBy' | 'searchWords' | 'applicantId'>;
  notes: string[];
  warnings: RowWarning[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_IN_TEXT = /[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+/;

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
    const outcome = draftRow(row, fingerprint);
    if ('code' in outcome) {
      results.push({ n: row.n, status: 'skipped', reason: outcome, warnings: [] });
      continue;
    }
    if (lost.has(row.n)) outcome.warnings.push({ code: 'lost_letters' });
    drafts.push(outcome);
    results.push({ n: row.n, status: 'imported', warnings: outcome.warnings });
  }

  function draftRow(row: SheetRow, fingerprint: string): Draft | SkipReason {
    const warnings: RowWarning[] = [];
    const notes: string[] = [];
    const text = (field: JournalField) => textOf(row, mapping, field);

    // Registration date (and time) from the journal.
    const rawDate = text('receivedDate');
    if (rawDate === '') return { code: 'no_date' };
    const parsed: JournalDate | null = parseDateCell(
      cellOf(row, mapping, 'receivedDate'),
      dateOptions,
    );
    if (parsed === null) return { code: 'bad_date', value: rawDate };
    let time = parsed.time;
    const rawTime = text('receivedTime');
    if (time === null && rawTime !== '') {
      time = parseTimeCell(cellOf(row, mapping, 'receivedTime'));
      if (time === null) {
        warnings.push({ code: 'time_invalid', value: rawTime });
        notes.push(noteLine('time', lang, { value: rawTime }));
      }
    }
    if (parsed.date < '2000-01-01') return { code: 'old_date', date: parsed.date };
    const receivedAt = `${parsed.date}T${time ?? settings.workHours.start}`;
    if (parsed.date > today || (time !== null && receivedAt > nowLocal)) {
      return { code: 'future_date', date: parsed.date };
    }
    // A moment of receipt (with a time) is registered by the law's rule; a bare date is the
    // registration date the office wrote down.
    let registeredOn =
      time === null ? parsed.date : registrationDay(calendar, receivedAt, settings.workHours);
    const registered = parseDateCell(cellOf(row, mapping, 'registeredDate'), dateOptions);
    if (registered !== null && registered.date >= parsed.date && registered.date <= today) {
      registeredOn = registered.date;
    }

    // Its own registry number, when the file is a Tizilim journal export.
    const rawRegNo = text('regNo');
    let keptRegNo: string | null = null;
    if (rawRegNo !== '' && parseRegNo(rawRegNo) !== null) {
      const regNo = rawRegNo.trim();
      if (registry.regNos.has(regNo)) return { code: 'already_in_registry', regNo };
      if (keptInFile.has(regNo)) warnings.push({ code: 'reg_no_taken', value: regNo });
      else if (parseRegNo(regNo)!.year === Number(registeredOn.slice(0, 4))) {
        keptRegNo = regNo;
        keptInFile.add(regNo);
      }
    }

    // What the appeal is about.
    let body = text('text');
    let subject = text('subject');
    if (body === '' && subject === '') return { code: 'no_text' };
    if (body === '') body = subject;
    if (subject === '') subject = subjectFromText(body);
    if (subject.length > LIMITS.subject) {
      warnings.push({ code: 'text_cut', field: 'subject' });
      subject = cut(subject, LIMITS.subject);
    }
    if (body.length > LIMITS.text) {
      warnings.push({ code: 'text_cut', field: 'text' });
      body = cut(body, LIMITS.text);
    }

    const journalNoRaw = text('journalNo');
    const journalNo = journalNoRaw === '' ? null : cut(journalNoRaw, LIMITS.journalNo);

    // The person.
    const person = readPerson(row, registeredOn, body, warnings, notes);

    // Collective appeal.
    const collectiveCell = fold(text('collective'));
    const signCell = Number(text('signatories').replace(/[^\d]/g, '') || NaN);
    const rawNotes = text('notes');
    let collective = false;
    let signatories: number | null = null;
    // A journal that counts signatories says who is collective: its empty cells mean «no».
    const signColumn = mapping.columns.signatories !== undefined;
    if (Number.isInteger(signCell) && signCell >= 2) {
      collective = true;
      signatories = signCell;
    } else {
      const found = signColumn
        ? null
        : detectCollective([rawNotes, person?.fullName ?? text('fullName'), collectiveCell]);
      const flagged = collectiveCell !== '' && YES.test(collectiveCell);
      if (found || flagged) {
        collective = true;
        signatories = found?.signatories ?? null;
      }
    }
    if (collective && signatories === null) {
      signatories = 2;
      warnings.push({ code: 'signatories_unknown' });
    }

    // Lists: channel, kind, topic, result.
    const channel = mapValue<AppealChannel>(
      row,
      'channel',
      mapping.values.channel,
      mapping.defaults.channel,
      warnings,
      notes,
    );
    const kind = mapValue<AppealKind>(
      row,
      'kind',
      mapping.values.kind,
      mapping.defaults.kind,
      warnings,
      notes,
    );
    let topic = mapValue<string>(
      row,
      'topic',
      mapping.values.topic,
      mapping.defaults.topic,
      warnings,
      notes,
    );
    if (!settings.topics.some((t) => t.id === topic)) topic = OTHER_TOPIC_ID;

    const rawResult = text('result');
    let meaning: ResultMeaning = { status: 'registered', outcome: null };
    if (rawResult !== '') {
      const mapped = mapping.values.result[fold(rawResult)];
      if (mapped) meaning = mapped;
      else {
        warnings.push({ code: 'unknown_value', field: 'result', value: rawResult });
        meaning = { status: 'in_progress', outcome: null };
      }
      notes.push(noteLine('result', lang, { value: rawResult }));
    }
    let status = meaning.status;
    let outcome = meaning.outcome;
    let decidedOn: string | null = null;
    const rawAnswer = text('answerDate');
    if (outcome !== null) {
      const answer =
        rawAnswer === '' ? null : parseDateCell(cellOf(row, mapping, 'answerDate'), dateOptions);
      if (rawAnswer !== '' && answer === null) {
        warnings.push({ code: 'answer_date_invalid', value: rawAnswer });
        notes.push(noteLine('answerDate', lang, { value: rawAnswer }));
      } else if (answer !== null && answer.date < parsed.date) {
        warnings.push({ code: 'answer_before_registration', date: answer.date });
        notes.push(noteLine('answerDate', lang, { value: rawAnswer }));
      } else if (answer !== null && answer.date > today) {
        warnings.push({ code: 'answer_in_future', date: answer.date });
        notes.push(noteLine('answerDate', lang, { value: rawAnswer }));
      } else if (answer !== null) {
        decidedOn = answer.date;
      }
      if (decidedOn === null) {
        if (rawAnswer === '') warnings.push({ code: 'decided_without_date', value: rawResult });
        status = 'in_progress';
        outcome = null;
      }
    } else if (rawAnswer !== '') {
      notes.push(noteLine('answerDate', lang, { value: rawAnswer }));
    }
    // An answer sent on a date is the applicant told the result: the appeal is closed. A
    // journal with its own «applicant informed» column says so itself.
    let informedAt: string | null = null;
    if (decidedOn !== null) {
      if (mapping.columns.informedDate === undefined) {
        if (person !== null) informedAt = `${decidedOn}T${settings.workHours.start}`;
      } else {
        const told = parseDateCell(cellOf(row, mapping, 'informedDate'), dateOptions);
        if (told !== null && told.date >= decidedOn && told.date <= today) {
          informedAt = `${told.date}T${told.time ?? settings.workHours.start}`;
        }
      }
    }
    if (decidedOn !== null) status = informedAt !== null ? 'closed' : 'decided';

    let forwardedTo: string | null = null;
    if (outcome === 'forwarded') {
      forwardedTo = text('forwardedTo') || forwardedToFrom(rawResult);
      if (forwardedTo !== null) forwardedTo = cut(forwardedTo, LIMITS.forwardedTo);
    } else if (text('forwardedTo') !== '') {
      notes.push(`${text('forwardedTo')}`);
    }
    const summaryRaw = text('outcomeSummary') || (outcome !== null ? rawResult : '');
    const outcomeSummary = cut(summaryRaw, LIMITS.summary);

    // Staff member.
    const rawAssignee = text('assignee');
    let assignee: string | null = null;
    if (rawAssignee !== '') {
      assignee = matchUser(rawAssignee, settings.users);
      if (assignee === null) {
        warnings.push({ code: 'assignee_unknown', value: rawAssignee });
        notes.push(noteLine('assignee', lang, { value: rawAssignee }));
      }
    }
    const rawDeadline = text('deadline');
    if (rawDeadline !== '') notes.push(noteLine('deadline', lang, { value: rawDeadline }));
    if (rawNotes !== '') notes.push(noteLine('notes', lang, { value: rawNotes }));

    const localityCell = text('locality');
    const address = person?.address ?? (text('address') ? parseAddress(text('address')) : null);
    const location = {
      locality: (address?.locality || localityCell).slice(0, 200),
      district: address?.district ?? '',
      street: address?.street ?? '',
      building: address?.building ?? '',
    };

    const appeal: Draft['appeal'] = {
      id: newId(),
      createdAt: input.now,
      updatedAt: input.now,
      createdBy: input.userId,
      updatedBy: input.userId,
      version: 1,
      deletedAt: null,
      receivedAt,
      registeredOn,
      channel,
      kind,
      collective,
      signatories,
      coApplicantIds: [],
      subject,
      text: body,
      expectation: cut(text('expectation'), LIMITS.expectation),
      topic,
      location,
      priority: false,
      priorityReason: null,
      proposedAction: null,
      assignee,
      status,
      outcome,
      notResolvedReason: outcome === 'not_resolved' ? (meaning.notResolvedReason ?? 'other') : null,
      outcomeSummary,
      publicSummary: { kk: '', ru: '' },
      inReport: false,
      reportHighlight: false,
      applicantInformedAt: informedAt,
      informedVia: null,
      firstContactAt: null,
      decidedOn,
      extendedTo: null,
      extensionReason: null,
      receptionId: null,
      forwardedTo,
      tags: [],
      attachmentIds: [],
      journalNo,
      importBatchId: input.batchId,
    };
    return {
      row,
      fingerprint,
      receivedAt,
      registeredOn,
      keptRegNo,
      person,
      appeal,
      notes,
      warnings,
    };
  }

  function mapValue<T extends string>(
    row: SheetRow,
    field: ValueField,
    map: Record<string, T>,
    fallback: T,
    warnings: RowWarning[],
    notes: string[],
  ): T {
    const raw = textOf(row, mapping, field);
    if (raw === '') return fallback;
    const mapped = map[fold(raw)];
    if (mapped !== undefined) return mapped;
    warnings.push({ code: 'unknown_value', field, value: raw });
    notes.push(noteLine(field === 'result' ? 'result' : field, lang, { value: raw }));
    return fallback;
  }

  function readPerson(
    row: SheetRow,
    registeredOn: string,
    body: string,
    warnings: RowWarning[],
    notes: string[],
  ): Person | null {
    const text = (field: JournalField) => textOf(row, mapping, field);
    let name = text('fullName');
    let addressText = text('address');
    const phones: string[] = [];
    const invalidPhones: string[] = [];
    const take = (source: string): string => {
      const parts = splitPhones(source);
      for (const p of parts.phones) if (!phones.includes(p)) phones.push(p);
      invalidPhones.push(...parts.invalid);
      return parts.rest;
    };
    const combined = text('nameAddress');
    if (combined !== '') {
      const split = splitNameAddress(combined);
      const ownName = take(split.name);
      const ownAddress = take(split.address);
      if (name === '') name = ownName;
      if (addressText === '') addressText = ownAddress;
    }
    const phoneCell = cellOf(row, mapping, 'phone');
    if (phoneCell !== null) {
      const raw = phoneCell.t === 'number' ? String(Math.round(phoneCell.v)) : cellText(phoneCell);
      const parts = splitPhones(raw);
      phones.push(...parts.phones.filter((p) => !phones.includes(p)));
      invalidPhones.push(...parts.invalid);
      // A lone number too short for the phone pattern is still what was written: keep it.
      if (parts.phones.length === 0 && parts.invalid.length === 0 && /\d/.test(parts.rest))
        invalidPhones.push(parts.rest);
    }
    const phoneAddress = text('phoneAddress');
    if (phoneAddress !== '') {
      const rest = take(phoneAddress);
      if (addressText === '') addressText = rest;
    }
    const { iin, invalid: badIin } = readIin(cellOf(row, mapping, 'iin'));
    // An e-mail written into a contacts cell belongs to the e-mail field, not the address.
    const mailInText = EMAIL_IN_TEXT.exec(addressText);
    if (mailInText)
      addressText = addressText.replace(mailInText[0], ' ').replace(/^[\s,;]+|[\s,;]+$/g, '');
    const rawEmail = text('email') || (mailInText?.[0] ?? '');
    let email: string | null = null;
    if (rawEmail !== '') {
      if (EMAIL.test(rawEmail)) email = rawEmail.toLowerCase();
      else {
        warnings.push({ code: 'email_invalid', value: rawEmail });
        notes.push(noteLine('email', lang, { value: rawEmail }));
      }
    }
    for (const value of invalidPhones) {
      warnings.push({ code: 'phone_invalid', value });
      notes.push(noteLine('phone', lang, { value }));
    }
    if (badIin !== null) {
      warnings.push({ code: 'iin_invalid', value: badIin });
      notes.push(noteLine('iin', lang, { value: badIin }));
    }
    name = tidyName(name);
    if (name === '') {
      const contacts = [...phones, iin ?? '', email ?? '', addressText]
        .filter((v) => v !== '')
        .join(', ');
      if (contacts !== '') {
        warnings.push({ code: 'no_name', value: contacts });
        notes.push(noteLine('contacts', lang, { value: contacts }));
      } else {
        warnings.push({ code: 'anonymous' });
      }
      return null;
    }
    const address =
      addressText === ''
        ? { locality: '', district: '', street: '', building: '', flat: '' }
        : parseAddress(addressText);
    if (address.locality === '' && text('locality') !== '')
      address.locality = text('locality').slice(0, 200);
    return {
      row: row.n,
      fullName: cut(name, 200),
      iin,
      phones,
      email,
      address,
      lang: looksKazakh(`${name} ${body}`) ? 'kk' : 'ru',
      registeredOn,
    };
  }

  return finishPlan(input, results, drafts, options);
}

function matchUser(value: string, users: readonly StaffUser[]): string | null {
  const f = fold(value);
  const exact = users.find((u) => fold(u.fullName) === f);
  if (exact) return exact.id;
  const surname = f.split(' ')[0] ?? '';
  const bySurname = users.filter((u) => fold(u.fullName).split(' ')[0] === surname);
  return bySurname.length === 1 ? bySurname[0]!.id : null;
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

/** A row of the preview: what the office sees of an appeal before it is written. */
export interface PreviewAppeal {
  row: number;
  regNo: string;
  receivedAt: string;
  subject: string;
  /** The applicant's name (new or already in the registry); null for an anonymous appeal. */
  name: string | null;
  phones: string[];
}

/** What the preview shows: every row's fate, the counts, the matches, the first appeals. */
export type JournalPreview = Pick<
  JournalPlan,
  'batchId' | 'fileName' | 'sheet' | 'rows' | 'matches' | 'counts'
> & { sample: PreviewAppeal[] };

/**
 * A plan before its records are built: rows judged, people grouped, numbers given. The
 * preview needs only this; the records (with ids, deadlines, search words and history) are
 * built by `buildPlanRecords` when the office presses import.
 */
export interface PreparedPlan {
  preview: JournalPreview;
  build: () => JournalPlan;
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

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  calendar: {},
  deadlines: DEFAULT_DEADLINE_RULES,
  workHours: DEFAULT_WORK_HOURS,
  topics: [],
  users: [],
};
