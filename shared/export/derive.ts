/**
 * Derived data is recomputed, never read: deadlines by the file's own settings and calendar,
 * and the number counters from the numbers actually used (see ./integrity.ts).
 */
import { createKzCalendar } from '../calendar';
import {
  counterId,
  defaultSettingsData,
  MAX_REG_SEQUENCE,
  parseRegNo,
  toCalendarOverrides,
} from '../domain';
import { computeDeadlines, DeadlineError } from '../workflow/deadlines';
import { parseInquiryNo } from '../workflow/inquiries';
import { SLICE, type IntegrityProblem } from './integrity';
import type { ExportTables } from './schema';

export interface DerivedTables {
  tables: ExportTables;
  /** An extension beyond the legal cap under the file's own rules. */
  problems: IntegrityProblem[];
}

/**
 * `deriveTables` in slices: yields every few thousand appeals, returns the result.
 */
export function* deriveSteps(tables: ExportTables): Generator<void, DerivedTables> {
  const problems: IntegrityProblem[] = [];
  const settings = tables.settings[0] ?? defaultSettingsData();
  const calendar = createKzCalendar(toCalendarOverrides(settings.calendar));
  const appeals: ExportTables['appeals'] = [];
  for (let index = 0; index < tables.appeals.length; index++) {
    const appeal = tables.appeals[index]!;
    let deadlines: { decideBy: string; acknowledgeBy: string } = appeal;
    try {
      deadlines = computeDeadlines(calendar, appeal, settings.deadlines);
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      problems.push({
        code: 'invalid_record',
        table: 'appeals',
        index,
        path: 'extendedTo',
        message: error.code,
      });
    }
    appeals.push({
      ...appeal,
      decideBy: deadlines.decideBy,
      acknowledgeBy: deadlines.acknowledgeBy,
    });
    if (index % SLICE === SLICE - 1) yield;
  }
  const { applicants, agencies } = tables;
  yield;

  const counters = new Map<string, number>();
  const raise = (id: string, value: number) => {
    counters.set(id, Math.max(counters.get(id) ?? 0, value));
  };
  for (const appeal of appeals) {
    const reg = parseRegNo(appeal.regNo);
    if (reg) raise(counterId('appeal', reg.year), reg.sequence);
  }
  for (const inquiry of tables.inquiries) {
    const no = inquiry.outgoingNo === null ? null : parseInquiryNo(inquiry.outgoingNo);
    if (no && no.sequence <= MAX_REG_SEQUENCE) raise(counterId('inquiry', no.year), no.sequence);
  }
  const recomputed = /^(?:appeal|inquiry):/;
  const kept = tables.counters.filter((c) => !recomputed.test(c.id));
  const sorted = [...counters].sort(([a], [b]) => a.localeCompare(b));
  return {
    tables: {
      ...tables,
      appeals,
      applicants,
      agencies,
      counters: [...kept, ...sorted.map(([id, value]) => ({ id, value }))],
    },
    problems,
  };
}

/**
 * The tables with everything derived recomputed from the facts: appeals' deadlines (by the
 * file's settings: calendar corrections, deadline rules; the app's defaults without them)
 * and search words, applicants' and agencies' search words, and the appeal and inquiry
 * number counters from the numbers the records actually carry (other counters pass
 * through). Deadlines follow the settings in the file, so an office that changed its
 * deadline rules sees its older appeals' deadlines by the current rules after an import.
 */
export function deriveTables(tables: ExportTables): DerivedTables {
  const steps = deriveSteps(tables);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
