import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkCalendar } from '@shared/calendar';
import { labelOf, type AppealStatus } from '@shared/domain';
import { deadlineState, workingDaysLeft, type DeadlineState } from '@shared/workflow/deadlines';
import { useLang } from './useLang';
import { formatDay } from '@shared/format';
import { isDecided } from '@shared/workflow/predicates';

// Badges are memoised: a list (the registry's rows) re-renders on every keystroke of a
// search, and a badge whose appeal kept its status and deadline need not translate again.
export const StatusBadge = memo(function StatusBadge({ status }: { status: AppealStatus }) {
  const lang = useLang();
  return <span className={`status-badge ${status}`}>{labelOf('status', status, lang)}</span>;
});

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
  if (deadline.kind === 'done') {
    return (
      <span className="deadline-badge done" title={formatDay(deadline.due)}>
        {deadline.onTime ? t('common.deadline.decidedOnTime') : t('common.deadline.decidedLate')}
      </span>
    );
  }
  const { state, daysLeft } = deadline;
  const text =
    state === 'due_today'
      ? t('common.deadline.dueToday')
      : state === 'overdue'
        ? t('common.deadline.overdue', { count: Math.max(1, -daysLeft) })
        : t('common.deadline.left', { count: daysLeft });
  return (
    <span className={`deadline-badge ${state}`} title={formatDay(deadline.due)}>
      {text}
    </span>
  );
}, sameDeadline);

export function useDeadlineStateLabel() {
  const { t } = useTranslation();
  return (state: DeadlineState) => t(`common.deadlineState.${state}`);
}
