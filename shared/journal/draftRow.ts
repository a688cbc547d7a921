/**
 * One journal row → the appeal it records (without its number, deadlines and applicant,
 * which come once the whole file is read), its person, its history notes and its warnings;
 * or the reason the row is skipped.
 */
import { parseRegNo, type Appeal } from '../domain/appeal';
import type { AppealChannel, AppealKind } from '../domain/enums';
import { OTHER_TOPIC_ID } from '../domain/topics';
import { newId } from '../ids';
import { registrationDay } from '../workflow/deadlines';
import { parseDateCell, parseTimeCell, type JournalDate } from './dates';
import type { JournalField } from './fields';
import { fold } from './fold';
import type { RowWarning, SkipReason } from './issues';
import { noteLine } from './messages';
import type { SheetRow } from './model';
import { detectCollective, parseAddress } from './people';
import { cellOf, textOf } from './rows';
import { cut, mapValue, matchUser, readPerson, type Person, type RowContext } from './rowReading';
import { forwardedToFrom, type ResultMeaning } from './values';

const LIMITS = {
  subject: 300,
  text: 20_000,
  summary: 5_000,
  expectation: 5_000,
  forwardedTo: 500,
  journalNo: 100,
};

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

export interface Draft {
  row: SheetRow;
  fingerprint: string;
  receivedAt: string;
  registeredOn: string;
  keptRegNo: string | null;
  person: Person | null;
  appeal: Omit<Appeal, 'regNo' | 'decideBy' | 'acknowledgeBy' | 'applicantId'>;
  notes: string[];
  warnings: RowWarning[];
}

export function draftRow(ctx: RowContext, row: SheetRow, fingerprint: string): Draft | SkipReason {
  const {
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
  } = ctx;
  const warnings: RowWarning[] = [];
  const notes: string[] = [];
  const text = (field: JournalField) => textOf(row, mapping, field);

  // Registration date (and time) from the journal.
  const rawDate = text('receivedDate');
  if (rawDate === '') return { code: 'no_date' };
  const dateCell = cellOf(row, mapping, 'receivedDate');
  const receivedOptions =
    ctx.journalYear === null ? dateOptions : { ...dateOptions, year: ctx.journalYear };
  const parsed: JournalDate | null = parseDateCell(dateCell, receivedOptions);
  if (parsed === null) return { code: 'bad_date', value: rawDate };
  if (ctx.swappedDateCells && dateCell?.t === 'date') {
    const [y, m, d] = parsed.date.split('-') as [string, string, string];
    if (m !== d) return { code: 'swapped_date', date: parsed.date, swapped: `${y}-${d}-${m}` };
  }
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
  const registered = parseDateCell(cellOf(row, mapping, 'registeredDate'), receivedOptions);
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
  const person = readPerson(ctx, row, registeredOn, body, warnings, notes);

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
    ctx,
    row,
    'channel',
    mapping.values.channel,
    mapping.defaults.channel,
    warnings,
    notes,
  );
  const kind = mapValue<AppealKind>(
    ctx,
    row,
    'kind',
    mapping.values.kind,
    mapping.defaults.kind,
    warnings,
    notes,
  );
  let topic = mapValue<string>(
    ctx,
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
