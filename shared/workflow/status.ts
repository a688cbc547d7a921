/**
 * The status state machine of an appeal (domain.md, "Status state machine"), as pure
 * functions: `registered → in_progress → waiting_agency → decided → closed`, plus reopen.
 * Every accepted transition returns the next appeal and the Event that records it; the
 * caller stores both in one transaction. Inputs are never mutated.
 */

import { isLocalDate, isLocalDateTime, nextVersion } from '../domain/common';
import { INFORM_CHANNELS, NOT_RESOLVED_REASONS, OUTCOMES, WORKFLOW_ACTIONS } from '../domain/enums';
import type {
  AppealStatus,
  InformChannel,
  NotResolvedReason,
  Outcome,
  WorkflowActionType,
} from '../domain/enums';
import { makeEvent } from '../domain/event';
import type { EventOf } from '../domain/event';
import { checkAppealDates, factClock, type FactClock } from '../validation/dates';

export { WORKFLOW_ACTIONS as ACTION_TYPES };
export type ActionType = WorkflowActionType;

interface ActionBase {
  /** Free comment stored on the event. */
  note?: string;
}

export type WorkflowAction =
  | ({ type: 'start' } & ActionBase)
  | ({ type: 'awaitAgency'; inquiryId?: string } & ActionBase)
  | ({ type: 'agencyAnswered'; inquiryId?: string } & ActionBase)
  | ({
      type: 'decide';
      outcome: Outcome;
      outcomeSummary: string;
      /** Required when the outcome is not_resolved; ignored otherwise. */
      notResolvedReason?: NotResolvedReason | null;
      /** 'YYYY-MM-DD' */
      decidedOn: string;
      /** Where the appeal went (agency id or name); required for `forwarded` unless already set. */
      forwardedTo?: string | null;
    } & ActionBase)
  | ({
      type: 'informApplicant';
      /** Local date-time 'YYYY-MM-DDTHH:mm'. */
      informedAt: string;
      via: InformChannel;
    } & ActionBase)
  | ({ type: 'close' } & ActionBase)
  | ({ type: 'reopen'; reason: string } & ActionBase);

export type ActionOf<T extends ActionType> = Extract<WorkflowAction, { type: T }>;

/**
 * Where each action may start and where it leads. `decide` from `registered` covers a
 * consultation given on the spot and appeals left without consideration; `informApplicant`
 * records that the result was reported and keeps the status.
 */
export const TRANSITIONS: Readonly<
  Record<ActionType, { readonly from: readonly AppealStatus[]; readonly to: AppealStatus | null }>
> = {
  start: { from: ['registered'], to: 'in_progress' },
  awaitAgency: { from: ['in_progress'], to: 'waiting_agency' },
  agencyAnswered: { from: ['waiting_agency'], to: 'in_progress' },
  decide: { from: ['registered', 'in_progress', 'waiting_agency'], to: 'decided' },
  informApplicant: { from: ['decided'], to: null },
  close: { from: ['decided'], to: 'closed' },
  reopen: { from: ['closed'], to: 'in_progress' },
};

export const WORKFLOW_ERROR_CODES = [
  'invalid_transition',
  'outcome_required',
  'outcome_summary_required',
  'not_resolved_reason_required',
  'decided_on_required',
  'decided_before_received',
  'date_future_decided',
  'date_early_decided',
  'forwarded_to_required',
  'informed_at_invalid',
  'informed_via_invalid',
  'informed_before_decision',
  'informed_before_received',
  'date_future_informed',
  'date_early_informed',
  'applicant_informed_required',
  'reopen_reason_required',
] as const;
export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

