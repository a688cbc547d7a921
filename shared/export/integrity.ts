/**
 * What a file must satisfy beyond each record's own schema before anything from it is
 * stored — the JSON import, and every later import path (journals, exchange packages, the
 * merge) through `checkRawRecord`, `checkTablesIntegrity` and `deriveTables` (./derive.ts):
 *
 * - sizes: every string, list and nesting level of a record is bounded (a 10 MB string in
 *   a text or an event's data, a million-item list), and so is every table;
 * - texts: no control characters other than tab and newline, no bidi overrides;
 * - references resolve: an appeal's applicants, reception, assignee, topic and files; an
 *   event's appeal and the records its data names; an inquiry's appeals, agency, repeated
 *   inquiry and answer files; an attachment's owner; a queue entry's applicant and appeal;
 *   an initiative's appeals; a merged applicant's target, and merges never loop;
 * - one person, one record: no two live applicants share an IIN;
 * - dates are facts (shared/validation/dates.ts) for every record kind;
 * - derived data is recomputed, never read: deadlines (`decideBy`, `acknowledgeBy`) by the
 *   file's own settings and calendar, and the number counters from the
 *   numbers actually used — a regNo of `2026-1000000000000000000000` is refused by the
 *   schema, and a counter of 1e21 in the file is simply not read.
 *
 * Everything here is pure: the caller decides what to do with the problems.
 */

import { DEFAULT_TOPICS } from '../domain';
import { hasUnsafeChars, UNSAFE_TEXT_CHARS } from '../domain/common';
import {
  checkAppealDates,
  checkConsentDate,
  checkEventDate,
  checkInitiativeDates,
  checkPublicationDates,
  checkFeedbackDates,
} from '../validation/dates';
import {
  checkInquiryDates,
  checkReceptionDates,
  factClock,
  type FactClock,
} from '../validation/dates';
import type { ExportTableName, ExportTables } from './schema';

// --- Limits ---------------------------------------------------------------------------------

/** The longest text of any record: an appeal's text (a long letter written out word for word). */
export const MAX_TEXT_CHARS = 50_000;
/** The longest list inside one record (tags, co-applicants, a reception's queue, search words). */
export const MAX_LIST_ITEMS = 10_000;
/** Keys of one object inside a record (an event's data, a letter's extra fields). */
export const MAX_OBJECT_KEYS = 500;
/** Nesting of objects and lists inside one record; the app writes four or five levels. */
export const MAX_DEPTH = 12;
/** Records of one table: ten times the largest office measured (50,000 appeals, ~500,000 events). */
export const MAX_TABLE_RECORDS = 5_000_000;

/** A record-level problem: the field's path and a message code. */
export interface RecordIssue {
  path: string;
  message: string;
}

/**
 * Checks a record as it came out of JSON, before its schema looks at it: sizes, depth and
 * safe text everywhere — in fields the schema knows and in those it would pass through
 * (events' loose data). `skip` names paths checked elsewhere (an attachment's base64).
 */
export function checkRawRecord(
  value: unknown,
  skip: ReadonlySet<string> = NO_SKIP,
): RecordIssue | null {
  return walk(value, [], 0, skip);
}

const NO_SKIP: ReadonlySet<string> = new Set();

/** A key with its unsafe characters written as \uXXXX, safe to show in a message. */
function visible(key: string): string {
  return key.replace(
    new RegExp(UNSAFE_TEXT_CHARS.source, 'g'),
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function walk(
  value: unknown,
  path: (string | number)[],
  depth: number,
  skip: ReadonlySet<string>,
): RecordIssue | null {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_CHARS) return { path: path.join('.'), message: 'too_long' };
    if (hasUnsafeChars(value)) return { path: path.join('.'), message: 'control_chars' };
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_DEPTH) return { path: path.join('.'), message: 'too_deep' };
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_ITEMS) return { path: path.join('.'), message: 'too_many_items' };
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, i], depth + 1, skip);
      if (found) return found;
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > MAX_OBJECT_KEYS) return { path: path.join('.'), message: 'too_many_items' };
  for (const key of keys) {
    const at = [...path, key];
    if (key.length > 200) return { path: path.join('.'), message: 'too_long' };
    if (hasUnsafeChars(key)) {
      // The path is shown to the user: the smuggled character is written out, not printed.
      return { path: [...path, visible(key)].join('.'), message: 'control_chars' };
    }
    if (skip.has(at.join('.'))) continue;
    const found = walk((value as Record<string, unknown>)[key], at, depth + 1, skip);
    if (found) return found;
  }
  return null;
}

// --- References -------------------------------------------------------------------------------

/** Where a reference points: a table of the file, or a list in its settings. */
export type ReferenceTarget = ExportTableName | 'users' | 'topics';

