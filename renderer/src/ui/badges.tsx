import { memo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { WorkCalendar } from '@shared/calendar';
import { labelOf, type AppealStatus } from '@shared/domain';
import { deadlineState, workingDaysLeft, type DeadlineState } from '@shared/workflow/deadlines';
import { useLang } from './useLang';
import type { Lang } from '@shared/i18n/lang';
import { formatDay } from '@shared/format';
import { isDecided } from '@shared/workflow/predicates';

// Badges are memoised: a list (the registry's rows) re-renders on every keystroke of a
// search, and a badge whose appeal kept its status and deadline need not translate again.
export const StatusBadge = memo(function StatusBadge({ status }: { status: AppealStatus }) {
  return statusBadge(status, useLang());
});

/** The status badge itself, for lists that know the language (no hook per row). */
export function statusBadge(status: AppealStatus, lang: Lang): ReactElement {
  return <span className={`status-badge ${status}`}>{labelOf('status', status, lang)}</span>;
}

export type AppealDeadline =
  | { kind: 'open'; state: DeadlineState; daysLeft: number; due: string }
  | { kind: 'done'; onTime: boolean; due: string; decidedOn: string };

/** Where an appeal stands against its decision deadline today. */
export function appealDeadline(
  cal: WorkCalendar,
  today: string,
  appeal: { status: AppealStatus; decideBy: string; decidedOn: string | null },
): AppealDeadline {
  if (isDecided(appeal) && appeal.decidedOn) {
    return {
      kind: 'done',
      onTime: appeal.decidedOn <= appeal.decideBy,
      due: appeal.decideBy,
      decidedOn: appeal.decidedOn,
    };
  }
  return {
    kind: 'open',
    state: deadlineState(cal, today, appeal.decideBy),
    daysLeft: workingDaysLeft(cal, today, appeal.decideBy),
    due: appeal.decideBy,
  };
}

const sameDeadline = (a: { deadline: AppealDeadline }, b: { deadline: AppealDeadline }) =>
  (Object.keys(a.deadline) as (keyof AppealDeadline)[]).every(
    (key) => a.deadline[key] === b.deadline[key],
  ) && a.deadline.kind === b.deadline.kind;

export const DeadlineBadge = memo(function DeadlineBadge({
  deadline,
}: {
  deadline: AppealDeadline;
}) {
  const { t } = useTranslation();
  return deadlineBadge(deadline, deadlineText(t, deadline));
}, sameDeadline);

/** The words of a deadline badge. */
export function deadlineText(t: TFunction, deadline: AppealDeadline): string {
  if (deadline.kind === 'done') {
    return deadline.onTime ? t('common.deadline.decidedOnTime') : t('common.deadline.decidedLate');
  }
  const { state, daysLeft } = deadline;
  return state === 'due_today'
    ? t('common.deadline.dueToday')
    : state === 'overdue'
      ? t('common.deadline.overdue', { count: Math.max(1, -daysLeft) })
      : t('common.deadline.left', { count: daysLeft });
}

/**
 * The deadline badge with its words given (`deadlineText`), for lists that translate once
 * for many rows (no hook per row).
 */
export function deadlineBadge(deadline: AppealDeadline, text: string): ReactElement {
  return (
    <span
      className={`deadline-badge ${deadline.kind === 'done' ? 'done' : deadline.state}`}
      title={formatDay(deadline.due)}
    >
      {text}
    </span>
  );
}

export function useDeadlineStateLabel() {
  const { t } = useTranslation();
  return (state: DeadlineState) => t(`common.deadlineState.${state}`);
}