/** The appeal fields the state machine reads and writes. */
export interface WorkflowAppeal {
  id: string;
  status: AppealStatus;
  receivedAt: string;
  outcome: Outcome | null;
  notResolvedReason: NotResolvedReason | null;
  outcomeSummary: string;
  decidedOn: string | null;
  applicantInformedAt: string | null;
  informedVia: InformChannel | null;
  firstContactAt: string | null;
  forwardedTo: string | null;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface TransitionContext {
  /** ISO UTC timestamp of the action. */
  now: string;
  userId: string;
}

export type TransitionEvent = EventOf<'statusChanged'> | EventOf<'applicantInformed'>;

export type TransitionResult<A extends WorkflowAppeal> =
  | { ok: true; appeal: A; event: TransitionEvent }
  | { ok: false; error: { code: WorkflowErrorCode } };

export function canApply(status: AppealStatus, type: ActionType): boolean {
  const transition = (TRANSITIONS as Partial<Record<string, (typeof TRANSITIONS)[ActionType]>>)[
    type
  ];
  return transition !== undefined && transition.from.includes(status);
}

/** The actions whose status precondition holds, in workflow order. */
export function availableActions(appeal: Pick<WorkflowAppeal, 'status'>): ActionType[] {
  return WORKFLOW_ACTIONS.filter((type) => canApply(appeal.status, type));
}

function fail(code: WorkflowErrorCode): { ok: false; error: { code: WorkflowErrorCode } } {
  return { ok: false, error: { code } };
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function includes<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

type Changes = Partial<WorkflowAppeal>;
interface Plan {
  changes: Changes;
  /** Extra data for the event. */
  details: Record<string, unknown>;
}

/**
 * The date rules of shared/validation/dates.ts for the one date an action sets (`field`), as
 * a workflow code (the first problem found), or null when the date is a valid fact.
 */
function dateProblem(
  appeal: WorkflowAppeal,
  field: 'decidedOn' | 'applicantInformedAt',
  dates: { decidedOn?: string | null; applicantInformedAt?: string | null },
  clock: FactClock,
): WorkflowErrorCode | null {
  const issue = checkAppealDates({ receivedAt: appeal.receivedAt, ...dates }, clock).find(
    (found) => found.path === field,
  );
  return issue === undefined ? null : (issue.code as WorkflowErrorCode);
}

/** Payload guards and field changes per action; the status check is done by the caller. */
function plan(
  appeal: WorkflowAppeal,
  action: WorkflowAction,
  clock: FactClock,
): Plan | WorkflowErrorCode {
  switch (action.type) {
    case 'start':
      return { changes: {}, details: {} };
    case 'close':
      if (appeal.applicantInformedAt === null) return 'applicant_informed_required';
      return { changes: {}, details: { outcome: appeal.outcome } };
    case 'awaitAgency':
    case 'agencyAnswered':
      return {
        changes: {},
        details: action.inquiryId === undefined ? {} : { inquiryId: action.inquiryId },
      };
    case 'decide': {
      if (!includes(OUTCOMES, action.outcome)) return 'outcome_required';
      if (!isNonEmpty(action.outcomeSummary)) return 'outcome_summary_required';
      const reason = action.outcome === 'not_resolved' ? (action.notResolvedReason ?? null) : null;
      if (action.outcome === 'not_resolved' && !includes(NOT_RESOLVED_REASONS, reason)) {
        return 'not_resolved_reason_required';
      }
      if (typeof action.decidedOn !== 'string' || !isLocalDate(action.decidedOn)) {
        return 'decided_on_required';
      }
      // Not in the future, not before 2000, not before the day the appeal arrived. A
      // consultation at a Saturday reception is decided before its registration day (the
      // next working day), so the bound is the day it arrived, not registeredOn.
      const dateIssue = dateProblem(appeal, 'decidedOn', { decidedOn: action.decidedOn }, clock);
      if (dateIssue !== null) return dateIssue;
      const forwardedTo =
        action.forwardedTo === undefined ? appeal.forwardedTo : action.forwardedTo?.trim() || null;
      if (action.outcome === 'forwarded' && !isNonEmpty(forwardedTo)) {
        return 'forwarded_to_required';
      }
      const outcomeSummary = action.outcomeSummary.trim();
      return {
        changes: {
          outcome: action.outcome,
          notResolvedReason: reason as NotResolvedReason | null,
          outcomeSummary,
          decidedOn: action.decidedOn,
          forwardedTo,
        },
        details: {
          outcome: action.outcome,
          notResolvedReason: reason,
          decidedOn: action.decidedOn,
          outcomeSummary,
          ...(action.outcome === 'forwarded' ? { forwardedTo } : {}),
        },
      };
    }
    case 'informApplicant': {
      if (typeof action.informedAt !== 'string' || !isLocalDateTime(action.informedAt)) {
        return 'informed_at_invalid';
      }
      if (!includes(INFORM_CHANNELS, action.via)) return 'informed_via_invalid';
      const dateIssue = dateProblem(
        appeal,
        'applicantInformedAt',
        { decidedOn: appeal.decidedOn, applicantInformedAt: action.informedAt },
        clock,
      );
      if (dateIssue !== null) return dateIssue;
      return {
        changes: {
          applicantInformedAt: action.informedAt,
          informedVia: action.via,
          // Reporting the result is a contact too; it counts if nothing earlier was recorded.
          firstContactAt: appeal.firstContactAt ?? action.informedAt,
        },
        details: {},
      };
    }
    case 'reopen': {
      if (!isNonEmpty(action.reason)) return 'reopen_reason_required';
      // The decision no longer holds: clear it so the appeal satisfies the rules of an open
      // appeal, and keep the old values in the event. The outcome summary text stays as a
      // starting point for the next decision.
      return {
        changes: {
          outcome: null,
          notResolvedReason: null,
          decidedOn: null,
          applicantInformedAt: null,
          informedVia: null,
        },
        details: {
          reason: action.reason.trim(),
          previous: {
            outcome: appeal.outcome,
            notResolvedReason: appeal.notResolvedReason,
            decidedOn: appeal.decidedOn,
            outcomeSummary: appeal.outcomeSummary,
            applicantInformedAt: appeal.applicantInformedAt,
            informedVia: appeal.informedVia,
          },
        },
      };
    }
  }
}

/**
 * Applies an action. On success the returned appeal is the next stored state (updatedAt,
 * updatedBy and version already advanced) and the event records the change.
 */
export function applyTransition<A extends WorkflowAppeal>(
  appeal: A,
  action: WorkflowAction,
  ctx: TransitionContext,
): TransitionResult<A> {
  if (!canApply(appeal.status, action.type)) return fail('invalid_transition');
  const planned = plan(appeal, action, factClock(new Date(ctx.now)));
  if (typeof planned === 'string') return fail(planned);

  const to = TRANSITIONS[action.type].to;
  const next: A = nextVersion(
    appeal,
    { ...planned.changes, status: to ?? appeal.status } as Partial<A>,
    ctx.now,
    ctx.userId,
  );
  const note = action.note?.trim() || (action.type === 'reopen' ? action.reason.trim() : '');

  if (action.type === 'informApplicant') {
    const event = makeEvent({
      appealId: appeal.id,
      type: 'applicantInformed',
      data: { informedAt: action.informedAt, via: action.via },
      now: ctx.now,
      userId: ctx.userId,
      note,
    });
    return { ok: true, appeal: next, event };
  }
  const event = makeEvent({
    appealId: appeal.id,
    type: 'statusChanged',
    data: { from: appeal.status, to: next.status, action: action.type, ...planned.details },
    now: ctx.now,
    userId: ctx.userId,
    note,
  });
  return { ok: true, appeal: next, event };
}