/** A problem between records, found once every record passed its own schema. */
export type IntegrityProblem =
  | {
      code: 'dangling_reference';
      table: ExportTableName;
      index: number;
      path: string;
      target: ReferenceTarget;
    }
  | { code: 'merge_cycle'; index: number }
  | { code: 'duplicate_iin'; index: number; other: number }
  | {
      code: 'invalid_record';
      table: ExportTableName;
      index: number;
      path: string;
      message: string;
    };

/** Ids of each table, and the settings' lists, for reference checks. */
interface Known {
  ids: Record<ExportTableName, ReadonlySet<string>>;
  users: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

function knownIds(tables: ExportTables): Known {
  const ids = {} as Record<ExportTableName, ReadonlySet<string>>;
  for (const name of Object.keys(tables) as ExportTableName[]) {
    ids[name] = new Set((tables[name] as readonly { id: string }[]).map((r) => r.id));
  }
  const settings = tables.settings[0];
  return {
    ids,
    users: new Set((settings?.users ?? []).map((u) => u.id)),
    // Without settings the app runs on the default taxonomy.
    topics: new Set((settings?.topics ?? DEFAULT_TOPICS).map((t) => t.id)),
  };
}

type Report = (problem: IntegrityProblem) => void;

/** Records checked between two pauses of the importer (see parseExportFileAsync). */
export const SLICE = 5_000;

/** The reference checks of one record: `ref(path, target, ids)` reports each missing id. */
function referencesOf(report: Report, known: Known, table: ExportTableName, index: number) {
  return (
    path: string,
    target: ReferenceTarget,
    values: readonly (string | null | undefined)[] | string | null | undefined,
  ): void => {
    const set =
      target === 'users' ? known.users : target === 'topics' ? known.topics : known.ids[target];
    const many = Array.isArray(values);
    const list: readonly (string | null | undefined)[] = many ? values : [values as string];
    list.forEach((value, i) => {
      if (value === null || value === undefined || set.has(value)) return;
      report({
        code: 'dangling_reference',
        table,
        index,
        path: many ? `${path}.${String(i)}` : path,
        target,
      });
    });
  };
}

function stringField(data: unknown, key: string): string | undefined {
  const value = (data as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The ids an event's data names, by event type. */
const EVENT_REFERENCES: Partial<Record<string, readonly [string, ReferenceTarget][]>> = {
  inquirySent: [['inquiryId', 'inquiries']],
  responseReceived: [['inquiryId', 'inquiries']],
  statusChanged: [['inquiryId', 'inquiries']],
  attachmentAdded: [['attachmentId', 'attachments']],
  applicantAnonymised: [['applicantId', 'applicants']],
};

/** Every reference between the records of a file resolves; merges end somewhere. */
function* checkReferences(tables: ExportTables, report: Report): Generator<void> {
  const known = knownIds(tables);
  const t = tables;
  for (let i = 0; i < t.appeals.length; i++) {
    const a = t.appeals[i]!;
    const ref = referencesOf(report, known, 'appeals', i);
    ref('applicantId', 'applicants', a.applicantId);
    ref('coApplicantIds', 'applicants', a.coApplicantIds);
    ref('receptionId', 'receptions', a.receptionId);
    ref('assignee', 'users', a.assignee);
    ref('topic', 'topics', a.topic);
    ref('attachmentIds', 'attachments', a.attachmentIds);
    if (i % SLICE === SLICE - 1) yield;
  }
  for (let i = 0; i < t.events.length; i++) {
    const e = t.events[i]!;
    const ref = referencesOf(report, known, 'events', i);
    ref('appealId', 'appeals', e.appealId);
    for (const [key, target] of EVENT_REFERENCES[e.type] ?? []) {
      ref(`data.${key}`, target, stringField(e.data, key));
    }
    if (e.type === 'merged') {
      // An applicant merged into another (the event is on each of their appeals), or an
      // appeal merged into another.
      for (const key of ['sourceId', 'targetId']) {
        const id = stringField(e.data, key);
        if (id !== undefined && !known.ids.applicants.has(id) && !known.ids.appeals.has(id)) {
          report({
            code: 'dangling_reference',
            table: 'events',
            index: i,
            path: `data.${key}`,
            target: 'applicants',
          });
        }
      }
    }
    if (i % SLICE === SLICE - 1) yield;
  }
  t.inquiries.forEach((q, i) => {
    const ref = referencesOf(report, known, 'inquiries', i);
    ref('appealIds', 'appeals', q.appealIds);
    ref('agencyId', 'agencies', q.agencyId);
    ref('repeatOfId', 'inquiries', q.repeatOfId);
    ref('assignee', 'users', q.assignee);
    ref('response.attachmentIds', 'attachments', q.response?.attachmentIds ?? []);
  });
  t.attachments.forEach((a, i) => {
    const ref = referencesOf(report, known, 'attachments', i);
    ref('appealId', 'appeals', a.appealId);
    ref('inquiryId', 'inquiries', a.inquiryId);
  });
  t.receptions.forEach((r, i) => {
    const ref = referencesOf(report, known, 'receptions', i);
    r.queue.forEach((entry, j) => {
      ref(`queue.${String(j)}.applicantId`, 'applicants', entry.applicantId);
      ref(`queue.${String(j)}.appealId`, 'appeals', entry.appealId);
    });
  });
  t.initiatives.forEach((initiative, i) => {
    referencesOf(
      report,
      known,
      'initiatives',
      i,
    )('relatedAppealIds', 'appeals', initiative.relatedAppealIds);
  });
  checkMerges(tables, known, report);
}

/** A merged applicant points at one that exists, and following the merges ends. */
function checkMerges(tables: ExportTables, known: Known, report: Report): void {
  const into = new Map(tables.applicants.map((a) => [a.id, a.mergedInto]));
  tables.applicants.forEach((applicant, index) => {
    if (applicant.mergedInto === null) return;
    referencesOf(
      report,
      known,
      'applicants',
      index,
    )('mergedInto', 'applicants', applicant.mergedInto);
    const seen = new Set<string>([applicant.id]);
    let next: string | null | undefined = applicant.mergedInto;
    while (next !== null && next !== undefined) {
      if (seen.has(next)) {
        report({ code: 'merge_cycle', index });
        return;
      }
      seen.add(next);
      next = into.get(next);
    }
  });
}

/** Two live applicants with one IIN are one person recorded twice (or a typo). */
function checkIins(tables: ExportTables, report: Report): void {
  const first = new Map<string, number>();
  tables.applicants.forEach((applicant, index) => {
    if (applicant.deletedAt !== null || applicant.iin === null) return;
    const other = first.get(applicant.iin);
    if (other === undefined) first.set(applicant.iin, index);
    else report({ code: 'duplicate_iin', index, other });
  });
}

/** Dates are facts, for every record kind that has them. */
function* checkDates(tables: ExportTables, clock: FactClock, report: Report): Generator<void> {
  const issue =
    (table: ExportTableName, index: number) => (found: { path: string; code: string }) =>
      report({ code: 'invalid_record', table, index, path: found.path, message: found.code });
  const appealsById = new Map(tables.appeals.map((a) => [a.id, a]));
  for (let i = 0; i < tables.appeals.length; i++) {
    checkAppealDates(tables.appeals[i]!, clock).forEach(issue('appeals', i));
    if (i % SLICE === SLICE - 1) yield;
  }
  tables.inquiries.forEach((q, i) => {
    const linked = q.appealIds.flatMap((id) => {
      const appeal = appealsById.get(id);
      return appeal ? [appeal] : [];
    });
    checkInquiryDates(q, clock, linked).forEach(issue('inquiries', i));
  });
  tables.receptions.forEach((r, i) => {
    checkReceptionDates(r, clock).forEach(issue('receptions', i));
  });
  tables.initiatives.forEach((x, i) => {
    checkInitiativeDates(x, clock).forEach(issue('initiatives', i));
  });
  tables.reportPublications.forEach((x, i) => {
    checkPublicationDates(x, clock).forEach(issue('reportPublications', i));
  });
  tables.feedbackRounds.forEach((x, i) => {
    checkFeedbackDates(x, clock).forEach(issue('feedbackRounds', i));
  });
  tables.applicants.forEach((a, i) => {
    checkConsentDate(a.consent, clock).forEach(issue('applicants', i));
  });
  for (let i = 0; i < tables.events.length; i++) {
    checkEventDate(tables.events[i]!, clock).forEach(issue('events', i));
    if (i % SLICE === SLICE - 1) yield;
  }
}

/**
 * The same checks as `checkTablesIntegrity`, pausing (yielding) every few thousand records
 * so an importer can keep its page responsive; problems are pushed onto `problems`.
 */
export function* tablesIntegritySteps(
  tables: ExportTables,
  now: Date,
  problems: IntegrityProblem[],
): Generator<void> {
  const report: Report = (problem) => {
    problems.push(problem);
  };
  yield* checkReferences(tables, report);
  checkIins(tables, report);
  yield* checkDates(tables, factClock(now), report);
}

/**
 * The problems between the records of a file whose every record passed its schema:
 * references, merges, IINs, dates. Empty when the file holds together.
 */
export function checkTablesIntegrity(tables: ExportTables, now: Date): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  for (const _pause of tablesIntegritySteps(tables, now, problems)) {
    // Nothing to do between slices when called synchronously.
  }
  return problems;
}
