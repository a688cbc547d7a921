/**
 * Correcting a decision that was recorded wrongly (a mistyped date, the wrong outcome): the
 * registry is an official record, so the decision is not edited in place like a subject
 * line. A correction is its own act, with a reason, and the history keeps what it said
 * before.
 *
 * What may change: the decision date, the outcome, the reason category of a «not resolved»
 * outcome, the summary of what was done, and where a forwarded appeal went. Nothing else:
 * the status stays (a decided appeal stays decided, a closed one closed), and so do the
 * registration, deadlines and the date the applicant was informed. The corrected decision
 * obeys the same rules as a new one: a real outcome with its summary, the reason category
 * for «not resolved», the body for «forwarded», and the decision date is a fact — not in the
 * future, not before 2000, not before the appeal arrived, and not after the applicant was
 * told the result.
 *
 * The history records one `fieldChanged` event: `changes` lists each changed field with its
 * old and new value (as every edit does), `correction: 'decision'` marks it as a correction
 * of the decision, `reason` says why, and the event's note repeats the reason for the
 * history view. (A new event type would make older apps refuse newer exports; this shape
 * reads everywhere.)
 */

import { isLocalDate, nextVersion } from '../domain/common';
import { NOT_RESOLVED_REASONS, OUTCOMES } from '../domain/enums';
import type { NotResolvedReason, Outcome } from '../domain/enums';
import { makeEvent, type EventOf } from '../domain/event';
import { checkAppealDates, factClock } from '../validation/dates';
import type { DateRuleCode } from '../validation/dates';
import type { TransitionContext, WorkflowAppeal } from './status';

export const CORRECTABLE_DECISION_FIELDS = [
  'decidedOn',
  'outcome',
  'notResolvedReason',
  'outcomeSummary',
  'forwardedTo',
] as const satisfies readonly (keyof WorkflowAppeal)[];
export type CorrectableDecisionField = (typeof CORRECTABLE_DECISION_FIELDS)[number];

export interface DecisionCorrection {
  decidedOn?: string;
  outcome?: Outcome;
  notResolvedReason?: NotResolvedReason | null;
  outcomeSummary?: string;
  forwardedTo?: string | null;
  /** Why the recorded decision is corrected (required; kept in the history). */
  reason: string;
}

export const CORRECTION_ERROR_CODES = [
  'correction_not_decided',
  'correction_reason_required',
  'correction_no_change',
  'outcome_required',
  'outcome_summary_required',
  'not_resolved_reason_required',
  'decided_on_required',
  'forwarded_to_required',
] as const;
export type CorrectionErrorCode = (typeof CORRECTION_ERROR_CODES)[number] | DateRuleCode;

export interface CorrectionIssue {
  /** The field of the correction form to highlight ('' for the whole correction). */
  path: CorrectableDecisionField | 'reason' | '';
  code: CorrectionErrorCode;
}

export type CorrectionResult<A extends WorkflowAppeal> =
  | { ok: true; appeal: A; event: EventOf<'fieldChanged'> }
  | { ok: false; issues: CorrectionIssue[] };

function includes<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** The decided values after the correction, or the problems with them. */
function corrected(
  appeal: WorkflowAppeal,
  correction: DecisionCorrection,
  now: Date,
): Pick<WorkflowAppeal, CorrectableDecisionField> | CorrectionIssue[] {
  const issues: CorrectionIssue[] = [];
  const outcome = correction.outcome ?? appeal.outcome;
  if (!includes(OUTCOMES, outcome)) issues.push({ path: 'outcome', code: 'outcome_required' });
  const notResolvedReason =
    outcome === 'not_resolved'
      ? correction.notResolvedReason === undefined
        ? appeal.notResolvedReason
        : correction.notResolvedReason
      : null;
  if (outcome === 'not_resolved' && !includes(NOT_RESOLVED_REASONS, notResolvedReason)) {
    issues.push({ path: 'notResolvedReason', code: 'not_resolved_reason_required' });
  }
  const outcomeSummary = (correction.outcomeSummary ?? appeal.outcomeSummary).trim();
  if (outcomeSummary === '') {
    issues.push({ path: 'outcomeSummary', code: 'outcome_summary_required' });
  }
  const forwardedTo =
    correction.forwardedTo === undefined
      ? appeal.forwardedTo
      : correction.forwardedTo?.trim() || null;
  if (outcome === 'forwarded' && forwardedTo === null) {
    issues.push({ path: 'forwardedTo', code: 'forwarded_to_required' });
  }
  const decidedOn = correction.decidedOn ?? appeal.decidedOn;
  if (typeof decidedOn !== 'string' || !isLocalDate(decidedOn)) {
    issues.push({ path: 'decidedOn', code: 'decided_on_required' });
  } else {
    for (const issue of checkAppealDates(
      {
        receivedAt: appeal.receivedAt,
        decidedOn,
        applicantInformedAt: appeal.applicantInformedAt,
      },
      factClock(now),
    )) {
      // A decision moved after the day the applicant was told it is the decision's fault.
      if (issue.path === 'decidedOn' || issue.code === 'informed_before_decision') {
        issues.push({ path: 'decidedOn', code: issue.code });
      }
    }
  }
  if (issues.length > 0) return issues;
  return {
    decidedOn: decidedOn as string,
    outcome: outcome as Outcome,
    notResolvedReason: notResolvedReason as NotResolvedReason | null,
    outcomeSummary,
    forwardedTo,
  };
}

/**
 * Corrects the recorded decision of a decided or closed appeal. On success the returned
 * appeal is the next stored state (updatedAt, updatedBy and version advanced, status
 * unchanged) and the event records the correction; the caller stores both in one
 * transaction. Inputs are never mutated.
 */
export function correctDecision<A extends WorkflowAppeal>(
  appeal: A,
  correction: DecisionCorrection,
  ctx: TransitionContext,
): CorrectionResult<A> {
  if (appeal.status !== 'decided' && appeal.status !== 'closed') {
    return { ok: false, issues: [{ path: '', code: 'correction_not_decided' }] };
  }
  const reason = typeof correction.reason === 'string' ? correction.reason.trim() : '';
  const values = corrected(appeal, correction, new Date(ctx.now));
  const issues = Array.isArray(values) ? [...values] : [];
  if (reason === '') issues.unshift({ path: 'reason', code: 'correction_reason_required' });
  if (issues.length > 0 || Array.isArray(values)) return { ok: false, issues };

  const changes = CORRECTABLE_DECISION_FIELDS.filter(
    (field) => appeal[field] !== values[field],
  ).map((field) => ({ field, from: appeal[field], to: values[field] }));
  if (changes.length === 0) {
    return { ok: false, issues: [{ path: '', code: 'correction_no_change' }] };
  }
  const next: A = nextVersion(appeal, values as Partial<A>, ctx.now, ctx.userId);
  const event = makeEvent({
    appealId: appeal.id,
    type: 'fieldChanged',
    data: { changes, correction: 'decision', reason },
    now: ctx.now,
    userId: ctx.userId,
    note: reason,
  });
  return { ok: true, appeal: next, event };
}
